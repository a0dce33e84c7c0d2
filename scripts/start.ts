/**
 * npm start: the whole demo in one command. Database (DATABASE_URL, or the embedded PostgreSQL under .data/),
 * migrations, demo data on an empty database, a production build when the code changed (and this install can
 * build), then the production server (scripts/server.ts, compiled: Next behind the page cache).
 * Run compiled from the build directory by scripts/start.mjs; `npm run dev` runs it through tsx with `next dev`.
 * Ctrl-C stops the site and, if we started it, PostgreSQL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { createDatabase } from "@/db/client";
import { authSecret, getEnv } from "@/lib/env";
import { applyMigrations, provideDatabase } from "./lib/database";
import { bundledScript, ensureBuild, nextBin, projectRoot } from "./lib/build.mjs";
import { FatalError, redactUrl, runMain } from "./lib/fatal";
import { seedIfEmpty } from "./lib/seed-if-empty";

const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[marquee] ${line}`);

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new FatalError(
          error.code === "EADDRINUSE"
            ? `port ${port} is already in use (is Marquee already running?); set PORT to another port`
            : `cannot listen on port ${port}: ${error.code ?? error.message}`,
        ),
      ),
    );
    server.listen(port, () => server.close(() => resolve()));
  });
}

runMain(async () => {
  const env = getEnv();
  const secret = authSecret();
  await assertPortFree(env.PORT);
  const database = await provideDatabase(log);
  let child: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    await database.release();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  // If whatever started us (npm) is killed, even by SIGKILL, we are reparented: shut down cleanly then.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void stop(0), 1000).unref();

  try {
    log(`database: ${redactUrl(database.url)}${database.embedded ? " (embedded)" : ""}`);
    await applyMigrations(database.url);
    if (env.MARQUEE_SEED === "demo") {
      const { db, sql } = createDatabase(database.url, { max: 1 });
      try {
        await seedIfEmpty(db, log);
      } finally {
        await sql.end({ timeout: 5 });
      }
    }
    const childEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: secret,
      PORT: String(env.PORT),
      NEXT_TELEMETRY_DISABLED: "1",
      // The server exits by itself if this launcher is SIGKILLed, so the port is free for the next start.
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(projectRoot, "scripts", "lib", "exit-with-parent.cjs")}`.trim(),
    };
    if (!dev) await ensureBuild({ distDir: env.MARQUEE_DIST_DIR, env: childEnv, log });
    if (stopping) return;
    // Run with node directly (not npx): killing it then really stops the server. Production: the compiled
    // scripts/server.ts (Next behind the page cache), plain node; dev: next's own dev server.
    const args = dev ? [nextBin(), "dev", "-p", String(env.PORT)] : [bundledScript(env.MARQUEE_DIST_DIR, "server")];
    child = spawn(process.execPath, args, { stdio: "inherit", env: childEnv });
    log(`Marquee is starting on http://localhost:${env.PORT} (Ctrl-C to stop)`);
    child.on("exit", (code) => void stop(code ?? 0));
  } catch (error) {
    await database.release();
    throw error;
  }
});
