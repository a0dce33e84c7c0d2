import "server-only";
import { selectExistingImageFileIds, selectUploadedFiles } from "@/db/queries/admin/files-check";

/** More file ids than any form sends (a gallery upload included): beyond this a form was tampered with. */
const MAX_FILE_IDS = 200;
const PG_INT_MAX = 2_147_483_647;

const validId = (id: number) => Number.isSafeInteger(id) && id > 0 && id <= PG_INT_MAX;

/**
 * Which of these file ids name a stored image (a file_ row with an image type): for actions that receive
 * poster_id, main_photo_id or gallery ids from a form, so a tampered id is refused with a field error instead
 * of a foreign-key 500 or a link to some other file. Invalid numbers are simply absent from the answer.
 */
export async function existingFileIds(ids: readonly number[]): Promise<Set<number>> {
  const wanted = [...new Set(ids.filter(validId))];
  if (wanted.length === 0 || wanted.length > MAX_FILE_IDS) return new Set();
  return new Set(await selectExistingImageFileIds(wanted));
}

export const UNKNOWN_FILE_MESSAGE = "This image is no longer available: upload it again.";

/**
 * Field errors for the fields whose file id(s) are not stored images, e.g.
 * `await unknownFileErrors({ poster_id: data.poster_id, photo_ids: data.photo_ids })` → `{ poster_id: "…" }`.
 * null/undefined fields are fine (nothing chosen). One statement for all fields.
 */
export async function unknownFileErrors(fields: Record<string, number | readonly number[] | null | undefined>): Promise<Record<string, string>> {
  const entries = Object.entries(fields).map(([name, value]) => [name, value == null ? [] : typeof value === "number" ? [value] : [...value]] as const);
  const found = await existingFileIds(entries.flatMap(([, ids]) => ids));
  const errors: Record<string, string> = {};
  for (const [name, ids] of entries) {
    if (ids.some((id) => !found.has(id))) errors[name] = UNKNOWN_FILE_MESSAGE;
  }
  return errors;
}

/**
 * The images a refused form had (ids from its hidden inputs), as ImageUpload's defaultValue: `{ id, url, file_name }`
 * in the order given; ids that are not stored images are left out.
 */
export async function uploadedFiles(ids: readonly number[]): Promise<{ id: number; url: string; file_name: string }[]> {
  const wanted = [...new Set(ids.filter(validId))];
  if (wanted.length === 0 || wanted.length > MAX_FILE_IDS) return [];
  return selectUploadedFiles(wanted);
}
