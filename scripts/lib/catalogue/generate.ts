/**
 * Fills an empty (or, with `force`, emptied) database with the synthetic catalogue in one transaction:
 * TRUNCATE, drop the secondary indexes and foreign keys of the loaded tables, COPY ... FREEZE every table from
 * generated rows, recreate the indexes and foreign keys exactly as they were (their definitions are read from
 * the catalog, so migrations stay the single source of truth), reset the identity sequences, commit, ANALYZE.
 * A failure at any point rolls everything back; the images stored for the attempt are removed again.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";
import type { FileStorage } from "@/lib/storage";
import { FatalError } from "../fatal";
import { renderArtwork, type ImageKind } from "./images";
import { buildPlan, castingStats, imageCounts, type ImageCounts, type PlanOptions } from "./plan";
import * as rows from "./rows";

type Sql = postgres.Sql | postgres.TransactionSql;

export type GenerateOptions = PlanOptions & { storage: FileStorage; force: boolean; log: (line: string) => void };

export type Timing = { step: string; rows?: number; ms: number };

export type GenerateReport = {
  timings: Timing[];
  totalMs: number;
  counts: Record<string, number>;
  prolific: { id: number; name: string; castings: number };
  stats: ReturnType<typeof castingStats>;
};

/** Tables the generator owns, in load order (referenced tables first). */
const LOADED = ["countries", "genres", "file_", "person", "movie", "movie_genres", "character_", "character_actors", "person_photos"] as const;
/** Everything TRUNCATE must empty together (user_ and favorite_movies reference file_ and movie). */
const TRUNCATED = [...LOADED, "user_", "favorite_movies"];
const IDENTITY_TABLES = ["countries", "genres", "file_", "person", "movie", "character_"];
/**
 * Summary tables the loaded tables' triggers fill row by row during the COPYs (migrations 0016-0017): their
 * secondary indexes are dropped and rebuilt with the loaded tables' (a million castings into person_credits' five
 * indexes took 82 s, into its primary key alone a few).
 */
const DERIVED = ["person_credits", "genre_films", "movie_favorites"] as const;
/** Marks the files this generator stored, so that --force can remove the previous run's images from storage. */
const FILE_PREFIX = "generated-";

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function copyField(value: string | number | boolean | null): string {
  if (value === null) return "\\N";
  if (typeof value !== "string") return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : value;
}

async function copyRows(sql: Sql, table: string, columns: string[], source: Iterable<rows.Row>): Promise<number> {
  let count = 0;
  function* chunks() {
    let lines: string[] = [];
    for (const row of source) {
      lines.push(row.map(copyField).join("\t"));
      count++;
      if (lines.length === 2000) {
        yield lines.join("\n") + "\n";
        lines = [];
      }
    }
    if (lines.length) yield lines.join("\n") + "\n";
  }
  // FREEZE: the table was truncated in this transaction, so rows are written already frozen and all-visible
  // (no hint-bit writes or vacuum needed before the first benchmark).
  const writable = await sql.unsafe(`copy ${quote(table)} (${columns.map(quote).join(", ")}) from stdin with (freeze)`).writable();
  await pipeline(Readable.from(chunks()), writable);
  return count;
}

export async function databaseHoldsData(sql: Sql): Promise<Record<string, number>> {
  const [row] = await sql.unsafe<[Record<string, number>]>(
    `select ${TRUNCATED.map((t) => `(select count(*) from (select 1 from ${quote(t)} limit 1000000) x)::int as ${quote(t)}`).join(", ")}`,
  );
  return Object.fromEntries(Object.entries(row).filter(([, n]) => n > 0));
}

async function storeImages(counts: ImageCounts, storage: FileStorage, seed: string): Promise<rows.StoredImage[]> {
  const jobs: Array<{ kind: ImageKind; index: number }> = [];
  for (let i = 0; i < counts.posters; i++) jobs.push({ kind: "poster", index: i });
  for (let i = 0; i < counts.portraits; i++) jobs.push({ kind: "portrait", index: i });
  for (let i = 0; i < counts.gallery; i++) jobs.push({ kind: "gallery", index: i });
  const stored: rows.StoredImage[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      const { kind, index } = jobs[i];
      const bytes = await renderArtwork(kind, index, seed);
      const fileName = `${FILE_PREFIX}${kind}-${String(index + 1).padStart(4, "0")}.webp`;
      const object = await storage.put({ fileName, mimeType: "image/webp", bytes, isPublic: true });
      stored[i] = { fileName, key: object.key, url: object.url, size: bytes.length };
    }
  };
  try {
    await Promise.all(Array.from({ length: 4 }, worker));
  } catch (error) {
    next = jobs.length;
    await Promise.all(stored.filter(Boolean).map((image) => storage.remove(image.key).catch(() => {})));
    throw error;
  }
  return stored;
}

export async function generateCatalogue(sql: postgres.Sql, options: GenerateOptions): Promise<GenerateReport> {
  const { log, storage } = options;
  const started = performance.now();
  const timings: Timing[] = [];
  const timed = async <T>(step: string, work: () => Promise<T> | T, rowsOf?: (result: T) => number): Promise<T> => {
    const t = performance.now();
    const result = await work();
    const timing: Timing = { step, ms: performance.now() - t, rows: rowsOf?.(result) };
    timings.push(timing);
    log(`${step.padEnd(56)} ${timing.rows !== undefined ? `${timing.rows.toLocaleString("en-US").padStart(10)} rows` : "".padStart(15)}  ${(timing.ms / 1000).toFixed(1).padStart(6)} s`);
    return result;
  };

  const existing = await databaseHoldsData(sql);
  if (Object.keys(existing).length && !options.force) {
    const summary = Object.entries(existing).map(([t, n]) => `${t}: ${n >= 1_000_000 ? "1,000,000+" : n}`).join(", ");
    throw new FatalError(`the database already holds data (${summary}); pass --force to replace it`);
  }
  const previousImages = options.force
    ? (await sql<{ file_key: string }[]>`select file_key from file_ where file_name like ${FILE_PREFIX + "%"}`).map((r) => r.file_key)
    : [];

  // The images render on libuv's threads (sharp) while the main thread plans and streams rows.
  const images = imageCounts(options.movies, options.people);
  const imagesDone = timed(
    `store ${images.posters + images.portraits + images.gallery} images (lib/storage, ${storage.name})`,
    () => storeImages(images, storage, options.seed),
    (r) => r.length,
  );
  imagesDone.catch(() => {});
  const plan = await timed("plan (structure of the catalogue)", () => buildPlan(options));

  try {
    await sql.begin(async (tx) => {
      await tx.unsafe(`set local maintenance_work_mem = '512MB'`);
      await tx.unsafe(`truncate ${TRUNCATED.map(quote).join(", ")} restart identity`);
      const foreignKeys = await tx<{ tbl: string; name: string; def: string }[]>`
        select t.relname as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def
        from pg_constraint c join pg_class t on t.oid = c.conrelid
        where c.contype = 'f' and t.relnamespace = current_schema()::regnamespace and t.relname = any(${LOADED as unknown as string[]})
        order by t.relname, c.conname`;
      const indexes = await tx<{ tbl: string; name: string; def: string }[]>`
        select t.relname as tbl, ic.relname as name, pg_get_indexdef(i.indexrelid) as def
        from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
        where t.relnamespace = current_schema()::regnamespace and t.relname = any(${[...LOADED, ...DERIVED] as string[]})
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = t.oid and c.contype in ('p', 'u', 'x'))
        order by t.relname, ic.relname`;
      for (const fk of foreignKeys) await tx.unsafe(`alter table ${quote(fk.tbl)} drop constraint ${quote(fk.name)}`);
      for (const index of indexes) await tx.unsafe(`drop index ${quote(index.name)}`);

      const copy = (table: string, columns: string[], source: Iterable<rows.Row>) =>
        timed(`copy ${table}`, () => copyRows(tx, table, columns, source), (n) => n);
      await copy("countries", ["id", "name"], rows.countryRows());
      await copy("genres", ["id", "name"], rows.genreRows());
      await copy("person", ["id", "first_name", "last_name", "biography", "date_of_birth", "gender", "country_id", "main_photo_id"], rows.personRows(plan));
      await copy("movie", ["id", "title", "description", "budget", "release_date", "duration", "director_id", "country_id", "poster_id"], rows.movieRows(plan));
      await copy("movie_genres", ["movie_id", "genre_id"], rows.movieGenreRows(plan));
      await copy("character_", ["id", "name", "description", "role", "movie_id"], rows.characterRows(plan));
      await copy("character_actors", ["character_id", "person_id"], rows.castingRows(plan));
      await copy("person_photos", ["person_id", "file_id"], rows.galleryRows(plan));

      // Everything that does not involve file_ is indexed and checked while the images are still rendering.
      const involvesFiles = (item: { tbl: string; def: string }) => item.tbl === "file_" || /references file_\(/i.test(item.def);
      const restore = async (filesToo: boolean) => {
        for (const index of indexes.filter((i) => involvesFiles(i) === filesToo)) await timed(`index ${index.name}`, () => tx.unsafe(index.def));
        for (const fk of foreignKeys.filter((f) => involvesFiles(f) === filesToo)) {
          await timed(`foreign key ${fk.name}`, () => tx.unsafe(`alter table ${quote(fk.tbl)} add constraint ${quote(fk.name)} ${fk.def}`));
        }
      };
      await restore(false);
      await copy("file_", ["id", "file_name", "mime_type", "file_key", "file_url", "is_public", "size_bytes"], rows.fileRows(await imagesDone));
      await restore(true);
      for (const table of IDENTITY_TABLES) {
        await tx.unsafe(`select setval(pg_get_serial_sequence('${quote(table)}', 'id'), coalesce((select max(id) from ${quote(table)}), 0) + 1, false)`);
      }
    });
  } catch (error) {
    const stored = await imagesDone.catch(() => [] as rows.StoredImage[]);
    await Promise.all(stored.map((image) => storage.remove(image.key).catch(() => {})));
    throw error;
  }

  for (const table of [...LOADED, ...DERIVED, "person_counts", "popular_people", "movie_counts"]) await timed(`analyze ${table}`, () => sql.unsafe(`analyze ${quote(table)}`));
  if (previousImages.length) {
    await timed(`remove the previous run's ${previousImages.length} images`, () => Promise.all(previousImages.map((key) => storage.remove(key).catch(() => {}))));
  }

  const [counts] = await sql<[Record<string, number>]>`
    select (select count(*) from movie)::int as movies, (select count(*) from person)::int as people,
           (select count(*) from character_)::int as characters, (select count(*) from character_actors)::int as castings,
           (select count(*) from movie_genres)::int as genre_links, (select count(*) from countries)::int as countries,
           (select count(*) from genres)::int as genres, (select count(*) from file_)::int as files,
           (select count(*) from person_photos)::int as gallery_photos`;
  const [prolific] = await sql<[{ name: string }]>`select trim(first_name || ' ' || last_name) as name from person where id = ${plan.prolificPerson + 1}`;
  return {
    timings,
    totalMs: performance.now() - started,
    counts,
    prolific: { id: plan.prolificPerson + 1, name: prolific.name, castings: plan.prolificCastings },
    stats: castingStats(plan),
  };
}
