import type { Metadata } from "next";
import { TaxonomyList } from "@/components/admin/taxonomy-list";
import { listTaxonomy } from "@/db/queries/admin/taxonomy";
import { requireEditor } from "@/lib/session";
import { cleanSearch } from "@/lib/validation/admin/list-params";
import { parseTaxonomyFilters } from "@/lib/validation/admin/taxonomy";

export const metadata: Metadata = { title: "Genres" };

export default async function AdminGenresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireEditor();
  const params = await searchParams;
  const filters = parseTaxonomyFilters("genre", params);
  const data = await listTaxonomy("genre", filters);
  const deleted = cleanSearch(typeof params.deleted === "string" ? params.deleted : undefined, 100);
  return <TaxonomyList kind="genre" filters={filters} data={data} deleted={deleted || undefined} />;
}
