import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getFavoriteFilterOptions, getMovies } from "@/db/queries/catalogue";
import { addFavorite, getFavoritesForExport, importFavorites, removeFavorite } from "@/db/queries/favorites";
import { viewerFacts } from "@/db/queries/viewer";
import { character_, character_actors, countries, movie, person, user_ } from "@/db/schema";
import { parseFavoritesCsv } from "@/lib/favorites-csv";
import { openTestDatabase } from "../support/database";

const { db, sql: client } = openTestDatabase();
// What GET /api/viewer reads for a user: their favorites among some films, and a person's line.
const favoriteIdsAmong = async (user: number, movies: number[]) => new Set((await viewerFacts(db, user, { movies, person: null })).favorites);
const countPersonFilmsInFavorites = async (user: number, person: number) => (await viewerFacts(db, user, { movies: [], person })).person;
let alice: number;
let bob: number;
const films: Record<string, number> = {};

beforeAll(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  const users = await db
    .insert(user_)
    .values([
      { username: "alice", email: "alice@example.com", first_name: "Alice", last_name: "A", password: "x" },
      { username: "bob", email: "bob@example.com", first_name: "Bob", last_name: "B", password: "x" },
    ])
    .returning();
  [alice, bob] = users.map((u) => u.id);
  const rows = await db
    .insert(movie)
    .values([
      { title: "Amélie", release_date: "2001-04-25" },
      { title: "Solaris", release_date: "1972-03-20" },
      { title: "Solaris", release_date: "2002-11-27" },
      { title: "=cmd|' /C calc'!A0", release_date: "2020-01-01" },
    ])
    .returning();
  films.amelie = rows[0].id;
  films.solaris72 = rows[1].id;
  films.solaris02 = rows[2].id;
  films.formula = rows[3].id;
});
beforeEach(async () => {
  await db.execute(sql`truncate favorite_movies`);
});
afterAll(() => client.end({ timeout: 5 }));

describe("favorites", () => {
  it("20 parallel adds of the same film leave exactly one row and no error", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => addFavorite(alice, films.amelie)));
    expect(results.every(Boolean)).toBe(true);
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from favorite_movies where user_id = ${alice}`);
    expect(row.n).toBe(1);
  });

  it("keeps each user's favorites apart", async () => {
    await addFavorite(alice, films.amelie);
    await addFavorite(bob, films.solaris72);
    await removeFavorite(bob, films.amelie); // not Bob's: changes nothing
    expect([...(await favoriteIdsAmong(alice, [films.amelie, films.solaris72]))]).toEqual([films.amelie]);
    expect([...(await favoriteIdsAmong(bob, [films.amelie, films.solaris72]))]).toEqual([films.solaris72]);
  });

  it("refuses an unknown film", async () => {
    expect(await addFavorite(alice, 999_999)).toBe(false);
  });
});

describe("favorites in the catalogue", () => {
  const titles = async (query: Parameters<typeof getMovies>[0]) => (await getMovies(query)).movies.map((m) => `${m.title} ${m.year}`);
  const favoriteAt = async (userId: number, movieId: number, at: string) => {
    await addFavorite(userId, movieId);
    await db.execute(sql`update favorite_movies set created_at = ${at}::timestamptz where user_id = ${userId} and movie_id = ${movieId}`);
  };

  it("shows only the user's own favorites, or every film but them", async () => {
    await favoriteAt(alice, films.solaris02, "2026-01-02");
    await favoriteAt(alice, films.amelie, "2026-01-03");
    await favoriteAt(bob, films.solaris72, "2026-01-01");
    expect(await titles({ favorites: { userId: alice, mode: "only" }, sort: "title", dir: "asc" })).toEqual(["Amélie 2001", "Solaris 2002"]);
    expect(await titles({ favorites: { userId: alice, mode: "hide" }, sort: "title", dir: "asc" })).toEqual(["=cmd|' /C calc'!A0 2020", "Solaris 1972"]);
    expect(await titles({ favorites: { userId: bob, mode: "only" } })).toEqual(["Solaris 1972"]);
    // With the catalogue's other filters, and sorted by when each was added.
    expect(await titles({ favorites: { userId: alice, mode: "only" }, q: "solaris" })).toEqual(["Solaris 2002"]);
    expect(await titles({ favorites: { userId: alice, mode: "only" }, sort: "added", dir: "desc" })).toEqual(["Amélie 2001", "Solaris 2002"]);
    expect(await titles({ favorites: { userId: alice, mode: "only" }, sort: "added", dir: "asc" })).toEqual(["Solaris 2002", "Amélie 2001"]);
    expect((await getMovies({ favorites: { userId: alice, mode: "only" }, yearFrom: 2002 })).total).toBe(1);
  });

  it("offers filter options counted over the user's favorites only", async () => {
    const [france] = await db.insert(countries).values({ name: "France" }).returning();
    await db.execute(sql`update movie set country_id = ${france.id}, duration = 122 where id = ${films.amelie}`);
    await addFavorite(alice, films.amelie);
    await addFavorite(alice, films.solaris72);
    const options = await getFavoriteFilterOptions(alice);
    expect(options.countries).toEqual([{ id: france.id, name: "France", count: 1 }]);
    expect(options.years).toEqual({ min: 1972, max: 2001 });
    expect(options.runtimes).toEqual({ min: 122, max: 122 });
    expect((await getFavoriteFilterOptions(bob)).countries).toEqual([]);
  });

  it("counts a person's films in the user's favorites, directing and acting, each film once", async () => {
    const [tarkovsky] = await db.insert(person).values({ first_name: "Andrei", last_name: "Tarkovsky" }).returning();
    await db.execute(sql`update movie set director_id = ${tarkovsky.id} where id in (${films.solaris72}, ${films.solaris02})`);
    const [cameo] = await db.insert(character_).values({ name: "Passer-by", movie_id: films.solaris72 }).returning();
    const [other] = await db.insert(character_).values({ name: "Narrator", movie_id: films.amelie }).returning();
    await db.insert(character_actors).values([
      { character_id: cameo.id, person_id: tarkovsky.id },
      { character_id: other.id, person_id: tarkovsky.id },
    ]);
    expect(await countPersonFilmsInFavorites(alice, tarkovsky.id)).toEqual({ films: 3, favorites: 0 });
    await addFavorite(alice, films.solaris72);
    await addFavorite(alice, films.amelie);
    await addFavorite(bob, films.solaris02);
    expect(await countPersonFilmsInFavorites(alice, tarkovsky.id)).toEqual({ films: 3, favorites: 2 });
    expect(await countPersonFilmsInFavorites(bob, tarkovsky.id)).toEqual({ films: 3, favorites: 1 });
  });
});

describe("CSV export and import", () => {
  it("round-trips Title and Year, matching without accents and by year", async () => {
    await addFavorite(alice, films.amelie);
    await addFavorite(alice, films.solaris02);
    const exported = await getFavoritesForExport(alice);
    expect(exported).toEqual([{ title: "Amélie", year: 2001 }, { title: "Solaris", year: 2002 }]);

    const csv = new TextEncoder().encode("Date,Name,Year,Letterboxd URI\n2024-01-01,amelie,2001,x\n2024-01-02,SOLARIS,1972,y\n2024-01-03,Nope Film,1999,z\n");
    const parsed = parseFavoritesCsv(csv);
    if ("error" in parsed) throw new Error(parsed.error);
    const result = await importFavorites(bob, parsed.rows);
    expect(result).toMatchObject({ added: 2, alreadyThere: 0, unmatched: [{ title: "Nope Film", year: 1999 }], nearYear: [], ambiguous: [] });
    expect([...(await favoriteIdsAmong(bob, Object.values(films)))].sort()).toEqual([films.amelie, films.solaris72].sort());
    const again = await importFavorites(bob, parsed.rows);
    expect(again).toMatchObject({ added: 0, alreadyThere: 2 });
  });

  it("prefers the exact year, falls back to the one film of the title a year off, and refuses to guess between two", async () => {
    // Solaris exists in 1972, 2002 and now 2003; Amélie in 2001; Crash in 2004 and 2006.
    const extra = await db
      .insert(movie)
      .values([
        { title: "Solaris", release_date: "2003-05-01" },
        { title: "Crash", release_date: "2004-05-01" },
        { title: "Crash", release_date: "2006-05-01" },
      ])
      .returning();
    try {
      const csv = new TextEncoder().encode("Title,Year\nSolaris,2002\nAmelie,2000\nSolaris,1973\nCrash,2005\nAmelie,1999\n");
      const parsed = parseFavoritesCsv(csv);
      if ("error" in parsed) throw new Error(parsed.error);
      const result = await importFavorites(bob, parsed.rows);
      expect(result).toEqual({
        added: 3,
        alreadyThere: 0,
        nearYear: [
          { title: "Amelie", year: 2000, matchedYear: 2001 },
          { title: "Solaris", year: 1973, matchedYear: 1972 },
        ],
        ambiguous: [{ title: "Crash", year: 2005, candidateYears: [2004, 2006] }],
        unmatched: [{ title: "Amelie", year: 1999 }],
      });
      // Solaris 2002 is the exact match, not the 2003 film a year off; neither Crash was added.
      const ids = [...Object.values(films), ...extra.map((m) => m.id)];
      expect([...(await favoriteIdsAmong(bob, ids))].sort()).toEqual([films.amelie, films.solaris72, films.solaris02].sort());
    } finally {
      await db.execute(sql`delete from movie where id in (${extra[0].id}, ${extra[1].id}, ${extra[2].id})`);
    }
  });

  it("refuses malformed or huge files whole, with a message", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(parseFavoritesCsv(enc(""))).toEqual({ error: "This file is empty." });
    expect(parseFavoritesCsv(enc("Movie,When\nX,1"))).toMatchObject({ error: expect.stringContaining("no \"Title\" column") });
    expect(parseFavoritesCsv(enc("Title,Year\nAlien,19x9\n"))).toEqual({ error: 'Row 2: "19x9" is not a year.' });
    expect(parseFavoritesCsv(enc('Title,Year\n"Unclosed,1979\n'))).toMatchObject({ error: expect.stringContaining("not valid CSV") });
    expect(parseFavoritesCsv(new Uint8Array([0x54, 0x69, 0xff, 0xfe]))).toMatchObject({ error: expect.stringContaining("UTF-8") });
    expect(parseFavoritesCsv(enc("Title\n" + "x\n".repeat(5001)))).toMatchObject({ error: expect.stringContaining("more than 5,000") });
    expect(parseFavoritesCsv(new Uint8Array(1024 * 1024 + 1).fill(65))).toEqual({ error: "This file is larger than 1 MB." });
  });

  it("turns control characters in titles (a NUL would break the database) into spaces", () => {
    const parsed = parseFavoritesCsv(new TextEncoder().encode("Title,Year\nThe\u0000God\u0007father,1972\n"));
    expect(parsed).toEqual({ rows: [{ title: "The God father", year: 1972 }] });
  });

  it("accepts a BOM, CRLF, quoted titles with commas, and no Year column", () => {
    const parsed = parseFavoritesCsv(new TextEncoder().encode('\uFEFFTitle\r\n"Crouching Tiger, Hidden Dragon"\r\n'));
    expect(parsed).toEqual({ rows: [{ title: "Crouching Tiger, Hidden Dragon", year: null }] });
  });
});
