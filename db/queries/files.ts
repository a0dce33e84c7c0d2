import "server-only";
import { eq } from "drizzle-orm";
import type { Viewer } from "./users";
import { db } from "../index";
import { file_ } from "../schema";

export type StoredFile = Pick<typeof file_.$inferSelect, "id" | "file_name" | "mime_type" | "file_key" | "file_url" | "is_public" | "size_bytes">;

export async function getFileByKey(key: string): Promise<StoredFile | null> {
  const [row] = await db
    .select({
      id: file_.id,
      file_name: file_.file_name,
      mime_type: file_.mime_type,
      file_key: file_.file_key,
      file_url: file_.file_url,
      is_public: file_.is_public,
      size_bytes: file_.size_bytes,
    })
    .from(file_)
    .where(eq(file_.file_key, key))
    .limit(1);
  return row ?? null;
}

/** Records a file already written to storage. */
export async function createFile(input: { file_name: string; mime_type: string; file_key: string; file_url: string; is_public: boolean; size_bytes: number }) {
  const [row] = await db.insert(file_).values(input).returning({ id: file_.id });
  return row;
}

/** Who may see a private file: editors and admins, and the user whose avatar it is. */
export function canViewFile(viewer: Viewer | null, file: StoredFile): boolean {
  if (file.is_public) return true;
  if (!viewer) return false;
  return viewer.role === "editor" || viewer.role === "admin" || viewer.avatar_id === file.id;
}
