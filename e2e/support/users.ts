/** Test users created straight in the database (fast; the sign-up journey itself is covered by accounts.spec.ts). */
import { eq } from "drizzle-orm";
import { user_, type UserRole } from "@/db/schema";
import { hashPassword } from "@/lib/password";
import { withTestDatabase } from "./database";

export type TestUser = { id: number; username: string; password: string };

export async function createTestUser(role: UserRole = "user"): Promise<TestUser> {
  const username = `t_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  const password = `a quiet evening with ${username}`;
  const hashed = await hashPassword(password);
  const [row] = await withTestDatabase((db) =>
    db
      .insert(user_)
      .values({ username, email: `${username}@example.com`, first_name: "Test", last_name: role, password: hashed, role })
      .returning({ id: user_.id }),
  );
  return { id: row.id, username, password };
}

/** The user's row as the database has it now (for asserting that nothing changed). */
export function readUser(id: number) {
  return withTestDatabase(async (db) => (await db.select().from(user_).where(eq(user_.id, id)))[0]);
}
