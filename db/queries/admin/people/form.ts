import "server-only";
import { sql } from "drizzle-orm";
import { db } from "../../../index";
import type { Executor } from "../../toolkit";

/** /admin/people/[id]: the person as the edit form loads it, and the names its messages and notices show. */

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
