/**
 * The large-catalogue generator (scripts/generate-catalogue.ts) at a tiny scale, run as the CLI it is, into the
 * test database: sizes, references, realism the pages rely on, the refusal to overwrite data, and determinism.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testDatabaseUrl } from "../support/database";

const root = path.resolve(import.meta.dirname, "..", "..");
const uploads = mkdtempSync(path.join(os.tmpdir(), "marquee-generate-"));
const { db, sql: client } = openTestDatabase();
const TINY = ["--movies", "200", "--people", "400", "--castings", "1000", "--prolific", "40"];

function generate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "generate-catalogue.ts"), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: testDatabaseUrl(), UPLOADS_DIR: uploads },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

async function titles(): Promise<string[]> {
  const rows = await db.execute<{ title: string }>(sql`select title from movie order by id`);
  return rows.map((r) => r.title);
}

function storedFiles(): string[] {
  return readdirSync(uploads, { recursive: true, encoding: "utf8" }).filter((f) => statSync(path.join(uploads, f)).isFile());
}

const truncateAll = () =>
  db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);

let firstRun: { code: number; stdout: string; stderr: string };
let firstTitles: string[];

beforeAll(async () => {
  await truncateAll();
  firstRun = await generate(TINY);
  firstTitles = await titles();
}, 120_000);

afterAll(async () => {
  await truncateAll();
  await client.end({ timeout: 5 });
  rmSync(uploads, { recursive: true, force: true });
});

describe("the large-catalogue generator", () => {
  it("fills an empty database with exactly the sizes asked for", async () => {
    expect(firstRun.stderr).toBe("");
    expect(firstRun.code).toBe(0);
    const [c] = await db.execute<Record<string, number>>(sql`
      select (select count(*) from movie)::int as movies, (select count(*) from person)::int as people,
             (select count(*) from character_)::int as characters, (select count(*) from character_actors)::int as castings,
             (select count(*) from genres)::int as genres, (select count(*) from countries)::int as countries,
             (select count(*) from file_)::int as files`);
    expect(c).toEqual({ movies: 200, people: 400, characters: 900, castings: 1000, genres: 18, countries: 60, files: 12 });
    // Every stored image is on disk, once.
    expect(storedFiles()).toHaveLength(12);
    expect(firstRun.stdout).toMatch(/done in [\d.]+ s: 200 movies, 400 people, 900 characters, 1,000 castings/);
  });

  it("keeps every reference sound: each character has an actor, a film has 1-3 genres, ids keep counting after the load", async () => {
    const [gaps] = await db.execute<Record<string, number>>(sql`
      select (select count(*) from character_ c where not exists (select 1 from character_actors a where a.character_id = c.id))::int as characters_without_actor,
             (select count(*) from movie m where (select count(*) from movie_genres g where g.movie_id = m.id) not between 1 and 3)::int as bad_genre_counts,
             (select count(*) from (select character_id from character_actors group by 1 having count(*) = 2) d)::int as played_by_two,
             (select count(*) from movie where poster_id is not null)::int as with_poster`);
    expect(gaps).toMatchObject({ characters_without_actor: 0, bad_genre_counts: 0, played_by_two: 100 });
    expect(gaps.with_poster).toBeGreaterThan(100);
    // The identity sequences were moved past the explicit ids: the next insert does not collide.
    const [added] = await db.execute<{ id: number }>(sql`insert into countries (name) values ('Atlantis') returning id`);
    expect(added.id).toBe(61);
    await db.execute(sql`delete from countries where id = 61`);
  });

  it("casts actors only in films released during their life, and directors of working age", async () => {
    const [ages] = await db.execute<{ youngest_actor: number; oldest_actor: number; youngest_director: number }>(sql`
      select min(extract(year from age(m.release_date, p.date_of_birth)))::int as youngest_actor,
             max(extract(year from age(m.release_date, p.date_of_birth)))::int as oldest_actor,
             (select min(extract(year from age(m2.release_date, d.date_of_birth)))::int
                from movie m2 join person d on d.id = m2.director_id) as youngest_director
      from character_actors a join character_ c on c.id = a.character_id join movie m on m.id = c.movie_id
      join person p on p.id = a.person_id`);
    expect(ages.youngest_actor).toBeGreaterThanOrEqual(3);
    expect(ages.oldest_actor).toBeLessThanOrEqual(90);
    expect(ages.youngest_director).toBeGreaterThanOrEqual(20);
  });

  it("makes one actor far more prolific than anyone else, in as many distinct films, and names him", async () => {
    const top = await db.execute<{ person_id: number; castings: number; films: number }>(sql`
      select a.person_id, count(*)::int as castings, count(distinct c.movie_id)::int as films
      from character_actors a join character_ c on c.id = a.character_id
      group by a.person_id order by castings desc limit 2`);
    expect(top[0]).toMatchObject({ castings: 40, films: 40 });
    expect(top[1].castings).toBeLessThan(20);
    expect(firstRun.stdout).toContain(`(/people/${top[0].person_id}), 40 castings`);
  });

  it("refuses to touch a database that holds data, unless --force", async () => {
    const refused = await generate([...TINY, "--seed", "another"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^marquee: the database already holds data \(.*movie: 200.*\); pass --force to replace it\n$/);
    expect(await titles()).toEqual(firstTitles);
  });

  it("gives the same catalogue for the same seed and another one for another seed; --force replaces the images", async () => {
    const again = await generate([...TINY, "--force"]);
    expect(again.code).toBe(0);
    expect(firstTitles).toHaveLength(200);
    expect(await titles()).toEqual(firstTitles);
    expect(storedFiles()).toHaveLength(12); // the previous run's images were removed from storage

    const other = await generate([...TINY, "--force", "--seed", "another"]);
    expect(other.code).toBe(0);
    const otherTitles = await titles();
    expect(otherTitles).toHaveLength(200);
    expect(otherTitles.filter((t, i) => t === firstTitles[i]).length).toBeLessThan(20);
  }, 120_000);
});
