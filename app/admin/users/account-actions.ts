"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type AccountOutcome, createUserAsAdmin, deleteUserAsAdmin, resetUserPassword, updateUserAccount } from "@/db/queries/admin/user-accounts";
import { ActionRefusal, adminAction } from "@/lib/action";
import { FIX_FIELDS, type FormState } from "@/lib/form-state";
import { getStorage } from "@/lib/storage";
import { userAccountSchema, userCreateSchema, userDeleteSchema, userPasswordResetSchema } from "@/lib/validation/admin/user";

/** The sign-up's words for a taken username or email (both are unique regardless of case). */
function takenErrors(fields: ("username" | "email")[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (fields.includes("username")) errors.username = "This username is taken.";
  if (fields.includes("email")) errors.email = "An account with this email already exists.";
  return errors;
}

function refuse(outcome: Exclude<AccountOutcome, { status: "done" }>, self: string): never {
  switch (outcome.status) {
    case "not-found":
      throw new ActionRefusal("This user no longer exists.");
    case "self":
      throw new ActionRefusal(self);
    case "last-admin":
      throw new ActionRefusal(`${outcome.username} is the only active admin: make someone else an admin first.`);
    case "not-allowed":
      throw new ActionRefusal("You are no longer an admin, so this was not changed.");
  }
}

/** Creates an account with a role and a first password (the sign-up's rules), then shows it in the list. */
export const createUserAction = adminAction(userCreateSchema, async (input): Promise<FormState> => {
  const outcome = await createUserAsAdmin(input);
  if (outcome.status === "taken") throw new ActionRefusal(FIX_FIELDS, takenErrors(outcome.fields));
  revalidatePath("/admin/users");
  redirect(`/admin/users?q=${encodeURIComponent(input.username)}&created=${encodeURIComponent(input.username)}`);
});

/** Names and email of an account; the username too (the session is keyed by id, so nobody is signed out). */
export const updateUserAction = adminAction(
  userAccountSchema,
  async ({ id, ...fields }, { values }): Promise<FormState> => {
    const outcome = await updateUserAccount(id, fields);
    if (outcome.status === "taken") throw new ActionRefusal(FIX_FIELDS, takenErrors(outcome.fields));
    if (outcome.status === "not-found") throw new ActionRefusal("This user no longer exists.");
    revalidatePath("/admin/users");
    return { ok: true, message: `${fields.username} is saved.`, values };
  },
  { hidden: ["id"] },
);

/** A temporary password the user must replace at their next sign-in; their sessions end at once. */
export const resetUserPasswordAction = adminAction(
  userPasswordResetSchema,
  async ({ id, password }, { viewer }): Promise<FormState> => {
    const outcome = await resetUserPassword(id, password, viewer.id);
    if (outcome.status !== "done") refuse(outcome, "Change your own password on your account page.");
    return { ok: true, message: `${outcome.username} is signed out everywhere and must choose a new password after signing in with this one.` };
  },
  { hidden: ["id"] },
);

/** Deletes an account with its favorites and avatar; never one's own, never the last active admin. */
export const deleteUserAction = adminAction(
  userDeleteSchema,
  async ({ id }, { viewer }): Promise<FormState> => {
    const outcome = await deleteUserAsAdmin(id, viewer.id);
    if (outcome.status !== "done") refuse(outcome, "You cannot delete your own account here: delete it from your account page once another admin remains.");
    if (outcome.avatarKey) await getStorage().remove(outcome.avatarKey).catch(() => {});
    revalidatePath("/admin/users");
    redirect(`/admin/users?deleted=${encodeURIComponent(outcome.username)}`);
  },
  { hidden: ["id"] },
);
