/**
 * The admin's shared endpoints, called as any client can: POST /api/admin/uploads, GET /api/admin/lookup and the
 * pickers' quickCreatePersonAction. Only editors get anything; images are judged by their content.
 */
import { expect, request as requests, test, type APIRequestContext } from "@playwright/test";
import { eq, like } from "drizzle-orm";
import sharp from "sharp";
import { file_, person } from "@/db/schema";
import { withTestDatabase } from "./support/database";
import { callAction, findAction, signInRequest } from "./support/server-actions";

const QUICK_ACTIONS = { file: "app/admin/people/quick-actions.ts", name: "quickCreatePersonAction" };

type Upload = { name: string; mimeType: string; buffer: Buffer };

const upload = (request: APIRequestContext, file: Upload) => request.post("/api/admin/uploads", { multipart: { file } });

const pngOf = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 180, g: 60, b: 30 } } }).png().toBuffer();

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const filesNamed = (pattern: string) => withTestDatabase((db) => db.select().from(file_).where(like(file_.file_name, pattern)));
const peopleNamed = (lastName: string) => withTestDatabase((db) => db.select({ id: person.id }).from(person).where(eq(person.last_name, lastName)));

async function signedIn(baseURL: string | undefined, login?: "editor" | "visitor") {
  const context = await requests.newContext({ baseURL });
  if (login) await signInRequest(context, login, `marquee-${login}`);
  return context;
}

/** Calls a server action with plain arguments (not a form), as React's client does for `action("text")`. */
function callActionWithArgs(request: APIRequestContext, action: { file: string; name: string }, args: unknown[]) {
  const { id, page } = findAction(action.file, action.name);
  return request.post(page, {
    headers: {
      "Next-Action": id,
      Accept: "text/x-component",
      Origin: `http://localhost:${process.env.E2E_PORT ?? 3100}`,
      "Content-Type": "text/plain;charset=UTF-8",
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}

test("anonymous callers get 401 and plain users 403 from the upload and lookup routes, and nothing is stored", async ({ baseURL }) => {
  const name = `refused-${unique()}`;
  const png = { name: `${name}.png`, mimeType: "image/png", buffer: await pngOf(64, 64) };
  for (const [login, status] of [[undefined, 401], ["visitor", 403]] as const) {
    const context = await signedIn(baseURL, login);
    const uploaded = await upload(context, png);
    expect(uploaded.status(), `upload as ${login ?? "anonymous"}`).toBe(status);
    expect((await uploaded.json()).error).toBeTruthy();
    const looked = await context.get("/api/admin/lookup?kind=person&q=brando");
    expect(looked.status(), `lookup as ${login ?? "anonymous"}`).toBe(status);
    const body = await looked.json();
    expect(body.error).toBeTruthy();
    expect(body.results).toBeUndefined();
    expect(looked.headers()["cache-control"]).toContain("no-store");
    await context.dispose();
  }
  expect(await filesNamed(`${name}%`)).toEqual([]);
});

test("an editor's upload is refused when the content is not an allowed image, whatever its name says", async ({ baseURL }) => {
  const editor = await signedIn(baseURL, "editor");
  const name = `bad-${unique()}`;
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script><rect width="100" height="100"/></svg>`);
  const cases: [string, Upload, number, RegExp][] = [
    ["an SVG renamed .png", { name: `${name}-svg.png`, mimeType: "image/png", buffer: svg }, 422, /not a JPEG, PNG, WebP, AVIF or GIF/],
    ["a text file", { name: `${name}-notes.txt`, mimeType: "text/plain", buffer: Buffer.from("just some notes\n".repeat(20)) }, 422, /not a JPEG, PNG, WebP, AVIF or GIF/],
    ["a text file renamed .jpg", { name: `${name}-notes.jpg`, mimeType: "image/jpeg", buffer: Buffer.from("hello") }, 422, /not a JPEG, PNG, WebP, AVIF or GIF/],
    ["a PNG of 4×4 pixels", { name: `${name}-tiny.png`, mimeType: "image/png", buffer: await pngOf(4, 4) }, 422, /too small/],
    [
      "a file over 8 MB",
      { name: `${name}-huge.png`, mimeType: "image/png", buffer: Buffer.concat([await pngOf(64, 64), Buffer.alloc(8 * 1024 * 1024 + 1024)]) },
      413,
      /larger than 8 MB/,
    ],
  ];
  for (const [what, file, status, message] of cases) {
    const response = await upload(editor, file);
    expect(response.status(), what).toBe(status);
    expect((await response.json()).error, what).toMatch(message);
  }
  const noFile = await editor.post("/api/admin/uploads", { multipart: { other: "x" } });
  expect(noFile.status()).toBe(422);
  expect((await noFile.json()).error).toMatch(/Choose an image/);
  expect(await filesNamed(`${name}%`)).toEqual([]);
  await editor.dispose();
});

test("an editor's real PNG is stored: type from the content, a clean name, a public row, and its URL serves it", async ({ baseURL }) => {
  const editor = await signedIn(baseURL, "editor");
  const name = `still${unique()}`;
  const bytes = await pngOf(120, 180);
  // The browser's claim (GIF) and the path in the name are ignored; the extension follows the content.
  const response = await upload(editor, { name: `../../${name} <one>?.gif`, mimeType: "image/gif", buffer: bytes });
  expect(response.status()).toBe(201);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = await response.json();
  expect(body).toMatchObject({ file_name: `${name} one.png`, mime_type: "image/png", width: 120, height: 180 });
  expect(body.size_bytes).toBeGreaterThan(0);

  const [row] = await withTestDatabase((db) => db.select().from(file_).where(eq(file_.id, body.id)));
  expect(row).toMatchObject({ file_name: `${name} one.png`, mime_type: "image/png", file_url: body.url, is_public: true, size_bytes: body.size_bytes });

  const served = await (await signedIn(baseURL)).get(body.url);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  const image = await sharp(await served.body()).metadata();
  expect([image.format, image.width, image.height]).toEqual(["png", 120, 180]);
  await editor.dispose();
});

test("the lookup finds people for an editor, tolerating a typo, and answers bad input without an error page", async ({ baseURL }) => {
  const editor = await signedIn(baseURL, "editor");
  const search = async (kind: string, q: string) => {
    const response = await editor.get(`/api/admin/lookup?kind=${kind}&q=${encodeURIComponent(q)}`);
    expect(response.status(), `${kind} ${q}`).toBe(200);
    expect(response.headers()["cache-control"]).toBe("private, no-store");
    return ((await response.json()) as { results: { id: number; label: string; detail?: string }[] }).results;
  };
  const brando = await search("person", "brando");
  expect(brando.map((r) => r.label)).toContain("Marlon Brando");
  expect(brando.find((r) => r.label === "Marlon Brando")?.detail).toMatch(/^born 1924/);
  expect((await search("person", "marlon brndo"))[0]?.label).toBe("Marlon Brando");
  expect((await search("movie", "godfathr"))[0]?.label).toBe("The Godfather (1972)");
  expect((await search("person", "a")).length).toBeLessThanOrEqual(10);
  expect(await search("person", "%%%")).toEqual([]);
  expect((await search("person", "x".repeat(5000))).length).toBe(0);

  for (const bad of ["kind=users&q=a", "q=brando", "kind=person'--&q=a"]) {
    const response = await editor.get(`/api/admin/lookup?${bad}`);
    expect(response.status(), bad).toBe(400);
  }
  await editor.dispose();
});

test("quickCreatePersonAction creates a person for editors only", async ({ baseURL }) => {
  const lastName = `Quick${unique()}`;
  const fullName = `Ada ${lastName}`;
  for (const login of [undefined, "visitor"] as const) {
    const context = await signedIn(baseURL, login);
    const asForm = await callAction(context, QUICK_ACTIONS, { name: fullName });
    expect(asForm.status()).toBeLessThan(500);
    const asText = await callActionWithArgs(context, QUICK_ACTIONS, [fullName]);
    expect(await asText.text(), `as ${login ?? "anonymous"}`).toMatch(login ? /Only editors can do this/ : /Sign in again/);
    await context.dispose();
  }
  expect(await peopleNamed(lastName)).toEqual([]);

  // The same call as an editor does create the person (so the refusals above are the guard's doing).
  const editor = await signedIn(baseURL, "editor");
  const created = await callActionWithArgs(editor, QUICK_ACTIONS, [fullName]);
  expect(created.status()).toBe(200);
  expect(await created.text()).toContain(`"label":"${fullName}"`);
  const rows = await peopleNamed(lastName);
  expect(rows).toHaveLength(1);
  const refused = await callActionWithArgs(editor, QUICK_ACTIONS, ["   "]);
  expect(await refused.text()).toContain("Type the person’s name.");
  await editor.dispose();
});

test("an upload without a Content-Length (chunked) is refused before its body is read", async ({ baseURL }) => {
  const editor = await signedIn(baseURL, "editor");
  const cookie = (await editor.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const name = `chunked-${unique()}.png`;
  const boundary = "----marquee-chunked";
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
    await pngOf(64, 64),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  // fetch with a stream body sends Transfer-Encoding: chunked and no Content-Length.
  const response = await fetch(new URL("/api/admin/uploads", baseURL), {
    method: "POST",
    headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    body: new ReadableStream({ start: (c) => (c.enqueue(new Uint8Array(body)), c.close()) }),
    duplex: "half",
  } as RequestInit & { duplex: "half" });
  expect(response.status).toBe(411);
  expect(await filesNamed(name)).toEqual([]);
  await editor.dispose();
});

test("the lookup answers an unknown kind with 400 and a message, and takes a missing q as empty", async ({ baseURL }) => {
  const editor = await signedIn(baseURL, "editor");
  const unknown = await editor.get("/api/admin/lookup?kind=spaceship&q=x");
  expect(unknown.status()).toBe(400);
  expect(await unknown.json()).toEqual({ error: "kind must be one of person, country, genre, movie." });
  const noQuery = await editor.get("/api/admin/lookup?kind=genre");
  expect(noQuery.status()).toBe(200);
  expect(((await noQuery.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
  await editor.dispose();
});
