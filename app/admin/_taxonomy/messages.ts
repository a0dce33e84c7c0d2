import type { TaxonomyReference } from "@/db/queries/admin/taxonomy";
import type { Reference } from "@/lib/admin-state";

/** "Film: La dolce vita (1960)", "Person: Federico Fellini (born 1920)", linking to its admin page. */
export function taxonomyReference(use: TaxonomyReference): Reference & { href: string } {
  return use.kind === "movie"
    ? { label: `Film: ${use.name}${use.year ? ` (${use.year})` : ""}`, href: `/admin/movies/${use.id}` }
    : { label: `Person: ${use.name}${use.year ? ` (born ${use.year})` : ""}`, href: `/admin/people/${use.id}` };
}
