import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;

/**
 * Connection settings that fail fast when PostgreSQL is away and come back quickly when it returns: a connection
 * attempt gives up after 1.5 s (a refused one fails at once), and a failed connection is tried again within half a
 * second (postgres.js's default back-off grows to 20 s, which held every query of a recovered instance for seconds).
 */
export const FAST_FAIL = {
  connect_timeout: 1.5,
  backoff: (retries: number) => Math.min(0.05 * retries, 0.5),
} as const;

/**
 * A Drizzle database over its own postgres.js pool. The app uses the singleton in db/index.ts, which also bounds each
 * statement (`statementTimeoutMs`); scripts (seeding, the large generator) run without a bound.
 */
export function createDatabase(url: string, options: { max?: number; onQuery?: (query: string) => void; statementTimeoutMs?: number } = {}) {
  const onQuery = options.onQuery;
  const sql = postgres(url, {
    max: options.max ?? 10,
    ...(onQuery ? { debug: (_connection: number, query: string) => onQuery(query) } : {}),
    onnotice: () => {},
    idle_timeout: 60,
    ...FAST_FAIL,
    ...(options.statementTimeoutMs ? { connection: { statement_timeout: options.statementTimeoutMs } } : {}),
  });
  return { db: drizzle(sql, { schema, casing: "snake_case" }) as Database, sql };
}
