/**
 * npm test: integration tests (Vitest) against a throw-away database, then Playwright end to end against a
 * production build serving a freshly seeded copy of that database. Real PostgreSQL (embedded, or the server of
 * DATABASE_URL), real disk storage, real Chromium. Ends with one line "N passed, N failed" (also written to
 * .data/test-results/summary.txt for CI).
 *   --only=integration | --only=e2e    run one half; further arguments filter the runner's files
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";
import { createDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { dataDir, getEnv } from "@/lib/env";
import { LocalDiskStorage } from "@/lib/storage/local";
import { applyMigrations, provideDatabase } from "./lib/database";
import { ensureBuild } from "./lib/build.mjs";
import { runMain } from "./lib/fatal";

const root = path.resolve(import.meta.dirname, "..");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
// Other arguments (file filters such as tests/integration/movies.test.ts or e2e/browse.spec.ts) go to the runner.
const filters = process.argv.slice(2).filter((a) => !a.startsWith("--only="));
const log = (line: string) => console.log(`[test] ${line}`);

type Counts = { passed: number; failed: number; skipped: number };

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [command, ...args], { cwd: root, stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function recreateDatabase(serverUrl: string, name: string) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function dropDatabase(serverUrl: string, name: string) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
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

/** Test databases of runs that were killed before they could drop theirs (their process is gone). */
async function dropAbandonedTestDatabases(serverUrl: string, baseName: string) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${baseName}_test_%`}`;
    for (const { datname } of rows) {
      const pid = Number(datname.slice(`${baseName}_test_`.length));
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (error) {
        alive = (error as NodeJS.ErrnoException).code === "EPERM";
      }
      if (!alive) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}

function readJson(file: string): any {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

runMain(async () => {
  // Separate build dirs (MARQUEE_DIST_DIR=.next-x) get separate result dirs: runs can go side by side.
  const distSuffix = getEnv().MARQUEE_DIST_DIR.slice(".next".length);
  const results = path.join(dataDir(), `test-results${distSuffix}`);
  // Only what this run writes again: an integration run beside an end-to-end run leaves the other's traces alone.
  for (const part of ["summary.txt", ...(only !== "e2e" ? ["vitest.json"] : []), ...(only !== "integration" ? ["playwright.json", "playwright"] : [])]) {
    rmSync(path.join(results, part), { recursive: true, force: true });
  }
  mkdirSync(results, { recursive: true });
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  let exitCode = 0;

  const database = await provideDatabase(log);
  const baseName = new URL(database.url).pathname.slice(1) || "marquee";
  // One database per run, so that several runs (two checkouts, a developer and CI) never share one.
  const testDb = `${baseName}_test_${process.pid}`;
  const testUrl = database.withDatabase(testDb);
  const serverUrl = database.withDatabase("postgres");
  await dropAbandonedTestDatabases(serverUrl, baseName);
  const uploads = path.join(dataDir(), `test-uploads-${process.pid}`);
  const testEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: testUrl,
    UPLOADS_DIR: uploads,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    E2E_PORT: String(await freePort()),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete testEnv.UPLOADTHING_TOKEN; // the UploadThing adapter is tested against its fake server, explicitly

  try {
    if (only !== "e2e") {
      log(`integration tests on database ${testDb}`);
      await recreateDatabase(serverUrl, testDb);
      await applyMigrations(testUrl);
      rmSync(uploads, { recursive: true, force: true });
      const file = path.join(results, "vitest.json");
      const code = await run(path.join(root, "node_modules", "vitest", "vitest.mjs"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${file}`, ...filters], testEnv);
      const report = readJson(file);
      if (report) {
        counts.passed += report.numPassedTests ?? 0;
        counts.failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0);
        counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
      } else if (code !== 0) counts.failed += 1;
      if (code !== 0) exitCode = 1;
    }

    if (only !== "integration") {
      log(`end-to-end tests: seeding ${testDb} with the demo catalogue`);
      await recreateDatabase(serverUrl, testDb);
      await applyMigrations(testUrl);
      rmSync(uploads, { recursive: true, force: true });
      const { db, sql } = createDatabase(testUrl, { max: 1 });
      try {
        // The seed stores its images where the test server reads them.
        await seedDemo(db, { log, storage: new LocalDiskStorage(uploads) });
      } finally {
        await sql.end({ timeout: 5 });
      }
      await ensureBuild({ distDir: getEnv().MARQUEE_DIST_DIR, env: testEnv, log });
      const file = path.join(results, "playwright.json");
      const code = await run(path.join(root, "node_modules", "@playwright", "test", "cli.js"), ["test", ...filters], {
        ...testEnv,
        PLAYWRIGHT_JSON_OUTPUT_NAME: file,
        PLAYWRIGHT_OUTPUT_DIR: path.join(results, "playwright"),
      });
      const report = readJson(file);
      if (report?.stats) {
        counts.passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
        counts.failed += report.stats.unexpected ?? 0;
        counts.skipped += report.stats.skipped ?? 0;
        if ((report.errors ?? []).length && !report.stats.unexpected) counts.failed += report.errors.length;
      } else if (code !== 0) counts.failed += 1;
      if (code !== 0) exitCode = 1;
    }
  } finally {
    await dropDatabase(serverUrl, testDb).catch(() => {});
    rmSync(uploads, { recursive: true, force: true });
    await database.release();
  }

  if (counts.failed > 0) exitCode = 1;
  const summary = `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`;
  writeFileSync(path.join(results, "summary.txt"), summary + "\n");
  if (!existsSync(path.join(results, "summary.txt"))) exitCode = 1;
  console.log(summary);
  return exitCode;
});
