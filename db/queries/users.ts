import "server-only";
import { eq, or, sql } from "drizzle-orm";
import { hashPassword, verifyPassword } from "@/lib/password";
import { db } from "../index";
import { user_, type UserRole } from "../schema";

export type Viewer = { id: number; username: string; role: UserRole; avatar_id: number | null };

// Verifying against a real hash when the user is unknown keeps the answer time the same for both cases.
let dummyHash: Promise<string> | undefined;

/** The user for a username-or-email and password, or null; same work whether or not the user exists. */
export async function verifyCredentials(login: string, password: string) {
  const [row] = await db
    .select({ id: user_.id, username: user_.username, email: user_.email, password: user_.password })
    .from(user_)
    .where(or(sql`lower(${user_.username}) = lower(${login})`, sql`lower(${user_.email}) = lower(${login})`))
    .limit(1);
  dummyHash ??= hashPassword("marquee-timing-equalizer");
  const ok = await verifyPassword(row?.password ?? (await dummyHash), password);
  if (!row || !ok) return null;
  return { id: row.id, username: row.username, email: row.email };
}

/** The signed-in user's current role and avatar, read fresh from the database. */
export async function getViewerById(id: number): Promise<Viewer | null> {
  const [row] = await db
    .select({ id: user_.id, username: user_.username, role: user_.role, avatar_id: user_.avatar_id })
    .from(user_)
    .where(eq(user_.id, id))
    .limit(1);
  return row ?? null;
}
