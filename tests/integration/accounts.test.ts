import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { clearAccountThrottle, lockedUntil, recordFailedSignIn, THROTTLE, throttleKeys } from "@/db/queries/throttle";
import { changePassword, createUser, deleteUser, getViewerById, revokeSessions, verifyCredentials } from "@/db/queries/users";
import { safeCallbackPath, signUpSchema } from "@/lib/validation/account";
import { openTestDatabase } from "../support/database";

const { db, sql: client } = openTestDatabase();
afterAll(() => client.end({ timeout: 5 }));
beforeEach(async () => {
  await db.execute(sql`truncate auth_throttle, favorite_movies, user_ restart identity cascade`);
});

const valid = { username: "cinephile", email: "Cine@Example.com", first_name: "Cine", last_name: "Phile", password: "a long walk 🌙 at dusk" };

describe("sign-up validation", () => {
  it("accepts 8 to 128 characters of anything, counting an emoji as one", () => {
    expect(signUpSchema.safeParse({ ...valid, password: "🎬🎬🎬🎬🎬🎬🎬🎬" }).success).toBe(true);
    expect(signUpSchema.safeParse({ ...valid, password: "🎬🎬🎬🎬🎬🎬🎬" }).success).toBe(false);
    expect(signUpSchema.safeParse({ ...valid, password: "x".repeat(128) + "" }).success).toBe(true);
    expect(signUpSchema.safeParse({ ...valid, password: "x".repeat(129) }).success).toBe(false);
  });

  it("refuses the most common passwords whatever their case", () => {
    for (const password of ["password", "PASSWORD1", "12345678", "qwertyuiop", "iloveyou"]) {
      const r = signUpSchema.safeParse({ ...valid, password });
      expect(r.success, password).toBe(false);
    }
  });

  it("gives a message per field", () => {
    const r = signUpSchema.safeParse({ username: "x", email: "nope", first_name: "", last_name: " ", password: "" });
    expect(r.success).toBe(false);
    const fields = new Set(r.error!.issues.map((i) => i.path[0]));
    expect([...fields].sort()).toEqual(["email", "first_name", "last_name", "password", "username"]);
  });
});

describe("callbackUrl", () => {
  it("is honoured for same-origin paths only", () => {
    expect(safeCallbackPath("/movies/42-the-godfather?x=1#cast")).toBe("/movies/42-the-godfather?x=1#cast");
    for (const evil of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", null, 42]) {
      expect(safeCallbackPath(evil)).toBe("/");
    }
  });
});

describe("accounts", () => {
  it("usernames and emails are unique whatever their case", async () => {
    expect(await createUser(valid)).toHaveProperty("id");
    expect(await createUser({ ...valid, username: "CINEPHILE", email: "other@example.com" })).toEqual({ taken: ["username"] });
    expect(await createUser({ ...valid, username: "other", email: "cine@example.COM" })).toEqual({ taken: ["email"] });
  });

  it("signs in by username or email, any case; the same null for unknown user and wrong password", async () => {
    const created = (await createUser(valid)) as { id: number };
    expect(await verifyCredentials("CINEPHILE", valid.password)).toMatchObject({ id: created.id });
    expect(await verifyCredentials("cine@example.com", valid.password)).toMatchObject({ id: created.id });
    expect(await verifyCredentials("cinephile", "wrong password")).toBeNull();
    expect(await verifyCredentials("nobody", valid.password)).toBeNull();
  });

  it("stores argon2id hashes, never the password", async () => {
    await createUser(valid);
    const [row] = await db.execute<{ password: string }>(sql`select password from user_`);
    expect(row.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password).not.toContain(valid.password);
  });

  it("revokes sessions: sign-out everywhere, a password change, a disabled account", async () => {
    const { id } = (await createUser(valid)) as { id: number };
    const v0 = (await getViewerById(id))!.session_version;
    await revokeSessions(id);
    expect((await getViewerById(id))!.session_version).toBe(v0 + 1);
    expect(await changePassword(id, "another long passphrase")).toBe(v0 + 2);
    expect(await verifyCredentials("cinephile", valid.password)).toBeNull();
    expect(await verifyCredentials("cinephile", "another long passphrase")).not.toBeNull();
    await db.execute(sql`update user_ set disabled_at = now() where id = ${id}`);
    expect(await getViewerById(id)).toBeNull();
    expect(await verifyCredentials("cinephile", "another long passphrase")).toBeNull();
  });
});

describe("sign-in throttling (counters in PostgreSQL)", () => {
  it("locks an account after repeated failures, whatever the address, and a success clears it", async () => {
    const fromA = throttleKeys("Cinephile", "10.0.0.1");
    for (let i = 1; i < THROTTLE.account.limit; i++) {
      await recordFailedSignIn(throttleKeys("cinephile", `10.0.0.${i}`));
      expect(await lockedUntil(fromA)).toBeNull();
    }
    await recordFailedSignIn(throttleKeys("CINEPHILE", "10.0.0.99"));
    const until = await lockedUntil(fromA);
    expect(until).not.toBeNull();
    const minutes = (until!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(THROTTLE.account.lockMinutes - 1);
    expect(minutes).toBeLessThanOrEqual(THROTTLE.account.lockMinutes);
    // Another account from a fresh address is not affected.
    expect(await lockedUntil(throttleKeys("someone-else", "10.0.1.1"))).toBeNull();
    await clearAccountThrottle(fromA);
    expect(await lockedUntil(throttleKeys("cinephile", "10.0.2.1"))).toBeNull();
  });

  it("locks an address that tries many accounts", async () => {
    for (let i = 0; i < THROTTLE.address.limit; i++) await recordFailedSignIn(throttleKeys(`user${i}`, "192.0.2.7"));
    expect(await lockedUntil(throttleKeys("fresh-account", "192.0.2.7"))).not.toBeNull();
    expect(await lockedUntil(throttleKeys("fresh-account", "192.0.2.8"))).toBeNull();
  });

  it("lets the owner in after the cooldown (an expired lock counts from zero again)", async () => {
    const keys = throttleKeys("cinephile", "10.9.9.9");
    for (let i = 0; i < THROTTLE.account.limit; i++) await recordFailedSignIn(keys);
    expect(await lockedUntil(keys)).not.toBeNull();
    await db.execute(sql`update auth_throttle set locked_until = now() - interval '1 second', window_started_at = now() - interval '16 minutes'`);
    expect(await lockedUntil(keys)).toBeNull();
    await recordFailedSignIn(keys);
    expect(await lockedUntil(keys)).toBeNull();
  });

  it("counts concurrent failures from several instances exactly", async () => {
    const keys = throttleKeys("burst", "198.51.100.1");
    await Promise.all(Array.from({ length: 12 }, () => recordFailedSignIn(keys)));
    const [row] = await db.execute<{ failures: number }>(sql`select failures from auth_throttle where key = ${keys.address}`);
    expect(row.failures).toBe(12);
  });
});

describe("account deletion", () => {
  it("refuses to delete the last active administrator, and deletes once another admin exists", async () => {
    const admin = await createUser({ ...valid, username: "onlyadmin", email: "only@example.com" });
    const other = await createUser({ ...valid, username: "second", email: "second@example.com" });
    if (!("id" in admin) || !("id" in other)) throw new Error("users not created");
    await db.execute(sql`update user_ set role = 'admin' where id = ${admin.id}`);
    expect(await deleteUser(admin.id)).toEqual({ deleted: false, reason: "last-admin" });
    expect(await getViewerById(admin.id)).not.toBeNull();
    // A disabled admin does not count as the one remaining.
    await db.execute(sql`update user_ set role = 'admin', disabled_at = now() where id = ${other.id}`);
    expect(await deleteUser(admin.id)).toEqual({ deleted: false, reason: "last-admin" });
    await db.execute(sql`update user_ set disabled_at = null where id = ${other.id}`);
    expect(await deleteUser(admin.id)).toEqual({ deleted: true, avatarKey: null });
    expect(await getViewerById(admin.id)).toBeNull();
  });
});
