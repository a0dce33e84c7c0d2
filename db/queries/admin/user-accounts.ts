import "server-only";
import { sql } from "drizzle-orm";
import { hashPassword } from "@/lib/password";
import { db } from "../../index";
import type { UserRole } from "../../schema";
import { isUniqueViolation } from "../toolkit";
import { takenFields } from "../users";
import { lockAdminsAndTarget } from "./users";

/**
 * User management's accounts: an admin creates a user, edits their names and email, resets their password, deletes
 * them. Uniqueness is the sign-up's (username and email, any case: the unique indexes on lower()); every change
 * that could remove the last active admin takes the admins' lock of ./users.ts first.
 */

export type AccountFields = { username: string; email: string; first_name: string; last_name: string };
type Taken = { status: "taken"; fields: ("username" | "email")[] };

/** The same answer whether the check or the unique index caught it (two admins creating the same name at once). */
async function taken(fields: AccountFields, exceptId?: number): Promise<Taken> {
  const found = await takenFields(fields.username, fields.email, exceptId);
  return { status: "taken", fields: found.length ? found : ["username", "email"] };
}

export async function createUserAsAdmin(input: AccountFields & { role: UserRole; password: string }): Promise<{ status: "created"; id: number } | Taken> {
  const hash = await hashPassword(input.password);
  const [row] = await db.execute<{ id: number }>(sql`
    insert into user_ (username, email, first_name, last_name, role, password)
    values (${input.username}, ${input.email}, ${input.first_name}, ${input.last_name}, ${input.role}, ${hash})
    on conflict do nothing returning id`);
  return row ? { status: "created", id: row.id } : taken(input);
}

export async function getUserAccount(id: number): Promise<(AccountFields & { id: number; role: UserRole; must_change_password: boolean }) | null> {
  const [row] = await db.execute<AccountFields & { id: number; role: UserRole; must_change_password: boolean }>(sql`
    select id, username, email, first_name, last_name, role, must_change_password from user_ where id = ${id}`);
  return row ?? null;
}

export async function updateUserAccount(id: number, input: AccountFields): Promise<{ status: "saved" | "not-found" } | Taken> {
  const found = await takenFields(input.username, input.email, id);
  if (found.length) return { status: "taken", fields: found };
  try {
    const rows = await db.execute(sql`
      update user_ set username = ${input.username}, email = ${input.email}, first_name = ${input.first_name}, last_name = ${input.last_name}
      where id = ${id} returning id`);
    return { status: rows.length ? "saved" : "not-found" };
  } catch (error) {
    if (isUniqueViolation(error)) return taken(input, id);
    throw error;
  }
}

export type AccountOutcome =
  | { status: "done"; username: string; avatarKey?: string | null }
  | { status: "not-found" }
  | { status: "self" }
  | { status: "last-admin"; username: string }
  | { status: "not-allowed" };

/**
 * Sets a temporary password the user must replace at their next sign-in; every session of theirs ends. Not for
 * one's own account (the account page changes it, and this would sign the admin out mid-page).
 */
export async function resetUserPassword(targetId: number, password: string, actorId: number): Promise<AccountOutcome> {
  if (targetId === actorId) return { status: "self" };
  const hash = await hashPassword(password);
  const [row] = await db.execute<{ username: string }>(sql`
    update user_ set password = ${hash}, must_change_password = true, session_version = session_version + 1
    where id = ${targetId} returning username`);
  return row ? { status: "done", username: row.username } : { status: "not-found" };
}

/**
 * Deletes an account as user management does: never one's own, never the last active admin (race-safe, the
 * admins' lock). Their favorites go with them (ON DELETE CASCADE; the favorites counts follow by trigger), and so
 * does their avatar's file row (user_.avatar_id is ON DELETE SET NULL, which would leave it orphaned): the caller
 * removes `avatarKey` from storage.
 */
export async function deleteUserAsAdmin(targetId: number, actorId: number): Promise<AccountOutcome> {
  return db.transaction(async (tx) => {
    const { admins, target } = await lockAdminsAndTarget(tx, targetId);
    if (!admins.some((a) => a.id === actorId)) return { status: "not-allowed" };
    if (!target) return { status: "not-found" };
    if (target.id === actorId) return { status: "self" };
    if (target.role === "admin" && !target.disabled && !admins.some((a) => a.id !== target.id)) return { status: "last-admin", username: target.username };
    const [avatar] = await tx.execute<{ id: number; file_key: string }>(sql`
      select f.id, f.file_key from user_ u join file_ f on f.id = u.avatar_id where u.id = ${target.id}`);
    await tx.execute(sql`delete from user_ where id = ${target.id}`);
    if (avatar) await tx.execute(sql`delete from file_ where id = ${avatar.id}`);
    return { status: "done", username: target.username, avatarKey: avatar?.file_key ?? null };
  });
}
