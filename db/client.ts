import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;

/** A Drizzle database over its own postgres.js pool. The app uses the singleton in db/index.ts. */
export function createDatabase(url: string, options: { max?: number; onQuery?: (query: string) => void } = {}) {
  const onQuery = options.onQuery;
  const sql = postgres(url, {
    max: options.max ?? 10,
    ...(onQuery ? { debug: (_connection: number, query: string) => onQuery(query) } : {}),
    onnotice: () => {},
    connect_timeout: 10,
    idle_timeout: 60,
  });
  return { db: drizzle(sql, { schema, casing: "snake_case" }) as Database, sql };
}
