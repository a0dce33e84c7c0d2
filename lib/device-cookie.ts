import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

/**
 * A trusted device: after a successful sign-in through the form, the browser keeps a cookie signed with
 * AUTH_SECRET naming the account and a random device id. A sign-in attempt that presents one for the account it
 * tries is throttled by that device's own counter instead of the account's, so failures others cause (an attacker
 * keeping the account locked) do not lock out the owner's browsers; a device guessing passwords still locks itself
 * after 5. The cookie is scoped to /sign-in: no other page receives it.
 */
export const DEVICE_COOKIE = "marquee_device";
export const DEVICE_COOKIE_PATH = "/sign-in";
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

function signature(userId: number, device: string): Buffer {
  return createHmac("sha256", authSecret()).update(`marquee-device:${userId}:${device}`).digest();
}

export function issueDeviceToken(userId: number): string {
  const device = randomBytes(16).toString("base64url");
  return `${userId}.${device}.${signature(userId, device).toString("base64url")}`;
}

/** The account and device a cookie value names, when its signature holds; null for anything else. */
export function readDeviceToken(value: string | undefined | null): { userId: number; device: string } | null {
  if (!value || value.length > 200) return null;
  const match = /^(\d{1,10})\.([\w-]{22})\.([\w-]{43})$/.exec(value);
  if (!match) return null;
  const userId = Number(match[1]);
  const expected = signature(userId, match[2]);
  const given = Buffer.from(match[3], "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, device: match[2] };
}

/** The device cookie's value in a Cookie header. */
export function deviceCookieIn(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at !== -1 && part.slice(0, at).trim() === DEVICE_COOKIE) return part.slice(at + 1).trim();
  }
  return undefined;
}

export const deviceCookieOptions = (secure: boolean) =>
  ({ httpOnly: true, sameSite: "lax", path: DEVICE_COOKIE_PATH, maxAge: MAX_AGE_SECONDS, secure }) as const;
