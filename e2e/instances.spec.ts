/**
 * Build once, run many: two production servers started from the one build the suite runs, over the one test
 * database, behind a balancer of the test's own that sends each request to the instance the test chooses (as a
 * load balancer may between any two requests of a visitor). What one instance rendered or signed must work on the
 * other: server actions (their ids and the encryption key are the build's), sessions (AUTH_SECRET), and the
 * deployment id pages name their scripts with.
 */
import http from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { movieHref } from "@/lib/slug";
import { withTestDatabase } from "./support/database";
import { distDir, startInstance, type Instance } from "./support/instances";
import { createTestUser, type TestUser } from "./support/users";

test.describe.configure({ mode: "serial" });

type Name = "a" | "b";

/** One origin for the browser; each request goes to the instance `target` names at that moment. */
class Balancer {
  target: Name = "a";
  /** What each instance was sent, in order ("POST /movies/1 action"). */
  readonly served: Record<Name, string[]> = { a: [], b: [] };
  private server: http.Server | null = null;
  constructor(private readonly instances: Record<Name, Instance>) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const name = this.target;
      this.served[name].push(`${req.method} ${req.url}${req.headers["next-action"] ? " action" : ""}`);
      const upstream = http.request({ host: "127.0.0.1", port: this.instances[name].port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on("error", () => {
        res.statusCode = 502;
        res.end();
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://localhost:${(this.server!.address() as { port: number }).port}`;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}

let a: Instance;
let b: Instance;
let balancer: Balancer;
let origin: string;
let film: { id: number; title: string; path: string };

test.beforeAll(async () => {
  test.setTimeout(120_000);
  [a, b] = await Promise.all([startInstance(), startInstance()]);
  balancer = new Balancer({ a, b });
  origin = await balancer.start();
  const [row] = await withTestDatabase((db) =>
    db.execute<{ id: number; title: string }>(sql`select id, title from movie where title = 'The Godfather' and release_date = '1972-03-14'`),
  );
  film = { ...row, path: movieHref(row) };
});

test.afterAll(async () => {
  await balancer?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
});

const scriptsOf = (html: string) => [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]).sort();

async function signIn(page: Page, user: TestUser) {
  await page.goto(`${origin}/sign-in?callbackUrl=%2Faccount`);
  await page.getByLabel("Username or email").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${origin}/account`);
}

test("both instances serve the build's pages: the same scripts, named with the build's deployment id", async () => {
  const buildId = readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim();
  const [fromA, fromB] = await Promise.all([a, b].map(async (instance) => (await fetch(`${instance.origin}/movies`)).text()));
  const scripts = scriptsOf(fromA);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scriptsOf(fromB)).toEqual(scripts);
  // npm run build makes the deployment id the build id: every asset URL names it (?dpl=), on both instances, and
  // every client navigation's answer says it (Next's router reloads the page when it differs from its own).
  for (const src of scripts) expect(src).toContain(`dpl=${buildId}`);
  for (const instance of [a, b]) {
    const navigation = await fetch(`${instance.origin}/genres?_rsc=`, { headers: { rsc: "1" } });
    expect(navigation.status).toBe(200);
    expect(navigation.headers.get("x-nextjs-deployment-id")).toBe(buildId);
  }
});

test("a server action from a page rendered by A is taken by B: with JavaScript, and as a plain form post", async ({ browser }) => {
  const user = await createTestUser();
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    balancer.target = "a";
    await signIn(page, user);
    await page.goto(`${origin}${film.path}`);
    const heart = page.getByRole("main").getByTestId("favorite-button").first();
    await expect(heart).toHaveAttribute("aria-pressed", "false");

    balancer.target = "b";
    const before = balancer.served.b.length;
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), heart.click()]);
    await expect(heart).toHaveAttribute("aria-pressed", "true");
    expect(balancer.served.b.slice(before).some((line) => line.startsWith(`POST ${film.path}`) && line.endsWith("action"))).toBe(true);
    const saved = await withTestDatabase((db) => db.execute(sql`select 1 from favorite_movies where user_id = ${user.id} and movie_id = ${film.id}`));
    expect(saved).toHaveLength(1);
  } finally {
    await context.close();
  }

  // Without JavaScript: the heart's form as A rendered it, submitted to B (it removes the film, which the page knows).
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await plain.newPage();
  try {
    balancer.target = "a";
    await signIn(noScript, user);
    await noScript.goto(`${origin}/favorites`);
    const card = noScript.getByTestId("movie-card").filter({ hasText: film.title });
    await expect(card).toBeVisible();
    balancer.target = "b";
    const before = balancer.served.b.length;
    await card.getByTestId("favorite-button").click();
    await expect(noScript.getByTestId("movie-card").filter({ hasText: film.title })).toHaveCount(0);
    expect(balancer.served.b.slice(before).some((line) => line.startsWith("POST /favorites"))).toBe(true);
    const left = await withTestDatabase((db) => db.execute(sql`select 1 from favorite_movies where user_id = ${user.id} and movie_id = ${film.id}`));
    expect(left).toHaveLength(0);
  } finally {
    await plain.close();
  }
});

test("signed in on A, the member reads /favorites on B; signed out on B, A no longer knows them", async ({ browser }) => {
  const user = await createTestUser();
  await withTestDatabase((db) => db.execute(sql`insert into favorite_movies (user_id, movie_id) values (${user.id}, ${film.id})`));
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    balancer.target = "a";
    await signIn(page, user);
    expect(balancer.served.a.some((line) => line.startsWith("POST /sign-in"))).toBe(true);

    balancer.target = "b";
    const response = await page.goto(`${origin}/favorites`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(`${origin}/favorites`);
    await expect(page.getByTestId("favorites-count")).toHaveText("1 film");
    await expect(page.getByTestId("movie-card").filter({ hasText: film.title })).toBeVisible();

    // Sign out on B (from /account's form): A refuses the cookie it accepted before.
    await page.goto(`${origin}/account`);
    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${origin}/`);
    balancer.target = "a";
    await page.goto(`${origin}/favorites`);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Ffavorites/);
  } finally {
    await context.close();
  }
});
