import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { searchTerms } from "@/lib/validation/people-filters";
import type { AdminPeopleParams, AdminPeopleSort, PersonInput } from "@/lib/validation/admin/person";
import { db } from "../../index";
import { escapeLike } from "../sql-fragments";
import { checkImageFiles, intArray, removeOrphanFiles, type Executor, type OrphanFile } from "./people-files";

export { type OrphanFile };

/** Rows per admin list page. */
export const ADMIN_PAGE_SIZE = 50;
/**
 * A list stops at this many rows for one search/filter (200 pages): deep pages stay cheap, and so do counts of
 * broad costly filters (a search, directors/actors), which read "10,000+". Plain and index-backed filters are
 * counted exactly.
 */
export const ADMIN_LIST_CAP = 10_000;

// ---------------------------------------------------------------------------------------------------------------
// /admin/people
// ---------------------------------------------------------------------------------------------------------------

export type AdminPersonRow = {
  id: number;
  name: string;
  photoUrl: string | null;
  birthDate: string | null;
  deathDate: string | null;
  countryName: string | null;
  directedCount: number;
  rolesCount: number;
  updatedAt: string;
};

export type AdminPeoplePage = { rows: AdminPersonRow[]; total: number; totalIsCapped: boolean; page: number; pageCount: number };

/** Same expression as the trigram index person_name_trgm_idx, so the planner can use it. */
const searchKey = sql.raw(`marquee_search_key(p.first_name || ' ' || p.last_name)`);

/**
 * A search word in a name key (see marquee_search_key): anywhere in it from 3 characters on, else at the start of
 * a word ("jo" finds John and Jones, not Pirjo). Both forms have trigrams, so the GIN trigram index answers; a
 * 1-2 character substring has none and would read every row.
 */
export function nameMatches(key: SQL, term: string): SQL {
  const word = sql`marquee_search_key(${escapeLike(term)})`;
  if ([...term].length >= 3) return sql`${key} like '%' || ${word} || '%'`;
  return sql`(${key} like ${word} || '%' or ${key} like '% ' || ${word} || '%')`;
}

function peopleWhere({ q, country, missing, role }: AdminPeopleParams): SQL {
  const conditions: SQL[] = [sql`true`];
  // Each word anywhere in the unaccented, lower-cased full name ("coppola francis", "almodovar" → Almodóvar).
  for (const term of searchTerms(q)) conditions.push(nameMatches(searchKey, term));
  if (country) conditions.push(sql`p.country_id = ${country}`);
  if (missing === "photo") conditions.push(sql`p.main_photo_id is null`);
  if (missing === "birth") conditions.push(sql`p.date_of_birth is null`);
  if (role === "actors") conditions.push(sql`exists (select 1 from character_actors ca where ca.person_id = p.id)`);
  if (role === "directors") conditions.push(sql`exists (select 1 from movie m where m.director_id = p.id)`);
  return sql.join(conditions, sql` and `);
}

type Branch = { where: SQL; keys: SQL; order: SQL };

/**
 * How each sort walks an index in order and stops after offset + limit rows (the "dense" plan): by name, people
 * with a last name by person_name_idx and mononymous people ("Bono") by first name, merged; youngest first, people
 * with a birth date by person_date_of_birth_idx backwards, then those without one. `few` orders the same rows
 * when the matches were collected first.
 */
function sortPlan(sort: AdminPeopleSort): { branches: Branch[]; outer: SQL; few: SQL } {
  switch (sort) {
    case "name":
      return {
        branches: [
          { where: sql`p.last_name <> ''`, keys: sql`p.last_name as k1, p.first_name as k2`, order: sql`p.last_name, p.first_name, p.id` },
          { where: sql`p.last_name = ''`, keys: sql`p.first_name as k1, p.last_name as k2`, order: sql`p.first_name, p.id` },
        ],
        outer: sql`k1, k2, id`,
        few: sql`case when p.last_name = '' then p.first_name else p.last_name end, p.first_name, p.id`,
      };
    case "born":
      return {
        branches: [{ where: sql`true`, keys: sql`p.date_of_birth as d`, order: sql`p.date_of_birth asc nulls last, p.id` }],
        outer: sql`d asc nulls last, id`,
        few: sql`p.date_of_birth asc nulls last, p.id`,
      };
    case "born-desc":
      return {
        branches: [
          { where: sql`p.date_of_birth is not null`, keys: sql`0 as grp, p.date_of_birth as d`, order: sql`p.date_of_birth desc, p.id desc` },
          { where: sql`p.date_of_birth is null`, keys: sql`1 as grp, null::date as d`, order: sql`p.id desc` },
        ],
        outer: sql`grp, d desc, id desc`,
        few: sql`p.date_of_birth desc nulls last, p.id desc`,
      };
    case "updated":
      return {
        branches: [{ where: sql`true`, keys: sql`p.updated_at as u`, order: sql`p.updated_at desc, p.id desc` }],
        outer: sql`u desc, id desc`,
        few: sql`p.updated_at desc, p.id desc`,
      };
  }
}

const rowFields = sql`
  p.id,
  trim(p.first_name || ' ' || p.last_name) as name,
  f.file_url as "photoUrl",
  p.date_of_birth::text as "birthDate",
  p.date_of_death::text as "deathDate",
  c.name as "countryName",
  (select count(*) from movie m where m.director_id = p.id)::int as "directedCount",
  (select count(*) from character_actors ca where ca.person_id = p.id)::int as "rolesCount",
  to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"`;

/**
 * One page of the admin people list and its total: two statements. Searches and role filters are counted up to
 * the cap; when fewer than the cap match, the matches are collected first (trigram, country or foreign-key
 * indexes) and sorted, otherwise the sort's index is walked (matches are dense then).
 */
export async function listAdminPeople(params: AdminPeopleParams): Promise<AdminPeoplePage> {
  const where = peopleWhere(params);
  const costly = params.q !== "" || params.role !== null;
  const filtered = costly || params.country !== null || params.missing !== null;
  const [{ total: counted }] = costly
    ? await db.execute<{ total: number }>(sql`select count(*)::int as total from (select 1 from person p where ${where} limit ${ADMIN_LIST_CAP + 1}) matches`)
    : await db.execute<{ total: number }>(sql`select count(*)::int as total from person p where ${where}`);
  const totalIsCapped = costly && counted > ADMIN_LIST_CAP;
  const total = totalIsCapped ? ADMIN_LIST_CAP : counted;
  const pageCount = Math.max(1, Math.ceil(Math.min(total, ADMIN_LIST_CAP) / ADMIN_PAGE_SIZE));
  const page = Math.min(params.page, pageCount);
  if (total === 0) return { rows: [], total, totalIsCapped, page, pageCount };

  const offset = (page - 1) * ADMIN_PAGE_SIZE;
  const plan = sortPlan(params.sort);
  let rows: AdminPersonRow[];
  if (filtered && counted <= ADMIN_LIST_CAP) {
    rows = await db.execute<AdminPersonRow>(sql`
      with matches as materialized (
             select p.id, p.first_name, p.last_name, p.date_of_birth, p.updated_at from person p where ${where} limit ${ADMIN_LIST_CAP + 1}),
           page as (select p.id, row_number() over (order by ${plan.few}) as pos
                    from matches p order by ${plan.few} offset ${offset} limit ${ADMIN_PAGE_SIZE})
      select ${rowFields}
      from page join person p on p.id = page.id
      left join countries c on c.id = p.country_id
      left join file_ f on f.id = p.main_photo_id
      order by page.pos`);
  } else {
    const branches = plan.branches.map(
      (b) => sql`(select p.id, ${b.keys} from person p where ${where} and ${b.where} order by ${b.order} limit ${offset + ADMIN_PAGE_SIZE})`,
    );
    rows = await db.execute<AdminPersonRow>(sql`
      with merged as (${sql.join(branches, sql` union all `)}),
           page as (select id, row_number() over (order by ${plan.outer}) as pos from merged order by pos offset ${offset} limit ${ADMIN_PAGE_SIZE})
      select ${rowFields}
      from page join person p on p.id = page.id
      left join countries c on c.id = p.country_id
      left join file_ f on f.id = p.main_photo_id
      order by page.pos`);
  }
  return { rows, total, totalIsCapped, page, pageCount };
}

export type CountryOption = { id: number; name: string };

/** Every country, for the list's filter (a small table; bounded anyway). */
export async function getCountryOptions(): Promise<CountryOption[]> {
  return db.execute<CountryOption>(sql`select id, name from countries order by name limit 1000`);
}

// ---------------------------------------------------------------------------------------------------------------
// /admin/people/[id]
// ---------------------------------------------------------------------------------------------------------------

export type PhotoRef = { id: number; url: string; file_name: string };

export type PersonForEdit = {
  id: number;
  name: string;
  first_name: string;
  last_name: string;
  biography: string | null;
  gender: string | null;
  date_of_birth: string | null;
  date_of_death: string | null;
  country: { id: number; label: string } | null;
  mainPhoto: PhotoRef | null;
  /** person_photos, oldest first (at most GALLERY_ADMIN_LIMIT). */
  gallery: PhotoRef[];
  galleryCount: number;
  directedCount: number;
  rolesCount: number;
  version: string;
  updatedAt: string;
};

export const GALLERY_ADMIN_LIMIT = 200;

/** The person as the edit form needs it, with its version, country, main photo and gallery: one statement. */
export async function getPersonForEdit(id: number, executor: Executor = db): Promise<PersonForEdit | null> {
  const [row] = await executor.execute<PersonForEdit>(sql`
    select p.id,
           trim(p.first_name || ' ' || p.last_name) as name,
           p.first_name, p.last_name, p.biography, p.gender,
           p.date_of_birth::text as date_of_birth,
           p.date_of_death::text as date_of_death,
           case when c.id is null then null else json_build_object('id', c.id, 'label', c.name) end as country,
           case when f.id is null then null else json_build_object('id', f.id, 'url', f.file_url, 'file_name', f.file_name) end as "mainPhoto",
           coalesce((
             select json_agg(json_build_object('id', g.id, 'url', g.file_url, 'file_name', g.file_name) order by g.created_at, g.id)
             from (select gf.id, gf.file_url, gf.file_name, pp.created_at from person_photos pp join file_ gf on gf.id = pp.file_id
                   where pp.person_id = p.id order by pp.created_at, gf.id limit ${GALLERY_ADMIN_LIMIT}) g
           ), '[]'::json) as gallery,
           (select count(*) from person_photos pp where pp.person_id = p.id)::int as "galleryCount",
           (select count(*) from movie m where m.director_id = p.id)::int as "directedCount",
           (select count(*) from character_actors ca where ca.person_id = p.id)::int as "rolesCount",
           p.updated_at::text as version,
           to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
    from person p
    left join countries c on c.id = p.country_id
    left join file_ f on f.id = p.main_photo_id
    where p.id = ${id}`);
  return row ?? null;
}

/** The name of a person for messages and links (null when gone). */
export async function getPersonName(id: number): Promise<string | null> {
  const [row] = await db.execute<{ name: string }>(sql`select trim(first_name || ' ' || last_name) as name from person where id = ${id}`);
  return row?.name ?? null;
}

/** Names of a typed country and main photo, for the conflict notice's "yours" column (fields country, main_photo). */
export async function getPersonChoiceLabels(countryId: number | null, mainPhotoId: number | null): Promise<{ country: string; main_photo: string }> {
  const [row] = await db.execute<{ country: string | null; main_photo: string | null }>(sql`
    select (select name from countries where id = ${countryId}::int) as country,
           (select file_name from file_ where id = ${mainPhotoId}::int) as main_photo`);
  return { country: row?.country ?? "", main_photo: row?.main_photo ?? "" };
}

// ---------------------------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------------------------

export type PersonFieldErrors = Partial<Record<"country_id" | "main_photo_id", string>>;

/** Field errors for ids that point nowhere (a tampered form, or a row deleted meanwhile); empty when all exist. */
async function checkPersonReferences(executor: Executor, input: Pick<PersonInput, "country_id" | "main_photo_id">): Promise<PersonFieldErrors> {
  const errors: PersonFieldErrors = {};
  if (input.country_id !== null) {
    const [row] = await executor.execute(sql`select 1 from countries where id = ${input.country_id}`);
    if (!row) errors.country_id = "This country does not exist: choose one from the list.";
  }
  if (input.main_photo_id !== null) {
    const found = await checkImageFiles(executor, [input.main_photo_id]);
    if (!found.has(input.main_photo_id)) errors.main_photo_id = "This photo could not be found: upload it again.";
  }
  return errors;
}

/** Foreign-key violations (a row deleted between the check and the write) as the field they concern. */
function foreignKeyField(error: unknown): keyof PersonFieldErrors | null {
  const e = error as { code?: string; constraint_name?: string; cause?: { code?: string; constraint_name?: string } };
  const pg = e.code ? e : e.cause;
  if (pg?.code !== "23503") return null;
  if (pg.constraint_name?.includes("country")) return "country_id";
  if (pg.constraint_name?.includes("main_photo")) return "main_photo_id";
  return null;
}

const personValues = (input: PersonInput) => sql`
  ${input.first_name}, ${input.last_name}, ${input.biography}, ${input.gender},
  ${input.date_of_birth}::date, ${input.date_of_death}::date, ${input.country_id}::int, ${input.main_photo_id}::int`;

export async function createPerson(input: PersonInput): Promise<{ id: number } | { fieldErrors: PersonFieldErrors }> {
  const errors = await checkPersonReferences(db, input);
  if (Object.keys(errors).length) return { fieldErrors: errors };
  try {
    const [row] = await db.execute<{ id: number }>(sql`
      insert into person (first_name, last_name, biography, gender, date_of_birth, date_of_death, country_id, main_photo_id)
      values (${personValues(input)}) returning id`);
    return { id: row.id };
  } catch (error) {
    const field = foreignKeyField(error);
    if (field) return { fieldErrors: { [field]: "This no longer exists: choose again." } };
    throw error;
  }
}

export type UpdateOutcome =
  | { ok: true; version: string; mainPhoto: PhotoRef | null }
  | { gone: true }
  | { conflict: PersonForEdit }
  | { fieldErrors: PersonFieldErrors };

/**
 * Saves the person if nobody saved since `version` was loaded. Otherwise answers the current row (someone else's
 * values, for the conflict notice) or `gone`.
 */
export async function updatePerson(id: number, version: string, input: PersonInput): Promise<UpdateOutcome> {
  const errors = await checkPersonReferences(db, input);
  if (Object.keys(errors).length) return { fieldErrors: errors };
  try {
    const [row] = await db.execute<{ version: string; mainPhoto: PhotoRef | null }>(sql`
      with updated as (
        update person set (first_name, last_name, biography, gender, date_of_birth, date_of_death, country_id, main_photo_id)
          = (${personValues(input)})
        where id = ${id} and updated_at = ${version}::timestamptz
        returning updated_at, main_photo_id
      )
      select updated.updated_at::text as version,
             case when f.id is null then null else json_build_object('id', f.id, 'url', f.file_url, 'file_name', f.file_name) end as "mainPhoto"
      from updated left join file_ f on f.id = updated.main_photo_id`);
    if (row) return { ok: true, version: row.version, mainPhoto: row.mainPhoto };
  } catch (error) {
    const field = foreignKeyField(error);
    if (field) return { fieldErrors: { [field]: "This no longer exists: choose again." } };
    throw error;
  }
  const current = await getPersonForEdit(id);
  return current ? { conflict: current } : { gone: true };
}

export type Reference = { label: string; href: string };

export type DeletePersonOutcome =
  | { deleted: true; name: string; removedFiles: OrphanFile[] }
  | { gone: true }
  | { references: Reference[]; referenceCount: number }
  | { needsConfirmation: string[] };

export const REFERENCE_LIMIT = 10;

/** The films a person directs or plays in (first REFERENCE_LIMIT, newest first) and how many credits in all. */
export async function getPersonReferences(id: number, executor: Executor = db): Promise<{ references: Reference[]; referenceCount: number }> {
  const rows = await executor.execute<{ movie_id: number; label: string; total: number }>(sql`
    with credits as (
      select m.id as movie_id, m.title, m.release_date, 'director' as what, 0 as kind
      from movie m where m.director_id = ${id}
      union all
      select m.id, m.title, m.release_date, 'as ' || ch.name, 1
      from character_actors ca join character_ ch on ch.id = ca.character_id join movie m on m.id = ch.movie_id
      where ca.person_id = ${id}
    )
    select movie_id,
           title || coalesce(' (' || extract(year from release_date)::int || ')', '') || ': ' || what as label,
           (count(*) over ())::int as total
    from credits
    order by kind, release_date desc nulls last, movie_id
    limit ${REFERENCE_LIMIT}`);
  return {
    references: rows.map((r) => ({ label: r.label, href: `/admin/movies/${r.movie_id}` })),
    referenceCount: rows[0]?.total ?? 0,
  };
}

function isRestrictViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code;
  return code === "23001" || code === "23503";
}

/**
 * Deletes a person. Refused (with the films) while they direct a movie or play a character (RESTRICT). Their
 * gallery links and the photos only they use (main photo, gallery files no one else uses) go with them, so that
 * needs `confirmed`; files still used elsewhere stay. The caller removes `removedFiles` from storage.
 */
export async function deletePerson(id: number, confirmed: boolean): Promise<DeletePersonOutcome> {
  try {
    return await db.transaction(async (tx) => {
      const [target] = await tx.execute<{ name: string; main_photo_id: number | null }>(
        sql`select trim(first_name || ' ' || last_name) as name, main_photo_id from person where id = ${id} for update`,
      );
      if (!target) return { gone: true as const };
      const refs = await getPersonReferences(id, tx);
      if (refs.referenceCount > 0) return refs;
      const photos = await tx.execute<{ id: number }>(sql`
        select file_id as id from person_photos where person_id = ${id}
        union select main_photo_id from person where id = ${id} and main_photo_id is not null`);
      const [gallery] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from person_photos where person_id = ${id}`);
      if (!confirmed && photos.length > 0) {
        const lines: string[] = [];
        if (gallery.n > 0) lines.push(`${gallery.n} gallery ${gallery.n === 1 ? "photo" : "photos"}`);
        if (target.main_photo_id !== null) lines.push("the main photo");
        return { needsConfirmation: lines };
      }
      await tx.execute(sql`delete from person where id = ${id}`);
      const removedFiles = await removeOrphanFiles(tx, photos.map((p) => p.id));
      return { deleted: true as const, name: target.name, removedFiles };
    });
  } catch (error) {
    // A credit added between the check and the delete: answer with the references, never a 500.
    if (isRestrictViolation(error)) return getPersonReferences(id);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Gallery
// ---------------------------------------------------------------------------------------------------------------

/** The person's version before and after a gallery change that touched the person row (main photo). */
export type VersionChange = { before: string; after: string };

export type GalleryOutcome =
  | { ok: true; added?: number; version?: VersionChange; mainPhoto?: PhotoRef | null; removedFiles?: OrphanFile[] }
  | { gone: true }
  | { fieldError: string };

/** Adds uploaded image files to the gallery (already there: left as is). */
export async function addGalleryPhotos(personId: number, fileIds: number[]): Promise<GalleryOutcome> {
  const [exists] = await db.execute(sql`select 1 from person where id = ${personId}`);
  if (!exists) return { gone: true };
  const found = await checkImageFiles(db, fileIds);
  if (fileIds.some((id) => !found.has(id))) return { fieldError: "A photo could not be found: upload it again." };
  try {
    const rows = await db.execute<{ file_id: number }>(sql`
      insert into person_photos (person_id, file_id)
      select ${personId}, unnest(${intArray(fileIds)})
      on conflict do nothing
      returning file_id`);
    return { ok: true, added: rows.length };
  } catch (error) {
    if (isRestrictViolation(error)) return { fieldError: "A photo or the person was deleted meanwhile: reload the page." };
    throw error;
  }
}

/**
 * Makes a gallery photo the main photo. Only photos of this person's gallery qualify (a tampered id is refused).
 */
export async function makeMainPhoto(personId: number, fileId: number): Promise<GalleryOutcome> {
  return db.transaction(async (tx) => {
    const [before] = await tx.execute<{ version: string }>(sql`select updated_at::text as version from person where id = ${personId} for update`);
    if (!before) return { gone: true as const };
    const [photo] = await tx.execute<PhotoRef>(sql`
      select f.id, f.file_url as url, f.file_name from person_photos pp join file_ f on f.id = pp.file_id
      where pp.person_id = ${personId} and pp.file_id = ${fileId}`);
    if (!photo) return { fieldError: "This photo is not in the gallery." };
    const [after] = await tx.execute<{ version: string }>(
      sql`update person set main_photo_id = ${fileId} where id = ${personId} returning updated_at::text as version`,
    );
    return { ok: true as const, mainPhoto: photo, version: { before: before.version, after: after.version } };
  });
}

/**
 * Removes a photo from the gallery; when it was the main photo the person has none afterwards. The file itself
 * goes when nothing else uses it (the caller removes it from storage).
 */
export async function removeGalleryPhoto(personId: number, fileId: number): Promise<GalleryOutcome> {
  return db.transaction(async (tx) => {
    const [before] = await tx.execute<{ version: string; main_photo_id: number | null }>(
      sql`select updated_at::text as version, main_photo_id from person where id = ${personId} for update`,
    );
    if (!before) return { gone: true as const };
    const removed = await tx.execute(sql`delete from person_photos where person_id = ${personId} and file_id = ${fileId} returning file_id`);
    if (removed.length === 0) return { fieldError: "This photo is not in the gallery." };
    let version: VersionChange | undefined;
    let mainPhoto: PhotoRef | null | undefined;
    if (before.main_photo_id === fileId) {
      const [after] = await tx.execute<{ version: string }>(sql`update person set main_photo_id = null where id = ${personId} returning updated_at::text as version`);
      version = { before: before.version, after: after.version };
      mainPhoto = null;
    }
    const removedFiles = await removeOrphanFiles(tx, [fileId]);
    return { ok: true as const, version, mainPhoto, removedFiles };
  });
}
