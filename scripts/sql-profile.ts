/**
 * npm run bench:sql: the SQL under each public page, measured on the large catalogue (BENCHMARKS.md section 5).
 *
 * For each page it calls the very query functions the page calls (db/queries/*, with the page's arguments, parsed
 * from the page's URL by the page's own parsers), captures every statement they send with its parameters (the
 * postgres.js debug hook of the app's own client), then replays them on one connection under
 * EXPLAIN (ANALYZE, BUFFERS): a transaction the page opens (search) is replayed as a transaction, with its
 * settings. Statements are sent as the app sends them (unnamed extended-protocol statements, so planned with their
 * parameter values, as in the app). Per statement: the median planning and execution time over `--runs` replays
 * after one warm-up (warm cache), the fastest replay and the shared buffers it touched; per page: the sums, and the
 * wall time of the page's calls from Node (run as the page runs them, side by side), which adds round trips and
 * decoding. The measured replays leave out the per-node clock (TIMING OFF), which inflates plans that loop; one
 * more replay with it gives the plans shown.
 *
 *   --database <name>   default marquee_large on the embedded server, or the database of DATABASE_URL
 *   --runs 5            measured replays per statement (after one warm-up)
 *   --page <name>       only the pages whose name contains this (repeatable)
 *   --out <file>        also write the report (markdown, plans included) there
 *   --plans             print the plans on stdout too (always in --out)
 *   --more              also variants the targets leave out (other sorts and filters of /movies and /people)
 *
 * Run: node --conditions=react-server --import tsx scripts/sql-profile.ts (the queries start with
 * `import "server-only"`, which only the react-server condition lets load outside Next).
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { createDatabase } from "@/db/client";
import { applyMigrations, describeConnectionError, provideDatabase } from "./lib/database";
import { FatalError, redactUrl, runMain } from "./lib/fatal";
import { pickBenchTargets } from "./lib/bench/targets";
import { ensureBenchMember } from "./lib/bench/viewers";

const log = (line: string) => console.error(`[sql] ${line}`);

type Captured = { connection: number; query: string; parameters: unknown[] };
type Step = { label: string; run: () => Promise<unknown> };
type Page = { name: string; url: string; note?: string; steps: Step[] };
type Measured = {
  step: string;
  query: string;
  parameters: unknown[];
  planMs: number;
  execMs: number;
  /** The fastest run: on a shared machine, the closest to what the statement costs alone. */
  minMs: number;
  /** Shared buffers the execution touched (hit + read): the work done, whatever the machine's load. */
  buffers: number;
  plan: string;
  control?: boolean;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const oneLine = (q: string, max = 110) => {
  const s = q.replace(/\s+/g, " ").trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};
const isControl = (q: string) => /^\s*(begin|commit|rollback|savepoint|release)\b/i.test(q);

function parseCli() {
  const { values } = parseArgs({
    options: {
      database: { type: "string" },
      runs: { type: "string", default: "5" },
      page: { type: "string", multiple: true, default: [] },
      out: { type: "string" },
      plans: { type: "boolean", default: false },
      more: { type: "boolean", default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new FatalError("--runs must be a whole number from 1 to 50");
  return { ...values, runs };
}

/** The pages' targets, picked as scripts/benchmark.ts picks them, plus a member with 3,000 favorites. */
async function pickTargets(sql: postgres.Sql) {
  const { pair, film, actor } = await pickBenchTargets(sql);
  // A lead of the largest cast: the character page with the most other characters to list.
  const [character] = await sql<[{ id: number; name: string }]>`
    select id, name from character_ where movie_id = ${film.id}
    order by case lower(role) when 'lead' then 0 when 'supporting' then 1 when 'minor' then 2 else 3 end, position, id limit 1`;
  // The member of the issue: the benchmark's, with its 3,000 favorites spread over the catalogue.
  const memberId = await ensureBenchMember(sql);
  return { pair, film, actor, character, memberId };
}

/** What each page calls, with the arguments it passes (app/(site)/… and app/api/viewer/route.ts). */
async function pages(targets: Awaited<ReturnType<typeof pickTargets>>, q: string, more: boolean): Promise<Page[]> {
  const { getFeaturedMovies, getNewReleases, getCatalogueCounts } = await import("@/db/queries/movies");
  const { getGenreSummaries, getPopularPeople, getCountrySummaries } = await import("@/db/queries/browse");
  const { getFilterOptions, getMovies } = await import("@/db/queries/catalogue");
  const { getMovieCanonical, getMovieDetail, getCharacterCanonical, getCharacterDetail } = await import("@/db/queries/movie-detail");
  const { getPersonDetail, getFilmography, getKnownFor, getPeople, getPeopleCountries } = await import("@/db/queries/people");
  const { searchCatalogue, suggestCatalogue } = await import("@/db/queries/search");
  const { viewerFacts } = await import("@/db/queries/viewer");
  const { db } = await import("@/db");
  const { CATALOGUE_PAGE_SIZE, parseMovieFilters } = await import("@/lib/validation/movie-filters");
  const { FILMOGRAPHY_ALL_LIMIT, FILMOGRAPHY_LIMIT, parseFilmographyParams, parsePeopleFilters } = await import("@/lib/validation/people-filters");
  const { parseSearchQuery } = await import("@/lib/validation/search");
  const { characterHref, movieHref, personHref } = await import("@/lib/slug");

  // As app/(site)/movies/page.tsx's pageOf (a visitor: no favorites filter).
  const catalogue = (params: Record<string, string>): Step[] => {
    const { filters: f } = parseMovieFilters(params);
    return [
      { label: "getFilterOptions()", run: () => getFilterOptions() },
      {
        label: "getMovies(…)",
        run: () =>
          getMovies({
            genreIds: f.genreIds, countryId: f.countryId, yearFrom: f.yearFrom, yearTo: f.yearTo, runtimeMin: f.runtimeMin,
            runtimeMax: f.runtimeMax, q: f.q, favorites: null, sort: f.sort, dir: f.dir, page: f.page, pageSize: CATALOGUE_PAGE_SIZE,
          }),
      },
    ];
  };
  const filtered = { genre: String(targets.pair.genre_id), country: String(targets.pair.country_id), sort: "release", dir: "desc", page: "50" };
  const { sort, all } = parseFilmographyParams({});
  const { filters: people } = parsePeopleFilters({});
  const search = parseSearchQuery(q);
  // What the header asks while the word is being typed (the route takes the text as typed, at least 2 characters).
  const suggest = parseSearchQuery(q.slice(0, 4)).q;
  const { film, actor, character, memberId } = targets;
  const knownFor = await getKnownFor(actor.id, { limit: 6 });

  return [
    {
      name: "home",
      url: "/",
      steps: [
        { label: "getFeaturedMovies({ limit: 6 })", run: () => getFeaturedMovies({ limit: 6 }) },
        { label: "getNewReleases({ limit: 12 })", run: () => getNewReleases({ limit: 12 }) },
        { label: "getCatalogueCounts()", run: () => getCatalogueCounts() },
        { label: "getGenreSummaries()", run: () => getGenreSummaries() },
        { label: "getPopularPeople({ limit: 6 })", run: () => getPopularPeople({ limit: 6 }) },
      ],
    },
    { name: "movies", url: "/movies", steps: catalogue({}) },
    {
      name: "movies filtered",
      url: `/movies?${new URLSearchParams(filtered)}`,
      note: `${targets.pair.films.toLocaleString("en-US")} films match`,
      steps: catalogue(filtered),
    },
    {
      name: "movie (largest cast)",
      url: movieHref(film),
      note: `${film.castings} castings`,
      steps: [
        { label: "getMovieCanonical(id) (layout)", run: () => getMovieCanonical(film.id) },
        { label: "getMovieDetail(id)", run: () => getMovieDetail(film.id) },
      ],
    },
    {
      name: "person (most prolific)",
      url: personHref(actor),
      note: `${actor.castings.toLocaleString("en-US")} castings`,
      steps: [
        // The layout and the page share one getPersonDetail per request (React's cache).
        { label: "getPersonDetail(id)", run: () => getPersonDetail(actor.id) },
        { label: `getFilmography(id, "${sort}", { limit: ${all ? FILMOGRAPHY_ALL_LIMIT : FILMOGRAPHY_LIMIT} })`, run: () => getFilmography(actor.id, sort, { limit: all ? FILMOGRAPHY_ALL_LIMIT : FILMOGRAPHY_LIMIT }) },
        { label: "getKnownFor(id, { limit: 6 })", run: () => getKnownFor(actor.id, { limit: 6 }) },
      ],
    },
    {
      name: "member's viewer call on that person page",
      url: `/api/viewer?movies=…&person=${actor.id}`,
      note: "a member with 3,000 favorites",
      steps: [
        { label: "viewerFacts(db, user, { movies: known-for ids, person })", run: () => viewerFacts(db, memberId, { movies: knownFor.map((m) => m.id), person: actor.id }) },
      ],
    },
    { name: "search", url: `/search?q=${encodeURIComponent(q)}`, steps: [{ label: `searchCatalogue({ q: "${search.q}" })`, run: () => searchCatalogue({ q: search.q }) }] },
    {
      name: "header suggestions",
      url: `/api/search/suggest?q=${encodeURIComponent(suggest)}`,
      note: "while typing",
      steps: [{ label: `suggestCatalogue({ q: "${suggest}" })`, run: () => suggestCatalogue({ q: suggest }) }],
    },
    {
      name: "people",
      url: "/people",
      steps: [
        { label: "getPeopleCountries()", run: () => getPeopleCountries() },
        { label: "getPeople(defaults)", run: () => getPeople({ q: people.q, countryId: people.country, role: people.role, sort: people.sort, page: people.page }) },
      ],
    },
    { name: "genres", url: "/genres", steps: [{ label: "getGenreSummaries()", run: () => getGenreSummaries() }] },
    { name: "countries", url: "/countries", steps: [{ label: "getCountrySummaries()", run: () => getCountrySummaries() }] },
    {
      name: "character",
      url: characterHref(character),
      note: "a lead of the largest cast",
      steps: [
        { label: "getCharacterCanonical(id) (layout)", run: () => getCharacterCanonical(character.id) },
        { label: "getCharacterDetail(id)", run: () => getCharacterDetail(character.id) },
      ],
    },
    ...(more ? variants() : []),
  ];

  function variants(): Page[] {
    const byCountry = { country: String(targets.pair.country_id), sort: "release", dir: "desc", page: "50" };
    const byTitle = { ...filtered, sort: "title", dir: "asc" };
    const person = (params: Record<string, string>) => {
      const { filters: f } = parsePeopleFilters(params);
      return () => getPeople({ q: f.q, countryId: f.country, role: f.role, sort: f.sort, page: f.page });
    };
    return [
      { name: "movies, one country", url: `/movies?${new URLSearchParams(byCountry)}`, steps: catalogue(byCountry) },
      { name: "movies, genre + country by title", url: `/movies?${new URLSearchParams(byTitle)}`, steps: catalogue(byTitle) },
      { name: "people, a search", url: "/people?q=smith", steps: [{ label: "getPeople({ q: \"smith\" })", run: person({ q: "smith" }) }] },
      {
        name: "people, one country",
        url: `/people?country=${targets.pair.country_id}&page=20`,
        steps: [{ label: "getPeople({ countryId, page: 20 })", run: person({ country: String(targets.pair.country_id), page: "20" }) }],
      },
    ];
  }
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of one statement as the app sent it; returns the plan's text and times. `timing`: time
 * every plan node too. Off for the measured runs: reading the clock twice per row of every node inflates statements
 * that loop (200 subplan calls, 3,000 rows through four nodes) by up to half; the statement's own times stay exact.
 */
async function explain(conn: postgres.ReservedSql, query: string, parameters: unknown[], timing: boolean) {
  const rows = await conn.unsafe(`explain (analyze, buffers, timing ${timing ? "on" : "off"}) ${query}`, parameters as postgres.ParameterOrJSON<never>[]);
  const plan = rows.map((r) => String(r["QUERY PLAN"])).join("\n");
  const planning = Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
  const execution = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
  // The plan's first Buffers line is its root node's: everything the execution touched (planning is listed apart).
  const root = /^\s*Buffers: (.*)$/m.exec(plan.split(/^Planning/m)[0])?.[1] ?? "";
  const buffers = ["hit", "read"].reduce((n, kind) => n + Number(new RegExp(`shared [^,]*?\\b${kind}=(\\d+)`).exec(root)?.[1] ?? 0), 0);
  return { plan, planning, execution, buffers };
}

async function main() {
  const options = parseCli();
  const loadStart = os.loadavg();
  const started = new Date();
  const provided = await provideDatabase(log);
  let replay: postgres.Sql | undefined;
  let app: ReturnType<typeof createDatabase> | undefined;
  try {
    const url = provided.embedded || options.database ? provided.withDatabase(options.database ?? "marquee_large") : provided.url;
    replay = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
    try {
      await replay`select 1`;
    } catch (error) {
      const reason = describeConnectionError(error);
      throw new FatalError(`cannot use ${redactUrl(url)} (${reason})${reason.includes("does not exist") ? ": run `npm run db:generate-large` first" : ""}`);
    }
    await applyMigrations(url);

    // The app's own client (db/client.ts, as db/index.ts creates it), installed where db/index.ts looks for it, with
    // postgres.js's debug hook capturing each statement and its parameters as they are sent.
    const captured: Captured[] = [];
    let capturing = false;
    app = createDatabase(url, { statementTimeoutMs: 15_000 });
    (app.sql.options as { debug?: unknown }).debug = (connection: number, query: string, parameters: unknown[]) => {
      if (capturing) captured.push({ connection, query, parameters: [...parameters] });
    };
    (globalThis as unknown as { __marqueeDb?: unknown }).__marqueeDb = app;

    // A bulk load (the generator, a migration's backfill) leaves tables without statistics or visibility map
    // until autovacuum gets to them, minutes later; do now what it would do, so that the plans are the steady
    // state's (index-only scans need the visibility map).
    const stale = await replay<{ relname: string }[]>`
      select relname from pg_stat_user_tables
      where n_ins_since_vacuum + n_mod_since_analyze > 1000 + 0.1 * greatest(n_live_tup, 1) order by relname`;
    for (const { relname } of stale) {
      log(`vacuum (analyze) ${relname}, as autovacuum would after a bulk change`);
      await replay.unsafe(`vacuum (analyze) "${relname.replaceAll('"', '""')}"`);
    }

    const targets = await pickTargets(replay);
    const [{ server_version: pgVersion }] = await replay<[{ server_version: string }]>`show server_version`;
    const [counts] = await replay<[{ movies: number; people: number; castings: number }]>`
      select (select count(*) from movie)::int as movies, (select count(*) from person)::int as people,
             (select count(*) from character_actors)::int as castings`;
    const all = await pages(targets, "shadow", options.more);
    const chosen = options.page.length ? all.filter((p) => options.page.some((name) => p.name.includes(name))) : all;
    if (chosen.length === 0) throw new FatalError(`no page matches --page ${options.page.join(", ")}`);

    const conn = await replay.reserve();
    const report: { page: Page; statements: Measured[]; wallMs: number }[] = [];
    try {
      for (const page of chosen) {
        log(`${page.name}: ${page.url}`);
        // Warm-up, then the page's calls side by side as the page makes them, timed from Node.
        await Promise.all(page.steps.map((s) => s.run()));
        const walls: number[] = [];
        for (let i = 0; i < options.runs; i++) {
          const t = performance.now();
          await Promise.all(page.steps.map((s) => s.run()));
          walls.push(performance.now() - t);
        }
        // Capture one at a time, so each statement is known by the call that sent it.
        const statements: Measured[] = [];
        for (const step of page.steps) {
          captured.length = 0;
          capturing = true;
          try {
            await step.run();
          } finally {
            capturing = false;
          }
          // One connection's statements in order: a transaction (begin, its settings, its statements) stays whole.
          const byConnection = new Map<number, Captured[]>();
          for (const c of captured) byConnection.set(c.connection, [...(byConnection.get(c.connection) ?? []), c]);
          for (const sequence of byConnection.values()) {
            const samples = sequence.map(() => ({ planning: [] as number[], execution: [] as number[], plan: "", buffers: 0 }));
            // Run 0 warms up, runs 1..N are measured, the last one shows the plan with each node's time.
            for (let run = 0; run <= options.runs + 1; run++) {
              const shown = run === options.runs + 1;
              for (const [i, c] of sequence.entries()) {
                if (isControl(c.query)) {
                  await conn.unsafe(c.query);
                  continue;
                }
                const { plan, planning, execution, buffers } = await explain(conn, c.query, c.parameters, shown);
                if (shown) {
                  samples[i].plan = plan;
                } else if (run > 0) {
                  samples[i].planning.push(planning);
                  samples[i].execution.push(execution);
                  samples[i].buffers = buffers;
                }
              }
            }
            for (const [i, c] of sequence.entries()) {
              statements.push({
                step: step.label,
                query: c.query,
                parameters: c.parameters,
                planMs: median(samples[i].planning),
                execMs: median(samples[i].execution),
                minMs: Math.min(...samples[i].planning.map((p, k) => p + samples[i].execution[k]), Number.POSITIVE_INFINITY),
                buffers: samples[i].buffers,
                plan: samples[i].plan,
                control: isControl(c.query),
              });
            }
          }
        }
        report.push({ page, statements, wallMs: median(walls) });
      }
    } finally {
      conn.release();
    }

    const loadEnd = os.loadavg();
    const commit = (() => {
      try {
        const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
        const dirty = execFileSync("git", ["status", "--porcelain", "--", "db", "scripts/sql-profile.ts"], { encoding: "utf8" }).trim();
        return dirty ? `${head} + uncommitted changes to db/ or scripts/sql-profile.ts` : head;
      } catch {
        return "unknown";
      }
    })();
    const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(" / ");
    const out: string[] = [];
    out.push(
      `Run ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${commit}; PostgreSQL ${pgVersion}; ` +
        `${counts.movies.toLocaleString("en-US")} movies, ${counts.people.toLocaleString("en-US")} people, ${counts.castings.toLocaleString("en-US")} castings. ` +
        `Load average (1/5/15 min) at start ${load(loadStart)}, at end ${load(loadEnd)} (${os.cpus().length} cores).`,
      `Each statement: EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) with the parameters the page sent, ${options.runs} runs after a warm-up; ` +
        `plan = planning and exec = execution, medians; min = the fastest run's planning + execution; buffers = shared buffers the ` +
        `execution touched. Node wall time: the page's calls side by side, median of ${options.runs}.`,
      "",
      "| page | statements | plan + exec (ms, median) | min (ms) | buffers | Node wall (ms) |",
      "|---|---:|---:|---:|---:|---:|",
    );
    for (const { page, statements, wallMs } of report) {
      const real = statements.filter((s) => !s.control);
      const total = real.reduce((a, s) => a + s.planMs + s.execMs, 0);
      const min = real.reduce((a, s) => a + s.minMs, 0);
      const buffers = real.reduce((a, s) => a + s.buffers, 0);
      out.push(
        `| ${page.name}<br>\`${page.url}\`${page.note ? ` (${page.note})` : ""} | ${real.length} | ${ms(total)} | ${ms(min)} | ${buffers.toLocaleString("en-US")} | ${ms(wallMs)} |`,
      );
    }
    const plans: string[] = [];
    for (const { page, statements } of report) {
      out.push("", `### ${page.name} — \`${page.url}\``, "", "| call | statement | plan | exec | min | buffers |", "|---|---|---:|---:|---:|---:|");
      for (const s of statements.filter((x) => !x.control)) {
        out.push(
          `| ${s.step} | \`${oneLine(s.query).replaceAll("|", "\\|").replaceAll("`", "'")}\` | ${ms(s.planMs)} | ${ms(s.execMs)} | ${ms(s.minMs)} | ${s.buffers.toLocaleString("en-US")} |`,
        );
      }
      plans.push("", `### ${page.name}`, "");
      for (const s of statements.filter((x) => !x.control)) {
        plans.push(`${s.step}:`, "```sql", s.query.trim(), "```", `parameters: ${JSON.stringify(s.parameters)}`, "```", s.plan, "```", "");
      }
    }
    const summary = out.join("\n");
    console.log(summary);
    if (options.plans) console.log(["", "## Plans", ...plans].join("\n"));
    if (options.out) {
      writeFileSync(options.out, [summary, "", "## Plans", ...plans, ""].join("\n"));
      log(`report written to ${options.out}`);
    }
  } finally {
    await app?.sql.end({ timeout: 5 });
    await replay?.end({ timeout: 5 });
    await provided.release();
  }
}

runMain(main);
