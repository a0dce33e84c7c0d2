/** npm run db:migrate: applies the committed migrations to DATABASE_URL (or the embedded server). */
import { applyMigrations, provideDatabase } from "./lib/database";
import { redactUrl, runMain } from "./lib/fatal";

runMain(async () => {
  const db = await provideDatabase((line) => console.log(line));
  try {
    await applyMigrations(db.url);
    console.log(`migrations applied to ${redactUrl(db.url)}`);
  } finally {
    await db.release();
  }
});
