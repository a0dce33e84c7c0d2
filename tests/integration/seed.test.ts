import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoFilms } from "@/db/seed/data";
import { DEMO_ACCOUNTS, seedDemo } from "@/db/seed/demo";
import { LocalDiskStorage } from "@/lib/storage/local";
import { verifyPassword } from "@/lib/password";
import { openTestDatabase } from "../support/database";

const { db, sql: client } = openTestDatabase();
const uploads = mkdtempSync(path.join(os.tmpdir(), "marquee-seed-"));
const storage = new LocalDiskStorage(uploads);

async function counts() {
  const [row] = await db.execute<Record<string, number>>(sql`
    select (select count(*) from movie)::int as movies, (select count(*) from person)::int as people,
           (select count(*) from character_)::int as characters, (select count(*) from character_actors)::int as castings,
           (select count(*) from movie_genres)::int as genre_links, (select count(*) from file_)::int as files,
           (select count(*) from person_photos)::int as gallery, (select count(*) from user_)::int as users,
           (select count(*) from countries)::int as countries, (select count(*) from genres)::int as genres`);
  return row;
}

beforeAll(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  await seedDemo(db, { storage });
}, 300_000);

afterAll(async () => {
  await client.end({ timeout: 5 });
  rmSync(uploads, { recursive: true, force: true });
});

describe("the demo seed", () => {
  it("loads a real catalogue: 100+ films across decades and countries", async () => {
    const c = await counts();
    expect(c.movies).toBeGreaterThanOrEqual(100);
    const [spread] = await db.execute<{ decades: number; countries: number }>(sql`
      select count(distinct extract(decade from release_date))::int as decades, count(distinct country_id)::int as countries from movie`);
    expect(spread.decades).toBeGreaterThanOrEqual(8);
    expect(spread.countries).toBeGreaterThanOrEqual(10);
    const [godfather] = await db.execute<{ release_date: string; duration: number; director: string }>(sql`
      select m.release_date::text, m.duration, p.first_name || ' ' || p.last_name as director
      from movie m join person p on p.id = m.director_id where m.title = 'The Godfather'`);
    const curated = demoFilms.find((f) => f.title === "The Godfather")!;
    expect(godfather).toMatchObject({ release_date: curated.releaseDate, duration: curated.runtime, director: curated.director });
    expect(godfather.director).toBe("Francis Ford Coppola");
  });

  it("gives every film a director, a country, genres, a poster and at least five characters with actors", async () => {
    const [gaps] = await db.execute<Record<string, number>>(sql`
      select count(*) filter (where director_id is null)::int as no_director,
             count(*) filter (where country_id is null)::int as no_country,
             count(*) filter (where poster_id is null)::int as no_poster,
             count(*) filter (where not exists (select 1 from movie_genres g where g.movie_id = m.id))::int as no_genres,
             count(*) filter (where (select count(*) from character_ c where c.movie_id = m.id) < 5)::int as few_characters
      from movie m`);
    expect(gaps).toEqual({ no_director: 0, no_country: 0, no_poster: 0, no_genres: 0, few_characters: 0 });
    const [orphans] = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from character_ c where not exists (select 1 from character_actors a where a.character_id = c.id)`);
    expect(orphans.n).toBe(0);
  });

  it("includes characters played by more than one actor", async () => {
    const rows = await db.execute<{ name: string }>(sql`
      select c.name from character_ c join character_actors a on a.character_id = c.id group by c.id having count(*) > 1`);
    expect(rows.length).toBeGreaterThanOrEqual(5);
  });

  it("gives people birth dates, countries, biographies and portraits, and galleries of 3 to 5 photos to the best known", async () => {
    const [gaps] = await db.execute<Record<string, number>>(sql`
      select count(*) filter (where date_of_birth is null)::int as no_birth, count(*) filter (where country_id is null)::int as no_country,
             count(*) filter (where coalesce(biography, '') = '')::int as no_bio, count(*) filter (where main_photo_id is null)::int as no_photo
      from person`);
    // A handful of real people have no reliably known birth date: unknown, never a made-up one.
    expect(gaps).toMatchObject({ no_country: 0, no_bio: 0, no_photo: 0 });
    expect(gaps.no_birth).toBeLessThanOrEqual(10);
    const galleries = await db.execute<{ n: number }>(sql`select count(*)::int as n from person_photos group by person_id`);
    expect(galleries.length).toBeGreaterThanOrEqual(20);
    for (const g of galleries) {
      expect(g.n).toBeGreaterThanOrEqual(3);
      expect(g.n).toBeLessThanOrEqual(5);
    }
  });

  it("draws galleries as different photos: portraits and wide scenes, no two alike, none a copy of the main portrait", async () => {
    const rows = await db.execute<{ person_id: number; file_key: string; main: boolean }>(sql`
      select pp.person_id, f.file_key, false as main from person_photos pp join file_ f on f.id = pp.file_id
      union all
      select p.id, f.file_key, true from person p join file_ f on f.id = p.main_photo_id
      where exists (select 1 from person_photos pp where pp.person_id = p.id)`);
    type Photo = { person_id: number; file_key: string; main: boolean };
    const byPerson = new Map<number, Photo[]>();
    for (const r of rows) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r]);
    const stored = new Map(readdirSync(uploads, { recursive: true }).map((p) => [path.basename(String(p)), path.join(uploads, String(p))]));
    for (const photos of byPerson.values()) {
      const files = photos.map((p) => ({ main: p.main, bytes: readFileSync(stored.get(p.file_key)!) }));
      expect(new Set(files.map((f) => f.bytes.toString("base64"))).size).toBe(files.length);
      const shapes = await Promise.all(
        files.filter((f) => !f.main).map(async (f) => sharp(f.bytes).metadata().then(({ width, height }) => (width > height ? "wide" : "tall"))),
      );
      expect(new Set(shapes)).toEqual(new Set(["wide", "tall"]));
    }
  });

  it("stores every image through the storage layer as a real file", async () => {
    const files = await db.execute<{ file_key: string; mime_type: string; size_bytes: number }>(sql`select file_key, mime_type, size_bytes from file_`);
    const onDisk = new Set(readdirSync(uploads, { recursive: true }).map((p) => path.basename(String(p))));
    for (const f of files) {
      expect(onDisk.has(f.file_key), f.file_key).toBe(true);
      expect(f.mime_type).toBe("image/webp");
      expect(f.size_bytes).toBeGreaterThan(1000);
    }
  });

  it("creates the documented demo accounts with their roles and argon2id hashes", async () => {
    const users = await db.execute<{ username: string; role: string; password: string }>(sql`select username, role, password from user_ order by username`);
    expect(users.map((u) => [u.username, u.role])).toEqual([["admin", "admin"], ["editor", "editor"], ["visitor", "user"]]);
    for (const account of DEMO_ACCOUNTS) {
      const stored = users.find((u) => u.username === account.username)!;
      expect(stored.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword(stored.password, account.password)).toBe(true);
    }
  });

  it("is idempotent: a second run adds nothing", async () => {
    const before = await counts();
    await seedDemo(db, { storage });
    expect(await counts()).toEqual(before);
  }, 120_000);
});
