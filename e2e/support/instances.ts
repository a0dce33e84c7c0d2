/**
 * Production servers of the test's own, started from the build the suite runs (plain node, the compiled server, as
 * `npm start` runs it), beside the shared test server. For tests that need several instances or a database of
 * their own.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export const distDir = process.env.MARQUEE_DIST_DIR?.trim() || ".next";

export type Instance = { port: number; origin: string; process: ChildProcess; stop: () => Promise<void> };

/** Starts one more production server of this build on a free port and waits until its health check answers. */
export async function startInstance(env: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(distDir, "marquee", "server.mjs")], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: "ignore",
  });
  const origin = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the instance on port ${port} exited with code ${child.exitCode}`);
    const health = await fetch(`${origin}/api/health`).catch(() => null);
    if (health?.status === 200) return { port, origin, process: child, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the instance on port ${port} did not start`);
}
