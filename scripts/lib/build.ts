/**
 * `next build` only when the sources changed since the last build: a fingerprint of everything the build reads
 * is kept beside the build in .next/, so `npm start` right after `npm install` builds once and then starts fast.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { FatalError } from "./fatal";

const root = path.resolve(import.meta.dirname, "..", "..");
const INPUTS = ["app", "components", "lib", "db", "public", "auth.ts", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const distDir = () => path.join(root, getEnv().MARQUEE_DIST_DIR);

function walk(entry: string, hash: ReturnType<typeof createHash>) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  const info = statSync(full);
  if (info.isDirectory()) {
    for (const child of readdirSync(full).sort()) {
      if (child === "node_modules" || child.startsWith(".") || child === "migrations") continue;
      walk(path.join(entry, child), hash);
    }
  } else {
    hash.update(entry).update("\0").update(readFileSync(full)).update("\0");
  }
}

export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const entry of INPUTS) walk(entry, hash);
  return hash.digest("hex");
}

export function buildIsCurrent(): boolean {
  return (
    existsSync(path.join(distDir(), "BUILD_ID")) &&
    existsSync(path.join(distDir(), "marquee-fingerprint")) &&
    readFileSync(path.join(distDir(), "marquee-fingerprint"), "utf8").trim() === sourceFingerprint()
  );
}

export function nextBin(): string {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

export async function ensureBuild(log: (line: string) => void, env: NodeJS.ProcessEnv = process.env) {
  if (buildIsCurrent()) return;
  const fingerprint = sourceFingerprint();
  log("building the site (next build): this happens once after install or after the code changed…");
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [nextBin(), "build"], { cwd: root, stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  if (code !== 0) throw new FatalError("next build failed (see the output above)");
  writeFileSync(path.join(distDir(), "marquee-fingerprint"), fingerprint + "\n");
}
