/**
 * PostgreSQL going away and coming back, against a production server of this test's own: it reaches the test
 * database through a TCP relay that the test closes (new connections refused, open ones cut, as when PostgreSQL
 * stops) and opens again. The shared test server and its database are left alone.
 *
 * The bounds are the (an answer within 2 s, service again within about a second); they are generous next
 * to what the server does (a few milliseconds once it knows, a few hundred after PostgreSQL returns) and far from
 * the driver's default back-off the old server waited on (3 to 27 s per page).
 */
import net from "node:net";
import { expect, test } from "@playwright/test";
import { freePort, startInstance, type Instance } from "./support/instances";

test.describe.configure({ mode: "serial" });

class Relay {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    return new Promise((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }

  /** As PostgreSQL stopping: open connections end, new ones are refused. */
  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function timed(url: string, init?: RequestInit) {
  const started = performance.now();
  const response = await fetch(url, { redirect: "manual", ...init });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started, headers: response.headers };
}

let relay: Relay;
let server: Instance;
let base: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const database = new URL(process.env.DATABASE_URL!);
  relay = new Relay(await freePort(), { host: database.hostname === "localhost" ? "127.0.0.1" : database.hostname, port: Number(database.port || 5432) });
  await relay.open();
  const relayed = new URL(database);
  relayed.hostname = "127.0.0.1";
  relayed.port = String(relay.port);
  server = await startInstance({ DATABASE_URL: relayed.toString() });
  base = server.origin;
});

test.afterAll(async () => {
  await server?.stop();
  await relay?.close();
});

const PAGES = ["/", "/movies", "/movies?genre=1&sort=title&page=2", "/people", "/search?q=godfather", "/genres"];

test("with PostgreSQL gone, every page answers a readable 503 within 2 s, then serves again within a second of its return", async ({ browser }) => {
  for (const page of PAGES) expect((await timed(base + page)).status, page).toBe(200);
  await relay.close();

  for (let round = 0; round < 3; round++) {
    for (const page of [...PAGES, "/movies/1", "/people/1"]) {
      const answer = await timed(base + page, { headers: { accept: "text/html" } });
      expect(answer.status, page).toBe(503);
      expect(answer.ms, `${page} took ${Math.round(answer.ms)} ms`).toBeLessThan(2_000);
      expect(answer.text).toContain("We'll be right back");
      expect(answer.headers.get("retry-after")).toBe("5");
    }
    const health = await timed(`${base}/api/health`);
    expect(health.status).toBe(503);
    expect(JSON.parse(health.text)).toMatchObject({ status: "unavailable" });
    const navigation = await timed(`${base}/movies`, { headers: { rsc: "1" } });
    expect(navigation.status).toBe(503);
  }

  // Without JavaScript the page still says what happened and offers a way back.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(`${base}/movies`);
  expect(response?.status()).toBe(503);
  await expect(page.getByRole("heading", { name: "We'll be right back" })).toBeVisible();
  await expect(page.getByText("Nothing you saved is lost")).toBeVisible();
  await expect(page.getByRole("link", { name: "Try again" })).toHaveAttribute("href", "/movies");
  await context.close();

  await relay.open();
  const back = performance.now();
  let healthy = -1;
  let serving = -1;
  while (performance.now() - back < 10_000 && (healthy < 0 || serving < 0)) {
    if (healthy < 0 && (await timed(`${base}/api/health`)).status === 200) healthy = performance.now() - back;
    if (serving < 0 && (await timed(`${base}/movies?page=3`)).status === 200) serving = performance.now() - back;
    await new Promise((r) => setTimeout(r, 25));
  }
  expect(healthy, "health check 200 again").toBeGreaterThanOrEqual(0);
  expect(serving, "pages served again").toBeGreaterThanOrEqual(0);
  expect(healthy, `health back after ${Math.round(healthy)} ms`).toBeLessThan(1_500);
  expect(serving, `pages back after ${Math.round(serving)} ms`).toBeLessThan(1_500);
  for (const page of PAGES) expect((await timed(base + page)).status, page).toBe(200);
});
