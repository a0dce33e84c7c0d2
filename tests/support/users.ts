import { user_, type UserRole } from "@/db/schema";
import type { openTestDatabase } from "./database";

type TestDatabase = ReturnType<typeof openTestDatabase>["db"];

/** Inserts a user straight into the table (password "x": never signed in with) and returns its id. */
export async function addUser(db: TestDatabase, username: string, role: UserRole = "user", extra: Partial<typeof user_.$inferInsert> = {}) {
  const [row] = await db
    .insert(user_)
    .values({ username, email: `${username.toLowerCase()}@example.com`, first_name: username, last_name: "Tester", password: "x", role, ...extra })
    .returning({ id: user_.id });
  return row.id;
}
