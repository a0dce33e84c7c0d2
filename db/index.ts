import "server-only";
import { databaseUrl } from "@/lib/env";
import { createDatabase } from "./client";

// One pool per process; in dev, hot reloads would otherwise open a new pool each time.
const cache = globalThis as unknown as { __marqueeDb?: ReturnType<typeof createDatabase> };
const instance = (cache.__marqueeDb ??= createDatabase(databaseUrl()));

export const db = instance.db;
export const sql = instance.sql;
export type { Database } from "./client";
