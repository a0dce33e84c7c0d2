/**
 * GET /api/viewer, whoever serves it (the production server before Next, or the route handler under `next dev`):
 * the session cookie's claim (lib/session-token.ts), checked against the user's current session version and
 * disabled flag, then the facts of db/queries/viewer.ts. The caller is always the session's: no user id is taken
 * from the request. Anonymous or stale sessions get `{ viewer: null }` and nothing else.
 */
import type { Database } from "@/db/client";
import { viewerFacts } from "@/db/queries/viewer";
import { readSessionClaim } from "@/lib/session-token";
import { parseViewerQuery, type ViewerResponse } from "@/lib/viewer";

/** Per-user answers: never stored by a browser's or a shared cache. */
export const VIEWER_HEADERS = { "cache-control": "private, no-store", vary: "Cookie", "content-type": "application/json" } as const;

export async function answerViewerRequest(
  db: Database,
  request: { search: URLSearchParams; cookie: string | null | undefined; forwardedProto: string | null | undefined },
): Promise<{ status: 200 | 400; body: ViewerResponse | { error: string } }> {
  const query = parseViewerQuery(request.search);
  if ("error" in query) return { status: 400, body: { error: query.error } };
  const claim = await readSessionClaim(request.cookie, request.forwardedProto);
  if (!claim) return { status: 200, body: { viewer: null } };
  const facts = await viewerFacts(db, claim.userId, query);
  if (!facts.user || facts.user.sessionVersion !== claim.sessionVersion) return { status: 200, body: { viewer: null } };
  const { id, username, avatarUrl, role, mustChangePassword } = facts.user;
  // Member facts wait until a password an admin reset is replaced; the header then offers the way to do it.
  if (mustChangePassword) return { status: 200, body: { viewer: { id, username, avatarUrl, editor: false, mustChangePassword }, favorites: [], person: null } };
  return {
    status: 200,
    body: {
      viewer: { id, username, avatarUrl, editor: role === "editor" || role === "admin" },
      favorites: facts.favorites,
      person: facts.person && query.person !== null ? { id: query.person, ...facts.person } : null,
    },
  };
}
