import "server-only";
import { databaseUrl } from "@/lib/env";
import { createDatabase } from "./client";

// One pool per process; in dev, hot reloads would otherwise open a new pool each time.
const cache = globalThis as unknown as { __marqueeDb?: ReturnType<typeof createDatabase> };
const listeners = globalThis as unknown as { __marqueeQueryListener?: (query: string) => void };
// Tests count the statements a page's data costs (no N+1) through this hook; it is never set in production.
// Statements are bounded (15 s: the heaviest page query takes ~0.2 s on the 100k catalogue, a CSV import a few
// seconds), so a stuck one cannot hold a request and a pool connection indefinitely.
const instance = (cache.__marqueeDb ??= createDatabase(databaseUrl(), {
  statementTimeoutMs: 15_000,
  onQuery: (query) => listeners.__marqueeQueryListener?.(query),
}));

export const db = instance.db;
export const sql = instance.sql;
export type { Database } from "./client";
