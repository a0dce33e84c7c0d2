import { canViewFile, getFileByKey } from "@/db/queries/files";
import { getViewer } from "@/lib/session";
import { FILE_KEY_PATTERN, getStorage } from "@/lib/storage";

function refuse(status: number, message: string) {
  return new Response(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" },
  });
}

/**
 * Public files are cached by browsers and shared caches only on condition of asking again before each use
 * (`no-cache` with an ETag: a 304 when nothing changed, one primary-key lookup here), so a file made private is
 * refused to everyone at once instead of living on in caches for a year. A key's bytes never change, so the key is
 * the ETag.
 */
const PUBLIC_CACHE = "public, no-cache";

/** Serves a stored file, honouring file_.is_public: a private file only to a signed-in user allowed to see it. */
export async function GET(request: Request, ctx: RouteContext<"/files/[key]">) {
  const { key } = await ctx.params;
  if (!FILE_KEY_PATTERN.test(key)) return refuse(404, "File not found.");
  const file = await getFileByKey(key);
  if (!file) return refuse(404, "File not found.");
  if (!file.is_public) {
    const viewer = await getViewer();
    if (!viewer) return refuse(401, "Sign in to see this file.");
    if (!canViewFile(viewer, file)) return refuse(403, "You are not allowed to see this file.");
  }
  const cacheControl = file.is_public ? PUBLIC_CACHE : "private, no-store";
  const etag = `"${file.file_key}"`;
  if (file.is_public && request.headers.get("if-none-match")?.split(/\s*,\s*/).includes(etag)) {
    return new Response(null, { status: 304, headers: { etag, "cache-control": cacheControl } });
  }
  const delivery = await getStorage().deliver(file);
  if (!delivery) return refuse(404, "File not found.");
  if (delivery.kind === "redirect") {
    return new Response(null, { status: 302, headers: { location: delivery.url, "cache-control": file.is_public ? PUBLIC_CACHE : "private, no-store" } });
  }
  return new Response(delivery.body, {
    headers: {
      "content-type": file.mime_type,
      "content-length": String(delivery.size),
      "cache-control": cacheControl,
      ...(file.is_public ? { etag } : {}),
      "x-content-type-options": "nosniff",
      "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
    },
  });
}
