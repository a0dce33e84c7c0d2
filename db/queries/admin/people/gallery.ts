import "server-only";
import { sql } from "drizzle-orm";
import { db } from "../../../index";
import { intArray, isReferenceViolation } from "../../toolkit";
import { checkImageFiles, removeOrphanFiles, type OrphanFile } from "./files";
import type { PhotoRef } from "./form";

/** A person's photo gallery: adding photos, choosing the main photo, removing one. */

/** The person's version before and after a gallery change that touched the person row (main photo). */
export type VersionChange = { before: string; after: string };

export type GalleryOutcome =
  | { ok: true; added?: number; version?: VersionChange; mainPhoto?: PhotoRef | null; removedFiles?: OrphanFile[] }
  | { gone: true }
  /** Nothing changed: an uploaded file is not (any more) a usable image, a photo or the person was deleted meanwhile, or the photo is not in this gallery. */
  | { refused: "photo-missing" | "raced" | "not-in-gallery" };

/** Adds uploaded image files to the gallery (already there: left as is). */
export async function addGalleryPhotos(personId: number, fileIds: number[]): Promise<GalleryOutcome> {
  const [exists] = await db.execute(sql`select 1 from person where id = ${personId}`);
  if (!exists) return { gone: true };
  const found = await checkImageFiles(db, fileIds);
  if (fileIds.some((id) => !found.has(id))) return { refused: "photo-missing" };
  try {
    const rows = await db.execute<{ file_id: number }>(sql`
      insert into person_photos (person_id, file_id)
      select ${personId}, unnest(${intArray(fileIds)})
      on conflict do nothing
      returning file_id`);
    return { ok: true, added: rows.length };
  } catch (error) {
    if (isReferenceViolation(error)) return { refused: "raced" };
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
    if (!photo) return { refused: "not-in-gallery" as const };
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
    if (removed.length === 0) return { refused: "not-in-gallery" as const };
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
