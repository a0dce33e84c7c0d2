import "server-only";
import { and, inArray, like } from "drizzle-orm";
import { db } from "../../index";
import { file_ } from "../../schema";

/** The ids among `ids` that are stored image files (file_ rows with an image/* type). One statement. */
export async function selectExistingImageFileIds(ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: file_.id })
    .from(file_)
    .where(and(inArray(file_.id, [...ids]), like(file_.mime_type, "image/%")));
  return rows.map((r) => r.id);
}

/** id, URL and name of the stored images among `ids`, in the order given (an ImageUpload's defaultValue). */
export async function selectUploadedFiles(ids: readonly number[]): Promise<{ id: number; url: string; file_name: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: file_.id, url: file_.file_url, file_name: file_.file_name })
    .from(file_)
    .where(and(inArray(file_.id, [...ids]), like(file_.mime_type, "image/%")));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
