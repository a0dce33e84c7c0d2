/**
 * npm test: the checks (the type check, `next typegen` then `tsc --noEmit`, and ESLint with no warning allowed),
 * then integration tests (Vitest) against a throw-away database, then Playwright end to end against a production
 * build serving a freshly seeded copy of that database. Real PostgreSQL (embedded, or the server of DATABASE_URL),
 * real disk storage, real Chromium. Each check counts as one test. Ends with the checks that failed, the tests that
 * passed only on a retry and the skipped count, each on lines of their own, then the line "N passed, N failed",
 * always last (all also written to .data/test-results/summary.txt for CI).
 *   --only=checks | --only=integration | --only=e2e    run one part; further arguments filter the runner's files
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
import { ensureBuild, nextBin } from "./lib/build.mjs";
import { FatalError, runMain } from "./lib/fatal";
import { formatSummary, playwrightCounts, vitestCounts, type PlaywrightReport, type Summary, type VitestReport } from "./lib/test-summary";

const root = path.resolve(import.meta.dirname, "..");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
// Other arguments (file filters such as tests/integration/movies.test.ts or e2e/browse.spec.ts) go to the runner.
const filters = process.argv.slice(2).filter((a) => !a.startsWith("--only="));
const log = (line: string) => console.log(`[test] ${line}`);
const PARTS = ["checks", "integration", "e2e"];
const runs = (part: string) => only === undefined || only === part;

/** Runs a node script; its output goes to the terminal, or is collected and returned when `capture` is set. */
function runNode(command: string, args: string[], env: NodeJS.ProcessEnv, { capture = false } = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [command, ...args], { cwd: root, stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit", env });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", (error) => (output += `${error.message}\n`));
    child.on("close", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve({ code: code ?? (signal ? 1 : 0), output });
    });
  });
}

const run = async (command: string, args: string[], env: NodeJS.ProcessEnv) => (await runNode(command, args, env)).code;

/** A check is one command line after another; it passes when each exits 0. */
type Check = { name: string; steps: [string, string[]][] };
const CHECKS: Check[] = [
  {
    // Next's route types (PageProps, LayoutProps, RouteContext) are generated into the build dir: a fresh checkout has none.
    name: "typecheck",
    steps: [
      [nextBin(), ["typegen"]],
      [path.join(root, "node_modules", "typescript", "bin", "tsc"), ["--noEmit"]],
    ],
  },
  { name: "lint", steps: [[path.join(root, "node_modules", "eslint", "bin", "eslint.js"), [".", "--max-warnings=0"]]] },
];

/** Runs the checks side by side; each prints its output when it fails. Returns the names of those that failed. */
async function runChecks(env: NodeJS.ProcessEnv): Promise<{ passed: string[]; failed: string[] }> {
  log(`checks: ${CHECKS.map((c) => c.name).join(", ")}`);
  const outcomes = await Promise.all(
    CHECKS.map(async (check) => {
      const started = Date.now();
      let output = "";
      let ok = true;
      for (const [command, args] of check.steps) {
        const result = await runNode(command, args, env, { capture: true });
        output += result.output;
        if (result.code !== 0) {
          ok = false;
          break;
        }
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (ok) log(`${check.name}: passed (${seconds} s)`);
      else {
        log(`${check.name}: FAILED (${seconds} s)`);
        process.stdout.write(output.endsWith("\n") || !output ? output : `${output}\n`);
      }
      return { name: check.name, ok };
    }),
  );
  return { passed: outcomes.filter((o) => o.ok).map((o) => o.name), failed: outcomes.filter((o) => !o.ok).map((o) => o.name) };
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

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** The integration and end-to-end tests, on a database of their own; adds to `summary`, returns the exit code. */
async function runSuites(summary: Summary, results: string): Promise<number> {
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
    if (runs("integration")) {
      log(`integration tests on database ${testDb}`);
      await recreateDatabase(serverUrl, testDb);
      await applyMigrations(testUrl);
      rmSync(uploads, { recursive: true, force: true });
      const file = path.join(results, "vitest.json");
      const code = await run(path.join(root, "node_modules", "vitest", "vitest.mjs"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${file}`, ...filters], testEnv);
      const report = readJson<VitestReport>(file);
      if (report) add(summary, vitestCounts(report));
      else if (code !== 0) summary.failed += 1;
      if (code !== 0) exitCode = 1;
    }

    if (runs("e2e")) {
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
      const report = readJson<PlaywrightReport>(file);
      if (report?.stats) {
        // Tests named by their file from the project's root (e2e/...), as the runner's filters take them.
        const counts = playwrightCounts(report, report.config?.rootDir ? path.relative(root, report.config.rootDir) : "");
        add(summary, counts);
        summary.flaky.push(...counts.flaky);
      } else if (code !== 0) summary.failed += 1;
      if (code !== 0) exitCode = 1;
    }
  } finally {
    await dropDatabase(serverUrl, testDb).catch(() => {});
    rmSync(uploads, { recursive: true, force: true });
    await database.release();
  }

  return exitCode;
}

function add(summary: Summary, counts: { passed: number; failed: number; skipped: number }) {
  summary.passed += counts.passed;
  summary.failed += counts.failed;
  summary.skipped += counts.skipped;
}

runMain(async () => {
  if (only !== undefined && !PARTS.includes(only)) throw new FatalError(`--only must be one of ${PARTS.join(", ")}`);
  // Separate build dirs (MARQUEE_DIST_DIR=.next-x) get separate result dirs: runs can go side by side.
  const distSuffix = getEnv().MARQUEE_DIST_DIR.slice(".next".length);
  const results = path.join(dataDir(), `test-results${distSuffix}`);
  // Only what this run writes again: an integration run beside an end-to-end run leaves the other's traces alone.
  for (const part of ["summary.txt", ...(runs("integration") ? ["vitest.json"] : []), ...(runs("e2e") ? ["playwright.json", "playwright"] : [])]) {
    rmSync(path.join(results, part), { recursive: true, force: true });
  }
  mkdirSync(results, { recursive: true });
  const summary: Summary = { passed: 0, failed: 0, skipped: 0, flaky: [], failedChecks: [] };
  let exitCode = 0;

  if (runs("checks")) {
    const checks = await runChecks({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
    summary.passed += checks.passed.length;
    summary.failed += checks.failed.length;
    summary.failedChecks.push(...checks.failed);
  }
  if (runs("integration") || runs("e2e")) exitCode = await runSuites(summary, results);

  if (summary.failed > 0) exitCode = 1;
  const lines = formatSummary(summary);
  writeFileSync(path.join(results, "summary.txt"), lines.join("\n") + "\n");
  if (!existsSync(path.join(results, "summary.txt"))) exitCode = 1;
  for (const line of lines) console.log(line);
  return exitCode;
});
