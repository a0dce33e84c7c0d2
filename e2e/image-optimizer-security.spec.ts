/**
 * Next's image optimizer keeps the images it has served; a file made private must not live on there (nor in
 * browsers' and shared caches, which must ask again before each use).
 */
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { file_ } from "@/db/schema";
import { LocalDiskStorage } from "@/lib/storage/local";
import { withTestDatabase } from "./support/database";
import { signInRequest } from "./support/server-actions";
import { createTestUser } from "./support/users";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function storePublicImage(fileName: string) {
  const bytes = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#2a7" } }).png().toBuffer();
  const stored = await new LocalDiskStorage(process.env.UPLOADS_DIR!).put({ fileName, mimeType: "image/png", bytes, isPublic: true });
  await withTestDatabase((db) => db.insert(file_).values({ file_name: fileName, mime_type: "image/png", file_key: stored.key, file_url: stored.url, is_public: true, size_bytes: bytes.length }));
  return stored.url;
}

test("an image seen through /_next/image while public is refused there at once once an editor makes it private", async ({ playwright, baseURL, browser }) => {
  const name = `optimized-${stamp()}.png`;
  const url = await storePublicImage(name);
  const optimized = `/_next/image?url=${encodeURIComponent(url)}&w=256&q=75`;
  const visitor = await playwright.request.newContext({ baseURL });

  const first = await visitor.get(optimized);
  expect(first.status()).toBe(200);
  const second = await visitor.get(optimized);
  expect(second.status()).toBe(200);
  expect(second.headers()["x-nextjs-cache"]).toBe("HIT");

  const editorPage = await (await browser.newContext()).newPage();
  const editor = await createTestUser("editor");
  await signInRequest(editorPage.request, editor.username, editor.password);
  await editorPage.goto(`/admin/files?q=${encodeURIComponent(name)}`);
  const visibility = editorPage.getByRole("switch", { name: `Public: ${name}` });
  await visibility.click();
  await expect(visibility).toHaveAttribute("aria-checked", "false");

  for (const request of [visitor, editorPage.request]) {
    const after = await request.get(optimized);
    expect(after.status()).toBe(404);
    expect(after.headers()["x-nextjs-cache"]).toBeUndefined();
    expect((await request.get(optimized, { headers: { "if-none-match": second.headers()["etag"] } })).status()).toBe(404);
  }
  expect((await visitor.get(url)).status()).toBe(401);
  // Other widths and spellings of the URL are refused too (the optimizer serves only a public file's exact URL).
  for (const variant of [`${url}?v=2`, url.replace("/files/", "/files/./"), url.toUpperCase()]) {
    expect((await visitor.get(`/_next/image?url=${encodeURIComponent(variant)}&w=256&q=75`)).status()).toBe(404);
  }
  expect((await visitor.get(`/_next/image?url=${encodeURIComponent(url)}&w=640&q=75`)).status()).toBe(404);

  // Browsers and shared caches keep a public image only on condition of asking again before each use.
  const other = `/_next/image?url=${encodeURIComponent(await storePublicImage(`optimized-${stamp()}.png`))}&w=256&q=75`;
  const served = await visitor.get(other);
  expect(served.headers()["cache-control"]).toBe("public, no-cache");
  expect((await visitor.get(other, { headers: { "if-none-match": served.headers()["etag"] } })).status()).toBe(304);
  await visitor.dispose();
  await editorPage.context().close();
});
