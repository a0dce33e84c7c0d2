import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { LOOKUP_KINDS, lookupEntities, type LookupResult } from "@/db/queries/admin/lookup";
import { getViewer, isEditor } from "@/lib/session";
import { normalizeSearchText } from "@/lib/validation/search-text";

export const dynamic = "force-dynamic";

export type LookupResponse = { results: LookupResult[] };

// Per-editor answers (and unpublished data one day): never kept by a browser or a CDN.
const NO_STORE = { "Cache-Control": "private, no-store" };

const lookupQuery = z.object({
  kind: z.enum(LOOKUP_KINDS, { error: `kind must be one of ${LOOKUP_KINDS.join(", ")}.` }),
  // Any text is answered: normalizeSearchText trims it, cuts it at 100 characters and drops junk.
  q: z
    .string()
    .nullable()
    .transform((raw) => normalizeSearchText(raw ?? "").q),
});

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
  const parsed = lookupQuery.safeParse({ kind: params.get("kind"), q: params.get("q") });
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0].message }, { status: 400, headers: NO_STORE });
  try {
    const results = await lookupEntities(parsed.data.kind, parsed.data.q);
    return NextResponse.json<LookupResponse>({ results }, { headers: NO_STORE });
  } catch (error) {
    console.error("admin lookup failed", error);
    return NextResponse.json({ error: "The search is unavailable right now." }, { status: 503, headers: NO_STORE });
  }
}
