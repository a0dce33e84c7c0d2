/** The production server (compiled scripts/server.ts) of the current build on a free localhost port, for the benchmark; stopped with its process group. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { bundledScript, projectRoot } from "../build.mjs";
import { FatalError } from "../fatal";

export type RunningServer = {
  origin: string;
  stop: () => Promise<void>;
  output: () => string;
  /** CPU time (user + system, ms) used so far by the server's process group; NaN where /proc is missing. */
  cpuMs: () => number;
};

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Sum of utime + stime of every live process in a process group (Linux /proc). */
function groupCpuMs(groupId: number): number {
  let ticks = 0;
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return NaN;
  }
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // After the command name in parentheses: state ppid pgrp ... utime (14th field) stime (15th).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === groupId) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return (ticks * 1000) / ticksPerSecond;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new FatalError(`the server exited with code ${child.exitCode} before answering`);
    try {
      const response = await fetch(`${origin}/api/ping`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new FatalError(`the server did not answer ${origin}/api/ping within ${timeoutMs / 1000} s`);
}

export async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<RunningServer> {
  const root = projectRoot;
  const child = spawn(process.execPath, [bundledScript(getEnv().MARQUEE_DIST_DIR, "server")], {
    cwd: root,
    env: {
      ...env,
      PORT: String(port),
      // The server exits by itself if this script dies, even by SIGKILL (see scripts/lib/exit-with-parent.cjs).
      NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --require ${path.join(root, "scripts", "lib", "exit-with-parent.cjs")}`.trim(),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: next start's workers stop with it
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(origin, child, 60_000);
  } catch (error) {
    await stop();
    throw new FatalError(`${(error as Error).message}\n${output.trim().split("\n").slice(-15).join("\n")}`);
  }
  return { origin, stop, output: () => output, cpuMs: () => groupCpuMs(child.pid!) };
}
