import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getCatalogueCounts, getFeaturedMovies, getNewReleases } from "@/db/queries/movies";
import { countries, file_, genres, movie, movie_genres } from "@/db/schema";
import { openTestDatabase } from "../support/database";
import { countQueries } from "../support/query-counter";

const { db, sql: client } = openTestDatabase();

beforeAll(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  const [drama, crime] = await db.insert(genres).values([{ name: "Drama" }, { name: "Crime" }]).returning();
  const [it] = await db.insert(countries).values({ name: "Italy" }).returning();
  const [poster] = await db.insert(file_).values({ file_name: "p.webp", mime_type: "image/webp", file_key: "posterkey01.webp", file_url: "/files/posterkey01.webp" }).returning();
  const [hidden] = await db.insert(file_).values({ file_name: "h.webp", mime_type: "image/webp", file_key: "hiddenkey01.webp", file_url: "/files/hiddenkey01.webp", is_public: false }).returning();
  const films = await db
    .insert(movie)
    .values(
      Array.from({ length: 30 }, (_, i) => ({
        title: `Film ${String(i + 1).padStart(2, "0")}`,
        release_date: `${1950 + i}-06-01`,
        country_id: it.id,
        poster_id: i === 29 ? poster.id : i === 28 ? hidden.id : null,
      })),
    )
    .returning();
  await db.insert(movie_genres).values(films.flatMap((f) => [{ movie_id: f.id, genre_id: drama.id }, { movie_id: f.id, genre_id: crime.id }]));
});
afterAll(() => client.end({ timeout: 5 }));

describe("home page data", () => {
  it("lists the newest films first with their own genres and public posters only", async () => {
    const newest = await getNewReleases({ limit: 3 });
    expect(newest.map((m) => m.title)).toEqual(["Film 30", "Film 29", "Film 28"]);
    expect(newest[0]).toMatchObject({ year: 1979, genres: ["Crime", "Drama"], posterUrl: "/files/posterkey01.webp" });
    expect(newest[1].posterUrl).toBeNull(); // a private file is never used as a public poster
  });

  it("features only films with a public poster", async () => {
    const featured = await getFeaturedMovies({ limit: 10 });
    expect(featured.map((m) => m.title)).toEqual(["Film 30"]);
  });

  it("costs one statement per list whatever the number of films shown", async () => {
    const small = await countQueries(() => getNewReleases({ limit: 2 }));
    const large = await countQueries(() => getNewReleases({ limit: 30 }));
    expect(small.count).toBe(1);
    expect(large.count).toBe(1);
    expect(large.result).toHaveLength(30);
    const counts = await countQueries(() => getCatalogueCounts());
    expect(counts.count).toBe(1);
    expect(counts.result.movies).toBe(30);
  });
});

describe("featured films at scale", () => {
  it("picks the same films as hashing every candidate into an IN list did, looked up by primary key", async () => {
    // Ids now span more than limit * 50, so candidates are hashed from the date: compare with the statement this
    // replaced (a hash join over every film with a poster), run here as the reference.
    const [poster] = await db.select({ id: file_.id }).from(file_).where(sql`${file_.file_key} = 'posterkey01.webp'`);
    await db.execute(sql`insert into movie (title, poster_id) select 'Scale ' || n, case when n % 3 = 0 then null else ${poster.id}::int end from generate_series(1, 1200) n`);
    const reference = await db.execute<{ id: number }>(sql`
      select m.id from movie m
      where m.id in (
        select m2.id from movie m2 where (select max(id) - min(id) from movie) <= 300
        union
        select (b.lo + abs(hashtext(current_date::text || ':' || n)) % greatest(b.hi - b.lo + 1, 1))::int
        from (select min(id) as lo, max(id) as hi from movie) b, generate_series(1, 240) n
        where b.hi - b.lo > 300
      ) and exists (select 1 from file_ f where f.id = m.poster_id and f.is_public)
      order by md5(m.id::text || current_date::text) limit 6`);
    const { result, queries } = await countQueries(() => getFeaturedMovies({ limit: 6 }));
    expect(result.map((m) => m.id)).toEqual(reference.map((r) => r.id));
    expect(result).toHaveLength(6);
    expect(queries).toHaveLength(1);
  });
});
