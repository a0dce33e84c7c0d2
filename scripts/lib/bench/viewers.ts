/**
 * The benchmark's viewers, as real as a browser: a member signed in through Auth.js (with 3,000 favorites, the
 * heavy case the issue names), and the RSC requests Next's router sends for a client navigation, captured from a
 * real Chromium clicking a link (or, where no page links to the target, from Next's own router.push).
 */
import { existsSync } from "node:fs";
import type postgres from "postgres";
import { hashPassword } from "@/lib/password";

export const BENCH_MEMBER = { username: "bench_member", password: "bench member password 3000" };
export const BENCH_FAVORITES = 3000;
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

/**
 * Creates (or reuses) a benchmark account (by default the member, with BENCH_FAVORITES favorites spread over the
 * catalogue so each page's hearts have some filled); returns its id. Its failed-sign-in counters are cleared.
 */
export async function ensureBenchMember(sql: postgres.Sql, options: { username?: string; role?: "user" | "editor"; favorites?: number } = {}): Promise<number> {
  const { username = BENCH_MEMBER.username, role = "user", favorites = BENCH_FAVORITES } = options;
  const hash = await hashPassword(BENCH_MEMBER.password);
  const [row] = await sql<[{ id: number }]>`
    insert into user_ (username, first_name, last_name, email, password, role)
    values (${username}, 'Bench', 'Member', ${username + "@example.com"}, ${hash}, ${role})
    on conflict (lower(username)) do update set password = excluded.password, role = excluded.role, disabled_at = null
    returning id`;
  const [{ n }] = await sql<[{ n: number }]>`select count(*)::int as n from favorite_movies where user_id = ${row.id}`;
  if (n < favorites) {
    await sql`
      insert into favorite_movies (user_id, movie_id)
      select ${row.id}, id from movie where id % greatest(1, (select count(*) from movie) / ${favorites})::int = 0
      order by id limit ${favorites}
      on conflict do nothing`;
  }
  await sql`delete from auth_throttle where key = ${"account:" + username.toLowerCase()}`;
  return row.id;
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";", 1)[0]);
}

/** Signs in through Auth.js's credentials endpoint (where the sign-in form ends) and returns the Cookie header. */
export async function signInCookie(origin: string, login: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const jar = new Map(cookiesOf(csrf).map((c) => [c.split("=", 1)[0], c]));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...jar.values()].join("; ") },
    body: new URLSearchParams({ csrfToken, login, password, callbackUrl: "/" }),
  });
  for (const c of cookiesOf(response)) jar.set(c.split("=", 1)[0], c);
  const cookie = [...jar.values()].join("; ");
  const session = (await (await fetch(`${origin}/api/auth/session`, { headers: { cookie } })).json()) as { user?: { name?: string } } | null;
  if (!session?.user) throw new Error(`could not sign in as ${login} (status ${response.status})`);
  return cookie;
}

export type Navigation = { path: string; headers: Record<string, string>; how: "click" | "router.push" };

/**
 * For each target, the RSC request a browser sends when a visitor (or, with `cookie`, the member) clicks a link to
 * it: `from` is a page with such a link; without one, Next's router.push (the same navigation code).
 */
export async function captureNavigations(origin: string, targets: { path: string; from: string }[], cookie?: string): Promise<Map<string, Navigation>> {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: systemChromium,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const found = new Map<string, Navigation>();
  try {
    const context = await browser.newContext();
    if (cookie) {
      await context.addCookies(
        cookie.split("; ").map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: origin };
        }),
      );
    }
    const page = await context.newPage();
    for (const target of targets) {
      await page.goto(origin + target.from);
      const wanted = (url: string, headers: Record<string, string>) => {
        const u = new URL(url);
        u.searchParams.delete("_rsc");
        return headers.rsc === "1" && !headers["next-router-prefetch"] && u.pathname + u.search === target.path;
      };
      const request = page.waitForRequest((r) => wanted(r.url(), r.headers()), { timeout: 30_000 });
      const link = page.locator(`a[href="${target.path.replaceAll('"', '\\"')}"]`).first();
      let how: Navigation["how"] = "click";
      if ((await link.count()) > 0) {
        await link.click();
      } else {
        how = "router.push";
        await page.evaluate((path) => (window as unknown as { next: { router: { push(p: string): void } } }).next.router.push(path), target.path);
      }
      const sent = await request;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(await sent.allHeaders())) {
        if (name === "rsc" || name.startsWith("next-")) headers[name] = value;
      }
      const url = new URL(sent.url());
      found.set(target.path, { path: url.pathname + url.search, headers, how });
      await page.waitForLoadState("load");
    }
    return found;
  } finally {
    await browser.close();
  }
}

/**
 * The first view of a movie or person page right after a catalogue change: a no-op update of that film or person
 * (the triggers move the catalogue generation, so no cached copy can answer), then one anonymous request, timed to
 * its last byte.
 */
export async function firstViewAfterChange(sql: postgres.Sql, origin: string, path: string, times = 5): Promise<number[]> {
  const [, kind, raw] = /^\/(movies|people)\/(\d+)/.exec(path) ?? [];
  if (!kind) throw new Error(`firstViewAfterChange: ${path} is not a movie or person page`);
  const id = Number(raw);
  const timings: number[] = [];
  for (let i = 0; i < times; i++) {
    if (kind === "movies") await sql`update movie set title = title where id = ${id}`;
    else await sql`update person set last_name = last_name where id = ${id}`;
    const started = performance.now();
    const response = await fetch(origin + path, { headers: { "accept-encoding": "gzip, deflate, br" } });
    await response.arrayBuffer();
    timings.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 300));
  }
  return timings;
}

/** First-load JavaScript of each page, as a browser with an empty cache downloads it (compressed bytes of /_next scripts). */
export async function firstLoadJavaScript(origin: string, paths: string[]): Promise<{ path: string; kb: number; scripts: number }[]> {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: systemChromium,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const out: { path: string; kb: number; scripts: number }[] = [];
    for (const path of paths) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(origin + path, { waitUntil: "load" });
      await page.waitForTimeout(500);
      const entries = await page.evaluate(() =>
        (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .filter((e) => new URL(e.name).pathname.startsWith("/_next/static/") && new URL(e.name).pathname.endsWith(".js"))
          .map((e) => e.encodedBodySize),
      );
      out.push({ path, kb: entries.reduce((a, b) => a + b, 0) / 1024, scripts: entries.length });
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}
