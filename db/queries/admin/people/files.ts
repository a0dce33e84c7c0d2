import "server-only";
import { sql } from "drizzle-orm";
import { intArray, type Executor } from "../../toolkit";

/** A file_ row removed from the database whose stored object the caller removes too. */
export type OrphanFile = { id: number; file_key: string };

/**
 * Which of these ids are public stored images that are nobody's avatar (a tampered id, a file that is not an
 * image, a private file — which public pages would not show — or an avatar, which its owner may delete at any
 * time, is missing from the set).
 */
export async function checkImageFiles(executor: Executor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await executor.execute<{ id: number }>(sql`
    select f.id from file_ f
    where f.id = any(${intArray(ids)}) and f.mime_type like 'image/%' and f.is_public
      and not exists (select 1 from user_ u where u.avatar_id = f.id)`);
  return new Set(rows.map((r) => r.id));
}

/**
 * Deletes the files among `ids` that nothing uses any more (no poster, main photo, avatar or gallery link) and
 * answers their keys so the caller can remove the stored objects once the transaction has committed.
 */
export async function removeOrphanFiles(executor: Executor, ids: number[]): Promise<OrphanFile[]> {
  if (ids.length === 0) return [];
  // Lock the candidates first: a save that starts using one of them meanwhile is waited for and then seen by
  // the usage check below (a DELETE alone would check, wait, and delete a file that just became a poster).
  await executor.execute(sql`select id from file_ where id = any(${intArray(ids)}) order by id for update`);
  return executor.execute<OrphanFile>(sql`
    delete from file_ f
    where f.id = any(${intArray(ids)})
      and not exists (select 1 from movie m where m.poster_id = f.id)
      and not exists (select 1 from person p where p.main_photo_id = f.id)
      and not exists (select 1 from user_ u where u.avatar_id = f.id)
      and not exists (select 1 from person_photos pp where pp.file_id = f.id)
    returning f.id, f.file_key`);
}
