/**
 * `npm start` (and `npm run db:migrate` / `db:seed` with an argument naming the script): plain JavaScript, so that a
 * production install (`npm prune --omit=dev`) starts with plain node. When this install can build (devDependencies
 * present) it compiles the launcher and the server first (well under a second; `next build` itself runs only when
 * the sources changed, from the launcher); a production install runs the build it has.
 * `npm run dev` runs the TypeScript launcher through tsx (a development tool).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundledScript, bundleServer, canBuild } from "./lib/build.mjs";

const script = process.argv.find((arg) => /^--script=/.test(arg))?.slice("--script=".length) ?? "start";
// lib/env.ts validates this (and every other variable) as soon as the launcher runs; here it only names the build.
const distDir = process.env.MARQUEE_DIST_DIR?.trim() || ".next";

function fail(message) {
  console.error(`marquee: ${message}`);
  process.exit(1);
}

if (process.argv.includes("--dev")) {
  if (!canBuild()) fail("`npm run dev` needs the devDependencies (npm install)");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "start.ts"), "--dev"], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  if (!/^\.next[\w-]*$/.test(distDir)) fail("MARQUEE_DIST_DIR must be .next or start with .next (e.g. .next-ci)");
  if (canBuild()) {
    try {
      await bundleServer(distDir);
    } catch (error) {
      fail(`the server could not be compiled: ${error.message}`);
    }
  }
  const entry = bundledScript(distDir, script);
  if (!existsSync(entry)) fail(`there is no production build in ${distDir} (run \`npm run build\` before \`npm prune --omit=dev\`)`);
  await import(pathToFileURL(entry).href);
}
