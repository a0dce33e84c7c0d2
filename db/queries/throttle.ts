import "server-only";
import { sql } from "drizzle-orm";
import { db } from "../index";

/**
 * Counters in PostgreSQL (shared by all instances): failed sign-ins per account (or per trusted device, see
 * lib/device-cookie.ts) and per client address; sign-up attempts per address (each one says whether an email or
 * username exists); "already taken" answers of the profile form per user.
 */
export const THROTTLE = {
  account: { limit: 5, windowMinutes: 15, lockMinutes: 15 },
  address: { limit: 20, windowMinutes: 15, lockMinutes: 15 },
  signUp: { limit: 10, windowMinutes: 15, lockMinutes: 15 },
  profile: { limit: 10, windowMinutes: 15, lockMinutes: 15 },
} as const;

type Rule = { limit: number; windowMinutes: number; lockMinutes: number };

/** `account` is the account's key, or a trusted device's when the caller presents one for that account. */
export type ThrottleKeys = { account: string; address: string };

export function throttleKeys(login: string, address: string, trustedDevice?: string): ThrottleKeys {
  return { account: trustedDevice ? `device:${trustedDevice}` : `account:${login.trim().toLowerCase()}`, address: `ip:${address}` };
}

export const signUpKey = (address: string) => `signup:${address}`;
export const profileKey = (userId: number) => `profile:${userId}`;

/** When the caller may try again, or null when none of the keys is locked. */
export async function lockedUntil(keys: ThrottleKeys | string[]): Promise<Date | null> {
  const list = Array.isArray(keys) ? keys : [keys.account, keys.address];
  const [row] = await db.execute<{ until: Date | null }>(sql`
    select max(locked_until) as until from auth_throttle
    where key in (${sql.join(list.map((key) => sql`${key}`), sql`, `)}) and locked_until > now()`);
  return row?.until ? new Date(row.until) : null;
}

/** Minutes to wait for a lock that ends at `until` (at least 1). */
export function minutesUntil(until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
}

/** Counts one attempt against the key; the attempt that reaches the rule's limit locks it. */
export async function recordAttempt(key: string, rule: Rule) {
  // One atomic statement: concurrent failures from several instances all count.
  await db.execute(sql`
    insert into auth_throttle (key, failures, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when auth_throttle.window_started_at < now() - make_interval(mins => ${rule.windowMinutes})
                      then 1 else auth_throttle.failures + 1 end,
      window_started_at = case when auth_throttle.window_started_at < now() - make_interval(mins => ${rule.windowMinutes})
                               then now() else auth_throttle.window_started_at end,
      locked_until = case when (case when auth_throttle.window_started_at < now() - make_interval(mins => ${rule.windowMinutes})
                                     then 1 else auth_throttle.failures + 1 end) >= ${rule.limit}
                          then now() + make_interval(mins => ${rule.lockMinutes}) else auth_throttle.locked_until end`);
}

export async function recordFailedSignIn(keys: ThrottleKeys) {
  await recordAttempt(keys.account, THROTTLE.account);
  await recordAttempt(keys.address, THROTTLE.address);
}

/**
 * A successful sign-in clears the counter it was judged by (the account's, or the trusted device's: a lock others
 * caused on the account stays for devices it does not trust); the address counter runs out by itself.
 */
export async function clearAccountThrottle(keys: ThrottleKeys) {
  await db.execute(sql`delete from auth_throttle where key = ${keys.account}`);
}
