import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/db";
import { answerViewerRequest, VIEWER_HEADERS } from "@/lib/viewer-request";

export const dynamic = "force-dynamic";

/**
 * GET /api/viewer?movies=1,2,3&person=7 — the one per-user request behind the public pages, which are the same
 * document for everyone (and served from the page cache to members too): who is signed in (the header's menu),
 * which of the page's films are in their favorites (the hearts), and with `person`, how many of that person's
 * films are (the person page's line). The production server answers it before Next with the same code
 * (lib/server/viewer-endpoint.ts); this handler serves `next dev` and anything that reaches Next.
 */
export async function GET(request: NextRequest) {
  const { status, body } = await answerViewerRequest(db, {
    search: request.nextUrl.searchParams,
    cookie: request.headers.get("cookie"),
    forwardedProto: request.headers.get("x-forwarded-proto"),
  });
  return NextResponse.json(body, { status, headers: VIEWER_HEADERS });
}
