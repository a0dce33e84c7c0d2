/** The throw-away test database provided by `npm test` (scripts/test.ts), already migrated. */
import { createDatabase } from "@/db/client";

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url || !/_test_\d+$/.test(new URL(url).pathname)) {
    throw new Error("integration tests run through `npm test`, which provides a throw-away *_test database");
  }
  return url;
}

export function openTestDatabase() {
  return createDatabase(testDatabaseUrl(), { max: 4 });
}
