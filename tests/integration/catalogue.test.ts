import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getFilterOptions, getMovies, type CatalogueQuery } from "@/db/queries/catalogue";
import { escapeLike } from "@/db/queries/toolkit";
import { countries, file_, genres, movie, movie_genres } from "@/db/schema";
import { openTestDatabase } from "../support/database";
import { countQueries } from "../support/query-counter";

const { db, sql: client } = openTestDatabase();

type Film = {
  title: string;
  release?: string;
  runtime?: number;
  budget?: number;
  country?: "US" | "IT" | "FR";
  genres: ("Drama" | "Crime" | "Comedy" | "Romance")[];
  poster?: "public" | "private";
};

// Inserted in this order, so ids follow it (ties in a sort are broken by id).
const FILMS: Film[] = [
  { title: "The Godfather", release: "1972-03-24", runtime: 175, budget: 6_000_000, country: "US", genres: ["Crime", "Drama"], poster: "public" },
  { title: "Amélie", release: "2001-04-25", runtime: 122, budget: 10_000_000, country: "FR", genres: ["Comedy", "Romance"], poster: "private" },
  { title: "La Dolce Vita", release: "1960-02-05", runtime: 174, country: "IT", genres: ["Drama", "Comedy"] },
  { title: "Goodfellas", release: "1990-09-19", runtime: 146, budget: 25_000_000, country: "US", genres: ["Crime", "Drama"] },
  { title: "M", release: "1931-05-11", runtime: 117, budget: 200_000, genres: ["Crime"] },
  { title: "Up", release: "2009-05-29", runtime: 96, budget: 175_000_000, country: "US", genres: ["Comedy"] },
  { title: "100% Pure_Luck", release: "1995-01-01", runtime: 90, country: "US", genres: ["Comedy"] },
  { title: "Undated Film", country: "IT", genres: ["Drama"] },
  { title: "Another Undated", runtime: 80, country: "IT", genres: ["Drama"] },
  { title: "Mad Max", release: "1979-04-12", runtime: 88, budget: 350_000, country: "US", genres: ["Drama"] },
  { title: "Twin Release", release: "1972-03-24", runtime: 175, budget: 6_000_000, country: "US", genres: ["Drama"] },
  { title: "Crème Ünïcödé", release: "1990-12-31", runtime: 120, country: "FR", genres: ["Romance"] },
];
const TOTAL = FILMS.length;

const titles = async (query: CatalogueQuery) => (await getMovies({ pageSize: 100, ...query })).movies.map((m) => m.title);
const sorted = (pick: (f: Film) => string | number | undefined, dir: "asc" | "desc", filter: (f: Film) => boolean = () => true) => {
  const withIds = FILMS.map((f, i) => ({ f, id: i + 1 })).filter(({ f }) => filter(f));
  const present = withIds.filter(({ f }) => pick(f) !== undefined);
  const missing = withIds.filter(({ f }) => pick(f) === undefined);
  const sign = dir === "asc" ? 1 : -1;
  present.sort((a, b) => {
    const x = pick(a.f)!;
    const y = pick(b.f)!;
    return x < y ? -sign : x > y ? sign : sign * (a.id - b.id);
  });
  missing.sort((a, b) => sign * (a.id - b.id));
  return [...present, ...missing].map(({ f }) => f.title);
};

beforeAll(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  const genreRows = await db.insert(genres).values([{ name: "Drama" }, { name: "Crime" }, { name: "Comedy" }, { name: "Romance" }, { name: "Horror" }]).returning();
  const countryRows = await db.insert(countries).values([{ name: "United States" }, { name: "Italy" }, { name: "France" }, { name: "Japan" }]).returning();
  const countryId = { US: countryRows[0].id, IT: countryRows[1].id, FR: countryRows[2].id };
  const genreId = Object.fromEntries(genreRows.map((g) => [g.name, g.id]));
  const [publicPoster, privatePoster] = await db
    .insert(file_)
    .values([
      { file_name: "a.webp", mime_type: "image/webp", file_key: "cataloguepublic.webp", file_url: "/files/cataloguepublic.webp" },
      { file_name: "b.webp", mime_type: "image/webp", file_key: "catalogueprivate.webp", file_url: "/files/catalogueprivate.webp", is_public: false },
    ])
    .returning();
  for (const f of FILMS) {
    const [row] = await db
      .insert(movie)
      .values({
        title: f.title,
        release_date: f.release ?? null,
        duration: f.runtime ?? null,
        budget: f.budget === undefined ? null : String(f.budget),
        country_id: f.country ? countryId[f.country] : null,
        poster_id: f.poster === "public" ? publicPoster.id : f.poster === "private" ? privatePoster.id : null,
      })
      .returning();
    await db.insert(movie_genres).values(f.genres.map((g) => ({ movie_id: row.id, genre_id: genreId[g] })));
  }
});
afterAll(() => client.end({ timeout: 5 }));

async function ids() {
  const options = await getFilterOptions();
  const genre = (name: string) => options.genres.find((g) => g.name === name)!.id;
  const country = (name: string) => options.countries.find((c) => c.name === name)!.id;
  return { genre, country };
}

describe("getMovies: the catalogue page", () => {
  it("lists every film, newest first, films without a date last, with card data", async () => {
    const page = await getMovies({});
    expect(page.total).toBe(TOTAL);
    expect(page.page).toBe(1);
    expect(page.pageCount).toBe(1);
    expect(page.movies.map((m) => m.title)).toEqual(sorted((f) => f.release, "desc"));
    const godfather = page.movies.find((m) => m.title === "The Godfather")!;
    expect(godfather).toEqual({ id: 1, title: "The Godfather", year: 1972, posterUrl: "/files/cataloguepublic.webp", genres: ["Crime", "Drama"] });
    // A private file is never a public poster.
    expect(page.movies.find((m) => m.title === "Amélie")!.posterUrl).toBeNull();
    expect(page.movies.find((m) => m.title === "Undated Film")!.year).toBeNull();
  });

  it("breaks ties by id in the sort's direction", async () => {
    const desc = await titles({ sort: "release", dir: "desc" });
    expect(desc.indexOf("Twin Release")).toBe(desc.indexOf("The Godfather") - 1);
    const asc = await titles({ sort: "release", dir: "asc" });
    expect(asc.indexOf("The Godfather")).toBe(asc.indexOf("Twin Release") - 1);
  });

  it("filters by one genre", async () => {
    const { genre } = await ids();
    expect(await titles({ genreIds: [genre("Crime")] })).toEqual(["Goodfellas", "The Godfather", "M"]);
  });

  it("requires every selected genre (all, not any)", async () => {
    const { genre } = await ids();
    expect(await titles({ genreIds: [genre("Crime"), genre("Drama")] })).toEqual(["Goodfellas", "The Godfather"]);
    expect(await titles({ genreIds: [genre("Comedy"), genre("Romance")] })).toEqual(["Amélie"]);
    expect((await getMovies({ genreIds: [genre("Crime"), genre("Romance")] })).total).toBe(0);
  });

  it("filters by country", async () => {
    const { country } = await ids();
    // Undated films come last, the newest record (highest id) first.
    expect(await titles({ countryId: country("Italy") })).toEqual(["La Dolce Vita", "Another Undated", "Undated Film"]);
    expect(await titles({ countryId: country("France"), sort: "title", dir: "asc" })).toEqual(["Amélie", "Crème Ünïcödé"]);
  });

  it("filters by release years, both ends inclusive", async () => {
    expect(await titles({ yearFrom: 1972, yearTo: 1990, sort: "release", dir: "asc" })).toEqual([
      "The Godfather",
      "Twin Release",
      "Mad Max",
      "Goodfellas",
      "Crème Ünïcödé", // December 31 of the last year
    ]);
    expect(await titles({ yearFrom: 2001 })).toEqual(["Up", "Amélie"]);
    expect(await titles({ yearTo: 1960 })).toEqual(["La Dolce Vita", "M"]);
  });

  it("filters by runtime in minutes, both ends inclusive", async () => {
    expect(await titles({ runtimeMin: 146, runtimeMax: 174, sort: "runtime", dir: "asc" })).toEqual(["Goodfellas", "La Dolce Vita"]);
    expect(await titles({ runtimeMax: 88, sort: "runtime", dir: "desc" })).toEqual(["Mad Max", "Another Undated"]);
    expect(await titles({ runtimeMin: 175 })).toEqual(["Twin Release", "The Godfather"]);
  });

  it("finds titles by text, ignoring case and accents", async () => {
    expect(await titles({ q: "amelie" })).toEqual(["Amélie"]);
    expect(await titles({ q: "AMÉLIE" })).toEqual(["Amélie"]);
    expect(await titles({ q: "godf" })).toEqual(["The Godfather"]);
    expect(await titles({ q: "creme unicode" })).toEqual(["Crème Ünïcödé"]);
    expect(await titles({ q: "fellas" })).toEqual(["Goodfellas"]);
  });

  it("matches one or two characters at the start of a word only", async () => {
    expect(await titles({ q: "m", sort: "title", dir: "asc" })).toEqual(["M", "Mad Max"]);
    expect(await titles({ q: "Up" })).toEqual(["Up"]);
    expect(await titles({ q: "am" })).toEqual(["Amélie"]);
  });

  it("takes LIKE wildcards in the text literally", async () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
    expect(await titles({ q: "100% pure_luck" })).toEqual(["100% Pure_Luck"]);
    // Unescaped, "e%v" would match "La Dolce Vita" and "a_d" "La Dolce Vita"; literally, nothing has them.
    expect(await titles({ q: "e%v" })).toEqual([]);
    expect(await titles({ q: "a_d" })).toEqual([]);
    expect(await titles({ q: "%" })).toEqual([]);
  });

  it("combines filters", async () => {
    const { genre, country } = await ids();
    expect(
      await titles({ genreIds: [genre("Drama")], countryId: country("United States"), yearFrom: 1970, yearTo: 1980, runtimeMin: 100, sort: "title", dir: "asc" }),
    ).toEqual(["The Godfather", "Twin Release"]);
  });

  it.each([
    ["title", (f: Film) => f.title],
    ["release", (f: Film) => f.release],
    ["runtime", (f: Film) => f.runtime],
    ["budget", (f: Film) => f.budget],
  ] as const)("sorts by %s both ways, films without a value last either way", async (sort, pick) => {
    for (const dir of ["asc", "desc"] as const) {
      expect(await titles({ sort, dir })).toEqual(sorted(pick, dir));
    }
  });

  it("lists genre filters sorted by release (read from genre_films) exactly as the films say, with totals and pages", async () => {
    const { genre, country } = await ids();
    const genreSets: Film["genres"][] = [["Drama"], ["Crime"], ["Comedy"], ["Drama", "Crime"], ["Comedy", "Drama"]];
    const countriesTried: (Film["country"] | null)[] = [null, "US", "IT"];
    const names = { US: "United States", IT: "Italy", FR: "France" } as const;
    for (const set of genreSets) {
      for (const c of countriesTried) {
        for (const years of [null, { from: 1970, to: 1995 }]) {
          const match = (f: Film) =>
            set.every((g) => f.genres.includes(g)) &&
            (c === null || f.country === c) &&
            (years === null || (f.release !== undefined && Number(f.release.slice(0, 4)) >= years.from && Number(f.release.slice(0, 4)) <= years.to));
          const query: CatalogueQuery = {
            genreIds: set.map(genre),
            countryId: c === null ? null : country(names[c as keyof typeof names]),
            yearFrom: years?.from ?? null,
            yearTo: years?.to ?? null,
            sort: "release",
          };
          for (const dir of ["asc", "desc"] as const) {
            const expected = sorted((f) => f.release, dir, match);
            const all = await getMovies({ ...query, dir, pageSize: 100 });
            expect(all.movies.map((m) => m.title), JSON.stringify({ set, c, years, dir })).toEqual(expected);
            expect(all.total).toBe(expected.length);
            // Page 2 of one film per page (or the last page, when there is no second film).
            const second = await getMovies({ ...query, dir, pageSize: 1, page: 2 });
            expect(second.movies.map((m) => m.title)).toEqual(expected.length >= 2 ? expected.slice(1, 2) : expected.slice(0, 1));
          }
        }
      }
    }
  });

  it("sorts a filtered list with nulls last and paginates it", async () => {
    const { country } = await ids();
    const italy = (f: Film) => f.country === "IT";
    expect(await titles({ countryId: country("Italy"), sort: "runtime", dir: "asc" })).toEqual(sorted((f) => f.runtime, "asc", italy));
    const page2 = await getMovies({ countryId: country("Italy"), sort: "runtime", dir: "asc", pageSize: 2, page: 2 });
    expect(page2).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(page2.movies.map((m) => m.title)).toEqual(["Undated Film"]);
  });

  it("paginates with a total and a page count; pages join up without gaps or repeats", async () => {
    const all = sorted((f) => f.release, "desc");
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const result = await getMovies({ pageSize: 5, page });
      expect(result).toMatchObject({ total: TOTAL, page, pageCount: 3 });
      seen.push(...result.movies.map((m) => m.title));
    }
    expect(seen).toEqual(all);
  });

  it("shows the last page for a page beyond it, and page 1 for nonsense", async () => {
    const beyond = await getMovies({ pageSize: 5, page: 99_999_999 });
    expect(beyond).toMatchObject({ page: 3, pageCount: 3, total: TOTAL });
    expect(beyond.movies.map((m) => m.title)).toEqual(sorted((f) => f.release, "desc").slice(10));
    for (const page of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const result = await getMovies({ pageSize: 5, page });
      expect(result.page).toBe(1);
      expect(result.movies).toHaveLength(5);
    }
  });

  it("answers an empty result with page 1 of 1", async () => {
    const none = await getMovies({ q: "no such film anywhere", page: 4 });
    expect(none).toEqual({ movies: [], total: 0, page: 1, pageCount: 1 });
  });

  it("ignores garbage it is handed instead of failing", async () => {
    const garbage = await getMovies({
      genreIds: [0, -1, 1.5, Number.NaN, 2 ** 40],
      countryId: Number.NaN,
      yearFrom: Number.NaN,
      runtimeMax: Number.POSITIVE_INFINITY,
      sort: "constructor" as never,
      dir: "sideways" as never,
      pageSize: -3,
    });
    expect(garbage.total).toBe(TOTAL);
    expect(garbage.movies[0].title).toBe(sorted((f) => f.release, "desc")[0]);
    expect(garbage.movies).toHaveLength(1); // page size clamped to at least 1

    for (const q of ["'; drop table movie; --", "<script>alert(1)</script>", "\u0000nul\u0000", "x".repeat(10_000), "\\", "\ufffd\ufffd"]) {
      const result = await getMovies({ q });
      expect(result.total).toBe(0);
    }
    expect((await getMovies({})).total).toBe(TOTAL); // still all there
    // An unknown genre or country simply matches nothing.
    expect((await getMovies({ genreIds: [999_999] })).total).toBe(0);
    expect((await getMovies({ countryId: 999_999 })).total).toBe(0);
  });

  it("costs two statements whatever the page size, three when the page is beyond the last", async () => {
    const { genre } = await ids();
    for (const pageSize of [1, 5, 100]) {
      const { count, result } = await countQueries(() => getMovies({ genreIds: [genre("Drama"), genre("Crime")], q: "go", pageSize }));
      expect(count).toBe(2);
      expect(result.movies.length).toBe(Math.min(pageSize, 2));
    }
    const all = await countQueries(() => getMovies({ pageSize: 100 }));
    expect(all.count).toBe(2);
    expect(all.result.movies).toHaveLength(TOTAL);
    const beyond = await countQueries(() => getMovies({ pageSize: 5, page: 40 }));
    expect(beyond.count).toBe(3);
    expect(beyond.result.movies.length).toBeGreaterThan(0);
  });
});

describe("getFilterOptions: the choices of the filter form", () => {
  it("lists genres and countries that have films, with their counts, in name order", async () => {
    const options = await getFilterOptions();
    expect(options.genres.map(({ name, count }) => [name, count])).toEqual([
      ["Comedy", 4],
      ["Crime", 3],
      ["Drama", 7],
      ["Romance", 2],
    ]);
    expect(options.countries.map(({ name, count }) => [name, count])).toEqual([
      ["France", 2],
      ["Italy", 3],
      ["United States", 6],
    ]);
    expect(options.years).toEqual({ min: 1931, max: 2009 });
    expect(options.runtimes).toEqual({ min: 80, max: 175 });
  });

  it("costs one statement", async () => {
    const { count, result } = await countQueries(() => getFilterOptions());
    expect(count).toBe(1);
    expect(result.genres.length).toBeGreaterThan(0);
  });
});
