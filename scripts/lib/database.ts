/**
 * Which PostgreSQL the scripts use: DATABASE_URL when set, otherwise the embedded server. Also applies the
 * committed migrations (under an advisory lock, so several instances starting together migrate once).
 */
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { dataDir, getEnv } from "@/lib/env";
import { projectRoot } from "./build.mjs";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { FatalError, redactUrl } from "./fatal";

export type ProvidedDatabase = {
  url: string;
  embedded: boolean;
  /** Connection string of the same server with another database name. */
  withDatabase: (name: string) => string;
  release: () => Promise<void>;
};

const MIGRATION_LOCK = 7_266_001; // arbitrary, constant across instances

export function describeConnectionError(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { errno?: string };
  if (e?.code === "ECONNREFUSED") return "connection refused";
  if (e?.code === "ENOTFOUND") return "host not found";
  if (e?.code === "CONNECT_TIMEOUT" || e?.code === "ETIMEDOUT") return "connection timed out";
  if (e?.code === "28P01") return "password authentication failed";
  if (e?.code === "3D000") return "the database does not exist";
  return e?.message?.split("\n")[0] ?? String(error);
}

async function assertReachable(url: string) {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (error) {
    throw new FatalError(`DATABASE_URL does not answer (${redactUrl(url)}): ${describeConnectionError(error)}`);
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

function replaceDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function ensureDatabaseExists(serverUrl: string, name: string) {
  const sql = postgres(replaceDatabase(serverUrl, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 as ok from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export async function provideDatabase(log: (line: string) => void = () => {}): Promise<ProvidedDatabase> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    await assertReachable(env.DATABASE_URL);
    return {
      url: env.DATABASE_URL,
      embedded: false,
      withDatabase: (name) => replaceDatabase(env.DATABASE_URL!, name),
      release: async () => {},
    };
  }
  const server = await startEmbeddedPostgres({ dataDir: dataDir(), port: env.EMBEDDED_PG_PORT, log });
  try {
    await ensureDatabaseExists(server.url("postgres"), "marquee");
  } catch (error) {
    await server.release();
    throw error;
  }
  return { url: server.url("marquee"), embedded: true, withDatabase: server.url, release: server.release };
}

export async function applyMigrations(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(sql), { migrationsFolder: path.join(projectRoot, "db", "migrations") });
  } catch (error) {
    throw new FatalError(`database migration failed: ${describeConnectionError(error)}`);
  } finally {
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    await sql.end({ timeout: 1 });
  }
}
