import "server-only";
import { sql } from "drizzle-orm";
import { db } from "../index";

/** Failed sign-ins: per account and per client address. Counters live in PostgreSQL (shared by all instances). */
export const THROTTLE = {
  account: { limit: 5, windowMinutes: 15, lockMinutes: 15 },
  address: { limit: 20, windowMinutes: 15, lockMinutes: 15 },
} as const;

export type ThrottleKeys = { account: string; address: string };

export function throttleKeys(login: string, address: string): ThrottleKeys {
  return { account: `account:${login.trim().toLowerCase()}`, address: `ip:${address}` };
}

/** When the caller may try again, or null when neither the account nor the address is locked. */
export async function lockedUntil(keys: ThrottleKeys): Promise<Date | null> {
  const [row] = await db.execute<{ until: Date | null }>(sql`
    select max(locked_until) as until from auth_throttle
    where key in (${keys.account}, ${keys.address}) and locked_until > now()`);
  return row?.until ? new Date(row.until) : null;
}

async function recordOne(key: string, rule: { limit: number; windowMinutes: number; lockMinutes: number }) {
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
  await recordOne(keys.account, THROTTLE.account);
  await recordOne(keys.address, THROTTLE.address);
}

/** A successful sign-in clears the account's counter (the address counter runs out by itself). */
export async function clearAccountThrottle(keys: ThrottleKeys) {
  await db.execute(sql`delete from auth_throttle where key = ${keys.account}`);
}
