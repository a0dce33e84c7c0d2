"use server";

import { revalidatePath } from "next/cache";
import { changeUserRole, otherActiveAdmins, setUserDisabled, type UserChangeOutcome } from "@/db/queries/admin/users";
import { adminAction } from "@/lib/action";
import type { FormState } from "@/lib/form-state";
import { userRoleSchema, userStatusSchema } from "@/lib/validation/admin/user";

/** A user row's answer; `needsConfirmation` asks an admin to confirm giving up their own admin role. */
export type UserActionState = FormState & { needsConfirmation?: string };

const AS: Record<string, string> = { user: "a user", editor: "an editor", admin: "an admin" };

const remain = (names: string[]) => (names.length === 1 ? `${names[0]} remains an admin` : `${names.join(", ")} remain admins`);

function refusal(outcome: Exclude<UserChangeOutcome, { status: "changed" | "unchanged" }>): UserActionState {
  switch (outcome.status) {
    case "not-found":
      return { message: "This user no longer exists." };
    case "last-admin":
      return { message: `${outcome.username} is the only active admin: make someone else an admin first.` };
    case "self":
      return { message: "You cannot disable your own account: another admin can, if it must be." };
    case "not-allowed":
      return { message: "You are no longer an admin, so this was not changed." };
  }
}

/** Gives a user the role user, editor or admin. Their other sessions end (they sign in again with the new role). */
export const changeUserRoleAction = adminAction(userRoleSchema, async ({ id, role, confirm }, { viewer, values }): Promise<UserActionState> => {
  const self = id === viewer.id;

  // Giving up one's own admin role is allowed only while another active admin remains, and only once confirmed.
  if (self && role !== "admin" && confirm !== "yes") {
    const others = await otherActiveAdmins(viewer.id);
    if (others.length === 0) return { message: "You are the only active admin: make someone else an admin first.", values };
    return { needsConfirmation: `You will become ${AS[role]} and can no longer manage users; ${remain(others)}.`, values };
  }

  const outcome = await changeUserRole(id, role, viewer.id);
  if (outcome.status === "unchanged") return { ok: true, message: `${outcome.username} is already ${AS[role]}.`, values: { role } };
  if (outcome.status !== "changed") return { ...refusal(outcome), values };
  if (outcome.self) {
    // No revalidation: this page is for admins only and would turn into the 403 page under the message.
    return { ok: true, message: `You are now ${AS[role]}; ${remain(outcome.otherAdmins)}. User management is closed to you from your next page on.`, values: { role } };
  }
  revalidatePath("/admin/users");
  return { ok: true, message: `${outcome.username} is now ${AS[role]}; their sessions have ended.`, values: { role } };
});

/** Disables an account (signed out at once, sign-in refused) or re-enables it. */
export const setUserDisabledAction = adminAction(userStatusSchema, async ({ id, disabled }, { viewer }): Promise<UserActionState> => {
  const outcome = await setUserDisabled(id, disabled, viewer.id);
  if (outcome.status === "unchanged") return { ok: true, message: `${outcome.username} is already ${disabled ? "disabled" : "active"}.` };
  if (outcome.status !== "changed") return refusal(outcome);
  revalidatePath("/admin/users");
  return { ok: true, message: disabled ? `${outcome.username} is disabled and signed out everywhere.` : `${outcome.username} can sign in again.` };
});
