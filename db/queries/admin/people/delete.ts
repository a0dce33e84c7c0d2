import "server-only";
import { sql } from "drizzle-orm";
import { db } from "../../../index";
import { isReferenceViolation, type Executor } from "../../toolkit";
import { removeOrphanFiles, type OrphanFile } from "./files";

/** Deleting a person: refused while they have credits, confirmed when their photos go with them. */

/** A film the person is credited in: as its director (`character` null) or as a character. */
export type PersonCredit = { movieId: number; title: string; year: number | null; character: string | null };

export type DeletePersonOutcome =
  | { deleted: true; name: string; removedFiles: OrphanFile[] }
  | { gone: true }
  | { credits: PersonCredit[]; creditCount: number }
  /** Their photos would go with them: how many gallery photos, and whether they have a main photo. */
  | { needsConfirmation: { galleryPhotos: number; mainPhoto: boolean } };

export const REFERENCE_LIMIT = 10;

/** The films a person directs or plays in (first REFERENCE_LIMIT: directing first, then newest) and how many in all. */
export async function getPersonCredits(id: number, executor: Executor = db): Promise<{ credits: PersonCredit[]; creditCount: number }> {
  const rows = await executor.execute<PersonCredit & { total: number }>(sql`
    with credits as (
      select m.id as movie_id, m.title, m.release_date, null::text as character, 0 as kind
      from movie m where m.director_id = ${id}
      union all
      select m.id, m.title, m.release_date, ch.name, 1
      from character_actors ca join character_ ch on ch.id = ca.character_id join movie m on m.id = ch.movie_id
      where ca.person_id = ${id}
    )
    select movie_id as "movieId", title, extract(year from release_date)::int as year, character, (count(*) over ())::int as total
    from credits
    order by kind, release_date desc nulls last, movie_id
    limit ${REFERENCE_LIMIT}`);
  return { credits: rows.map(({ total: _total, ...credit }) => credit), creditCount: rows[0]?.total ?? 0 };
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
      const credits = await getPersonCredits(id, tx);
      if (credits.creditCount > 0) return credits;
      const photos = await tx.execute<{ id: number }>(sql`
        select file_id as id from person_photos where person_id = ${id}
        union select main_photo_id from person where id = ${id} and main_photo_id is not null`);
      const [gallery] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from person_photos where person_id = ${id}`);
      if (!confirmed && photos.length > 0) return { needsConfirmation: { galleryPhotos: gallery.n, mainPhoto: target.main_photo_id !== null } };
      await tx.execute(sql`delete from person where id = ${id}`);
      const removedFiles = await removeOrphanFiles(tx, photos.map((p) => p.id));
      return { deleted: true as const, name: target.name, removedFiles };
    });
  } catch (error) {
    // A credit added between the check and the delete: answer with the references, never a 500.
    if (isReferenceViolation(error)) return getPersonCredits(id);
    throw error;
  }
}
