/**
 * User management (admins only): list parameters (parsed from the URL, bad values fall back to the default) and
 * the row actions' forms (role, disable / re-enable).
 */
import { z } from "zod";
import { newPassword, signUpSchema } from "@/lib/validation/account";
import { idField } from "@/lib/validation/ids";
import type { UserRole } from "@/db/schema";
import { cleanSearch, oneOf, parsePage, single, type ListParams } from "./list-params";

export const USERS_PAGE_SIZE = 50;
export const USERS_QUERY_MAX_LENGTH = 100;

export const ROLES = ["user", "editor", "admin"] as const satisfies readonly UserRole[];
export const ROLE_LABELS: Record<UserRole, string> = { user: "User", editor: "Editor", admin: "Admin" };

export const USER_STATUSES = ["active", "disabled"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const USER_SORTS = ["newest", "oldest", "username", "name"] as const;
export type UserSort = (typeof USER_SORTS)[number];
export const USER_SORT_LABELS: Record<UserSort, string> = { newest: "Newest first", oldest: "Oldest first", username: "Username, A–Z", name: "Last name, A–Z" };

export type UserFilters = { q: string; role: UserRole | null; status: UserStatus | null; sort: UserSort; page: number };

type Params = ListParams;

export function parseUserFilters(params: Params): UserFilters {
  return {
    q: cleanSearch(single(params.q), USERS_QUERY_MAX_LENGTH),
    role: oneOf(ROLES, single(params.role)),
    status: oneOf(USER_STATUSES, single(params.status)),
    sort: oneOf(USER_SORTS, single(params.sort)) ?? "newest",
    page: parsePage(single(params.page)),
  };
}

const userId = idField("This user could not be found.");

export const userRoleSchema = z.object({
  id: userId,
  role: z.enum(ROLES, { error: "Choose user, editor or admin." }),
  /** "yes" once an admin has confirmed giving up their own admin role. */
  confirm: z.literal("yes").optional().catch(undefined),
});

export const userStatusSchema = z.object({
  id: userId,
  disabled: z.enum(["true", "false"], { error: "Choose to disable or re-enable." }).transform((v) => v === "true"),
});

const role = z.enum(ROLES, { error: "Choose user, editor or admin." });

/** A new account: the sign-up's fields and rules (username, email, names, password) and a role. */
export const userCreateSchema = signUpSchema.extend({ role });

/** Names and email of an account, with the sign-up's rules. */
export const userAccountSchema = signUpSchema.omit({ password: true }).extend({ id: userId });

/** A temporary password (the sign-up's rules) that the user must replace at their next sign-in. */
export const userPasswordResetSchema = z.object({ id: userId, password: newPassword });

export const userDeleteSchema = z.object({ id: userId });
