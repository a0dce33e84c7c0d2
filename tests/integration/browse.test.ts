import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCountrySummaries, getGenreSummaries, getPopularPeople } from "@/db/queries/browse";
import { getSitemapChunk, getSitemapCounts } from "@/db/queries/sitemap";
import { character_, character_actors, countries, file_, genres, movie, movie_genres, person } from "@/db/schema";
import { openTestDatabase } from "../support/database";
import { countQueries } from "../support/query-counter";

const { db, sql: client } = openTestDatabase();

beforeAll(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  const [fr, jp, nz] = await db.insert(countries).values([{ name: "France" }, { name: "Japan" }, { name: "New Zealand" }]).returning();
  const [drama, comedy, western] = await db.insert(genres).values([{ name: "Drama" }, { name: "Comedy" }, { name: "Western" }]).returning();
  const [poster] = await db.insert(file_).values({ file_name: "p.webp", mime_type: "image/webp", file_key: "posterbrowse1.webp", file_url: "/files/posterbrowse1.webp" }).returning();
  const [star, director, extra] = await db
    .insert(person)
    .values([
      { first_name: "Isabelle", last_name: "Huppert", country_id: fr.id },
      { first_name: "Hirokazu", last_name: "Kore-eda", country_id: jp.id },
      { first_name: "Taika", last_name: "Waititi", country_id: nz.id },
    ])
    .returning();
  const films = await db
    .insert(movie)
    .values([
      { title: "Old", release_date: "1990-01-01", country_id: fr.id, director_id: director.id },
      { title: "Newer", release_date: "2010-01-01", country_id: fr.id, director_id: director.id, poster_id: poster.id },
      { title: "Newest", release_date: "2020-01-01", country_id: jp.id, director_id: director.id },
    ])
    .returning();
  await db.insert(movie_genres).values([
    { movie_id: films[0].id, genre_id: drama.id },
    { movie_id: films[1].id, genre_id: drama.id },
    { movie_id: films[2].id, genre_id: drama.id },
    { movie_id: films[2].id, genre_id: comedy.id },
  ]);
  for (const f of films) {
    const [c] = await db.insert(character_).values({ name: `Lead of ${f.title}`, movie_id: f.id }).returning();
    await db.insert(character_actors).values({ character_id: c.id, person_id: star.id });
  }
  const [cameo] = await db.insert(character_).values({ name: "Cameo", movie_id: films[0].id }).returning();
  await db.insert(character_actors).values({ character_id: cameo.id, person_id: extra.id });
  void western;
});
afterAll(() => client.end({ timeout: 5 }));

describe("genres index", () => {
  it("counts films per genre, leaves out genres without films and shows the newest film's poster", async () => {
    const { result, count } = await countQueries(() => getGenreSummaries());
    expect(count).toBe(1);
    // Western has no film: listing it would open an empty catalogue.
    expect(result.map((g) => [g.name, g.films])).toEqual([["Comedy", 1], ["Drama", 3]]);
    // The newest Drama with a public poster is "Newer"; Comedy's only film has none.
    expect(result.find((g) => g.name === "Drama")!.posterUrl).toBe("/files/posterbrowse1.webp");
    expect(result.find((g) => g.name === "Comedy")!.posterUrl).toBeNull();
  });
});

describe("countries index", () => {
  it("counts films and people per country", async () => {
    const rows = await getCountrySummaries();
    expect(rows.map((c) => [c.name, c.films, c.people])).toEqual([["France", 2, 1], ["Japan", 1, 1], ["New Zealand", 0, 1]]);
  });
});

describe("popular people", () => {
  it("ranks people by credits in the most recent films, directing included", async () => {
    const people = await getPopularPeople({ limit: 2 });
    // Tied on credits: the older record first, so the order is stable across requests and instances.
    expect(people.map((p) => [p.name, p.credits])).toEqual([["Isabelle Huppert", 3], ["Hirokazu Kore-eda", 3]]);
  });

  it("only counts the recent window", async () => {
    const people = await getPopularPeople({ limit: 5, window: 1 });
    expect(people.map((p) => p.name).sort()).toEqual(["Hirokazu Kore-eda", "Isabelle Huppert"]);
  });
});

describe("sitemaps", () => {
  it("count every kind and list a chunk in id order", async () => {
    expect(await getSitemapCounts()).toEqual({ movies: 3, people: 3, characters: 4 });
    const chunk = await getSitemapChunk("movies", 0);
    expect(chunk.map((e) => e.name)).toEqual(["Old", "Newer", "Newest"]);
    expect(await getSitemapChunk("movies", 1)).toEqual([]);
  });
});
