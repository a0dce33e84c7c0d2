/**
 * The site's icons (app/icon.svg, app/favicon.ico, app/apple-icon.png, made by `npm run icons`) through the
 * production server: /favicon.ico, which every browser asks for, and the icons each page names, with caching.
 */
import { expect, test } from "@playwright/test";

test("/favicon.ico is an icon, cached by browsers", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  expect(response.headers()["cache-control"]).toMatch(/public/);
  const body = await response.body();
  // An ICO header: reserved 0, type 1 (icon), at least one image.
  expect([body.readUInt16LE(0), body.readUInt16LE(2)]).toEqual([0, 1]);
  expect(body.readUInt16LE(4)).toBeGreaterThan(0);
});

test("pages name an icon and an apple-touch-icon that load, and the home page logs no console error", async ({ page, request }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto("/");
  await page.waitForLoadState("networkidle");

  const icons = await page.locator('head link[rel="icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(icons.length).toBeGreaterThan(0);
  const apple = await page.locator('head link[rel="apple-touch-icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(apple).toHaveLength(1);
  for (const href of [...icons, ...apple]) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()["content-type"], href).toMatch(/^image\//);
    expect(response.headers()["cache-control"], href).toMatch(/public/);
  }
  expect(errors).toEqual([]);
});
