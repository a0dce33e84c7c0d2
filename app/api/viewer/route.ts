import { NextResponse, type NextRequest } from "next/server";
import { countPersonFilmsInFavorites, favoriteIdsAmong } from "@/db/queries/favorites";
import { getViewer, isEditor } from "@/lib/session";
import { parseViewerQuery, type ViewerResponse } from "@/lib/viewer";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store", Vary: "Cookie" };

/**
 * GET /api/viewer?movies=1,2,3&person=7 — the one per-user request behind the public pages, which are the same
 * document for everyone (and served from the page cache to members too). Answers who is signed in (for the header's
 * menu), which of the movies on the page are in their favorites (the hearts) and, with `person`, how many of that
 * person's films are (the person page's line). Anonymous callers get `{ viewer: null }` and nothing else. The
 * caller is always the session's: no user id is taken from the request.
 */
export async function GET(request: NextRequest) {
  const query = parseViewerQuery(request.nextUrl.searchParams);
  if ("error" in query) return NextResponse.json({ error: query.error }, { status: 400, headers: PRIVATE });
  const viewer = await getViewer();
  if (!viewer) return NextResponse.json<ViewerResponse>({ viewer: null }, { headers: PRIVATE });
  const [favorites, person] = await Promise.all([
    favoriteIdsAmong(viewer.id, query.movies),
    query.person === null ? null : countPersonFilmsInFavorites(viewer.id, query.person),
  ]);
  return NextResponse.json<ViewerResponse>(
    {
      viewer: { id: viewer.id, username: viewer.username, avatarUrl: viewer.avatarUrl, editor: isEditor(viewer) },
      favorites: [...favorites],
      person: person && query.person !== null ? { id: query.person, ...person } : null,
    },
    { headers: PRIVATE },
  );
}
