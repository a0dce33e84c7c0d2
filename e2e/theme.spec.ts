import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

// The colour theme (lib/theme.ts): a cookie the server never reads, applied before the first paint by an inline
// script, so that cached pages stay one document for everyone.

const LIGHT_BACKGROUND = "light";
const DARK_BACKGROUND = "dark";

/** "dark" or "light": the page background's lightness (the browser may give it as lab() or oklch()). */
const shade = (color: string) => {
  const lightness = Number(/^(?:ok)?lab\(([\d.]+)|^oklch\(([\d.]+)/.exec(color)?.slice(1).find(Boolean) ?? NaN);
  return (color.startsWith("lab") ? lightness / 100 : lightness) < 0.5 ? "dark" : "light";
};
const background = async (page: Page) => shade(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor));
const switcher = (page: Page) => page.getByRole("group", { name: "Colour theme" });

/** Records, when <body> is first parsed (before anything can be painted), the theme <html> has and its background. */
async function recordThemeAtFirstPaint(page: Page) {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      observer.disconnect();
      const root = document.documentElement;
      Object.assign(window, { themeAtBody: { theme: root.dataset.theme ?? null, background: getComputedStyle(root).backgroundColor } });
    }).observe(document, { childList: true, subtree: true });
  });
}

async function themeAtFirstPaint(page: Page) {
  const seen = await page.evaluate(() => (window as unknown as { themeAtBody: { theme: string | null; background: string } }).themeAtBody);
  return { theme: seen.theme, background: shade(seen.background) };
}

test("choosing dark applies at once, and a reload is dark from the first paint", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await recordThemeAtFirstPaint(page);
  await page.goto("/genres");
  expect(await background(page)).toBe(LIGHT_BACKGROUND);

  await switcher(page).getByRole("button", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(switcher(page).getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");
  expect(await background(page)).toBe(DARK_BACKGROUND);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("dark");
  const cookie = (await page.context().cookies()).find((c) => c.name === "theme");
  expect(cookie?.value).toBe("dark");
  expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 24 * 3600);

  await page.reload();
  // Before <body> was parsed, before any of the app's scripts: already dark.
  expect(await themeAtFirstPaint(page)).toEqual({ theme: "dark", background: DARK_BACKGROUND });
  await expect(switcher(page).getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");

  // Another page, opened afresh: dark too; light wins over a dark system.
  await page.emulateMedia({ colorScheme: "dark" });
  await switcher(page).getByRole("button", { name: "Light" }).click();
  expect(await background(page)).toBe(LIGHT_BACKGROUND);
  await page.goto("/movies");
  expect(await themeAtFirstPaint(page)).toEqual({ theme: "light", background: LIGHT_BACKGROUND });
});

test("System follows the device's colour scheme as it changes, and forgets the saved choice", async ({ page }) => {
  await page.goto("/genres");
  await switcher(page).getByRole("button", { name: "Dark" }).click();
  await switcher(page).getByRole("button", { name: "System" }).click();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme");
  await expect(switcher(page).getByRole("button", { name: "System" })).toHaveAttribute("aria-pressed", "true");
  expect((await page.context().cookies()).some((c) => c.name === "theme")).toBe(false);

  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background(page)).toBe(DARK_BACKGROUND);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await background(page)).toBe(LIGHT_BACKGROUND);
  await page.reload();
  expect(await background(page)).toBe(LIGHT_BACKGROUND);
});

/** A cached answer (asked until one is a hit: other specs' changes empty the cache). */
async function cachedAnswer(request: APIRequestContext, path: string, cookie: string) {
  for (let round = 0; round < 10; round++) {
    const response = await request.get(path, { headers: { cookie } });
    if (response.headers()["x-marquee-cache"] === "hit") return { etag: response.headers()["etag"], body: await response.body() };
  }
  throw new Error(`${path} was never served from the page cache`);
}

test("the cached page is the same bytes for readers with different themes", async ({ request }) => {
  for (let round = 0; round < 5; round++) {
    const dark = await cachedAnswer(request, "/countries", "theme=dark");
    const light = await cachedAnswer(request, "/countries", "theme=light");
    // A change elsewhere may move the cache on between the two: then ask again.
    if (dark.etag !== light.etag) continue;
    expect(light.body.equals(dark.body)).toBe(true);
    // The <html> the server sends carries no theme: the browser's script adds it.
    expect(dark.body.toString()).not.toMatch(/<html[^>]*data-theme/);
    return;
  }
  throw new Error("the two readers never got the same cached page");
});

test("without JavaScript there is no switch that could not work, and the system's theme still applies", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: "dark" });
  try {
    const page = await context.newPage();
    await page.goto("/genres");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(switcher(page)).toBeHidden();
    expect(await background(page)).toBe(DARK_BACKGROUND);
  } finally {
    await context.close();
  }
});
