/**
 * npm run db:generate-large: a large synthetic catalogue for benchmarks (see BENCHMARKS.md). Deterministic:
 * the same options and seed always give the same catalogue.
 *
 *   --database <name>   target database on the server (default: marquee_large on the embedded server, or the
 *                       database of DATABASE_URL when that is set); created if missing, then migrated
 *   --movies 100000 --people 200000 --castings 1000000   sizes (characters are ~90% of castings)
 *   --prolific 3000     castings of the deliberately prolific actor
 *   --seed marquee      seed of every random choice
 *   --force             replace the data of a database that is not empty (it refuses otherwise)
 */
import { parseArgs } from "node:util";
import postgres from "postgres";
import { getStorage } from "@/lib/storage";
import { generateCatalogue } from "./lib/catalogue/generate";
import { applyMigrations, ensureDatabaseExists, provideDatabase } from "./lib/database";
import { FatalError, redactUrl, runMain } from "./lib/fatal";

const log = (line: string) => console.log(`[generate] ${line}`);

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 1) throw new FatalError(`--${name} must be a positive whole number (got ${JSON.stringify(value)})`);
  return n;
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      database: { type: "string" },
      movies: { type: "string" },
      people: { type: "string" },
      castings: { type: "string" },
      prolific: { type: "string" },
      seed: { type: "string", default: "marquee" },
      force: { type: "boolean", default: false },
    },
    strict: true,
  });
  const movies = positive("movies", values.movies, 100_000);
  const people = positive("people", values.people, 200_000);
  const castings = positive("castings", values.castings, 1_000_000);
  const prolific = positive("prolific", values.prolific, 3_000);
  if (castings < movies) throw new FatalError("--castings must be at least --movies (every film has a character)");
  if (castings > movies * 200) throw new FatalError("--castings must be at most 200 per movie");
  if (values.database !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(values.database)) {
    throw new FatalError("--database must be a plain PostgreSQL name (letters, digits, underscores)");
  }

  const provided = await provideDatabase(log);
  try {
    let url = provided.url;
    if (provided.embedded || values.database) {
      const name = values.database ?? "marquee_large";
      await ensureDatabaseExists(provided.url, name);
      url = provided.withDatabase(name);
    }
    log(`database: ${redactUrl(url)}`);
    await applyMigrations(url);
    const sql = postgres(url, { max: 2, onnotice: () => {}, connect_timeout: 10 });
    try {
      const report = await generateCatalogue(sql, { movies, people, castings, prolific, seed: values.seed!, force: values.force!, storage: getStorage(), log });
      const c = report.counts;
      log(
        `done in ${(report.totalMs / 1000).toFixed(1)} s: ${c.movies.toLocaleString("en-US")} movies, ${c.people.toLocaleString("en-US")} people, ` +
          `${c.characters.toLocaleString("en-US")} characters, ${c.castings.toLocaleString("en-US")} castings, ${c.genre_links.toLocaleString("en-US")} genre links, ` +
          `${c.countries} countries, ${c.genres} genres, ${c.files} files, ${c.gallery_photos.toLocaleString("en-US")} gallery photos`,
      );
      const s = report.stats;
      log(
        `castings per person: median ${s.median}, ${s.atLeast100} people with 100+, top ${s.top.join(", ")}; ${s.withoutCastings.toLocaleString("en-US")} people without a casting; ` +
          `${s.directors.toLocaleString("en-US")} directors, the busiest directed ${s.mostFilmsDirected} films`,
      );
      log(`most prolific actor: ${report.prolific.name} (/people/${report.prolific.id}), ${report.prolific.castings} castings`);
    } finally {
      await sql.end({ timeout: 5 });
    }
  } finally {
    await provided.release();
  }
});
