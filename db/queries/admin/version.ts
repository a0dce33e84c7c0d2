import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * Optimistic concurrency for admin forms. A form carries the version it loaded: the row's updated_at as
 * PostgreSQL prints it (microseconds and offset, so it round-trips exactly, unlike a JS Date). A save runs
 * `UPDATE … WHERE id = $id AND <matchesVersion>`; no row updated means someone saved in between (or deleted it).
 */
export const versionOf = (updatedAt: AnyColumn): SQL<string> => sql<string>`${updatedAt}::text`;

export const matchesVersion = (updatedAt: AnyColumn, version: string): SQL => sql`${updatedAt} = ${version}::timestamptz`;
