"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { headers } from "next/headers";
import { createFile } from "@/db/queries/files";
import { THROTTLE, lockedUntil, minutesUntil, profileKey, recordAttempt, recordFailedSignIn, throttleKeys } from "@/db/queries/throttle";
import { changePassword, checkPassword, deleteUser, setAvatar, updateProfile } from "@/db/queries/users";
import { parseForm, typedValues, type FormState } from "@/lib/action";
import { clientAddress } from "@/lib/client-address";
import { tryAgainIn } from "@/lib/format";
import { checkImage, toAvatar } from "@/lib/images";
import { getViewer } from "@/lib/session";
import { getStorage, sanitizeFileName } from "@/lib/storage";
import { deleteAccountSchema, passwordChangeSchema, profileSchema } from "@/lib/validation/account";

// Every action checks its caller itself: actions are public endpoints, whichever page shows the form.
const SIGNED_OUT: FormState = { message: "Your session has ended. Sign in again to continue." };

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

export async function updateProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) return SIGNED_OUT;
  const parsed = parseForm(profileSchema, formData);
  if (parsed.state) return parsed.state;
  // "Another account uses this email" tells whether an address has an account: counted per user.
  const until = await lockedUntil([profileKey(viewer.id)]);
  if (until) return { message: waitMessage(until), values: typedValues(formData) };
  const outcome = await updateProfile(viewer.id, parsed.data);
  if (outcome === "email-taken") {
    await recordAttempt(profileKey(viewer.id), THROTTLE.profile);
    return { fieldErrors: { email: "Another account uses this email." }, message: "Please correct the highlighted fields.", values: typedValues(formData) };
  }
  revalidatePath("/account");
  return { ok: true, message: "Your profile is saved.", values: typedValues(formData) };
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) return SIGNED_OUT;
  const parsed = parseForm(passwordChangeSchema, formData);
  if (parsed.state) return parsed.state;
  const checked = await verifyOwnPassword(viewer, parsed.data.current_password);
  if (checked instanceof Date) return { message: waitMessage(checked) };
  if (checked === "wrong") {
    return { fieldErrors: { current_password: "This is not your current password." }, message: "Please correct the highlighted fields." };
  }
  await changePassword(viewer.id, parsed.data.new_password);
  // Every session ends with the new session version; this device signs in again with the new password.
  await signIn("credentials", { login: viewer.username, password: parsed.data.new_password, redirect: false });
  return { ok: true, message: "Your password is changed. Other devices have been signed out." };
}

export async function uploadAvatarAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) return SIGNED_OUT;
  const file = formData.get("avatar");
  const image = await checkImage(file);
  if ("error" in image) return { fieldErrors: { avatar: image.error }, message: image.error };
  const bytes = await toAvatar(image);
  const storage = getStorage();
  const fileName = sanitizeFileName((file as File).name, "image/webp");
  const stored = await storage.put({ fileName, mimeType: "image/webp", bytes, isPublic: true });
  const row = await createFile({ file_name: fileName, mime_type: "image/webp", file_key: stored.key, file_url: stored.url, is_public: true, size_bytes: bytes.length });
  const previous = await setAvatar(viewer.id, row.id);
  if (previous) await storage.remove(previous.file_key).catch(() => {});
  revalidatePath("/", "layout");
  return { ok: true, message: "Your new avatar is saved." };
}

export async function removeAvatarAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) return SIGNED_OUT;
  const previous = await setAvatar(viewer.id, null);
  if (previous) await getStorage().remove(previous.file_key).catch(() => {});
  revalidatePath("/", "layout");
  return { ok: true, message: previous ? "Your avatar is removed." : "You had no avatar." };
}

export async function deleteAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) return SIGNED_OUT;
  const parsed = parseForm(deleteAccountSchema, formData);
  if (parsed.state) return parsed.state;
  const checked = await verifyOwnPassword(viewer, parsed.data.password);
  if (checked instanceof Date) return { message: waitMessage(checked) };
  if (checked === "wrong") {
    return { fieldErrors: { password: "This is not your password." }, message: "Your account was not deleted." };
  }
  const outcome = await deleteUser(viewer.id);
  if (!outcome.deleted) {
    return { message: "You are the only administrator: make someone else an administrator before deleting your account." };
  }
  if (outcome.avatarKey) await getStorage().remove(outcome.avatarKey).catch(() => {});
  await signOut({ redirect: false });
  redirect("/?account=deleted");
}
