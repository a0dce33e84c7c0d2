import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addFavorite, favoriteIdsAmong, getFavoritesForExport, importFavorites, removeFavorite } from "@/db/queries/favorites";
import { movie, user_ } from "@/db/schema";
import { parseFavoritesCsv } from "@/lib/favorites-csv";
import { openTestDatabase } from "../support/database";

const { db, sql: client } = openTestDatabase();
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
    expect(result).toMatchObject({ added: 2, alreadyThere: 0, unmatched: [{ title: "Nope Film", year: 1999 }] });
    expect([...(await favoriteIdsAmong(bob, Object.values(films)))].sort()).toEqual([films.amelie, films.solaris72].sort());
    const again = await importFavorites(bob, parsed.rows);
    expect(again).toMatchObject({ added: 0, alreadyThere: 2 });
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

  it("accepts a BOM, CRLF, quoted titles with commas, and no Year column", () => {
    const parsed = parseFavoritesCsv(new TextEncoder().encode('\uFEFFTitle\r\n"Crouching Tiger, Hidden Dragon"\r\n'));
    expect(parsed).toEqual({ rows: [{ title: "Crouching Tiger, Hidden Dragon", year: null }] });
  });
});
