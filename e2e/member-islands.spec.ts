/**
 * Public pages are one document for everyone, served from the page cache to members too; the viewer's parts (the
 * header's menu, the hearts, the person page's favorites line) are islands fed by /api/viewer. These journeys check
 * what that must never break: members never see each other's state, visitors never see a member's, a favorite shows
 * at once, cached client navigations render the right page, and without JavaScript a member can still favorite and
 * sign out.
 */
import { expect, test, type Browser, type BrowserContext, type Page, type Response } from "@playwright/test";
import { sql } from "drizzle-orm";
import { characterHref, movieHref, personHref } from "@/lib/slug";
import { withTestDatabase } from "./support/database";
import { signInRequest } from "./support/server-actions";
import { createTestUser, type TestUser } from "./support/users";

type Film = { id: number; title: string; path: string };
let godfather: Film;
let amelie: Film;
let coppola: { id: number; path: string; films: number };
let vito: string;

test.beforeAll(async () => {
  const rows = await withTestDatabase((db) =>
    db.execute<{ id: number; title: string }>(sql`
      select id, title from movie where (title = 'The Godfather' and release_date = '1972-03-14') or title = 'Amélie' order by release_date`),
  );
  expect(rows.length, "the demo catalogue has The Godfather and Amélie").toBe(2);
  godfather = { ...rows[0], path: movieHref(rows[0]) };
  amelie = { ...rows[1], path: movieHref(rows[1]) };
  const [person] = await withTestDatabase((db) =>
    db.execute<{ id: number; films: number }>(sql`
      select p.id, (select count(*) from (select m.id from movie m where m.director_id = p.id
                     union select c.movie_id from character_actors ca join character_ c on c.id = ca.character_id where ca.person_id = p.id) f)::int as films
      from person p where p.first_name = 'Francis Ford' and p.last_name = 'Coppola'`),
  );
  coppola = { id: person.id, films: person.films, path: personHref({ id: person.id, name: "Francis Ford Coppola" }) };
  const [character] = await withTestDatabase((db) =>
    db.execute<{ id: number; name: string }>(sql`select id, name from character_ where movie_id = ${godfather.id} order by position, id limit 1`),
  );
  vito = characterHref(character);
});

async function member(browser: Browser, favorite: Film | null, options: { javaScriptEnabled?: boolean } = {}): Promise<{ user: TestUser; context: BrowserContext }> {
  const user = await createTestUser();
  if (favorite) await withTestDatabase((db) => db.execute(sql`insert into favorite_movies (user_id, movie_id) values (${user.id}, ${favorite.id})`));
  const context = await browser.newContext(options);
  await signInRequest(context.request, user.username, user.password);
  return { user, context };
}

const cacheOf = (response: Response | null) => response?.headers()["x-marquee-cache"];
const bigHeart = (page: Page) => page.getByRole("main").getByTestId("favorite-button").first();

/** Every filled heart on the page is on a card of the member's own favorite (checked once /api/viewer answered). */
async function onlyOwnHeartsFilled(page: Page, title: string) {
  const filled = await page.locator('[data-testid="favorite-button"][aria-pressed="true"]').evaluateAll((hearts) =>
    hearts.map((heart) => heart.closest("li, article, main")?.textContent ?? ""),
  );
  for (const card of filled) expect(card, "a filled heart on another film's card").toContain(title);
}

test("two members alternating on cached public pages see only their own menu, hearts and favorites line", async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await member(browser, godfather);
  const b = await member(browser, amelie);
  const pageA = await a.context.newPage();
  const pageB = await b.context.newPage();
  try {
    const own = (who: "a" | "b") => (who === "a" ? godfather.title : amelie.title);
    const expectations: { path: string; check: (page: Page, who: "a" | "b") => Promise<void> }[] = [
      { path: "/", check: (page, who) => onlyOwnHeartsFilled(page, own(who)) },
      {
        path: "/movies?q=godfather",
        check: async (page, who) => {
          const card = page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("link", { name: "The Godfather", exact: true }) }).first();
          await expect(card.getByTestId("favorite-button")).toHaveAttribute("aria-pressed", who === "a" ? "true" : "false");
          await onlyOwnHeartsFilled(page, own(who));
        },
      },
      { path: "/genres", check: async () => {} },
      { path: "/countries", check: async () => {} },
      { path: "/people", check: async () => {} },
      { path: vito, check: async () => {} },
      {
        path: godfather.path,
        check: async (page, who) => {
          await expect(bigHeart(page)).toHaveAttribute("aria-pressed", who === "a" ? "true" : "false");
          await expect(bigHeart(page)).toHaveText(who === "a" ? "In your favorites" : "Add to favorites");
        },
      },
      {
        path: amelie.path,
        check: async (page, who) => {
          await expect(bigHeart(page)).toHaveAttribute("aria-pressed", who === "b" ? "true" : "false");
        },
      },
      {
        path: coppola.path,
        check: async (page, who) => {
          await expect(page.getByTestId("person-favorites")).toHaveText(
            who === "a" ? `1 of their ${coppola.films} films is in your favorites.` : `None of their ${coppola.films} films are in your favorites yet.`,
          );
        },
      },
      {
        path: "/search?q=godfather",
        check: async (page, who) => {
          const card = page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("link", { name: "The Godfather", exact: true }) }).first();
          await expect(card.getByTestId("favorite-button")).toHaveAttribute("aria-pressed", who === "a" ? "true" : "false");
        },
      },
    ];
    const served: string[] = [];
    // One round: each page's first member pays the render, the second gets the cached copy the first one got.
    for (let round = 0; round < 1; round++) {
      for (const { path, check } of expectations) {
        for (const [who, page, user] of [["a", pageA, a.user], ["b", pageB, b.user]] as const) {
          const viewerAnswered = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/viewer");
          const response = await page.goto(path);
          await viewerAnswered;
          served.push(`${path} ${who}: ${cacheOf(response)}`);
          // A member's document is the cached one, not a render of their own.
          expect(cacheOf(response), `${path} for ${who}`).not.toBe("bypass");
          await expect(page.getByTestId("user-menu")).toContainText(user.username);
          await check(page, who);
        }
      }
    }
    expect(served.some((line) => line.endsWith("hit")), served.join("\n")).toBe(true);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test("a visitor after members gets the signed-out page: no menu, no filled heart, no favorites line", async ({ browser, baseURL }) => {
  const a = await member(browser, godfather);
  const page = await a.context.newPage();
  await page.goto(godfather.path);
  await expect(bigHeart(page)).toHaveAttribute("aria-pressed", "true");
  await page.goto(coppola.path);
  await expect(page.getByTestId("person-favorites")).toBeVisible();
  await a.context.close();

  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  try {
    for (const path of [godfather.path, coppola.path, "/search?q=godfather", "/"]) {
      const response = await anonymous.goto(path);
      expect(await response!.text()).not.toContain(a.user.username);
      await expect(anonymous.getByTestId("sign-in-link")).toBeVisible();
      await expect(anonymous.getByTestId("user-menu")).toHaveCount(0);
      await expect(anonymous.locator('[data-testid="favorite-button"][aria-pressed="true"]')).toHaveCount(0);
      await expect(anonymous.getByTestId("person-favorites")).toHaveCount(0);
    }
    // The visitor's own question to /api/viewer names nobody.
    expect(await (await visitor.request.get(`${baseURL}/api/viewer?movies=${godfather.id}`)).json()).toEqual({ viewer: null });
  } finally {
    await visitor.close();
  }
});

test("after a favorite, the member's islands show it at once: the person line, and the film's page after a click", async ({ browser }) => {
  const a = await member(browser, null);
  const page = await a.context.newPage();
  try {
    await page.goto(coppola.path);
    const line = page.getByTestId("person-favorites");
    await expect(line).toHaveText(`None of their ${coppola.films} films are in your favorites yet.`);
    // To the film (a client navigation from "Known for"), where the big heart adds it.
    await page.getByRole("main").getByRole("link", { name: "The Godfather", exact: true }).first().click();
    await expect(page).toHaveURL(new RegExp(`${godfather.path}$`));
    await expect(bigHeart(page)).toHaveText("Add to favorites");
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), bigHeart(page).click()]);
    await expect(bigHeart(page)).toHaveText("In your favorites");
    // Back to the person by the director's link (a cached RSC payload): the line already counts it.
    await page.getByRole("main").getByRole("link", { name: "Francis Ford Coppola" }).first().click();
    await expect(page).toHaveURL(new RegExp(`${coppola.path}$`));
    await expect(line).toHaveText(`1 of their ${coppola.films} films is in your favorites.`);
    // And to the film again: its big heart is filled.
    await page.getByRole("main").getByRole("link", { name: "The Godfather", exact: true }).first().click();
    await expect(bigHeart(page)).toHaveText("In your favorites");
    // And the server agrees.
    const [row] = await withTestDatabase((db) => db.execute<{ n: number }>(sql`select count(*)::int as n from favorite_movies where user_id = ${a.user.id} and movie_id = ${godfather.id}`));
    expect(row.n).toBe(1);
  } finally {
    await a.context.close();
  }
});

for (const signedIn of [false, true]) {
  test(`cached client navigations render the right page (${signedIn ? "member" : "visitor"}): catalogue → movie → person → back`, async ({ browser }) => {
    test.setTimeout(60_000);
    const { context, user } = signedIn ? await member(browser, godfather) : { context: await browser.newContext(), user: null };
    const page = await context.newPage();
    const navigations: string[] = [];
    page.on("response", (response) => {
      const headers = response.request().headers();
      if (headers.rsc === "1" && !headers["next-router-prefetch"]) navigations.push(`${new URL(response.url()).pathname} ${cacheOf(response)}`);
    });
    try {
      for (let round = 0; round < 2; round++) {
        await page.goto("/movies?q=godfather");
        await page.getByRole("main").getByRole("link", { name: "The Godfather", exact: true }).first().click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^The Godfather\b/);
        await expect(page).toHaveURL(new RegExp(`${godfather.path}$`));
        if (user) await expect(bigHeart(page)).toHaveText("In your favorites");
        else await expect(bigHeart(page)).toHaveText("Add to favorites");
        await page.getByRole("main").getByRole("link", { name: "Francis Ford Coppola" }).first().click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Francis Ford Coppola");
        if (user) await expect(page.getByTestId("person-favorites")).toHaveText(`1 of their ${coppola.films} films is in your favorites.`);
        else await expect(page.getByTestId("person-favorites")).toHaveCount(0);
        await page.goBack();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^The Godfather\b/);
        if (user) await expect(page.getByTestId("user-menu")).toContainText(user.username);
        else await expect(page.getByTestId("sign-in-link")).toBeVisible();
      }
      // The navigations went through the page cache, never rendered per viewer: on the second round the server
      // answered from the cache, or told the browser its own copy was current (a 304 for the ETag it kept).
      expect(navigations.length, navigations.join("\n")).toBeGreaterThan(0);
      expect(navigations.filter((line) => line.endsWith("bypass")), navigations.join("\n")).toEqual([]);
      expect(navigations.some((line) => line.endsWith("hit") || line.endsWith("revalidated")), navigations.join("\n")).toBe(true);
    } finally {
      await context.close();
    }
  });
}

test("without JavaScript a member favorites from a cached page (confirmed on /favorites) and signs out from their account", async ({ browser }) => {
  const a = await member(browser, null, { javaScriptEnabled: false });
  const page = await a.context.newPage();
  try {
    await page.goto(amelie.path);
    await bigHeart(page).click();
    await expect(page).toHaveURL(/\/favorites\?added=/);
    await expect(page.getByTestId("favorite-added")).toContainText("Amélie is in your favorites.");
    await page.getByRole("link", { name: "Back to the page you were on" }).click();
    await expect(page).toHaveURL(new RegExp(`${amelie.path}$`));
    // The header's Account link (shown without JavaScript) leads to the account page and its sign-out.
    await page.getByRole("banner").getByRole("link", { name: "Account" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in/);
  } finally {
    await a.context.close();
  }
});
