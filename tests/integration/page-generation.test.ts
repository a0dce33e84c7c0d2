import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../support/database";

// The page cache (lib/page-cache.ts) serves a stored page only while these generations stay where they were: a
// change that public pages show has to move one on, at commit and not before.
const { db, sql: client } = openTestDatabase();
const other = openTestDatabase();

async function generations(on = db) {
  const rows = await on.execute<{ scope: string; value: string }>(sql`select scope, value::text as value from page_generation`);
  return Object.fromEntries([...rows].map((r) => [r.scope, Number(r.value)])) as { catalogue: number; favorites: number };
}

let movieId: number;
let personId: number;
let userId: number;

beforeEach(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  movieId = (await db.execute<{ id: number }>(sql`insert into movie (title) values ('Alpha') returning id`))[0].id;
  personId = (await db.execute<{ id: number }>(sql`insert into person (first_name, last_name) values ('Ada', 'Lee') returning id`))[0].id;
  userId = (
    await db.execute<{ id: number }>(sql`insert into user_ (username, first_name, last_name, email, password) values ('gen', 'Gen', 'Eration', 'gen@example.com', 'x') returning id`)
  )[0].id;
});
afterAll(async () => {
  await client.end({ timeout: 5 });
  await other.sql.end({ timeout: 5 });
});

describe("page_generation", () => {
  it("moves the catalogue on for every table public pages show, whatever the statement", async () => {
    const statements = [
      sql`update movie set title = 'Beta' where id = ${movieId}`,
      sql`insert into genres (name) values ('Drama')`,
      sql`insert into movie_genres (movie_id, genre_id) select ${movieId}, id from genres`,
      sql`insert into countries (name) values ('Peru')`,
      sql`insert into character_ (name, movie_id) values ('Hero', ${movieId})`,
      sql`insert into character_actors (character_id, person_id) select id, ${personId} from character_`,
      sql`update person set biography = 'Born somewhere.' where id = ${personId}`,
      sql`insert into file_ (file_name, mime_type, file_key, file_url) values ('a.jpg', 'image/jpeg', 'a', '/files/a')`,
      sql`insert into person_photos (person_id, file_id) select ${personId}, id from file_`,
      sql`delete from movie_genres`,
      sql`truncate person_photos`,
    ];
    for (const statement of statements) {
      const before = await generations();
      await db.execute(statement);
      const after = await generations();
      expect(after.catalogue, String(statement.queryChunks[0])).toBe(before.catalogue + 1);
      expect(after.favorites).toBe(before.favorites);
    }
  });

  it("moves favorites on, and only favorites, when a user's favorites change", async () => {
    const before = await generations();
    await db.execute(sql`insert into favorite_movies (user_id, movie_id) values (${userId}, ${movieId})`);
    await db.execute(sql`delete from favorite_movies where user_id = ${userId}`);
    const after = await generations();
    expect(after).toEqual({ catalogue: before.catalogue, favorites: before.favorites + 2 });
  });

  it("ignores tables no public page shows (accounts)", async () => {
    const before = await generations();
    await db.execute(sql`update user_ set first_name = 'Gen' where id = ${userId}`);
    expect(await generations()).toEqual(before);
  });

  it("moves once per transaction, when it commits, and not at all when it rolls back", async () => {
    const before = await generations();
    let seenInside: number | undefined;
    await db.transaction(async (tx) => {
      await tx.execute(sql`update movie set title = 'Gamma' where id = ${movieId}`);
      await tx.execute(sql`update person set first_name = 'Ava' where id = ${personId}`);
      await tx.execute(sql`insert into movie (title) values ('Delta'), ('Epsilon')`);
      // Another connection must not see a new generation before it can see the rows.
      seenInside = (await generations(other.db)).catalogue;
    });
    expect(seenInside).toBe(before.catalogue);
    expect((await generations()).catalogue).toBe(before.catalogue + 1);

    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`update movie set title = 'Lost' where id = ${movieId}`);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await generations()).catalogue).toBe(before.catalogue + 1);
    expect(await db.execute(sql`select count(*)::int as n from page_generation_pending`)).toEqual([{ n: 0 }]);
  });

  it("lets transactions that move both generations in opposite orders commit together (no deadlock at commit)", async () => {
    // T1 touches favorites then the catalogue, T2 the catalogue then favorites. A third transaction holds the
    // favorites row so that both reach their commit-time bumps at once: T1 queues for favorites, T2 takes the
    // catalogue row and queues behind T1. Bumping rows in first-touched order deadlocks here (T1 then wants the
    // catalogue row T2 holds); bumping in one fixed order does not.
    const [film2] = await db.execute<{ id: number }>(sql`insert into movie (title) values ('Omega') returning id`);
    const before = await generations();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from page_generation where scope = 'favorites' for update`);
      await held;
    });
    await new Promise((r) => setTimeout(r, 50));
    const t1 = other.db.transaction(async (tx) => {
      await tx.execute(sql`insert into favorite_movies (user_id, movie_id) values (${userId}, ${movieId})`);
      await tx.execute(sql`update movie set budget = 1 where id = ${movieId}`);
    });
    await new Promise((r) => setTimeout(r, 150));
    const t2 = other.db.transaction(async (tx) => {
      await tx.execute(sql`update movie set budget = 2 where id = ${film2.id}`);
      await tx.execute(sql`insert into favorite_movies (user_id, movie_id) values (${userId}, ${film2.id})`);
    });
    await new Promise((r) => setTimeout(r, 150));
    release();
    await holder;
    const results = await Promise.allSettled([t1, t2]);
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "committed"))).toEqual(["committed", "committed"]);
    expect(await generations()).toEqual({ catalogue: before.catalogue + 2, favorites: before.favorites + 2 });
  });

  it("never makes writers wait for each other before they commit (no deadlock through the counter)", async () => {
    // Half the writers lock their own film and then the shared person, half the person and then their own film.
    // No cycle on the rows themselves; a counter locked at the first statement would make one (a writer holding
    // the counter waits for the person, whose holder waits for the counter).
    const films = await db.execute<{ id: number }>(sql`insert into movie (title) select 'W' || i from generate_series(1, 8) i returning id`);
    const before = await generations();
    const writers = films.map(({ id }, i) =>
      other.db.transaction(async (tx) => {
        const film = sql`update movie set budget = ${i} where id = ${id}`;
        const shared = sql`update person set biography = ${String(i)} where id = ${personId}`;
        await tx.execute(i % 2 ? film : shared);
        await tx.execute(sql`select pg_sleep(0.02)`);
        await tx.execute(i % 2 ? shared : film);
      }),
    );
    await Promise.all(writers);
    expect((await generations()).catalogue).toBe(before.catalogue + films.length);
  });
});
