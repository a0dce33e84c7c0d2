/**
 * GET /api/viewer answered by the production server before Next (lib/viewer-request.ts, the same code the route
 * handler runs): a member asks it with every page view and navigation, and through Next and Auth.js's session action
 * it cost ~11 ms of CPU, where the cached page itself costs ~0.4 ms. Its own pool (lib/server/database.ts).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { drizzle } from "drizzle-orm/postgres-js";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import { SECURITY_HEADERS } from "@/lib/security-headers";
import { answerViewerRequest, VIEWER_HEADERS } from "@/lib/viewer-request";
import { edgeDatabase } from "./database";

let db: Database | undefined;

export async function serveViewer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  db ??= drizzle(edgeDatabase(), { schema, casing: "snake_case" }) as Database;
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  const { status, body } = await answerViewerRequest(db, {
    search: new URLSearchParams(query === -1 ? "" : url.slice(query + 1)),
    cookie: req.headers.cookie,
    forwardedProto: typeof req.headers["x-forwarded-proto"] === "string" ? req.headers["x-forwarded-proto"] : null,
  });
  const json = JSON.stringify(body);
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  for (const [key, value] of Object.entries(VIEWER_HEADERS)) res.setHeader(key, value);
  res.setHeader("content-length", Buffer.byteLength(json));
  res.writeHead(status);
  res.end(json);
}
