import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getFilterOptions, getMovies } from "@/db/queries/catalogue";
import { countries, genres, movie, movie_genres } from "@/db/schema";
import { openTestDatabase } from "../support/database";

const { db, sql: client } = openTestDatabase();

/** movie_counts as stored, and the same counts taken from the tables themselves: they must always agree. */
async function storedAndActual() {
  const stored = await db.execute<{ scope: string; scope_id: number; movies: number }>(
    sql`select scope, scope_id, movies from movie_counts where movies <> 0 order by scope, scope_id`,
  );
  const actual = await db.execute<{ scope: string; scope_id: number; movies: number }>(sql`
    select * from (
      select 'all'::varchar as scope, 0 as scope_id, count(*)::int as movies from movie
      union all select 'country', country_id, count(*)::int from movie where country_id is not null group by country_id
      union all select 'genre', genre_id, count(*)::int from movie_genres group by genre_id
    ) x where movies <> 0 order by scope, scope_id`);
  return { stored: [...stored], actual: [...actual] };
}

let us: number, fr: number, drama: number, comedy: number;

beforeEach(async () => {
  await db.execute(sql`truncate favorite_movies, character_actors, character_, movie_genres, movie, genres, countries restart identity cascade`);
  [us, fr] = (await db.insert(countries).values([{ name: "United States" }, { name: "France" }]).returning()).map((r) => r.id);
  [drama, comedy] = (await db.insert(genres).values([{ name: "Drama" }, { name: "Comedy" }]).returning()).map((r) => r.id);
});
afterAll(() => client.end({ timeout: 5 }));

describe("movie_counts", () => {
  it("is empty after a truncate and follows inserts, country changes, genre changes and deletes", async () => {
    expect((await storedAndActual()).stored).toEqual([]);
    const films = await db
      .insert(movie)
      .values([
        { title: "A", country_id: us },
        { title: "B", country_id: us },
        { title: "C", country_id: fr },
        { title: "D" },
      ])
      .returning();
    await db.insert(movie_genres).values([
      { movie_id: films[0].id, genre_id: drama },
      { movie_id: films[1].id, genre_id: drama },
      { movie_id: films[1].id, genre_id: comedy },
      { movie_id: films[2].id, genre_id: comedy },
    ]);
    let counts = await storedAndActual();
    expect(counts.stored).toEqual(counts.actual);
    expect(counts.stored).toContainEqual({ scope: "all", scope_id: 0, movies: 4 });

    await db.execute(sql`update movie set country_id = ${fr} where id = ${films[0].id}`);
    await db.execute(sql`update movie set country_id = null where id = ${films[2].id}`);
    await db.execute(sql`update movie set title = 'B2' where id = ${films[1].id}`); // no count moves
    await db.execute(sql`update movie_genres set genre_id = ${comedy} where movie_id = ${films[0].id}`);
    counts = await storedAndActual();
    expect(counts.stored).toEqual(counts.actual);

    // Deleting a film takes its genres with it (cascade): both counts follow.
    await db.execute(sql`delete from movie where id = ${films[1].id}`);
    await db.execute(sql`delete from movie_genres where movie_id = ${films[2].id}`);
    counts = await storedAndActual();
    expect(counts.stored).toEqual(counts.actual);
    expect(counts.stored).toContainEqual({ scope: "all", scope_id: 0, movies: 3 });
  });

  it("gives the catalogue the same totals and filter counts as counting would", async () => {
    const films = await db
      .insert(movie)
      .values(Array.from({ length: 30 }, (_, i) => ({ title: `Film ${i}`, country_id: i % 3 === 0 ? fr : us, release_date: `19${50 + i}-01-01` })))
      .returning();
    await db.insert(movie_genres).values(films.flatMap((f, i) => [{ movie_id: f.id, genre_id: drama }, ...(i % 2 ? [{ movie_id: f.id, genre_id: comedy }] : [])]));
    expect((await getMovies({})).total).toBe(30);
    expect((await getMovies({ genreIds: [comedy] })).total).toBe(15);
    expect((await getMovies({ countryId: fr })).total).toBe(10);
    expect((await getMovies({ genreIds: [comedy], countryId: fr })).total).toBe(5); // counted: two filters
    expect((await getMovies({ countryId: 999_999 })).total).toBe(0);
    const options = await getFilterOptions();
    expect(options.genres).toEqual([
      { id: comedy, name: "Comedy", count: 15 },
      { id: drama, name: "Drama", count: 30 },
    ]);
    expect(options.countries).toEqual([
      { id: fr, name: "France", count: 10 },
      { id: us, name: "United States", count: 20 },
    ]);
  });

  it("stays true under concurrent writers", async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.transaction(async (tx) => {
          const [f] = await tx.insert(movie).values({ title: `Parallel ${i}`, country_id: i % 2 ? us : fr }).returning();
          await tx.insert(movie_genres).values([
            { movie_id: f.id, genre_id: comedy },
            { movie_id: f.id, genre_id: drama },
          ]);
        }),
      ),
    );
    const counts = await storedAndActual();
    expect(counts.stored).toEqual(counts.actual);
    expect(counts.stored).toContainEqual({ scope: "all", scope_id: 0, movies: 10 });
  });
});
