/**
 * The session cookie read without Auth.js's session action, for GET /api/viewer (the production server answers it
 * before Next, lib/server/viewer-endpoint.ts, and the route handler does the same under `next dev`) and for every
 * page, action and route handler (getViewer in lib/session.ts). It is the check
 * Auth.js does on every read (auth.ts): the cookie Auth.js would read for this request (its name depends on whether
 * the site is served over HTTPS, as in Auth.js), decrypted with Auth.js's own `decode` and AUTH_SECRET (which also
 * checks the expiry), and a user id and session version in it. Whether that version is still the user's, and the
 * user not disabled, is for the caller to check against the database. No "server-only": the production server is
 * not Next's bundle.
 */
import { decode } from "next-auth/jwt";
import { authSecret, getEnv } from "@/lib/env";

const SESSION_COOKIE = "authjs.session-token";

/** As Auth.js names it: `__Secure-` when the site's URL (AUTH_URL, else the forwarded protocol) is HTTPS. */
export function sessionCookieName(forwardedProto: string | null | undefined): string {
  const authUrl = getEnv().AUTH_URL;
  const secure = authUrl ? new URL(authUrl).protocol === "https:" : forwardedProto === "https";
  return secure ? `__Secure-${SESSION_COOKIE}` : SESSION_COOKIE;
}

type Cookie = { name: string; value: string };

/** The cookies of a Cookie header, as name and value pairs. */
function cookiesOfHeader(header: string): Cookie[] {
  const list: Cookie[] = [];
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at !== -1) list.push({ name: part.slice(0, at).trim(), value: part.slice(at + 1).trim() });
  }
  return list;
}

/** The cookie's value, joined from Auth.js's chunks (`name.0`, `name.1`, …) when it was too long for one. */
function cookieValue(cookies: readonly Cookie[], name: string): string | null {
  let whole: string | null = null;
  const chunks: [number, string][] = [];
  for (const { name: key, value } of cookies) {
    // An emptied cookie is one Auth.js deleted (a chunk left over from a longer token).
    if (!value) continue;
    if (key === name) whole = value;
    else if (key.startsWith(`${name}.`) && /^\d+$/.test(key.slice(name.length + 1))) chunks.push([Number(key.slice(name.length + 1)), value]);
  }
  if (chunks.length) return chunks.sort((a, b) => a[0] - b[0]).map(([, value]) => value).join("");
  return whole;
}

export type SessionClaim = { userId: number; sessionVersion: number };

/** The user id and session version the request's session cookie carries, or null (none, forged, expired). */
export function readSessionClaim(cookieHeader: string | null | undefined, forwardedProto: string | null | undefined): Promise<SessionClaim | null> {
  return readSessionClaimOf(cookiesOfHeader(cookieHeader ?? ""), forwardedProto);
}

/**
 * The same from a list of cookies: lib/session.ts passes Next's `cookies()`, which in a server action also holds
 * the cookies the action has set (a password change's new session), where the request's header has the old ones.
 */
export async function readSessionClaimOf(cookies: readonly Cookie[], forwardedProto: string | null | undefined): Promise<SessionClaim | null> {
  const name = sessionCookieName(forwardedProto);
  const token = cookieValue(cookies, name);
  if (!token || token.length > 16_384) return null;
  try {
    const payload = await decode({ token, secret: authSecret(), salt: name });
    const userId = Number(payload?.sub);
    const sessionVersion = payload?.sv;
    if (!Number.isSafeInteger(userId) || userId <= 0 || typeof sessionVersion !== "number") return null;
    return { userId, sessionVersion };
  } catch {
    return null;
  }
}
