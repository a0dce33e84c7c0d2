import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { escapeLike, searchKeyContains, type Executor } from "../toolkit";
import { db } from "../../index";
import type { UserRole } from "../../schema";
import { USERS_PAGE_SIZE, type UserFilters, type UserSort } from "@/lib/validation/admin/user";

/**
 * User management. Never returns password hashes. Role changes and disabling keep at least one active admin, even
 * when two admins act at the same moment: every such change first locks the rows of all active admins.
 */

export type UserListItem = {
  id: number;
  username: string;
  email: string;
  first_name: string;
  last_name: string;
  role: UserRole;
  disabled_at: string | null;
  created_at: string;
  avatar_key: string | null;
};

export type UserPage = { users: UserListItem[]; total: number; page: number; pageCount: number; activeAdmins: number };

function usersWhere({ q, role, status }: UserFilters): SQL {
  const conditions: SQL[] = [sql`true`];
  // Each word in the username, the email or the (unaccented) name.
  for (const term of q.split(" ").filter(Boolean).slice(0, 5)) {
    const like = `%${escapeLike(term.toLowerCase())}%`;
    conditions.push(sql`(lower(u.username) like ${like} or lower(u.email) like ${like}
      or ${searchKeyContains(sql`marquee_search_key(u.first_name || ' ' || u.last_name)`, term)})`);
  }
  if (role) conditions.push(sql`u.role = ${role}`);
  if (status === "active") conditions.push(sql`u.disabled_at is null`);
  if (status === "disabled") conditions.push(sql`u.disabled_at is not null`);
  return sql.join(conditions, sql` and `);
}

const ORDER: Record<UserSort, SQL> = {
  newest: sql`u.id desc`,
  oldest: sql`u.id asc`,
  // lower(username) is the unique index user_username_lower_uq.
  username: sql`lower(u.username) asc`,
  name: sql`lower(u.last_name) asc, lower(u.first_name) asc, u.id asc`,
};

/** One page (50) of users with their avatar, plus how many active admins there are (for the page's hints). */
export async function listUsers(filters: UserFilters): Promise<UserPage> {
  const where = usersWhere(filters);
  const [{ total, activeAdmins }] = await db.execute<{ total: number; activeAdmins: number }>(sql`
    select (select count(*) from user_ u where ${where})::int as total,
           (select count(*) from user_ where role = 'admin' and disabled_at is null)::int as "activeAdmins"`);
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page), pageCount);
  const users = total
    ? await db.execute<UserListItem>(sql`
        select u.id, u.username, u.email, u.first_name, u.last_name, u.role,
               u.disabled_at::text as disabled_at, u.created_at::text as created_at, f.file_key as avatar_key
        from user_ u left join file_ f on f.id = u.avatar_id
        where ${where}
        order by ${ORDER[filters.sort]}
        limit ${USERS_PAGE_SIZE} offset ${(page - 1) * USERS_PAGE_SIZE}`)
    : [];
  return { users: [...users], total, page, pageCount, activeAdmins };
}

/** Usernames of the active admins other than `exceptId` (for "another admin remains: …"). */
export async function otherActiveAdmins(exceptId: number): Promise<string[]> {
  const rows = await db.execute<{ username: string }>(sql`
    select username from user_ where role = 'admin' and disabled_at is null and id <> ${exceptId} order by id limit 5`);
  return rows.map((r) => r.username);
}

export type Target = { id: number; username: string; role: UserRole; disabled: boolean };

/**
 * Locks every active admin (in id order, so two such transactions never deadlock) and then the target. A second
 * transaction doing the same waits here until the first commits, then re-reads the admins: it sees the demotion or
 * the disabling that happened meanwhile, so "another admin remains" is always true at commit.
 */
export async function lockAdminsAndTarget(tx: Executor, targetId: number): Promise<{ admins: { id: number; username: string }[]; target: Target | undefined }> {
  const admins = await tx.execute<{ id: number; username: string }>(sql`
    select id, username from user_ where role = 'admin' and disabled_at is null order by id for update`);
  const [target] = await tx.execute<Target>(sql`
    select id, username, role, disabled_at is not null as disabled from user_ where id = ${targetId} for update`);
  return { admins: [...admins], target };
}

export type UserChangeOutcome =
  | { status: "changed"; username: string; self: boolean; otherAdmins: string[] }
  | { status: "unchanged"; username: string }
  | { status: "not-found" }
  /** Refused: the target is the only active admin. */
  | { status: "last-admin"; username: string }
  /** Refused: an admin cannot disable their own account (they would be locked out at once). */
  | { status: "self" }
  /** Refused: the acting admin was demoted or disabled by someone else in the meantime. */
  | { status: "not-allowed" };

/**
 * Gives the user a role. The user's other sessions stop working (session_version + 1), except when an admin
 * changes their own role: the role is read from the database on every request anyway, and ending the session
 * doing the change would sign them out mid-page. Demoting the last active admin is refused.
 */
export async function changeUserRole(targetId: number, role: UserRole, actorId: number): Promise<UserChangeOutcome> {
  return db.transaction(async (tx) => {
    const { admins, target } = await lockAdminsAndTarget(tx, targetId);
    if (!admins.some((a) => a.id === actorId)) return { status: "not-allowed" };
    if (!target) return { status: "not-found" };
    if (target.role === role) return { status: "unchanged", username: target.username };
    const otherAdmins = admins.filter((a) => a.id !== target.id).map((a) => a.username);
    if (target.role === "admin" && !target.disabled && otherAdmins.length === 0) return { status: "last-admin", username: target.username };
    const self = target.id === actorId;
    await tx.execute(sql`
      update user_ set role = ${role}, session_version = session_version + ${self ? 0 : 1} where id = ${target.id}`);
    return { status: "changed", username: target.username, self, otherAdmins };
  });
}

/**
 * Disables (every session ends: session_version + 1; sign-in refused) or re-enables an account. Disabling the last
 * active admin, or one's own account, is refused.
 */
export async function setUserDisabled(targetId: number, disabled: boolean, actorId: number): Promise<UserChangeOutcome> {
  return db.transaction(async (tx) => {
    const { admins, target } = await lockAdminsAndTarget(tx, targetId);
    if (!admins.some((a) => a.id === actorId)) return { status: "not-allowed" };
    if (!target) return { status: "not-found" };
    if (disabled && target.id === actorId) return { status: "self" };
    if (target.disabled === disabled) return { status: "unchanged", username: target.username };
    const otherAdmins = admins.filter((a) => a.id !== target.id).map((a) => a.username);
    if (disabled && target.role === "admin" && otherAdmins.length === 0) return { status: "last-admin", username: target.username };
    await tx.execute(
      disabled
        ? sql`update user_ set disabled_at = now(), session_version = session_version + 1 where id = ${target.id}`
        : sql`update user_ set disabled_at = null where id = ${target.id}`,
    );
    return { status: "changed", username: target.username, self: target.id === actorId, otherAdmins };
  });
}
