/**
 * The production server's own small pool (page-cache generations, the image check, the availability probe),
 * separate from the app's pool inside Next. Fails fast like the app's (db/client.ts): a refused or silent
 * PostgreSQL is an error within about a second, and a reconnect is tried again within half a second.
 */
import postgres from "postgres";
import { databaseUrl } from "@/lib/env";
import { FAST_FAIL } from "@/db/client";

let pool: postgres.Sql | undefined;

export function edgeDatabase(): postgres.Sql {
  return (pool ??= postgres(databaseUrl(), { max: 3, idle_timeout: 60, onnotice: () => {}, ...FAST_FAIL }));
}
