"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { headers } from "next/headers";
import { createFile } from "@/db/queries/files";
import { THROTTLE, lockedUntil, minutesUntil, profileKey, recordAttempt, recordFailedSignIn, throttleKeys } from "@/db/queries/throttle";
import { changePassword, checkPassword, deleteUser, setAvatar, updateProfile } from "@/db/queries/users";
import { ActionRefusal, memberAction, passwordChangeAction } from "@/lib/action";
import { FIX_FIELDS, type FormState } from "@/lib/form-state";
import { clientAddress } from "@/lib/client-address";
import { tryAgainIn } from "@/lib/format";
import { checkImage, toAvatar } from "@/lib/images";
import { getStorage, sanitizeFileName } from "@/lib/storage";
import { z } from "zod";
import { deleteAccountSchema, passwordChangeSchema, profileSchema, safeCallbackPath } from "@/lib/validation/account";

// memberAction checks the caller first: actions are public endpoints, whichever page shows the form.

const waitMessage = (until: Date) => `Too many attempts. ${tryAgainIn(minutesUntil(until))}`;

/**
 * The current password asked for again (password change, account deletion) counts against the sign-in throttle of
 * the account and the address: a borrowed session cannot be used to guess it faster than the sign-in form allows.
 */
async function verifyOwnPassword(viewer: { id: number; username: string }, password: string): Promise<"ok" | "wrong" | Date> {
  const keys = throttleKeys(viewer.username, clientAddress(await headers()));
  const until = await lockedUntil(keys);
  if (until) return until;
  if (await checkPassword(viewer.id, password)) return "ok";
  await recordFailedSignIn(keys);
  return "wrong";
}

export const updateProfileAction = memberAction(profileSchema, async (input, { viewer, values }): Promise<FormState> => {
  // "Another account uses this email" tells whether an address has an account: counted per user.
  const until = await lockedUntil([profileKey(viewer.id)]);
  if (until) throw new ActionRefusal(waitMessage(until));
  const outcome = await updateProfile(viewer.id, input);
  if (outcome === "email-taken") {
    await recordAttempt(profileKey(viewer.id), THROTTLE.profile);
    throw new ActionRefusal(FIX_FIELDS, { email: "Another account uses this email." });
  }
  revalidatePath("/account");
  return { ok: true, message: "Your profile is saved.", values };
});

export const changePasswordAction = passwordChangeAction(passwordChangeSchema, async ({ current_password, new_password }, { viewer, formData }): Promise<FormState> => {
  const checked = await verifyOwnPassword(viewer, current_password);
  if (checked instanceof Date) throw new ActionRefusal(waitMessage(checked));
  if (checked === "wrong") throw new ActionRefusal(FIX_FIELDS, { current_password: "This is not your current password." });
  await changePassword(viewer.id, new_password);
  // Every session ends with the new session version; this device signs in again with the new password.
  await signIn("credentials", { login: viewer.username, password: new_password, redirect: false });
  // The change an admin's reset asked for: on to where the user was going when they were sent to change it.
  if (viewer.must_change_password) redirect(safeCallbackPath(formData?.get("callbackUrl")));
  return { ok: true, message: "Your password is changed. Other devices have been signed out." };
});

/** The avatar's file part: checkImage says what is wrong with anything else. */
const avatarSchema = z.object({ avatar: z.unknown() });

export const uploadAvatarAction = memberAction(avatarSchema, async ({ avatar }, { viewer }): Promise<FormState> => {
  const image = await checkImage(avatar);
  if ("error" in image) throw new ActionRefusal(image.error, { avatar: image.error });
  const bytes = await toAvatar(image);
  const storage = getStorage();
  const fileName = sanitizeFileName((avatar as File).name, "image/webp");
  const stored = await storage.put({ fileName, mimeType: "image/webp", bytes, isPublic: true });
  const row = await createFile({ file_name: fileName, mime_type: "image/webp", file_key: stored.key, file_url: stored.url, is_public: true, size_bytes: bytes.length });
  const previous = await setAvatar(viewer.id, row.id);
  if (previous) await storage.remove(previous.file_key).catch(() => {});
  revalidatePath("/", "layout");
  return { ok: true, message: "Your new avatar is saved." };
});

export const removeAvatarAction = memberAction(z.object({}), async (_input, { viewer }): Promise<FormState> => {
  const previous = await setAvatar(viewer.id, null);
  if (previous) await getStorage().remove(previous.file_key).catch(() => {});
  revalidatePath("/", "layout");
  return { ok: true, message: previous ? "Your avatar is removed." : "You had no avatar." };
});

export const deleteAccountAction = memberAction(deleteAccountSchema, async ({ password }, { viewer }): Promise<FormState> => {
  const checked = await verifyOwnPassword(viewer, password);
  if (checked instanceof Date) throw new ActionRefusal(waitMessage(checked));
  if (checked === "wrong") throw new ActionRefusal("Your account was not deleted.", { password: "This is not your password." });
  const outcome = await deleteUser(viewer.id);
  if (!outcome.deleted) throw new ActionRefusal("You are the only administrator: make someone else an administrator before deleting your account.");
  if (outcome.avatarKey) await getStorage().remove(outcome.avatarKey).catch(() => {});
  await signOut({ redirect: false });
  redirect("/?account=deleted");
});
