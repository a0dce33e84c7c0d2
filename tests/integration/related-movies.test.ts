import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRelatedMovies } from "@/db/queries/related-movies";
import { favorite_movies, file_, genres, movie, movie_genres, person, user_ } from "@/db/schema";
import { openTestDatabase } from "../support/database";
import { countQueries } from "../support/query-counter";

const { db, sql: client } = openTestDatabase();
const ids: Record<string, number> = {};

// Director D: the film itself (A) and B, C, K, U (undated). Director X: G, H, I, J. Nobody: O (no director, no genres).
const films: { key: string; director: "d" | "x" | null; date: string | null; genres: string[] }[] = [
  { key: "A", director: "d", date: "2000-01-01", genres: ["Crime", "Drama"] },
  { key: "B", director: "d", date: "1990-01-01", genres: ["Crime"] },
  { key: "C", director: "d", date: "2010-01-01", genres: ["Drama"] },
  { key: "K", director: "d", date: "1995-01-01", genres: ["Crime", "Drama"] },
  { key: "U", director: "d", date: null, genres: ["Crime"] },
  { key: "G", director: "x", date: "1993-01-01", genres: ["Crime", "Drama", "Thriller"] },
  { key: "H", director: "x", date: "2015-01-01", genres: ["Crime"] },
  { key: "I", director: "x", date: "1980-01-01", genres: ["Crime", "Drama"] },
  { key: "J", director: "x", date: "2020-01-01", genres: ["Comedy"] },
  { key: "O", director: null, date: "2003-01-01", genres: [] },
];

const titles = (list: { title: string }[]) => list.map((m) => m.title);

beforeAll(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  const [d, x] = await db
    .insert(person)
    .values([
      { first_name: "Dora", last_name: "Director" },
      { first_name: "Xavier", last_name: "Other" },
    ])
    .returning({ id: person.id });
  const genreRows = await db
    .insert(genres)
    .values(["Crime", "Drama", "Thriller", "Comedy"].map((name) => ({ name })))
    .returning({ id: genres.id, name: genres.name });
  const genreId = new Map(genreRows.map((g) => [g.name, g.id]));
  const [poster] = await db
    .insert(file_)
    .values({ file_name: "b.webp", mime_type: "image/webp", file_key: "related-b.webp", file_url: "/files/related-b.webp", is_public: true })
    .returning({ id: file_.id });
  for (const f of films) {
    const [row] = await db
      .insert(movie)
      .values({ title: f.key, release_date: f.date, director_id: f.director === "d" ? d.id : f.director === "x" ? x.id : null, poster_id: f.key === "B" ? poster.id : null })
      .returning({ id: movie.id });
    ids[f.key] = row.id;
    if (f.genres.length) await db.insert(movie_genres).values(f.genres.map((g) => ({ movie_id: row.id, genre_id: genreId.get(g)! })));
  }
  const users = await db
    .insert(user_)
    .values(["u1", "u2"].map((u) => ({ username: u, email: `${u}@example.com`, first_name: u, last_name: "User", password: "x" })))
    .returning({ id: user_.id });
  // B once, I twice: favorites rank before dates.
  await db.insert(favorite_movies).values([
    { user_id: users[0].id, movie_id: ids.B },
    { user_id: users[0].id, movie_id: ids.I },
    { user_id: users[1].id, movie_id: ids.I },
  ]);
});

afterAll(async () => {
  await client.end();
});

describe("getRelatedMovies", () => {
  it("ranks the director's other films by favorites, then newest, undated last, never the film itself", async () => {
    const { byDirector } = await getRelatedMovies(ids.A, { limit: 6 });
    expect(titles(byDirector)).toEqual(["B", "C", "K", "U"]);
    expect(byDirector[0]).toMatchObject({ year: 1990, genres: ["Crime"], posterUrl: "/files/related-b.webp" });
    expect(byDirector.at(-1)).toMatchObject({ year: null });
  });

  it("ranks films by genres shared, then favorites, then newest, leaving out the film and the director row", async () => {
    const { sameGenres } = await getRelatedMovies(ids.A, { limit: 6 });
    // I and G share both genres (I has favorites), H and U one; J shares none; O has none.
    // U is already under "More from": not repeated.
    expect(titles(sameGenres)).toEqual(["I", "G", "H"]);
  });

  it("cuts both rows at the limit; a film of the director's beyond it can appear by genre", async () => {
    const { byDirector, sameGenres } = await getRelatedMovies(ids.A, { limit: 3 });
    expect(titles(byDirector)).toEqual(["B", "C", "K"]);
    expect(titles(sameGenres)).toEqual(["I", "G", "H"]);
    const fewer = await getRelatedMovies(ids.A, { limit: 2 });
    expect(titles(fewer.byDirector)).toEqual(["B", "C"]);
    // K shares both genres, is newer than G, and is not in the director's row any more.
    expect(titles(fewer.sameGenres)).toEqual(["I", "K"]);
    const more = await getRelatedMovies(ids.A, { limit: 5 });
    expect(titles(more.sameGenres)).toEqual(["I", "G", "H"]);
  });

  it("is empty when there is nothing related: no director, no shared genre, unknown film", async () => {
    expect(await getRelatedMovies(ids.O)).toEqual({ byDirector: [], sameGenres: [] });
    const comedy = await getRelatedMovies(ids.J);
    expect(titles(comedy.byDirector)).toEqual(["I", "H", "G"]);
    expect(comedy.sameGenres).toEqual([]);
    expect(await getRelatedMovies(999_999)).toEqual({ byDirector: [], sameGenres: [] });
  });

  it("costs one statement", async () => {
    const { count } = await countQueries(() => getRelatedMovies(ids.A));
    expect(count).toBe(1);
  });
});
