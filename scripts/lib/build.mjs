/**
 * The production build, in plain JavaScript so that `npm start` needs no TypeScript loader: `next build` (only when
 * the sources changed since the last one, unless forced) and the server bundle. The bundle is the launcher and the
 * production server compiled by esbuild into `<dist>/marquee/*.mjs`, importing only production dependencies, so an
 * install pruned of its devDependencies (`npm prune --omit=dev`) runs them with plain `node`.
 *
 * One build, many instances: every instance started from it shares its build id, deployment id and server-action
 * encryption key (all in `<dist>`). The build id and deployment id are one random value made per build, so two
 * builds are never mistaken for each other (their server-action ids differ too).
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

function findRoot(from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "next.config.ts"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no Marquee checkout above ${from}`);
  }
}

/** The checkout's root, whether this runs from scripts/lib or from a bundle in the build directory. */
export const projectRoot = findRoot(import.meta.dirname);

/** What `next build` reads. */
const NEXT_INPUTS = ["app", "components", "lib", "db", "public", "auth.ts", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
/** The scripts compiled into the bundle (entry → output name). */
const BUNDLE_ENTRIES = { start: "scripts/start.ts", server: "scripts/server.ts", migrate: "scripts/migrate.ts", seed: "scripts/seed.ts" };
const FINGERPRINT_FILE = "marquee-fingerprint";
/** Written by build(): the build's deployment id, which the server hands to Next (NEXT_DEPLOYMENT_ID) at start. */
const DEPLOYMENT_FILE = "marquee-deployment-id";

export const bundleDir = (distDir) => path.join(projectRoot, distDir, "marquee");
export const bundledScript = (distDir, name) => path.join(bundleDir(distDir), `${name}.mjs`);

function walk(entry, hash) {
  const full = path.join(projectRoot, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) {
    for (const child of readdirSync(full).sort()) {
      if (child === "node_modules" || child.startsWith(".") || child === "migrations") continue;
      walk(path.join(entry, child), hash);
    }
  } else {
    hash.update(entry).update("\0").update(readFileSync(full)).update("\0");
  }
}

export function sourceFingerprint() {
  const hash = createHash("sha256");
  for (const entry of NEXT_INPUTS) walk(entry, hash);
  return hash.digest("hex");
}

export function hasNextBuild(distDir) {
  return existsSync(path.join(projectRoot, distDir, "BUILD_ID"));
}

/** Whether `<dist>` holds a build of the sources as they are now. */
export function buildIsCurrent(distDir) {
  const file = path.join(projectRoot, distDir, FINGERPRINT_FILE);
  return hasNextBuild(distDir) && existsSync(file) && readFileSync(file, "utf8").trim() === sourceFingerprint();
}

/** Whether this install can build (its devDependencies are there: esbuild, TypeScript, Tailwind's compiler). */
export function canBuild() {
  return ["esbuild", "typescript", "@tailwindcss/postcss"].every((name) => existsSync(path.join(projectRoot, "node_modules", name, "package.json")));
}

export function nextBin() {
  return path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
}

/** The build id of `<dist>`. */
export function readBuildId(distDir) {
  return readFileSync(path.join(projectRoot, distDir, "BUILD_ID"), "utf8").trim();
}

/** The deployment id `<dist>` was built with, or null (a build made by `next build` alone has none). */
export function readDeploymentId(distDir) {
  const file = path.join(projectRoot, distDir, DEPLOYMENT_FILE);
  return existsSync(file) ? readFileSync(file, "utf8").trim() || null : null;
}

/**
 * Compiles the launcher and the server into `<dist>/marquee/`. Packages stay imports (resolved in node_modules at
 * run time); everything of ours, TypeScript and the `@/` paths included, is compiled in. Written to a temporary
 * directory and moved into place, so a process starting meanwhile never reads half a bundle.
 */
export async function bundleServer(distDir) {
  const esbuild = await import("esbuild");
  const target = bundleDir(distDir);
  const temporary = `${target}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: projectRoot,
    entryPoints: Object.fromEntries(Object.entries(BUNDLE_ENTRIES).map(([name, file]) => [name, path.join(projectRoot, file)])),
    outdir: temporary,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // One self-contained file per script (dynamic imports of our own modules are inlined): a launcher that rebuilds
    // <dist> while it runs never needs to load a file from there again.
    splitting: false,
    format: "esm",
    platform: "node",
    target: "node20.9",
    packages: "external",
    tsconfig: path.join(projectRoot, "tsconfig.json"),
    metafile: true,
    logLevel: "warning",
    // The seed's data modules are large; names kept readable for stack traces.
    minify: false,
    sourcemap: "linked",
  });
  writeFileSync(path.join(temporary, "metafile.json"), JSON.stringify(result.metafile));
  const previous = `${target}.${process.pid}.old`;
  if (existsSync(target)) renameSync(target, previous);
  renameSync(temporary, target);
  rmSync(previous, { recursive: true, force: true });
  return result.metafile;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

/**
 * Brotli (highest quality) and gzip (level 9) copies of the build's scripts and stylesheets, beside them, for the
 * production server to send as they are (lib/server/static-assets.ts). Next gzips each response at a moderate
 * level instead: the first-load JavaScript of a page is ~12% smaller in brotli 11 than in that gzip.
 */
export async function precompressStatic(distDir) {
  const root = path.join(projectRoot, distDir, "static");
  if (!existsSync(root)) return 0;
  const files = [...filesUnder(root)].filter((file) => /\.(js|css)$/.test(file));
  await Promise.all(
    files.map(async (file) => {
      const content = await readFile(file);
      const [br, gz] = await Promise.all([
        brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
        gzip(content, { level: 9 }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    }),
  );
  return files.length;
}

/**
 * `next build` into `<dist>` (with a fresh build id, which is also the deployment id), then the bundle, then the
 * fingerprint of the sources it was made from. `env` is the environment of the build (DATABASE_URL is not needed).
 */
export async function build({ distDir, env = process.env, log = console.log }) {
  const fingerprint = sourceFingerprint();
  const buildId = `${new Date().toISOString().slice(0, 10).replaceAll("-", "")}-${randomBytes(6).toString("hex")}`;
  log(`building the site (next build ${buildId}): this happens once after install or after the code changed…`);
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin(), "build"], {
      cwd: projectRoot,
      stdio: "inherit",
      // next.config.ts makes the deployment id the build id too (generateBuildId).
      env: { ...env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DEPLOYMENT_ID: buildId },
    });
    child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  if (code !== 0) throw Object.assign(new Error("next build failed (see the output above)"), { fatal: true });
  await bundleServer(distDir);
  await precompressStatic(distDir);
  writeFileSync(path.join(projectRoot, distDir, DEPLOYMENT_FILE), buildId + "\n");
  writeFileSync(path.join(projectRoot, distDir, FINGERPRINT_FILE), fingerprint + "\n");
}

/**
 * Builds when the sources changed since the last build and this install can (otherwise only compiles the bundle
 * again, which takes well under a second). A production install (no devDependencies) runs the build it has.
 */
export async function ensureBuild({ distDir, env = process.env, log = console.log }) {
  if (!canBuild()) {
    if (!hasNextBuild(distDir) || !existsSync(bundledScript(distDir, "server"))) {
      throw Object.assign(new Error(`there is no production build in ${distDir} and this install cannot make one (no devDependencies): run \`npm run build\` before \`npm prune --omit=dev\``), { fatal: true });
    }
    if (!buildIsCurrent(distDir)) log(`the build in ${distDir} is older than the sources, and this install cannot build: starting it as it is`);
    return;
  }
  if (buildIsCurrent(distDir)) await bundleServer(distDir);
  else await build({ distDir, env, log });
}
