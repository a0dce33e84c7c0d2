/**
 * The scripts a newcomer runs (npm start, db:migrate) against bad configuration and faults: one clear line and a
 * non-zero exit, never a stack trace; and the embedded PostgreSQL survives a SIGKILLed run.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
// One process per script, as npm runs them: SIGKILL then hits the real process. npm start and db:migrate are plain
// node (scripts/start.mjs runs the compiled launcher); development tools run through tsx.
const node = (script: string, ...args: string[]) => [process.execPath, ["--import", "tsx", script, ...args]] as const;
const npmScripts = { start: [], migrate: ["--script=migrate"] } as const;
const scratch = path.join(root, ".data", "test-launcher");

type Result = { code: number | null; stdout: string; stderr: string };

function runScript(script: keyof typeof npmScripts, env: Record<string, string>, timeoutMs = 60_000): Promise<Result> {
  return new Promise((resolve, reject) => {
    const base = { ...process.env };
    delete base.DATABASE_URL; // each test states its own database
    const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs"), ...npmScripts[script]], { cwd: root, env: { ...base, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function expectOneClearLine(result: Result, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  expect(result.code).not.toBeNull(); // exited by itself, not killed by the timeout
  const lines = result.stderr.trim().split("\n").filter(Boolean);
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^marquee: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("bad configuration", () => {
  it("a PORT that is not a number names the variable", async () => {
    expectOneClearLine(await runScript("start", { PORT: "abc", DATA_DIR: scratch }), /PORT must be a port number/);
  });

  it("a port already in use is named", async () => {
    const server = net.createServer();
    const port = await new Promise<number>((r) => server.listen(0, () => r((server.address() as net.AddressInfo).port)));
    try {
      expectOneClearLine(await runScript("start", { PORT: String(port), DATA_DIR: scratch }), new RegExp(`port ${port} is already in use`));
    } finally {
      server.close();
    }
  });

  it("a DATABASE_URL that does not answer is named, password hidden", async () => {
    const port = await freePort();
    const result = await runScript("migrate", { DATABASE_URL: `postgres://marquee:s3cret@127.0.0.1:${port}/marquee` });
    expectOneClearLine(result, /DATABASE_URL does not answer .*connection refused/);
    expect(result.stderr).not.toContain("s3cret");
  });

  it("a malformed DATABASE_URL is named", async () => {
    expectOneClearLine(await runScript("migrate", { DATABASE_URL: "mysql://nope" }), /DATABASE_URL must be a postgres:\/\//);
  });

  it("an unwritable data directory is named", async () => {
    const blocker = path.join(scratch, "a-file");
    writeFileSync(blocker, "");
    expectOneClearLine(await runScript("migrate", { DATA_DIR: path.join(blocker, "data") }), /data directory .* is not writable/);
  });
});

describe("the embedded PostgreSQL", () => {
  const dataDir = path.join(scratch, "embedded");
  let port: number;

  beforeAll(async () => {
    port = await freePort();
  });

  const env = () => ({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) });
  const url = () => `postgres://postgres:marquee@localhost:${port}/marquee`;

  it("is created, migrated and stopped by db:migrate, and reused with its data by the next run", async () => {
    const first = await runScript("migrate", env(), 120_000);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false); // stopped cleanly

    const hold = spawn(...node(path.join(root, "tests", "support", "hold-embedded.ts"), dataDir, String(port)), { cwd: root });
    await new Promise<void>((resolve, reject) => {
      hold.stdout.on("data", (d) => String(d).includes("ready") && resolve());
      hold.on("exit", () => reject(new Error("hold-embedded exited early")));
    });
    const sql = postgres(url(), { max: 1, onnotice: () => {} });
    await sql`insert into countries (name) values ('Atlantis')`;
    await sql.end();

    // SIGKILL leaves postgres running with its postmaster.pid; the next run must adopt it, not fail.
    hold.kill("SIGKILL");
    await new Promise((r) => hold.once("exit", r));
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(true);

    const second = await runScript("migrate", env(), 120_000);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("reusing the embedded PostgreSQL");
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);

    // A stale postmaster.pid (its process long gone) is cleared, and the data is still there.
    writeFileSync(path.join(dataDir, "pg", "postmaster.pid"), `999999\n${path.join(dataDir, "pg")}\n0\n${port}\n`);
    const hold2 = spawn(...node(path.join(root, "tests", "support", "hold-embedded.ts"), dataDir, String(port)), { cwd: root });
    let output = "";
    await new Promise<void>((resolve, reject) => {
      hold2.stdout.on("data", (d) => {
        output += d;
        if (output.includes("ready")) resolve();
      });
      hold2.on("exit", () => reject(new Error(`hold-embedded exited early: ${output}`)));
    });
    try {
      const check = postgres(url(), { max: 1, onnotice: () => {} });
      const rows = await check`select name from countries`;
      await check.end();
      expect(rows.map((r) => r.name)).toContain("Atlantis");
    } finally {
      hold2.kill("SIGTERM");
      await new Promise((r) => hold2.once("exit", r));
    }
    // Cleanup: the last client is gone; a final migrate run stops the server it adopts.
    const last = await runScript("migrate", env(), 120_000);
    expect(last.code).toBe(0);
    expect(readFileSync(path.join(dataDir, "pg", "PG_VERSION"), "utf8").trim()).toMatch(/^\d+$/);
  }, 240_000);
});

describe("npm start killed with SIGKILL", () => {
  it("leaves nothing that stops the next start, and loses no data", async () => {
    const dataDir = path.join(scratch, "sigkill");
    const [webPort, pgPort] = [await freePort(), await freePort()];
    // `next dev` under the default build dir (.next/dev, apart from any production build), whatever the run uses.
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(webPort), MARQUEE_SEED: "none", MARQUEE_DIST_DIR: ".next" };
    delete env.DATABASE_URL;
    const health = async () => {
      for (let i = 0; i < 240; i++) {
        try {
          const r = await fetch(`http://localhost:${webPort}/api/health`);
          if (r.ok) return r.status;
        } catch {
          // not up yet
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error("the site never answered /api/health");
    };
    const launch = () => spawn(...node(path.join(root, "scripts", "start.ts"), "--dev"), { cwd: root, env, stdio: "ignore" });

    const first = launch();
    expect(await health()).toBe(200);
    const sql = postgres(`postgres://postgres:marquee@localhost:${pgPort}/marquee`, { max: 1, onnotice: () => {} });
    await sql`insert into genres (name) values ('Kept after SIGKILL')`;
    await sql.end();
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    // The orphaned web server notices its launcher is gone and frees the port by itself.
    let portFreed = false;
    for (let i = 0; i < 40 && !portFreed; i++) {
      portFreed = await new Promise<boolean>((resolve) => {
        const probe = net.createServer();
        probe.once("error", () => resolve(false));
        probe.listen(webPort, () => probe.close(() => resolve(true)));
      });
      if (!portFreed) await new Promise((r) => setTimeout(r, 250));
    }
    expect(portFreed, "the killed launcher's web server still holds the port").toBe(true);

    const second = launch();
    try {
      expect(await health()).toBe(200);
      const check = postgres(`postgres://postgres:marquee@localhost:${pgPort}/marquee`, { max: 1, onnotice: () => {} });
      const rows = await check`select name from genres`;
      await check.end();
      expect(rows.map((r) => r.name)).toContain("Kept after SIGKILL");
    } finally {
      second.kill("SIGTERM");
      await new Promise((r) => second.once("exit", r));
    }
    // Ctrl-C / SIGTERM stops PostgreSQL cleanly.
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
  }, 240_000);
});
