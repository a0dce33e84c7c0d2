/**
 * npm run lighthouse: Lighthouse (the npm package, with this machine's Chromium) against the production server on
 * the demo catalogue, as a visitor sees it: home, /movies, the movie with the largest cast and the person with the
 * most credits. Each page is measured `--runs` times per form factor (mobile: Lighthouse's default emulation, a
 * mid-range phone on slow 4G with 4x CPU slowdown; desktop: its desktop preset) and the median run's scores are
 * reported, with LCP, total blocking time and CLS. Targets (issue 13): >= 95 in all four categories on mobile and 100
 * on desktop. Markdown on stdout and, with --out, in a file; the machine's load is printed with it, because
 * Lighthouse's performance score follows the CPU it gets.
 *
 *   --runs 3              runs per page and form factor (median)
 *   --database <name>     default: the demo database npm start serves (seeded when empty), or DATABASE_URL's
 *   --only mobile|desktop one form factor
 *   --out <file>          also write the markdown report there
 *
 * CHROME_PATH picks the browser (default /usr/bin/chromium, Debian's package).
 */
import { existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Flags, type RunnerResult } from "lighthouse";
import postgres from "postgres";
import { createDatabase } from "@/db/client";
import { authSecret, getEnv } from "@/lib/env";
import { movieHref, personHref } from "@/lib/slug";
import { ensureBuild } from "./lib/build.mjs";
import { freePort, startServer } from "./lib/bench/server";
import { applyMigrations, provideDatabase } from "./lib/database";
import { FatalError, redactUrl, runMain } from "./lib/fatal";
import { seedIfEmpty } from "./lib/seed-if-empty";

const log = (line: string) => console.error(`[lighthouse] ${line}`);
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const TARGET = { mobile: 95, desktop: 100 } as const;

type FormFactor = keyof typeof TARGET;
type Run = { scores: Record<(typeof CATEGORIES)[number], number>; lcp: number; tbt: number; cls: number; lost: string[]; lcpElement: string };

function summarize(result: RunnerResult | undefined): Run {
  const lhr = result?.lhr;
  if (!lhr) throw new FatalError("Lighthouse returned no report");
  if (lhr.runtimeError) throw new FatalError(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  // Outside performance (whose metrics are in the row), the weighted audits that did not pass: where points went.
  const lost = CATEGORIES.filter((c) => c !== "performance").flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && typeof lhr.audits[ref.id]?.score === "number" && lhr.audits[ref.id].score! < 1)
      .map((ref) => `${c}: ${ref.id}`),
  );
  // Which element the largest contentful paint was (a node in the LCP breakdown insight), to see what to load first.
  const lcpNode = findNode(lhr.audits["lcp-breakdown-insight"]?.details);
  return {
    lcpElement: lcpNode ? `${lcpNode.selector ?? ""}${lcpNode.nodeLabel ? ` (“${lcpNode.nodeLabel.slice(0, 60)}”)` : ""}` : "",
    lost,
    scores: { performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices"), seo: score("seo") },
    lcp: metric("largest-contentful-paint"),
    tbt: metric("total-blocking-time"),
    cls: metric("cumulative-layout-shift"),
  };
}

/** The first DOM node an audit's details name (Lighthouse nests them in lists and tables). */
function findNode(details: unknown): { selector?: string; nodeLabel?: string } | undefined {
  if (!details || typeof details !== "object") return undefined;
  if ((details as { type?: unknown }).type === "node") return details as { selector?: string; nodeLabel?: string };
  for (const value of Object.values(details)) {
    const found = Array.isArray(value) ? value.map(findNode).find(Boolean) : findNode(value);
    if (found) return found;
  }
  return undefined;
}

/** The run whose performance score is the median (Lighthouse's own advice for noisy machines). */
function median(runs: Run[]): Run {
  return [...runs].sort((a, b) => a.scores.performance - b.scores.performance)[Math.floor(runs.length / 2)];
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      database: { type: "string" },
      only: { type: "string" },
      out: { type: "string" },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 9) throw new FatalError("--runs must be 1 to 9");
  if (values.only !== undefined && values.only !== "mobile" && values.only !== "desktop") throw new FatalError("--only must be mobile or desktop");
  if (values.database !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(values.database)) {
    throw new FatalError("--database must be a plain PostgreSQL name (letters, digits, underscores)");
  }
  const formFactors: FormFactor[] = values.only ? [values.only as FormFactor] : ["mobile", "desktop"];
  const chromePath = process.env.CHROME_PATH || "/usr/bin/chromium";
  if (!existsSync(chromePath)) throw new FatalError(`no browser at ${chromePath}: install Debian's chromium or set CHROME_PATH`);

  const provided = await provideDatabase(log);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  const cleanup = async () => {
    chrome?.kill();
    await server?.stop();
    await provided.release();
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));
  process.once("SIGTERM", () => void cleanup().then(() => process.exit(143)));
  try {
    const url = values.database ? provided.withDatabase(values.database) : provided.url;
    await applyMigrations(url);
    const { db, sql: client } = createDatabase(url, { max: 1 });
    try {
      if (!values.database) await seedIfEmpty(db, log);
    } finally {
      await client.end({ timeout: 5 });
    }
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    let pages: { label: string; path: string }[];
    try {
      const [film] = await sql<{ id: number; title: string }[]>`
        select m.id, m.title from movie m join character_ c on c.movie_id = m.id join character_actors a on a.character_id = c.id
        group by m.id order by count(*) desc, m.id limit 1`;
      const [person] = await sql<{ id: number; first_name: string; last_name: string }[]>`
        select p.id, p.first_name, p.last_name from person p join character_actors a on a.person_id = p.id
        group by p.id order by count(*) desc, p.id limit 1`;
      if (!film || !person) throw new FatalError("the database has no cast: seed it first (npm run db:seed)");
      pages = [
        { label: "home", path: "/" },
        { label: "/movies", path: "/movies" },
        { label: `movie page (${film.title})`, path: movieHref(film) },
        { label: `person page (${`${person.first_name} ${person.last_name}`.trim()})`, path: personHref({ id: person.id, name: `${person.first_name} ${person.last_name}` }) },
      ];
    } finally {
      await sql.end({ timeout: 5 });
    }

    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: url, AUTH_SECRET: authSecret(), MARQUEE_SEED: "none", NEXT_TELEMETRY_DISABLED: "1" };
    await ensureBuild({ distDir: getEnv().MARQUEE_DIST_DIR, env, log });
    server = await startServer(env, await freePort());
    log(`production server on ${server.origin} against ${redactUrl(url)}`);
    const loadBefore = os.loadavg();
    chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });

    const rows: string[] = [];
    const notes: string[] = [];
    const lcpNotes: string[] = [];
    let misses = 0;
    for (const { label, path } of pages) {
      const target = server.origin + path;
      // A first visit fills the page cache, as any visitor before the measured one would have.
      await fetch(target).then((r) => r.arrayBuffer());
      for (const formFactor of formFactors) {
        const measured: Run[] = [];
        for (let i = 0; i < runs; i++) {
          const flags: Flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] };
          measured.push(summarize(await lighthouse(target, flags, formFactor === "desktop" ? desktopConfig : undefined)));
        }
        const run = median(measured);
        const ok = CATEGORIES.every((c) => run.scores[c] >= TARGET[formFactor]);
        if (!ok) misses++;
        const line = `| ${label}<br>\`${path}\` | ${formFactor} | ${CATEGORIES.map((c) => run.scores[c]).join(" | ")} | ${(run.lcp / 1000).toFixed(1)} s | ${Math.round(run.tbt)} ms | ${run.cls.toFixed(3)} | ${ok ? "✓" : `✗ < ${TARGET[formFactor]}`} |`;
        log(line);
        rows.push(line);
        if (run.lost.length) notes.push(`- ${label}, ${formFactor}: ${run.lost.join(", ")}`);
        if (run.lcpElement) lcpNotes.push(`- ${label}, ${formFactor}: \`${run.lcpElement}\``);
      }
    }
    const loadAfter = os.loadavg();
    const fmt = (l: number[]) => l.map((n) => n.toFixed(2)).join(" / ");
    const report = [
      `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, Lighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, ${runs} run(s) per row (the median by performance).`,
      `Machine: ${os.cpus().length} cores; load average (1/5/15 min) at start ${fmt(loadBefore)}, at end ${fmt(loadAfter)}${loadBefore[0] > os.cpus().length / 2 ? " (not a quiet machine: performance scores are pessimistic)" : ""}.`,
      "",
      "| page | form factor | performance | accessibility | best practices | SEO | LCP | TBT | CLS | target |",
      "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
      ...rows,
      "",
      ...(notes.length ? ["Audits that cost points outside performance (in the median run):", "", ...notes, ""] : []),
      ...(lcpNotes.length ? ["The largest contentful paint was (in the median run):", "", ...lcpNotes, ""] : []),
    ].join("\n");
    process.stdout.write(report);
    if (values.out) writeFileSync(values.out, report);
    if (misses) log(`${misses} row(s) below target`);
  } finally {
    await cleanup();
  }
});
