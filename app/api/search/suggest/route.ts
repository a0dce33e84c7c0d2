import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { suggestCatalogue, type Suggestion } from "@/db/queries/search";
import { searchQuerySchema, SUGGEST_MIN_LENGTH } from "@/lib/validation/search";

export const dynamic = "force-dynamic";

export type SuggestResponse = { q: string; results: Suggestion[] };

const paramsSchema = z.object({ q: searchQuerySchema });

/**
 * GET /api/search/suggest?q=… → { q, results } for the header's autocomplete: at most 8 movies, people and
 * characters. Any q is answered with 200 (junk, too short or too long: empty or cut results, never an error).
 * Results are public catalogue data, the same for everyone: browsers and CDNs may keep them a minute.
 */
export async function GET(request: NextRequest) {
  const { q } = paramsSchema.parse({ q: request.nextUrl.searchParams.getAll("q") }).q;
  const headers = { "Cache-Control": "public, max-age=60" };
  if (Array.from(q).length < SUGGEST_MIN_LENGTH) {
    return NextResponse.json<SuggestResponse>({ q, results: [] }, { headers });
  }
  try {
    const results = await suggestCatalogue({ q });
    return NextResponse.json<SuggestResponse>({ q, results }, { headers });
  } catch (error) {
    console.error("search suggestions failed", error);
    return NextResponse.json<SuggestResponse>({ q, results: [] }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
