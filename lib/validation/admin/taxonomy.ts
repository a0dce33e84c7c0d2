/**
 * Genres and countries in the admin: the forms (create, rename with the loaded version, delete, merge) and the
 * list's URL parameters. The same schemas give the forms their hints (required, maxLength).
 */
import { z } from "zod";
import { idField } from "@/lib/validation/ids";
import { cleanSearch, parsePage, single, type ListParams } from "./list-params";
import { versionField } from "./version";

export const TAXONOMY_KINDS = ["genre", "country"] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

export const TAXONOMY_PAGE_SIZE = 50;
export const TAXONOMY_QUERY_MAX_LENGTH = 100;

/** Words and limits per kind; name lengths are the columns' (genres.name varchar(64), countries.name varchar(100)). */
export const TAXONOMY: Record<TaxonomyKind, { one: string; many: string; title: string; titlePlural: string; path: string; nameMax: number; hasPeople: boolean }> = {
  genre: { one: "genre", many: "genres", title: "Genre", titlePlural: "Genres", path: "/admin/genres", nameMax: 64, hasPeople: false },
  country: { one: "country", many: "countries", title: "Country", titlePlural: "Countries", path: "/admin/countries", nameMax: 100, hasPeople: true },
};

export const TAXONOMY_SORTS = ["name", "name-desc", "films-desc", "films", "people-desc", "updated-desc"] as const;
export type TaxonomySort = (typeof TAXONOMY_SORTS)[number];
export const TAXONOMY_SORT_LABELS: Record<TaxonomySort, string> = {
  name: "Name, A–Z",
  "name-desc": "Name, Z–A",
  "films-desc": "Most films",
  films: "Fewest films",
  "people-desc": "Most people",
  "updated-desc": "Recently edited",
};

/** The sorts a kind offers (genres have no people). */
export function sortsFor(kind: TaxonomyKind): TaxonomySort[] {
  return TAXONOMY_SORTS.filter((s) => s !== "people-desc" || TAXONOMY[kind].hasPeople);
}

export type TaxonomyFilters = { q: string; sort: TaxonomySort; page: number };

type Params = ListParams;




/** Anything may arrive in a URL: bad values fall back to the defaults, never an error. */
export function parseTaxonomyFilters(kind: TaxonomyKind, params: Params): TaxonomyFilters {
  const sort = single(params.sort);
  return {
    q: cleanSearch(single(params.q), TAXONOMY_QUERY_MAX_LENGTH),
    sort: sort && (sortsFor(kind) as string[]).includes(sort) ? (sort as TaxonomySort) : "name",
    page: parsePage(params.page),
  };
}


function nameField(kind: TaxonomyKind) {
  const { one, nameMax } = TAXONOMY[kind];
  return z
    .string({ error: `Enter the ${one}'s name.` })
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, `Enter the ${one}'s name.`)
        .refine((v) => [...v].length <= nameMax, `Use at most ${nameMax} characters.`)
        .refine((v) => !/[\u0000-\u001f\u007f\ufffd]/.test(v), "Remove the control characters."),
    );
}

/** The schemas of one kind's actions. */
export function taxonomySchemas(kind: TaxonomyKind) {
  const notFound = `This ${TAXONOMY[kind].one} could not be found.`;
  const id = idField(notFound);
  return {
    create: z.object({ name: nameField(kind) }),
    update: z.object({ id, name: nameField(kind), version: versionField }),
    delete: z.object({ id }),
    merge: z.object({
      id,
      target_id: idField(`Choose the ${TAXONOMY[kind].one} to merge into.`),
      /** "yes" once the editor has confirmed what will move. */
      confirm: z.literal("yes").optional().catch(undefined),
    }),
  };
}
