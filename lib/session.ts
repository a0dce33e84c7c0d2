import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { viewerOfRequest, type Viewer } from "@/db/queries/users";
import type { FormState } from "@/lib/form-state";
import { requestPath } from "@/lib/request-path";
import { readSessionClaimOf } from "@/lib/session-token";

export type { Viewer };

/**
 * The signed-in user of this request, as the database says now (cached per request), even one whose password an
 * admin reset (`must_change_password`): for the guards, which send them to change it. A cookie whose session
 * version is older than the user's (signed out, password or role changed, disabled) is nobody. The cookie is read
 * from `cookies()`, not the request's Cookie header as `auth()` would: after a server action that issued a new
 * session (a password change signs this device in again), the page it renders belongs to that new session, not to
 * the one it has just revoked. Decoded as Auth.js decodes it (lib/session-token.ts), checked as auth.ts's jwt callback.
 */
export const getSessionViewer = cache(async (): Promise<Viewer | null> => {
  const claim = await readSessionClaimOf((await cookies()).getAll(), (await headers()).get("x-forwarded-proto"));
  if (!claim) return null;
  const viewer = await viewerOfRequest(claim.userId);
  if (!viewer || viewer.session_version !== claim.sessionVersion) return null;
  return viewer;
});

/**
 * The caller as a member: nobody while an admin's password reset is pending, so nothing that reads it (files,
 * exports, lookups, public actions) treats them as signed in until they choose a new password.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const viewer = await getSessionViewer();
  return viewer && !viewer.must_change_password ? viewer : null;
});

export function isEditor(viewer: Viewer | null): boolean {
  return viewer?.role === "editor" || viewer?.role === "admin";
}

export function isAdmin(viewer: Viewer | null): boolean {
  return viewer?.role === "admin";
}


/** Where a user whose password an admin reset is sent from every member page, and back afterwards. */
export const passwordChangePath = (returnTo: string) => `/account/password?callbackUrl=${encodeURIComponent(returnTo)}`;

async function requireRole(allowed: (viewer: Viewer) => boolean): Promise<Viewer> {
  const viewer = await getSessionViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(await requestPath())}`);
  if (viewer.must_change_password) redirect(passwordChangePath(await requestPath()));
  if (!allowed(viewer)) forbidden();
  return viewer;
}

/** For admin pages and route handlers: anonymous → sign-in and back; signed in without the role → 403. */
export function requireEditor(): Promise<Viewer> {
  return requireRole(isEditor);
}

/** As requireEditor, for user management. */
export function requireAdmin(): Promise<Viewer> {
  return requireRole(isAdmin);
}

export type Authorized = { viewer: Viewer; denied?: never } | { viewer?: never; denied: FormState & { status: 401 | 403 } };

const MUST_CHANGE = "An administrator reset your password: choose a new one on your account page first.";

async function authorizeRole(allowed: (viewer: Viewer) => boolean, what: string, passwordChange = false): Promise<Authorized> {
  const viewer = await getSessionViewer();
  if (!viewer) return { denied: { status: 401, message: "Your session has ended. Sign in again to continue." } };
  if (viewer.must_change_password && !passwordChange) return { denied: { status: 403, message: MUST_CHANGE } };
  if (!allowed(viewer)) return { denied: { status: 403, message: `Only ${what} can do this.` } };
  return { viewer };
}

/** Any signed-in user, including one who must first replace a password an admin reset: only the password change. */
export function authorizePasswordChange(): Promise<Authorized> {
  return authorizeRole(() => true, "signed-in users", true);
}

/** Any signed-in user: the guard of memberAction (lib/action.ts). */
export function authorizeMember(): Promise<Authorized> {
  return authorizeRole(() => true, "signed-in users");
}

/**
 * The guard of every catalogue action (editorAction in lib/action.ts): actions are public endpoints, so the admin
 * layout's check is not enough. Route handlers call it too.
 */
export function authorizeEditor(): Promise<Authorized> {
  return authorizeRole(isEditor, "editors");
}

/** As authorizeEditor, for user management (role changes, disabling): adminAction's guard. */
export function authorizeAdmin(): Promise<Authorized> {
  return authorizeRole(isAdmin, "administrators");
}

/** For pages: the viewer, or a redirect to sign-in that comes back here. */
export async function requireUser(returnTo: string): Promise<Viewer> {
  const viewer = await getSessionViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (viewer.must_change_password) redirect(passwordChangePath(returnTo));
  return viewer;
}

/** The password change page: signed in, whether or not an admin's reset is pending. */
export async function requirePasswordChanger(returnTo: string): Promise<Viewer> {
  const viewer = await getSessionViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}
