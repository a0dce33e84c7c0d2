/** npm run db:seed: applies migrations, then loads the demo catalogue and demo accounts (idempotent). */
import { createDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { applyMigrations, provideDatabase } from "./lib/database";
import { runMain } from "./lib/fatal";
import { withSeedLock } from "./lib/seed-if-empty";

runMain(async () => {
  const log = (line: string) => console.log(line);
  const provided = await provideDatabase(log);
  try {
    await applyMigrations(provided.url);
    const { db, sql } = createDatabase(provided.url, { max: 1 });
    try {
      await withSeedLock(db, () => seedDemo(db, { log }));
    } finally {
      await sql.end({ timeout: 5 });
    }
  } finally {
    await provided.release();
  }
});
