import "server-only";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import { cache } from "react";
import { hashPassword, verifyPassword } from "@/lib/password";
import { db } from "../index";
import { file_, user_, type UserRole } from "../schema";
import { isUniqueViolation } from "./toolkit";

export type Viewer = { id: number; username: string; role: UserRole; avatar_id: number | null; avatarUrl: string | null; first_name: string; session_version: number; must_change_password: boolean };

// Verifying against a real hash when the user is unknown keeps the answer time the same for both cases.
let dummyHash: Promise<string> | undefined;

const byLogin = (login: string) => or(sql`lower(${user_.username}) = lower(${login})`, sql`lower(${user_.email}) = lower(${login})`);

/** The user for a username-or-email and password, or null; the same work whether or not the user exists. */
export async function verifyCredentials(login: string, password: string) {
  const [row] = await db
    .select({ id: user_.id, username: user_.username, email: user_.email, password: user_.password, session_version: user_.session_version, disabled_at: user_.disabled_at })
    .from(user_)
    .where(byLogin(login))
    .limit(1);
  dummyHash ??= hashPassword("marquee-timing-equalizer");
  const ok = await verifyPassword(row?.password ?? (await dummyHash), password);
  if (!row || !ok || row.disabled_at) return null;
  return { id: row.id, username: row.username, email: row.email, session_version: row.session_version };
}

/** Whether an admin's reset still waits for the user's own password (read right after signing in). */
export async function mustChangePassword(id: number): Promise<boolean> {
  const [row] = await db.select({ must: user_.must_change_password }).from(user_).where(eq(user_.id, id)).limit(1);
  return row?.must ?? false;
}

export async function getUserIdByLogin(login: string): Promise<number | null> {
  const [row] = await db.select({ id: user_.id }).from(user_).where(byLogin(login)).limit(1);
  return row?.id ?? null;
}

/** The signed-in user as the database says now: role, avatar and session version. Disabled users are nobody. */
export async function getViewerById(id: number): Promise<Viewer | null> {
  const [row] = await db
    .select({
      id: user_.id,
      username: user_.username,
      role: user_.role,
      avatar_id: user_.avatar_id,
      avatarUrl: file_.file_url,
      first_name: user_.first_name,
      session_version: user_.session_version,
      must_change_password: user_.must_change_password,
    })
    .from(user_)
    .leftJoin(file_, eq(file_.id, user_.avatar_id))
    .where(and(eq(user_.id, id), isNull(user_.disabled_at)))
    .limit(1);
  return row ?? null;
}

/**
 * getViewerById once per request: Auth.js's jwt callback (is the cookie's session version still current?) and
 * lib/session's getViewer (who is this?) ask the same question of the same row.
 */
export const viewerOfRequest = cache(getViewerById);

export type NewUser = { username: string; email: string; first_name: string; last_name: string; password: string };

/** Creates a user with role "user"; returns null when the username or email is taken (any case). */
export async function createUser(input: NewUser): Promise<{ id: number } | { taken: ("username" | "email")[] }> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(user_)
    .values({ username: input.username, email: input.email, first_name: input.first_name, last_name: input.last_name, password: passwordHash })
    .onConflictDoNothing()
    .returning({ id: user_.id });
  if (row) return row;
  return { taken: await takenFields(input.username, input.email) };
}

export async function takenFields(username: string | null, email: string | null, exceptUserId?: number): Promise<("username" | "email")[]> {
  const rows = await db
    .select({ username: user_.username, email: user_.email })
    .from(user_)
    .where(
      and(
        or(username ? sql`lower(${user_.username}) = lower(${username})` : sql`false`, email ? sql`lower(${user_.email}) = lower(${email})` : sql`false`),
        exceptUserId ? sql`${user_.id} <> ${exceptUserId}` : undefined,
      ),
    );
  const taken: ("username" | "email")[] = [];
  if (username && rows.some((r) => r.username.toLowerCase() === username.toLowerCase())) taken.push("username");
  if (email && rows.some((r) => r.email.toLowerCase() === email.toLowerCase())) taken.push("email");
  return taken;
}

export async function getAccount(id: number) {
  const [row] = await db
    .select({ id: user_.id, username: user_.username, email: user_.email, first_name: user_.first_name, last_name: user_.last_name, avatar_id: user_.avatar_id, avatarUrl: file_.file_url, created_at: user_.created_at })
    .from(user_)
    .leftJoin(file_, eq(file_.id, user_.avatar_id))
    .where(eq(user_.id, id))
    .limit(1);
  return row ?? null;
}

/** Updates names and email; returns "email-taken" when another account has that email (any case). */
export async function updateProfile(id: number, input: { first_name: string; last_name: string; email: string }): Promise<"ok" | "email-taken"> {
  if ((await takenFields(null, input.email, id)).length) return "email-taken";
  try {
    await db.update(user_).set(input).where(eq(user_.id, id));
    return "ok";
  } catch (error) {
    if (isUniqueViolation(error)) return "email-taken";
    throw error;
  }
}

export async function checkPassword(id: number, password: string): Promise<boolean> {
  const [row] = await db.select({ password: user_.password }).from(user_).where(eq(user_.id, id)).limit(1);
  return row ? verifyPassword(row.password, password) : false;
}

/** Sets a new password (an admin's temporary one is replaced) and revokes every session; returns the new session version. */
export async function changePassword(id: number, password: string): Promise<number> {
  const passwordHash = await hashPassword(password);
  const [row] = await db
    .update(user_)
    .set({ password: passwordHash, must_change_password: false, session_version: sql`${user_.session_version} + 1` })
    .where(eq(user_.id, id))
    .returning({ session_version: user_.session_version });
  return row.session_version;
}

/**
 * Sign-out through Auth.js's own endpoint: revokes every session, but only for a session that is still current, so
 * an old (already revoked) copy of a cookie cannot be used to sign the user out again and again.
 */
export async function revokeSessionsFrom(id: number, sessionVersion: number) {
  await db
    .update(user_)
    .set({ session_version: sql`${user_.session_version} + 1` })
    .where(and(eq(user_.id, id), eq(user_.session_version, sessionVersion)));
}

/** Revokes every session of the user (sign-out everywhere). */
export async function revokeSessions(id: number) {
  await db.update(user_).set({ session_version: sql`${user_.session_version} + 1` }).where(eq(user_.id, id));
}

/** Replaces the avatar; returns the previous avatar file (to delete) if any. */
export async function setAvatar(userId: number, fileId: number | null): Promise<{ id: number; file_key: string } | null> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: file_.id, file_key: file_.file_key })
      .from(user_)
      .innerJoin(file_, eq(file_.id, user_.avatar_id))
      .where(eq(user_.id, userId))
      .for("update", { of: user_ });
    await tx.update(user_).set({ avatar_id: fileId }).where(eq(user_.id, userId));
    if (before) await tx.delete(file_).where(eq(file_.id, before.id));
    return before ?? null;
  });
}

/** Deletes the account (favorites go with it); returns the avatar file to remove from storage. */
export async function deleteUser(id: number): Promise<{ deleted: true; avatarKey: string | null } | { deleted: false; reason: "last-admin" }> {
  return db.transaction(async (tx) => {
    // The same lock as the admin's role changes (active admins in id order): the last admin cannot delete their
    // account while another admin is being demoted.
    const admins = await tx.execute<{ id: number }>(sql`select id from user_ where role = 'admin' and disabled_at is null order by id for update`);
    if (admins.length === 1 && admins[0].id === id) return { deleted: false as const, reason: "last-admin" as const };
    const [avatar] = await tx.select({ id: file_.id, file_key: file_.file_key }).from(user_).innerJoin(file_, eq(file_.id, user_.avatar_id)).where(eq(user_.id, id));
    await tx.delete(user_).where(eq(user_.id, id));
    if (avatar) await tx.delete(file_).where(eq(file_.id, avatar.id));
    return { deleted: true as const, avatarKey: avatar?.file_key ?? null };
  });
}
