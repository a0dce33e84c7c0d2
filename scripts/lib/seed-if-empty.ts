import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

const SEED_LOCK = 7_266_002;

/**
 * Runs `work` holding the seeding advisory lock, so several instances starting at once seed one after the other.
 * `db` must be a single-connection pool: the lock belongs to the session.
 */
export async function withSeedLock<T>(db: Database, work: () => Promise<T>): Promise<T> {
  await db.execute(sql`select pg_advisory_lock(${SEED_LOCK})`);
  try {
    return await work();
  } finally {
    await db.execute(sql`select pg_advisory_unlock(${SEED_LOCK})`);
  }
}

/** Loads the demo data into a database that has no movies and no users (a fresh one). */
export async function seedIfEmpty(db: Database, log: (line: string) => void) {
  await withSeedLock(db, async () => {
    const [row] = await db.execute<{ empty: boolean }>(
      sql`select not exists (select 1 from movie) and not exists (select 1 from user_) as empty`,
    );
    if (!row.empty) return;
    log("empty database: loading the demo catalogue…");
    // Loaded only when needed: the catalogue and the image renderer are not small.
    const { seedDemo } = await import("@/db/seed/demo");
    await seedDemo(db, { log });
  });
}
