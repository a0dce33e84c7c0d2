import net from "node:net";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { FAST_FAIL } from "@/db/client";
import { DatabaseAvailability } from "@/lib/server/database-availability";
import { testDatabaseUrl } from "../support/database";

/** A peer that accepts connections and never says a word (a hung or black-holed PostgreSQL). */
async function silentPeer(): Promise<{ port: number; close: () => void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => (sockets.forEach((s) => s.destroy()), server.close()) };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const pools: postgres.Sql[] = [];
const pool = (url: string) => {
  const sql = postgres(url, { max: 1, onnotice: () => {}, ...FAST_FAIL });
  pools.push(sql);
  return sql;
};
afterAll(async () => {
  await Promise.all(pools.map((sql) => sql.end({ timeout: 1 })));
});

describe("DatabaseAvailability", () => {
  it("says up for a PostgreSQL that answers", async () => {
    const availability = new DatabaseAvailability(() => pool(testDatabaseUrl()), () => {});
    expect(await availability.probe()).toBe(true);
    expect(availability.available).toBe(true);
  });

  it("says down at once when connections are refused", async () => {
    const lines: string[] = [];
    const sql = pool(`postgres://nobody:x@127.0.0.1:${await closedPort()}/none`);
    const availability = new DatabaseAvailability(() => sql, (line) => lines.push(line));
    const started = performance.now();
    expect(await availability.probe()).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(availability.available).toBe(false);
    expect(lines).toHaveLength(1);
  });

  it("believes silence only twice in a row (one late answer on a busy server is not an outage)", async () => {
    const peer = await silentPeer();
    try {
      const sql = pool(`postgres://nobody:x@127.0.0.1:${peer.port}/none`);
      const availability = new DatabaseAvailability(() => sql, () => {});
      expect(await availability.probe()).toBe(true);
      expect(await availability.probe()).toBe(false);
      expect(await availability.probe()).toBe(false);
    } finally {
      peer.close();
    }
  });
});
