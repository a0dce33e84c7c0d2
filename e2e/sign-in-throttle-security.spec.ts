/**
 * The sign-in and sign-up throttles against a client who controls its headers and against someone who wants to
 * lock an account's owner out. Other clients are other source addresses (e2e/support/loopback.ts): with
 * TRUST_PROXY=0 nothing but the socket says who a client is.
 */
import { expect, test, type Page } from "@playwright/test";
import { like, sql } from "drizzle-orm";
import { auth_throttle } from "@/db/schema";
import { withTestDatabase } from "./support/database";
import { loopbackClient } from "./support/loopback";
import { createTestUser } from "./support/users";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const forgedAddress = (i: number) => `203.0.113.${(i % 250) + 1}`;

test("a new X-Forwarded-For per attempt does not escape the per-address throttle", async () => {
  const attacker = loopbackClient();
  const run = stamp();
  let throttledAt = -1;
  for (let i = 0; i < 24 && throttledAt === -1; i++) {
    const attempt = await attacker.signIn(`nobody_${run}_${i}`, "not the password", { "x-forwarded-for": forgedAddress(i), "x-real-ip": forgedAddress(i + 1) });
    expect(attempt.signedIn).toBe(false);
    if (attempt.throttled) throttledAt = i;
  }
  // The 20th failure from one address locks it (and says so), whatever the headers said.
  expect(throttledAt).toBe(19);
  const counters = await withTestDatabase((db) => db.select({ key: auth_throttle.key, failures: auth_throttle.failures }).from(auth_throttle).where(like(auth_throttle.key, "ip:%")));
  expect(counters.filter((c) => c.key.startsWith("ip:203.0.113."))).toEqual([]);
  expect(counters.find((c) => c.key === `ip:${attacker.address}`)?.failures).toBeGreaterThanOrEqual(20);

  // The locked address cannot sign in even with a right password; another client can.
  const user = await createTestUser();
  expect((await attacker.signIn(user.username, user.password, { "x-forwarded-for": "198.51.100.7" })).throttled).toBe(true);
  expect((await loopbackClient().signIn(user.username, user.password)).signedIn).toBe(true);
});

test("sign-ups that say whether an email exists are throttled per address", async () => {
  const prober = loopbackClient();
  const answers: string[] = [];
  for (let i = 0; i < 11; i++) {
    const response = await prober.callAction(
      { file: "app/(auth)/actions.ts", name: "signUpAction" },
      { username: `probe_${stamp()}`, email: "visitor@marquee.test", first_name: "Pro", last_name: "Ber", password: "a long and quiet evening", callbackUrl: "/" },
      {},
    );
    expect(response.status).toBe(200);
    answers.push(response.text);
  }
  expect(answers.slice(0, 10).every((text) => text.includes("An account with this email already exists"))).toBe(true);
  expect(answers[10]).toContain("Too many sign-ups from your network");
  expect(answers[10]).not.toContain("already exists");

  // Locked means locked: a brand-new account from that address waits too, and nothing is created.
  const fresh = `fresh_${stamp()}`;
  const refused = await prober.callAction(
    { file: "app/(auth)/actions.ts", name: "signUpAction" },
    { username: fresh, email: `${fresh}@example.com`, first_name: "New", last_name: "Comer", password: "a long and quiet evening", callbackUrl: "/" },
    {},
  );
  expect(refused.text).toContain("Too many sign-ups");
  const created = await withTestDatabase((db) => db.execute(sql`select count(*)::int as n from user_ where username = ${fresh}`));
  expect(created[0].n).toBe(0);

  // Another address signs up as usual.
  const other = await loopbackClient().callAction(
    { file: "app/(auth)/actions.ts", name: "signUpAction" },
    { username: fresh, email: `${fresh}@example.com`, first_name: "New", last_name: "Comer", password: "a long and quiet evening", callbackUrl: "/" },
    {},
  );
  expect(other.headers["x-action-redirect"]).toBeTruthy();
});

async function signInThroughForm(page: Page, login: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Username or email").fill(login);
  await page.getByLabel("Password").fill(password);
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
}

test("someone who keeps an account locked does not lock out the browsers its owner signed in with", async ({ browser }) => {
  const owner = await createTestUser();
  const ownersBrowser = await browser.newContext();
  const ownersPage = await ownersBrowser.newPage();
  await signInThroughForm(ownersPage, owner.username, owner.password);
  await expect(ownersPage.getByTestId("user-menu")).toBeVisible();
  // Signed out, the browser keeps what it was given at sign-in other than the session.
  await ownersBrowser.clearCookies({ name: "authjs.session-token" });

  // The attacker, from elsewhere, fails six times: the account is locked for everyone the account does not trust.
  const attacker = loopbackClient();
  let attempt = { throttled: false };
  for (let i = 0; i < 6; i++) attempt = await attacker.signIn(owner.username, `guess ${i}`);
  expect(attempt.throttled).toBe(true);

  const strangersPage = await (await browser.newContext()).newPage();
  await signInThroughForm(strangersPage, owner.username, owner.password);
  await expect(strangersPage.getByTestId("form-message")).toContainText(/Too many failed attempts\. Try again in \d+ minutes?/);

  // The owner's browser signs in as usual.
  await signInThroughForm(ownersPage, owner.username, owner.password);
  await expect(ownersPage.getByTestId("user-menu")).toBeVisible();
  await expect(ownersPage).not.toHaveURL(/sign-in/);

  // The owner's browser is trusted by a cookie that only the sign-in page receives.
  const device = (await ownersBrowser.cookies()).find((c) => c.name === "marquee_device");
  expect(device?.httpOnly).toBe(true);
  expect(device?.path).toBe("/sign-in");

  // A trusted device still has a throttle of its own: five wrong passwords with its cookie lock that device.
  const thief = loopbackClient();
  thief.setCookie("marquee_device", device!.value);
  for (let i = 0; i < 5; i++) expect((await thief.signIn(owner.username, `guess again ${i}`)).signedIn).toBe(false);
  expect((await thief.signIn(owner.username, owner.password)).throttled).toBe(true);
  // A forged or someone else's device cookie is no device at all: the account's lock applies.
  const forger = loopbackClient();
  forger.setCookie("marquee_device", device!.value.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
  expect((await forger.signIn(owner.username, owner.password)).throttled).toBe(true);
  await ownersBrowser.close();
  await strangersPage.context().close();
});
