"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { createUser, getUserIdByLogin } from "@/db/queries/users";
import { parseForm, typedValues, type FormState } from "@/lib/action";
import { applyPendingFavorite } from "@/lib/pending-favorite";
import { safeCallbackPath, signInSchema, signUpSchema } from "@/lib/validation/account";

async function signInAndGo(login: string, password: string, callbackUrl: string, values: Record<string, string>): Promise<FormState> {
  try {
    await signIn("credentials", { login, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error instanceof CredentialsSignin ? error.code : "";
      const throttled = /^throttled-(\d+)$/.exec(code);
      if (throttled) {
        const minutes = Number(throttled[1]);
        return { message: `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, values };
      }
      // The same answer for an unknown user and a wrong password.
      return { message: "That username or email and password don't match an account.", values };
    }
    throw error;
  }
  await applyPendingFavorite((await getUserIdByLogin(login)) ?? undefined);
  redirect(callbackUrl);
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signInSchema, formData);
  if (parsed.state) return parsed.state;
  const values = typedValues(formData);
  return signInAndGo(parsed.data.login, parsed.data.password, safeCallbackPath(formData.get("callbackUrl")), values);
}

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signUpSchema, formData);
  if (parsed.state) return parsed.state;
  const values = typedValues(formData);
  const created = await createUser(parsed.data);
  if ("taken" in created) {
    const fieldErrors: Record<string, string> = {};
    if (created.taken.includes("username")) fieldErrors.username = "This username is taken.";
    if (created.taken.includes("email")) fieldErrors.email = "An account with this email already exists. Sign in instead?";
    return { fieldErrors, message: "Please correct the highlighted fields.", values };
  }
  return signInAndGo(parsed.data.username, parsed.data.password, safeCallbackPath(formData.get("callbackUrl")), values);
}
