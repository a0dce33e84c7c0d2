/**
 * Which images Next's optimizer (/_next/image) may serve: only the exact URL of a file that is public now. Next
 * keeps optimized images in its own cache and serves them from there without asking the file route again, so the
 * check runs here, in front of it, for every request: a file made private (or deleted) is unreachable through the
 * optimizer at once, whatever the optimizer holds. One primary-key lookup per image request.
 */
import type postgres from "postgres";

/** The storage key inside a stored file's URL: /files/<key> locally, the last path segment on UploadThing. */
function keyOf(url: string): string | null {
  try {
    const parsed = new URL(url, "http://local.invalid");
    const last = parsed.pathname.split("/").pop();
    return last ? decodeURIComponent(last) : null;
  } catch {
    return null;
  }
}

export async function isPublicImage(sql: postgres.Sql, url: string | null): Promise<boolean> {
  if (!url || url.length > 2048) return false;
  const key = keyOf(url);
  if (!key || key.length > 255) return false;
  const [row] = await sql<{ file_url: string; is_public: boolean }[]>`select file_url, is_public from file_ where file_key = ${key}`;
  return Boolean(row?.is_public && row.file_url === url);
}
