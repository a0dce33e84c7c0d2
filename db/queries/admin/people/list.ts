import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { searchTerms } from "@/lib/validation/people-filters";
import type { AdminPeopleParams, AdminPeopleSort } from "@/lib/validation/admin/person";
import { db } from "../../../index";
import { nullsLastSort, searchKeyMatches, type SortBranch } from "../../toolkit";

/** /admin/people: the list, its search, filters and sorts. */

/** Rows per admin list page. */
export const ADMIN_PAGE_SIZE = 50;
/**
 * A list stops at this many rows for one search/filter (200 pages): deep pages stay cheap, and so do counts of
 * broad costly filters (a search, directors/actors), which read "10,000+". Plain and index-backed filters are
 * counted exactly.
 */
export const ADMIN_LIST_CAP = 10_000;

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

function peopleWhere({ q, country, missing, role }: AdminPeopleParams): SQL {
  const conditions: SQL[] = [sql`true`];
  // Each word anywhere in the unaccented, lower-cased full name ("coppola francis", "almodovar" → Almodóvar).
  for (const term of searchTerms(q)) conditions.push(searchKeyMatches(searchKey, term));
  if (country) conditions.push(sql`p.country_id = ${country}`);
  if (missing === "photo") conditions.push(sql`p.main_photo_id is null`);
  if (missing === "birth") conditions.push(sql`p.date_of_birth is null`);
  if (role === "actors") conditions.push(sql`exists (select 1 from character_actors ca where ca.person_id = p.id)`);
  if (role === "directors") conditions.push(sql`exists (select 1 from movie m where m.director_id = p.id)`);
  return sql.join(conditions, sql` and `);
}

/**
 * How each sort walks an index in order and stops after offset + limit rows (the "dense" plan): by name, people
 * with a last name by person_name_idx and mononymous people ("Bono") by first name, merged; youngest first, people
 * with a birth date by person_date_of_birth_idx backwards, then those without one. `few` orders the same rows
 * when the matches were collected first.
 */
function sortPlan(sort: AdminPeopleSort): { branches: SortBranch[]; outer: SQL; few: SQL } {
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
    case "born-desc": {
      const { present, absent, outer } = nullsLastSort({ key: sql`p.date_of_birth`, type: "date", id: sql`p.id`, dir: "desc" });
      return { branches: [present, absent], outer, few: sql`p.date_of_birth desc nulls last, p.id desc` };
    }
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
