import { NextResponse, type NextRequest } from "next/server";
import { LOOKUP_KINDS, lookupEntities, type LookupKind, type LookupResult } from "@/db/queries/admin/lookup";
import { getViewer, isEditor } from "@/lib/session";
import { normalizeSearchText } from "@/lib/validation/search-text";

export const dynamic = "force-dynamic";

export type LookupResponse = { results: LookupResult[] };

// Per-editor answers (and unpublished data one day): never kept by a browser or a CDN.
const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * GET /api/admin/lookup?kind=person|country|genre|movie&q=text → { results } (at most 10) for the admin pickers.
 * Editors only (401/403 JSON, checked here: route handlers are public endpoints). Any q is answered: trimmed,
 * cut at 100 characters, junk gives no results.
 */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.json({ error: "Sign in to continue." }, { status: 401, headers: NO_STORE });
  if (!isEditor(viewer)) return NextResponse.json({ error: "Only editors can do this." }, { status: 403, headers: NO_STORE });

  const params = request.nextUrl.searchParams;
  const kind = params.get("kind");
  if (!(LOOKUP_KINDS as readonly string[]).includes(kind ?? "")) {
    return NextResponse.json({ error: `kind must be one of ${LOOKUP_KINDS.join(", ")}.` }, { status: 400, headers: NO_STORE });
  }
  const { q } = normalizeSearchText(params.get("q") ?? "");
  try {
    const results = await lookupEntities(kind as LookupKind, q);
    return NextResponse.json<LookupResponse>({ results }, { headers: NO_STORE });
  } catch (error) {
    console.error("admin lookup failed", error);
    return NextResponse.json({ error: "The search is unavailable right now." }, { status: 503, headers: NO_STORE });
  }
}
