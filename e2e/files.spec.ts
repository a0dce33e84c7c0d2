import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { createPrivateFile } from "./support/database";

test("a private file is refused to an anonymous visitor, a public one is served", async ({ request, page }) => {
  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#c33" } }).png().toBuffer();
  const url = await createPrivateFile(png, "image/png");

  const refused = await request.get(url);
  expect(refused.status()).toBe(401);
  expect(await refused.text()).toContain("Sign in");
  expect(refused.headers()["cache-control"]).toContain("no-store");

  // Public files (the demo posters) are served with their real type, cached on condition of asking again (a 304).
  await page.goto("/");
  const src = await page.getByTestId("movie-card").first().getByRole("img").getAttribute("src");
  const posterPath = new URL(src!, "http://x").searchParams.get("url") ?? src!;
  const served = await request.get(posterPath);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(served.headers()["cache-control"]).toBe("public, no-cache");
  expect((await served.body()).subarray(8, 12).toString()).toBe("WEBP");
  const again = await request.get(posterPath, { headers: { "if-none-match": served.headers()["etag"] } });
  expect(again.status()).toBe(304);
});

test("file keys that are not ours are answered 404, never read from disk", async ({ request }) => {
  for (const key of ["..%2F..%2Fpackage.json", "nope", "%00abc12345"]) {
    const response = await request.get(`/files/${key}`);
    expect(response.status()).toBe(404);
  }
});
