/**
 * The person forms of the admin (server truth in app/admin/people/actions.ts, hints in the form) and the query
 * parameters of /admin/people. FormData values are strings: ids and dates are parsed here, "" means "none".
 */
import { z } from "zod";
import { parseId } from "@/lib/ids";
import { idField, idListField, optionalIdField } from "@/lib/validation/ids";
import { cleanSearch, parsePage } from "./list-params";
import { versionField } from "./version";

export const PERSON_LIMITS = { first_name: 100, last_name: 100, biography: 10_000, gallery_batch: 30 } as const;
export const GENDERS = ["female", "male", "non-binary"] as const;
export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = { female: "Female", male: "Male", "non-binary": "Non-binary" };
/** The earliest date of birth the catalogue accepts (silent films' actors were born in the 1850s). */
export const EARLIEST_DATE = "1800-01-01";

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** "" and absent are the same: nothing chosen. */
const blankToNull = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v);

/** A one-line name: required, trimmed, no control characters. */
export const requiredLine = (max: number, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `Use at most ${max} characters.`)
    .refine((v) => !/[\r\n\t]/.test(v) && !CONTROL_CHARACTERS.test(v), "Remove the line breaks and control characters.");

/** Optional free text (several lines allowed): trimmed, "" → null. */
export const optionalText = (max: number) =>
  z.preprocess(
    blankToNull,
    z
      .string({ error: "This must be text." })
      .trim()
      .max(max, `Use at most ${max.toLocaleString("en-US")} characters.`)
      .refine((v) => !CONTROL_CHARACTERS.test(v), "Remove the control characters.")
      .nullable(),
  );

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A calendar date from an <input type="date"> (YYYY-MM-DD), not in the future, or null. */
const optionalDate = (what: string) =>
  z.preprocess(
    blankToNull,
    z
      .string({ error: `Enter the ${what} as a date.` })
      .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${what} as a date (YYYY-MM-DD).`)
      .refine((v) => {
        const d = new Date(`${v}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
      }, `This ${what} does not exist in the calendar.`)
      .refine((v) => v >= EARLIEST_DATE, `Enter a ${what} after 1800.`)
      .refine((v) => v <= today(), `The ${what} cannot be in the future.`)
      .nullable(),
  );

export const personFields = {
  first_name: requiredLine(PERSON_LIMITS.first_name, "Enter the first name (or the only name)."),
  // Mononymous people ("Bono") have no last name: the column stores "".
  last_name: z.preprocess((v) => v ?? "", z.string({ error: "This must be text." }).trim().max(PERSON_LIMITS.last_name, `Use at most ${PERSON_LIMITS.last_name} characters.`))
    .refine((v) => !/[\r\n\t]/.test(v) && !CONTROL_CHARACTERS.test(v), "Remove the line breaks and control characters."),
  biography: optionalText(PERSON_LIMITS.biography),
  gender: z.preprocess(blankToNull, z.enum(GENDERS, { error: "Choose one of the listed genders, or leave it unknown." }).nullable()),
  date_of_birth: optionalDate("date of birth"),
  date_of_death: optionalDate("date of death"),
  country_id: optionalIdField("Choose a country from the list."),
  main_photo_id: optionalIdField("Upload the main photo again."),
};

type PersonDates = { date_of_birth: string | null; date_of_death: string | null };

function deathAfterBirth(value: PersonDates, ctx: z.RefinementCtx) {
  if (value.date_of_birth && value.date_of_death && value.date_of_death < value.date_of_birth) {
    ctx.addIssue({ code: "custom", path: ["date_of_death"], message: "The date of death is before the date of birth." });
  }
}

export const personCreateSchema = z.object(personFields).superRefine(deathAfterBirth);
export type PersonInput = z.infer<typeof personCreateSchema>;

export const personUpdateSchema = z
  .object({ ...personFields, id: idField("This person could not be found."), version: versionField })
  .superRefine(deathAfterBirth);

export const personDeleteSchema = z.object({
  id: idField("This person could not be found."),
  confirm: z.preprocess(blankToNull, z.literal("yes").nullable()).catch(null),
});

export const galleryAddSchema = z.object({
  person_id: idField("This person could not be found."),
  file_ids: idListField("Upload the photos again.", PERSON_LIMITS.gallery_batch, `Add at most ${PERSON_LIMITS.gallery_batch} photos at a time.`).refine(
    (ids) => ids.length > 0,
    "Choose one or more photos to add, and wait until they are uploaded.",
  ),
});

export const galleryPhotoSchema = z.object({
  person_id: idField("This person could not be found."),
  file_id: idField("This photo is not in the gallery."),
});

// ---------------------------------------------------------------------------------------------------------------
// /admin/people query parameters: never throw; bad values fall back to the defaults.
// ---------------------------------------------------------------------------------------------------------------

export const ADMIN_PEOPLE_SORTS = ["name", "born", "born-desc", "updated"] as const;
export type AdminPeopleSort = (typeof ADMIN_PEOPLE_SORTS)[number];
export const ADMIN_PEOPLE_SORT_LABELS: Record<AdminPeopleSort, string> = {
  name: "Name, A–Z",
  born: "Born, oldest first",
  "born-desc": "Born, youngest first",
  updated: "Recently edited",
};
export const ADMIN_PEOPLE_MISSING = ["photo", "birth"] as const;
export type AdminPeopleMissing = (typeof ADMIN_PEOPLE_MISSING)[number];
export const ADMIN_PEOPLE_ROLES = ["directors", "actors"] as const;
export type AdminPeopleRole = (typeof ADMIN_PEOPLE_ROLES)[number];

export type AdminPeopleParams = {
  q: string;
  country: number | null;
  missing: AdminPeopleMissing | null;
  role: AdminPeopleRole | null;
  sort: AdminPeopleSort;
  page: number;
};

type SearchParams = Record<string, string | string[] | undefined>;

export const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);


export function parseAdminPeopleParams(params: SearchParams): AdminPeopleParams {
  const pick = <T extends string>(values: readonly T[], v: string | undefined): T | null => (values as readonly string[]).includes(v ?? "") ? (v as T) : null;
  return {
    q: cleanSearch(first(params.q), 100),
    country: parseId(first(params.country)),
    missing: pick(ADMIN_PEOPLE_MISSING, first(params.missing)),
    role: pick(ADMIN_PEOPLE_ROLES, first(params.role)),
    sort: pick(ADMIN_PEOPLE_SORTS, first(params.sort)) ?? "name",
    page: parsePage(first(params.page)),
  };
}

export function adminPeopleHref(p: Partial<AdminPeopleParams>): string {
  const s = new URLSearchParams();
  if (p.q) s.set("q", p.q);
  if (p.country) s.set("country", String(p.country));
  if (p.missing) s.set("missing", p.missing);
  if (p.role) s.set("role", p.role);
  if (p.sort && p.sort !== "name") s.set("sort", p.sort);
  if (p.page && p.page > 1) s.set("page", String(p.page));
  const qs = s.toString();
  return qs ? `/admin/people?${qs}` : "/admin/people";
}

