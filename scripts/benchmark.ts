/**
 * npm run bench: the production server (scripts/server.ts: Next's production build behind the page cache, as
 * `npm start` runs it) on the large synthetic catalogue, driven by autocannon.
 * For each route: a warm-up, then `--duration` seconds at `--connections` connections; req/s and p50/p95/p99,
 * and req/s as a ratio to a trivial baseline route (/api/ping) measured in the same run, before and after the
 * pages. Each public page is measured four ways, as browsers ask for it: a visitor's document, a signed-in
 * member's document (a real Auth.js session of a member with 3,000 favorites), and both as a client navigation
 * (the RSC request Next's router sends, captured from a real Chromium click). Targets (issue 11): every one of
 * these >= 1.0x the baseline's req/s and p95 < 50 ms. Also measured, not targets: the member's own pages
 * (/favorites, /account, the catalogue's mine=only, /admin for an editor), the first view of the largest movie page
 * after a catalogue change (a render that pays its SQL), and the first-load JavaScript of each public page.
 * Markdown on stdout and, with --out, in a file. All traffic goes to 127.0.0.1; the run is bounded by the durations.
 *
 *   --database <name>     default marquee_large on the embedded server, or the database of DATABASE_URL
 *   --duration 10 --warmup 3 --connections 20
 *   --q <word>            search word for /search (default: shadow)
 *   --route <label>=<path>   an extra route to measure (repeatable; reported, not counted by --check)
 *   --out <file>          also write the markdown report there
 *   --check               exit 1 when a route misses a target, is missing or fails
 *   --no-build            measure the existing build of MARQUEE_DIST_DIR as it is, even if the code changed since
 *   --only-documents      skip the client-navigation and per-user rows (a quicker look)
 */
import { execFileSync } from "node:child_process";
import { statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { authSecret, getEnv } from "@/lib/env";
import { movieHref, personHref } from "@/lib/slug";
import { buildIsCurrent, bundleServer, ensureBuild, hasNextBuild } from "./lib/build.mjs";
import { applyMigrations, describeConnectionError, provideDatabase } from "./lib/database";
import { FatalError, redactUrl, runMain } from "./lib/fatal";
import { viewerQuery } from "@/lib/viewer";
import { runLoad, type LoadResult } from "./lib/bench/load";
import { pickBenchTargets } from "./lib/bench/targets";
import { freePort, startServer } from "./lib/bench/server";
import { BENCH_FAVORITES, BENCH_MEMBER, captureNavigations, ensureBenchMember, firstLoadJavaScript, firstViewAfterChange, signInCookie } from "./lib/bench/viewers";

const log = (line: string) => console.error(`[bench] ${line}`);
const MIN_RATIO = 1.0;
const MAX_P95_MS = 50;
const FIRST_VIEW_MAX_MS = 300;
const FIRST_LOAD_JS_MAX_KB = 130;

type Route = {
  label: string;
  path: string;
  note?: string;
  expectStatus?: number;
  kind?: "baseline" | "reference" | "extra" | "per-user";
  /** Where a link to this page is, for capturing a real click's navigation request. */
  from?: string;
  /** Sent with every request of the run (a member's cookie, a navigation's RSC headers). */
  headers?: Record<string, string>;
};
type Measured = Route & { status: number; measuredPath?: string; result?: LoadResult; problem?: string; cpuPerRequest?: number; bytes?: number };

function seconds(name: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > max) throw new FatalError(`--${name} must be a number from 1 to ${max}`);
  return n;
}

async function pickTargets(sql: postgres.Sql, q: string) {
  const [counts] = await sql<[{ movies: number; people: number; castings: number }]>`
    select (select count(*) from movie)::int as movies, (select count(*) from person)::int as people,
           (select count(*) from character_actors)::int as castings`;
  if (!counts.movies) throw new FatalError("the benchmark database has no movies: run `npm run db:generate-large` first");
  const { pair, film, actor } = await pickBenchTargets(sql);
  const filtered = `/movies?genre=${pair.genre_id}&country=${pair.country_id}&sort=release&dir=desc&page=50`;
  const routes: Route[] = [
    { label: "home page", path: "/", from: "/genres" },
    { label: "/movies (default)", path: "/movies", from: "/genres" },
    { label: "/movies, 2 filters + sort + page 50", path: filtered, note: `${pair.films.toLocaleString("en-US")} films match`, from: filtered.replace("page=50", "page=49") },
    { label: "movie page (largest cast)", path: movieHref(film), note: `${film.castings} castings`, from: `/movies?q=${encodeURIComponent(film.title)}` },
    { label: "most prolific actor", path: personHref(actor), note: `${actor.castings.toLocaleString("en-US")} castings`, from: `/people?q=${encodeURIComponent(actor.name)}` },
    { label: `/search?q=${q}`, path: `/search?q=${encodeURIComponent(q)}`, from: "/genres" },
  ];
  return { counts, routes };
}

/**
 * Requests that autocannon gave up on (10 s timeout) are still being served: wait until the database has no
 * active statement of the app and the baseline answers, so one route's backlog is not charged to the next.
 */
async function settle(sql: postgres.Sql, origin: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quiet = 0;
  while (Date.now() < deadline && quiet < 3) {
    const [{ active }] = await sql<[{ active: number }]>`
      select count(*)::int as active from pg_stat_activity
      where datname = current_database() and state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()`;
    quiet = active === 0 ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
  if (quiet < 3) log("the server is still busy with earlier requests after 120 s; measuring anyway");
  await fetch(`${origin}/api/ping`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.arrayBuffer()).catch(() => {});
}

/** The path that answers 200: the route itself, or where its (canonical) redirect leads. */
async function probe(origin: string, route: Route): Promise<{ status: number; path?: string; bytes?: number }> {
  let current = route.path;
  for (let hop = 0; hop < 3; hop++) {
    const response = await fetch(origin + current, { redirect: "manual", headers: route.headers, signal: AbortSignal.timeout(30_000) });
    const bytes = (await response.arrayBuffer().catch(() => new ArrayBuffer(0))).byteLength;
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, origin);
      if (next.origin !== origin) return { status: response.status };
      current = next.pathname + next.search;
      continue;
    }
    return { status: response.status, path: response.status === (route.expectStatus ?? 200) ? current : undefined, bytes };
  }
  return { status: 310 };
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function commit(): string {
  try {
    const root = path.resolve(import.meta.dirname, "..");
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).trim() ? " + uncommitted changes" : "";
    return head + dirty;
  } catch {
    return "unknown";
  }
}

const kb = (n: number | undefined) => (n === undefined ? "–" : `${Math.round(n / 1024)} KB`);
const ms = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n)} ms` : "–");

function report(rows: Measured[], baselineRps: number, trivialPageRps: number | undefined, context: string[]): { markdown: string; failures: number } {
  let failures = 0;
  const lines = [
    ...context,
    "",
    "| route | req/s | × baseline | × trivial page | p50 | p95 | p99 | failed | server CPU / req | HTML | verdict |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const row of rows) {
    const path = row.measuredPath ?? row.path;
    // A long query (the viewer's 200 film ids) is abbreviated: the label says what it asks.
    const shown = path.length > 120 ? `${path.slice(0, 100)}…` : path;
    const name = `${row.label}<br>\`${shown}\`${row.note ? ` (${row.note})` : ""}`;
    if (!row.result) {
      if (!row.kind) failures++;
      lines.push(`| ${name} | – | – | – | – | – | – | – | – | – | ✗ ${row.problem} |`);
      continue;
    }
    const r = row.result;
    if (r.requests === 0) {
      if (!row.kind) failures++;
      lines.push(`| ${name} | 0 | 0.00 | – | – | – | – | ${r.failed} | – | ${kb(row.bytes)} | ✗ no response within the run |`);
      continue;
    }
    const ratio = r.rps / baselineRps;
    const toPage = trivialPageRps ? (r.rps / trivialPageRps).toFixed(2) : "–";
    const figures = `${Math.round(r.rps)} | ${ratio.toFixed(2)} | ${toPage} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.failed} | ${ms(row.cpuPerRequest ?? NaN)} | ${kb(row.bytes)}`;
    if (row.kind === "baseline" || row.kind === "reference") {
      lines.push(`| ${name} | ${figures} | ${row.kind} |`);
      continue;
    }
    if (row.kind === "per-user") {
      lines.push(`| ${name} | ${figures} | per-user page (not a target) |`);
      continue;
    }
    const problems: string[] = [];
    if (ratio < MIN_RATIO) problems.push(`< ${MIN_RATIO}× baseline`);
    if (r.p95 >= MAX_P95_MS) problems.push(`p95 ≥ ${MAX_P95_MS} ms`);
    if (r.failed) problems.push("failed requests");
    if (problems.length && !row.kind) failures++;
    lines.push(`| ${name} | ${figures} | ${problems.length ? `✗ ${problems.join(", ")}` : "✓"} |`);
  }
  return { markdown: lines.join("\n") + "\n", failures };
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      database: { type: "string" },
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "3" },
      connections: { type: "string", default: "20" },
      q: { type: "string", default: "shadow" },
      route: { type: "string", multiple: true, default: [] },
      out: { type: "string" },
      check: { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      "only-documents": { type: "boolean", default: false },
    },
    strict: true,
  });
  const duration = seconds("duration", values.duration!, 600);
  const warmup = seconds("warmup", values.warmup!, 60);
  const connections = seconds("connections", values.connections!, 1000);
  if (values.database !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(values.database)) {
    throw new FatalError("--database must be a plain PostgreSQL name (letters, digits, underscores)");
  }
  const extra: Route[] = values.route!.map((spec) => {
    const [label, routePath] = spec.includes("=") ? [spec.slice(0, spec.indexOf("=")), spec.slice(spec.indexOf("=") + 1)] : [spec, spec];
    if (!routePath.startsWith("/")) throw new FatalError(`--route ${spec}: the path must start with / (traffic stays on localhost)`);
    return { label, path: routePath, kind: "extra" as const };
  });

  const provided = await provideDatabase(log);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let sql: postgres.Sql | undefined;
  const cleanup = async () => {
    await server?.stop();
    await sql?.end({ timeout: 5 });
    await provided.release();
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));
  process.once("SIGTERM", () => void cleanup().then(() => process.exit(143)));
  try {
    const url = provided.embedded || values.database ? provided.withDatabase(values.database ?? "marquee_large") : provided.url;
    sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
    let pgVersion: string;
    try {
      [{ server_version: pgVersion }] = await sql<[{ server_version: string }]>`show server_version`;
    } catch (error) {
      const reason = describeConnectionError(error);
      throw new FatalError(
        `cannot use ${redactUrl(url)} (${reason})${reason.includes("does not exist") ? ": run `npm run db:generate-large` first" : ""}`,
      );
    }
    await applyMigrations(url);
    const picked = await pickTargets(sql, values.q!);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      AUTH_SECRET: authSecret(),
      MARQUEE_SEED: "none",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const distDir = getEnv().MARQUEE_DIST_DIR;
    let build = `build ${distDir} of the working tree`;
    if (values["no-build"]) {
      const buildId = path.resolve(import.meta.dirname, "..", distDir, "BUILD_ID");
      if (!hasNextBuild(distDir)) throw new FatalError(`--no-build: there is no build in ${distDir}`);
      build = `existing build ${distDir} of ${statSync(buildId).mtime.toISOString().slice(0, 16).replace("T", " ")} UTC${buildIsCurrent(distDir) ? "" : " (older than the working tree)"}`;
      await bundleServer(distDir);
    } else {
      await ensureBuild({ distDir, env, log });
    }
    const port = await freePort();
    log(`production server on 127.0.0.1:${port} against ${redactUrl(url)}`);
    server = await startServer(env, port);
    const origin = server.origin;

    const load = os.loadavg();
    const measure = async (route: Route): Promise<Measured> => {
      await settle(sql!, origin);
      const found = await probe(origin, route);
      if (!found.path) {
        const problem = found.status === 404 ? "missing (404)" : found.status === 310 ? "too many redirects" : `answers ${found.status}`;
        log(`${route.label}: ${problem}, not measured`);
        return { ...route, status: found.status, problem };
      }
      const target = origin + found.path;
      await runLoad(target, connections, warmup, route.expectStatus, route.headers);
      const cpuBefore = server!.cpuMs();
      const result = await runLoad(target, connections, duration, route.expectStatus, route.headers);
      const cpuPerRequest = (server!.cpuMs() - cpuBefore) / Math.max(1, result.requests);
      log(`${route.label}: ${Math.round(result.rps)} req/s, p50 ${ms(result.p50)}, p95 ${ms(result.p95)}, p99 ${ms(result.p99)}${result.failed ? `, ${result.failed} failed` : ""}`);
      return { ...route, status: found.status, measuredPath: found.path !== route.path ? found.path : undefined, result, cpuPerRequest, bytes: found.bytes };
    };

    const before = await measure({ label: "baseline (before)", path: "/api/ping", kind: "baseline" });
    // Not a target: what any page of this site costs before its own data (root layout, header, not-found page).
    const trivialPage = await measure({ label: "trivial page: root layout + not-found (404), no SQL", path: "/__bench/no-such-page", expectStatus: 404, kind: "reference" });

    // Where each target really answers (canonical redirects followed), so clicks and loads go to that URL.
    const targets: Route[] = [];
    for (const route of picked.routes) {
      const found = await probe(origin, route);
      targets.push(found.path && found.path !== route.path ? { ...route, path: found.path, note: route.note } : route);
    }
    const memberId = await ensureBenchMember(sql);
    const editorId = await ensureBenchMember(sql, { username: "bench_editor", role: "editor", favorites: 0 });
    const memberCookie = await signInCookie(origin, BENCH_MEMBER.username, BENCH_MEMBER.password);
    const editorCookie = await signInCookie(origin, "bench_editor", BENCH_MEMBER.password);
    log(`signed in bench_member (user ${memberId}, ${BENCH_FAVORITES} favorites) and bench_editor (user ${editorId})`);

    const pages: Measured[] = [];
    for (const route of targets) pages.push(await measure({ ...route, label: `${route.label} · visitor, document` }));
    for (const route of targets) pages.push(await measure({ ...route, label: `${route.label} · member, document`, headers: { cookie: memberCookie } }));
    let navigationsNote = "";
    if (!values["only-documents"]) {
      const clicks = targets.map((route) => ({ path: route.path, from: route.from ?? "/genres" }));
      const anonymous = await captureNavigations(origin, clicks);
      const signedIn = await captureNavigations(origin, clicks, memberCookie);
      const hows = new Set<string>();
      for (const [who, captured, cookie] of [["visitor", anonymous, undefined], ["member", signedIn, memberCookie]] as const) {
        for (const route of targets) {
          const navigation = captured.get(route.path);
          if (!navigation) {
            pages.push({ ...route, label: `${route.label} · ${who}, navigation`, status: 0, problem: "no navigation request captured" });
            continue;
          }
          hows.add(`${route.label}: ${navigation.how}`);
          const headers = { ...navigation.headers, ...(cookie ? { cookie } : {}) };
          pages.push(await measure({ ...route, label: `${route.label} · ${who}, navigation`, path: navigation.path, headers }));
        }
      }
      const example = anonymous.get(targets[0].path);
      navigationsNote =
        `Navigation rows send the RSC request Chromium sent for a click on a link to the page (${[...hows].filter((h) => h.endsWith("router.push")).map((h) => h.split(":")[0]).join(", ") || "none"} ` +
        `had no link on their "from" page and used Next's router.push, the same navigation code); e.g. ${example ? Object.keys(example.headers).sort().join(", ") : "–"}.`;
      // The member's own requests: rendered or answered for them on every request, not targets. /api/viewer is what
      // the islands of each public page ask (the hearts of the page's films, the person line).
      const viewerOf = async (route: Route | undefined) => {
        if (!route) return "/api/viewer";
        const html = await (await fetch(origin + route.path)).text();
        const movies = [...new Set([...html.matchAll(/href="\/movies\/(\d+)-/g)].map((m) => Number(m[1])))];
        const person = /^\/people\/(\d+)/.exec(route.path)?.[1];
        return `/api/viewer${viewerQuery(movies, person ? Number(person) : null)}`;
      };
      const catalogue = targets.find((route) => route.path === "/movies");
      const prolific = targets.find((route) => route.label.startsWith("most prolific"));
      const mine: Route[] = [
        { label: "/api/viewer: the 24 hearts of /movies", path: await viewerOf(catalogue), kind: "per-user", headers: { cookie: memberCookie } },
        { label: "/api/viewer: the prolific actor's page (200 hearts and the favorites line)", path: await viewerOf(prolific), kind: "per-user", headers: { cookie: memberCookie } },
        { label: "/favorites (3,000 favorites)", path: "/favorites", kind: "per-user", headers: { cookie: memberCookie } },
        { label: "/account", path: "/account", kind: "per-user", headers: { cookie: memberCookie } },
        { label: "/movies?mine=only", path: "/movies?mine=only", kind: "per-user", headers: { cookie: memberCookie } },
        { label: "/admin (an editor)", path: "/admin", kind: "per-user", headers: { cookie: editorCookie } },
      ];
      for (const route of mine) pages.push(await measure(route));
    }
    for (const route of extra) pages.push(await measure(route));
    const after = await measure({ label: "baseline (after)", path: "/api/ping", kind: "baseline" });
    const baselineRps = ((before.result?.rps ?? 0) + (after.result?.rps ?? 0)) / 2;
    if (!before.result?.rps || !after.result?.rps) throw new FatalError("the baseline route /api/ping did not answer 200 under load");

    // The largest pages: the film with the largest cast, and the most prolific person (the largest document of all).
    await settle(sql, origin);
    const largest = ["movie page", "most prolific"].map((start) => targets.find((route) => route.label.startsWith(start))!);
    const firstViews: { label: string; timings: number[] }[] = [];
    for (const route of largest) firstViews.push({ label: route.label, timings: await firstViewAfterChange(sql, origin, route.path) });
    const javascript = await firstLoadJavaScript(origin, targets.map((route) => route.path));
    let extraFailures = 0;
    const jsLines = [""];
    for (const { label, timings } of firstViews) {
      const ok = Math.max(...timings) < FIRST_VIEW_MAX_MS;
      if (!ok) extraFailures++;
      jsLines.push(
        `First view of the ${label} right after a catalogue change (a render that pays its SQL; ${timings.length} changes, one request each): ` +
          `${timings.map((n) => ms(n)).join(", ")}; target < ${FIRST_VIEW_MAX_MS} ms: ${ok ? "✓" : "✗"}.`,
        "",
      );
    }
    jsLines.push(
      "| public page | first-load JavaScript (compressed) | scripts | verdict |",
      "|---|---:|---:|---|",
      ...javascript.map((page) => {
        const ok = page.kb <= FIRST_LOAD_JS_MAX_KB;
        if (!ok) extraFailures++;
        return `| \`${page.path}\` | ${page.kb.toFixed(1)} KB | ${page.scripts} | ${ok ? "✓" : `✗ > ${FIRST_LOAD_JS_MAX_KB} KB`} |`;
      }),
    );

    const c = picked.counts;
    const context = [
      `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${commit()}, ${build}.`,
      `Machine: ${machine()}; PostgreSQL ${pgVersion}; load average (1/5/15 min) at start ${load.map((n) => n.toFixed(2)).join(" / ")}, ` +
        `at end ${os.loadavg().map((n) => n.toFixed(2)).join(" / ")} (above the core count, other programs were competing and req/s is pessimistic).`,
      `Data: ${c.movies.toLocaleString("en-US")} movies, ${c.people.toLocaleString("en-US")} people, ${c.castings.toLocaleString("en-US")} castings. ` +
        `autocannon: ${connections} connections, ${warmup} s warm-up then ${duration} s per route. ` +
        `Ratios are to the mean of the two baseline runs (${Math.round(baselineRps)} req/s). Targets: ≥ ${MIN_RATIO}× baseline, p95 < ${MAX_P95_MS} ms. ` +
        `Server CPU / req: user + system CPU of the server's processes per response (PostgreSQL not included); it hardly depends on other load. ` +
        `HTML: uncompressed size of one response (the load itself asks for gzip, like a browser). ` +
        `Member rows send the session cookie of a member with ${BENCH_FAVORITES.toLocaleString("en-US")} favorites, signed in through Auth.js. ${navigationsNote}`,
    ];
    const { markdown: table, failures: tableFailures } = report([before, trivialPage, ...pages, after], baselineRps, trivialPage.result?.rps, context);
    const markdown = table + jsLines.join("\n") + "\n";
    const failures = tableFailures + extraFailures;
    process.stdout.write(markdown);
    if (values.out) writeFileSync(values.out, markdown);
    return values.check && failures > 0 ? 1 : 0;
  } finally {
    await cleanup();
  }
});
