import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getFilmography, getKnownFor, getPeople, getPeopleCountries, getPersonDetail } from "@/db/queries/people";
import { escapeLike } from "@/db/queries/toolkit";
import { character_, character_actors, countries, file_, genres, movie, movie_genres, person, person_photos } from "@/db/schema";
import { parseFilmographyParams, parsePeopleFilters, peopleHref } from "@/lib/validation/people-filters";
import { openTestDatabase } from "../support/database";
import { countQueries } from "../support/query-counter";

const { db, sql: client } = openTestDatabase();

type Ids = Record<string, number>;
const people: Ids = {};
const films: Ids = {};
const countryIds: Ids = {};

async function addFile(key: string, isPublic = true) {
  const [f] = await db
    .insert(file_)
    .values({ file_name: `${key}.webp`, mime_type: "image/webp", file_key: `${key}.webp`, file_url: `/files/${key}.webp`, is_public: isPublic })
    .returning({ id: file_.id });
  return f.id;
}

async function addCasting(personId: number, movieId: number, name: string, role = "lead") {
  const [c] = await db.insert(character_).values({ name, role, movie_id: movieId }).returning({ id: character_.id });
  await db.insert(character_actors).values({ character_id: c.id, person_id: personId });
  return c.id;
}

beforeAll(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  for (const name of ["United States", "Spain", "Italy", "France"]) {
    const [c] = await db.insert(countries).values({ name }).returning({ id: countries.id });
    countryIds[name] = c.id;
  }
  const brandoPhoto = await addFile("brando-main");
  const privateMain = await addFile("hidden-main", false);
  const rows: (typeof person.$inferInsert & { key: string })[] = [
    { key: "brando", first_name: "Marlon", last_name: "Brando", date_of_birth: "1924-04-03", country_id: countryIds["United States"], main_photo_id: brandoPhoto, biography: "Omaha-born actor." },
    { key: "coppola", first_name: "Francis Ford", last_name: "Coppola", date_of_birth: "1939-04-07", country_id: countryIds["United States"], main_photo_id: privateMain },
    { key: "cruz", first_name: "Penélope", last_name: "Cruz", date_of_birth: "1974-04-28", country_id: countryIds.Spain },
    { key: "almodovar", first_name: "Pedro", last_name: "Almodóvar", date_of_birth: "1949-09-25", country_id: countryIds.Spain },
    // Mononymous and without a birth date: sorts among the B-C names by its only name, and last by birth date.
    { key: "bono", first_name: "Bono", last_name: "" },
    { key: "underscore", first_name: "Under_score", last_name: "Zeta", date_of_birth: "1980-01-01", country_id: countryIds.France },
    { key: "percent", first_name: "Hundred", last_name: "Per%cent", date_of_birth: "1990-01-01", country_id: countryIds.France },
    { key: "prolific", first_name: "Prolific", last_name: "Player", date_of_birth: "1950-06-15", country_id: countryIds.Italy },
    { key: "busy", first_name: "Busy", last_name: "Bee", date_of_birth: "1960-01-01", country_id: countryIds.Italy },
  ];
  for (const { key, ...values } of rows) {
    const [p] = await db.insert(person).values(values).returning({ id: person.id });
    people[key] = p.id;
  }

  const [crime, drama] = await db.insert(genres).values([{ name: "Crime" }, { name: "Drama" }]).returning({ id: genres.id });
  const godfatherPoster = await addFile("godfather-poster");
  const hiddenPoster = await addFile("hidden-poster", false);
  const filmRows = [
    { key: "godfather", title: "The Godfather", release_date: "1972-03-14", director_id: people.coppola, poster_id: godfatherPoster },
    { key: "apocalypse", title: "Apocalypse Now", release_date: "1979-08-15", director_id: people.coppola, poster_id: hiddenPoster },
    { key: "volver", title: "Volver", release_date: "2006-03-17", director_id: people.almodovar },
    { key: "undated", title: "Undated Project", release_date: null, director_id: null },
  ];
  for (const { key, ...values } of filmRows) {
    const [m] = await db.insert(movie).values(values).returning({ id: movie.id });
    films[key] = m.id;
  }
  await db.insert(movie_genres).values([
    { movie_id: films.godfather, genre_id: crime.id },
    { movie_id: films.godfather, genre_id: drama.id },
    { movie_id: films.volver, genre_id: drama.id },
  ]);
  await addCasting(people.brando, films.godfather, "Vito Corleone");
  await addCasting(people.brando, films.apocalypse, "Colonel Walter E. Kurtz");
  await addCasting(people.cruz, films.volver, "Raimunda");
  await addCasting(people.underscore, films.undated, "Twin A", "minor");
  await addCasting(people.underscore, films.undated, "Twin B", "minor");
  await addCasting(people.underscore, films.volver, "Neighbour", "minor");

  // Gallery: two public photos and a private one for Brando.
  const g1 = await addFile("brando-1");
  const g2 = await addFile("brando-2");
  const gPrivate = await addFile("brando-private", false);
  await db.insert(person_photos).values([g1, g2, gPrivate].map((file_id) => ({ person_id: people.brando, file_id })));

  // 200 credits for one person and 2 for another, for the statement counts and the list cap.
  const many = await db
    .insert(movie)
    .values(Array.from({ length: 200 }, (_, i) => ({ title: `Busy Film ${String(i + 1).padStart(3, "0")}`, release_date: `${1900 + (i % 120)}-01-0${1 + (i % 9)}` })))
    .returning({ id: movie.id });
  const chars = await db
    .insert(character_)
    .values(many.map((m, i) => ({ name: `Role ${i + 1}`, role: "supporting", movie_id: m.id })))
    .returning({ id: character_.id });
  await db.insert(character_actors).values(chars.map((c) => ({ character_id: c.id, person_id: people.prolific })));
  const few = await db
    .insert(character_)
    .values(many.slice(0, 2).map((m, i) => ({ name: `Cameo ${i + 1}`, role: "minor", movie_id: m.id })))
    .returning({ id: character_.id });
  await db.insert(character_actors).values(few.map((c) => ({ character_id: c.id, person_id: people.busy })));
});
afterAll(() => client.end({ timeout: 5 }));

const names = (page: { people: { name: string }[] }) => page.people.map((p) => p.name);

describe("people search", () => {
  it("ignores accents and case: “penelope” and “PENÉLOPE” find Penélope Cruz", async () => {
    expect(names(await getPeople({ q: "penelope" }))).toEqual(["Penélope Cruz"]);
    expect(names(await getPeople({ q: "PENÉLOPE" }))).toEqual(["Penélope Cruz"]);
    expect(names(await getPeople({ q: "almodovar" }))).toEqual(["Pedro Almodóvar"]);
  });

  it("matches every word anywhere in the full name, in any order", async () => {
    expect(names(await getPeople({ q: "coppola francis" }))).toEqual(["Francis Ford Coppola"]);
    expect(names(await getPeople({ q: "ford" }))).toEqual(["Francis Ford Coppola"]);
    expect(names(await getPeople({ q: "marlon cruz" }))).toEqual([]);
  });

  it("treats LIKE wildcards as characters", async () => {
    expect(escapeLike("50%_\\")).toBe("50\\%\\_\\\\");
    expect(names(await getPeople({ q: "_" }))).toEqual(["Under_score Zeta"]);
    expect(names(await getPeople({ q: "%" }))).toEqual(["Hundred Per%cent"]);
    expect((await getPeople({ q: "zzz" })).total).toBe(0);
  });
});

describe("people filters", () => {
  it("filters by country", async () => {
    const page = await getPeople({ countryId: countryIds["United States"] });
    expect(names(page)).toEqual(["Marlon Brando", "Francis Ford Coppola"]);
    expect(page.total).toBe(2);
  });

  it("filters actors (at least one casting) and directors (at least one film directed)", async () => {
    expect(names(await getPeople({ role: "actors" }))).toEqual(["Busy Bee", "Marlon Brando", "Penélope Cruz", "Prolific Player", "Under_score Zeta"]);
    expect(names(await getPeople({ role: "directors" }))).toEqual(["Pedro Almodóvar", "Francis Ford Coppola"]);
    expect(names(await getPeople({ role: "directors", countryId: countryIds.Spain }))).toEqual(["Pedro Almodóvar"]);
    expect(names(await getPeople({ role: "actors", q: "co" }))).toEqual(["Under_score Zeta"]);
  });

  it("flags actors and directors and gives the country for the card's detail line", async () => {
    const [coppola] = (await getPeople({ q: "coppola" })).people;
    expect(coppola).toMatchObject({ isDirector: true, isActor: false, countryName: "United States", photoUrl: null });
    const [brando] = (await getPeople({ q: "brando" })).people;
    expect(brando).toMatchObject({ isDirector: false, isActor: true, photoUrl: "/files/brando-main.webp", birthDate: "1924-04-03" });
  });

  it("lists the countries people come from, for the filter", async () => {
    expect((await getPeopleCountries()).map((c) => c.name)).toEqual(["France", "Italy", "Spain", "United States"]);
  });
});

describe("people sorting", () => {
  const all = ["Pedro Almodóvar", "Busy Bee", "Bono", "Marlon Brando", "Francis Ford Coppola", "Penélope Cruz", "Hundred Per%cent", "Prolific Player", "Under_score Zeta"];

  it("sorts by last name, mononymous people by their only name, in both directions", async () => {
    expect(names(await getPeople({ sort: "name" }))).toEqual(all);
    expect(names(await getPeople({ sort: "name-desc" }))).toEqual([...all].reverse());
  });

  it("sorts by birth date either way, people without one last", async () => {
    expect(names(await getPeople({ sort: "born" }))).toEqual([
      "Marlon Brando", "Francis Ford Coppola", "Pedro Almodóvar", "Prolific Player", "Busy Bee", "Penélope Cruz", "Under_score Zeta", "Hundred Per%cent", "Bono",
    ]);
    expect(names(await getPeople({ sort: "born-desc" }))).toEqual([
      "Hundred Per%cent", "Under_score Zeta", "Penélope Cruz", "Busy Bee", "Prolific Player", "Pedro Almodóvar", "Francis Ford Coppola", "Marlon Brando", "Bono",
    ]);
  });
});

describe("people pagination", () => {
  it("pages through everyone exactly once with the total and page count, whatever the sort", async () => {
    for (const sort of ["name", "name-desc", "born", "born-desc"] as const) {
      const first = await getPeople({ sort, page: 1, pageSize: 4 });
      expect(first).toMatchObject({ total: 9, page: 1, pageCount: 3, totalIsCapped: false });
      const seen = [...names(first)];
      for (let page = 2; page <= 3; page++) seen.push(...names(await getPeople({ sort, page, pageSize: 4 })));
      expect(seen).toEqual(names(await getPeople({ sort, pageSize: 50 })));
    }
  });

  it("gives the last page for a page past the end, and one empty page when nothing matches", async () => {
    const past = await getPeople({ page: 99_999_999, pageSize: 4 });
    expect(past).toMatchObject({ page: 3, pageCount: 3 });
    expect(names(past)).toEqual(["Under_score Zeta"]);
    expect(await getPeople({ q: "nobody at all", page: 5 })).toMatchObject({ people: [], total: 0, page: 1, pageCount: 1 });
  });

  it("keeps pages stable among people with the same name and birth date (ties broken by id)", async () => {
    const twins = await db
      .insert(person)
      .values(Array.from({ length: 30 }, () => ({ first_name: "Twin", last_name: "Same", date_of_birth: "1970-01-01" })))
      .returning({ id: person.id });
    try {
      for (const sort of ["name", "born-desc"] as const) {
        const pages = [];
        for (let page = 1; page <= 4; page++) pages.push(...(await getPeople({ q: "twin same", sort, page, pageSize: 8 })).people.map((p) => p.id));
        expect(new Set(pages).size).toBe(30);
      }
    } finally {
      await db.execute(sql`delete from person where id in ${sql.raw(`(${twins.map((t) => t.id).join(",")})`)}`);
    }
  });

  it("costs two statements whatever the page size", async () => {
    const small = await countQueries(() => getPeople({ pageSize: 2 }));
    const large = await countQueries(() => getPeople({ pageSize: 200, role: "actors", q: "e", sort: "born" }));
    expect(small.count).toBe(2);
    expect(large.count).toBe(2);
  });
});

describe("person detail", () => {
  it("returns the person with country, public main photo and only public gallery photos", async () => {
    const brando = await getPersonDetail(people.brando);
    expect(brando).toMatchObject({ name: "Marlon Brando", birthDate: "1924-04-03", countryName: "United States", photoUrl: "/files/brando-main.webp", biography: "Omaha-born actor." });
    expect(brando!.photos.map((p) => p.url)).toEqual(["/files/brando-1.webp", "/files/brando-2.webp"]);
    // A private main photo is never shown.
    expect((await getPersonDetail(people.coppola))!.photoUrl).toBeNull();
    expect(await getPersonDetail(2_000_000_000)).toBeNull();
  });

  it("trims the display name of mononymous people", async () => {
    expect((await getPersonDetail(people.bono))!.name).toBe("Bono");
  });
});

describe("filmography", () => {
  it("splits directing and acting with counts, characters and public posters only", async () => {
    const coppola = await getFilmography(people.coppola, "desc");
    expect(coppola.directingTotal).toBe(2);
    expect(coppola.actingTotal).toBe(0);
    expect(coppola.directing.map((f) => [f.title, f.year])).toEqual([["Apocalypse Now", 1979], ["The Godfather", 1972]]);
    expect(coppola.directing.map((f) => f.posterUrl)).toEqual([null, "/files/godfather-poster.webp"]);

    const brando = await getFilmography(people.brando, "desc");
    expect(brando).toMatchObject({ directingTotal: 0, actingTotal: 2 });
    expect(brando.acting.map((f) => [f.title, f.characters.map((c) => c.name)])).toEqual([
      ["Apocalypse Now", ["Colonel Walter E. Kurtz"]],
      ["The Godfather", ["Vito Corleone"]],
    ]);
  });

  it("sorts by year either way with undated films last, one row per film with every character", async () => {
    const desc = await getFilmography(people.underscore, "desc");
    const asc = await getFilmography(people.underscore, "asc");
    expect(desc.acting.map((f) => f.title)).toEqual(["Volver", "Undated Project"]);
    expect(asc.acting.map((f) => f.title)).toEqual(["Volver", "Undated Project"]);
    expect(desc.acting[1].characters.map((c) => c.name)).toEqual(["Twin A", "Twin B"]);
    expect(desc.actingTotal).toBe(2);

    const brandoAsc = await getFilmography(people.brando, "asc");
    expect(brandoAsc.acting.map((f) => f.title)).toEqual(["The Godfather", "Apocalypse Now"]);
  });

  it("caps the list but always counts every film", async () => {
    const capped = await getFilmography(people.prolific, "asc", { limit: 50 });
    expect(capped.acting).toHaveLength(50);
    expect(capped.actingTotal).toBe(200);
    expect(capped.acting[0].year).toBe(1900);
    const all = await getFilmography(people.prolific, "asc", { limit: 5000 });
    expect(all.acting).toHaveLength(200);
  });

  it("costs the same number of statements for 2 or 200 credits", async () => {
    const few = await countQueries(() => Promise.all([getPersonDetail(people.busy), getFilmography(people.busy, "desc"), getKnownFor(people.busy)]));
    const many = await countQueries(() => Promise.all([getPersonDetail(people.prolific), getFilmography(people.prolific, "desc", { limit: 5000 }), getKnownFor(people.prolific)]));
    expect(few.result[1].actingTotal).toBe(2);
    expect(many.result[1].acting).toHaveLength(200);
    expect(few.count).toBe(4);
    expect(many.count).toBe(few.count);
  });

  it("picks known-for films as movie cards, directing and lead roles first", async () => {
    const known = await getKnownFor(people.underscore, { limit: 4 });
    expect(known.map((m) => m.title)).toEqual(["Volver", "Undated Project"]);
    expect(known[0]).toMatchObject({ year: 2006, genres: ["Drama"], characters: ["Neighbour"], directed: false });
    // Both characters of a film with two parts, in cast order.
    expect(known[1]).toMatchObject({ characters: ["Twin A", "Twin B"], directed: false });
    const coppola = await getKnownFor(people.coppola);
    expect(coppola.map((m) => m.title)).toEqual(["Apocalypse Now", "The Godfather"]);
    expect(coppola[1]).toMatchObject({ genres: ["Crime", "Drama"], posterUrl: "/files/godfather-poster.webp", characters: [], directed: true });
    const brando = await getKnownFor(people.brando);
    expect(brando.map((m) => [m.title, m.characters, m.directed])).toEqual([
      ["Apocalypse Now", ["Colonel Walter E. Kurtz"], false],
      ["The Godfather", ["Vito Corleone"], false],
    ]);
  });
});

describe("people query parameters", () => {
  it("keeps valid values", () => {
    const { filters, notices } = parsePeopleFilters({ q: "  Penélope   Cruz ", country: "3", role: "directors", sort: "born-desc", page: "2" });
    expect(filters).toEqual({ q: "Penélope Cruz", country: 3, role: "directors", sort: "born-desc", page: 2 });
    expect(notices).toEqual([]);
  });

  it("ignores garbage and says so, never throws", () => {
    const { filters, notices } = parsePeopleFilters({ page: "-1", country: "abc", role: "<script>", sort: "name; drop table person", q: ["a\u0000b", "second"] });
    expect(filters).toEqual({ q: "a b", country: null, role: null, sort: "name", page: 1 });
    expect(notices).toHaveLength(4);
    expect(parsePeopleFilters({ page: "1.5" }).filters.page).toBe(1);
    expect(parsePeopleFilters({ country: "99999999999" }).filters.country).toBeNull();
    expect(parsePeopleFilters({ q: "", country: "", role: "" })).toEqual({ filters: { q: "", country: null, role: null, sort: "name", page: 1 }, notices: [] });
  });

  it("shortens a very long search and says so", () => {
    const { filters, notices } = parsePeopleFilters({ q: "x".repeat(10_000) });
    expect(filters.q).toHaveLength(100);
    expect(notices[0]).toMatch(/shortened/);
  });

  it("builds short URLs without defaults", () => {
    expect(peopleHref({ q: "a b", sort: "name", page: 1 })).toBe("/people?q=a+b");
    expect(peopleHref({ country: 4, role: "actors", sort: "born", page: 3 })).toBe("/people?country=4&role=actors&sort=born&page=3");
  });

  it("reads the filmography order and length", () => {
    expect(parseFilmographyParams({})).toEqual({ sort: "desc", all: false });
    expect(parseFilmographyParams({ sort: "asc", all: "1" })).toEqual({ sort: "asc", all: true });
    expect(parseFilmographyParams({ sort: "sideways", all: "yes" })).toEqual({ sort: "desc", all: false });
  });
});
