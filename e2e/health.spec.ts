import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";

test("/api/health reports the database reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "reachable" });
  expect(response.headers()["cache-control"]).toContain("no-store");
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test("/api/health answers 503 when PostgreSQL does not answer", async ({ request }) => {
  test.setTimeout(90_000);
  // A second instance of the same build whose DATABASE_URL points at a port where nothing listens.
  const [appPort, deadPort] = [await freePort(), await freePort()];
  const server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(appPort)], {
    env: { ...process.env, DATABASE_URL: `postgres://marquee:marquee@127.0.0.1:${deadPort}/marquee` },
    stdio: "ignore",
  });
  try {
    let response;
    for (let attempt = 0; attempt < 120; attempt++) {
      try {
        response = await request.get(`http://localhost:${appPort}/api/health`, { timeout: 10_000 });
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    expect(response, "the second server never answered").toBeDefined();
    expect(response!.status()).toBe(503);
    expect(await response!.json()).toMatchObject({ status: "unavailable", database: "unreachable" });
  } finally {
    server.kill("SIGTERM");
  }
});
