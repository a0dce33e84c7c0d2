"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { THROTTLE, lockedUntil, minutesUntil, recordAttempt, signUpKey } from "@/db/queries/throttle";
import { createUser, getUserIdByLogin, mustChangePassword } from "@/db/queries/users";
import { ActionRefusal, publicAction } from "@/lib/action";
import { FIX_FIELDS, type FormState } from "@/lib/form-state";
import { clientAddress } from "@/lib/client-address";
import { DEVICE_COOKIE, deviceCookieOptions, issueDeviceToken } from "@/lib/device-cookie";
import { tryAgainIn } from "@/lib/format";
import { applyPendingFavorite } from "@/lib/pending-favorite";
import { requestIsHttps } from "@/lib/request-path";
import { passwordChangePath } from "@/lib/session";
import { safeCallbackPath, signInSchema, signUpSchema } from "@/lib/validation/account";

async function signInAndGo(login: string, password: string, callbackUrl: string, values: Record<string, string>): Promise<FormState> {
  try {
    await signIn("credentials", { login, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error instanceof CredentialsSignin ? error.code : "";
      const throttled = /^throttled-(\d+)$/.exec(code);
      if (throttled) return { message: `Too many failed attempts. ${tryAgainIn(Number(throttled[1]))}`, values };
      // The same answer for an unknown user and a wrong password.
      return { message: "That username or email and password don't match an account.", values };
    }
    throw error;
  }
  const userId = await getUserIdByLogin(login);
  if (userId) {
    // This browser is now a trusted device of the account: others' failed attempts no longer lock it out.
    (await cookies()).set(DEVICE_COOKIE, issueDeviceToken(userId), deviceCookieOptions(await requestIsHttps()));
  }
  // A password an admin reset is replaced first; the page then leads on to where the user was going.
  if (userId && (await mustChangePassword(userId))) redirect(passwordChangePath(callbackUrl));
  await applyPendingFavorite(userId ?? undefined);
  redirect(callbackUrl);
}

export const signInAction = publicAction(signInSchema, async ({ login, password }, { formData, values }) =>
  signInAndGo(login, password, safeCallbackPath(formData?.get("callbackUrl")), values),
);

/**
 * Every sign-up that reaches the uniqueness check tells its sender whether a username or email exists, so attempts
 * are counted per client address (10 per 15 minutes, shared by all instances): enough for a household or an
 * office signing up, too few to test a list of addresses. We keep the precise "already exists" answer (it is what
 * a person signing up needs); an offline site cannot send the "check your email" message that would hide it.
 */
export const signUpAction = publicAction(signUpSchema, async (input, { formData, values }) => {
  const key = signUpKey(clientAddress(await headers()));
  const until = await lockedUntil([key]);
  if (until) throw new ActionRefusal(`Too many sign-ups from your network. ${tryAgainIn(minutesUntil(until))}`);
  await recordAttempt(key, THROTTLE.signUp);
  const created = await createUser(input);
  if ("taken" in created) {
    const fieldErrors: Record<string, string> = {};
    if (created.taken.includes("username")) fieldErrors.username = "This username is taken.";
    if (created.taken.includes("email")) fieldErrors.email = "An account with this email already exists. Sign in instead?";
    throw new ActionRefusal(FIX_FIELDS, fieldErrors);
  }
  return signInAndGo(input.username, input.password, safeCallbackPath(formData?.get("callbackUrl")), values);
});
