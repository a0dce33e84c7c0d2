import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { searchCatalogue, suggestCatalogue } from "@/db/queries/search";
import { character_, character_actors, file_, genres, movie, movie_genres, person } from "@/db/schema";
import { normalizeSearchText, parseSearchQuery, SEARCH_QUERY_MAX_LENGTH } from "@/lib/validation/search";
import { openTestDatabase } from "../support/database";
import { countQueries } from "../support/query-counter";

const { db, sql: client } = openTestDatabase();

const ids: Record<string, number> = {};

beforeAll(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  const [crime, drama, scifi] = await db.insert(genres).values([{ name: "Crime" }, { name: "Drama" }, { name: "Science Fiction" }]).returning();
  const [poster, privatePhoto, photo] = await db
    .insert(file_)
    .values([
      { file_name: "g.webp", mime_type: "image/webp", file_key: "godfatherposter.webp", file_url: "/files/godfatherposter.webp" },
      { file_name: "p.webp", mime_type: "image/webp", file_key: "privatephoto01.webp", file_url: "/files/privatephoto01.webp", is_public: false },
      { file_name: "b.webp", mime_type: "image/webp", file_key: "brandophoto001.webp", file_url: "/files/brandophoto001.webp" },
    ])
    .returning();
  const people = await db
    .insert(person)
    .values([
      { first_name: "Marlon", last_name: "Brando", main_photo_id: photo.id },
      { first_name: "Brandon", last_name: "Lee", main_photo_id: privatePhoto.id },
      { first_name: "Al", last_name: "Pacino" },
      { first_name: "Robert", last_name: "De Niro" },
      { first_name: "Francis Ford", last_name: "Coppola" },
      { first_name: "Audrey", last_name: "Tautou" },
      { first_name: "Orson", last_name: "Welles" },
      { first_name: "Buddy", last_name: "Swan" },
      { first_name: "Harry", last_name: "Shannon" },
      { first_name: "Peter", last_name: "" },
      { first_name: "Carol", last_name: "Kane" },
      { first_name: "Diane", last_name: "Keaton" },
      { first_name: "Gunnar", last_name: "Stark" },
    ])
    .returning();
  for (const p of people) ids[`${p.first_name} ${p.last_name}`.trim()] = p.id;
  const films = await db
    .insert(movie)
    .values([
      { title: "The Godfather", release_date: "1972-03-24", director_id: ids["Francis Ford Coppola"], poster_id: poster.id },
      { title: "The Godfather Part II", release_date: "1974-12-20", director_id: ids["Francis Ford Coppola"] },
      { title: "Amélie", release_date: "2001-04-25" },
      { title: "Aliens", release_date: "1986-07-18" },
      { title: "Alien: Resurrection", release_date: "1997-11-26" },
      { title: "Alien", release_date: "1979-05-25" },
      { title: "The Alien Factor", release_date: "1978-01-01" },
      { title: "M", release_date: "1931-05-11" },
      { title: "Mother", release_date: "2009-05-28" },
      { title: "Citizen Kane", release_date: "1941-05-01", director_id: ids["Orson Welles"] },
      { title: "100% Wolf", release_date: "2020-05-21" },
      { title: "Ran", release_date: "1985-06-01" },
      { title: "Dark Star", release_date: "1974-03-30" },
    ])
    .returning();
  for (const f of films) ids[f.title] = f.id;
  await db.insert(movie_genres).values([
    { movie_id: ids["The Godfather"], genre_id: crime.id },
    { movie_id: ids["The Godfather"], genre_id: drama.id },
    { movie_id: ids["Alien"], genre_id: scifi.id },
  ]);
  const characters = await db
    .insert(character_)
    .values([
      { name: "Vito Corleone", movie_id: ids["The Godfather"], role: "lead" },
      { name: "Michael Corleone", movie_id: ids["The Godfather"], role: "lead" },
      { name: "Vito Corleone", movie_id: ids["The Godfather Part II"], role: "lead" },
      { name: "Amélie Poulain", movie_id: ids["Amélie"], role: "lead" },
      { name: "Charles Foster Kane", movie_id: ids["Citizen Kane"], role: "lead" },
    ])
    .returning();
  const [vito, michael, youngVito, amelie, kane] = characters;
  ids["Vito Corleone (1972)"] = vito.id;
  ids["Vito Corleone (1974)"] = youngVito.id;
  ids["Charles Foster Kane"] = kane.id;
  await db.insert(character_actors).values([
    { character_id: vito.id, person_id: ids["Marlon Brando"] },
    { character_id: michael.id, person_id: ids["Al Pacino"] },
    { character_id: youngVito.id, person_id: ids["Robert De Niro"] },
    { character_id: amelie.id, person_id: ids["Audrey Tautou"] },
    { character_id: kane.id, person_id: ids["Orson Welles"] },
    { character_id: kane.id, person_id: ids["Buddy Swan"] },
    { character_id: kane.id, person_id: ids["Harry Shannon"] },
  ]);
});
afterAll(() => client.end({ timeout: 5 }));

const titles = (r: Awaited<ReturnType<typeof searchCatalogue>>) => r.movies.items.map((m) => m.title);

describe("search: typos, accents, people and characters", () => {
  it("finds The Godfather despite a typo, with its card data", async () => {
    const r = await searchCatalogue({ q: "godfathr" });
    expect(titles(r)).toEqual(["The Godfather", "The Godfather Part II"]);
    expect(r.movies.items[0]).toEqual({ id: ids["The Godfather"], title: "The Godfather", year: 1972, posterUrl: "/files/godfatherposter.webp", genres: ["Crime", "Drama"] });
    expect(r.movies.total).toBe(2);
    // Close spellings, not what /movies?q= lists (the page says so and links nowhere).
    expect(r.mode).toBe("fuzzy");
    expect((await searchCatalogue({ q: "godfather" })).mode).toBe("substring");
  });

  it("ignores accents and case both ways", async () => {
    for (const q of ["Amelie", "AMÉLIE", "amélie", "amelie"]) {
      const r = await searchCatalogue({ q });
      expect(titles(r)[0], q).toBe("Amélie");
      expect(r.characters.items.map((c) => c.name), q).toContain("Amélie Poulain");
    }
  });

  it("finds people by any part of their full name, the whole word first", async () => {
    const r = await searchCatalogue({ q: "brando" });
    expect(r.people.items.map((p) => p.name)).toEqual(["Marlon Brando", "Brandon Lee"]);
    expect(r.people.items[0]).toEqual({ id: ids["Marlon Brando"], name: "Marlon Brando", photoUrl: "/files/brandophoto001.webp", detail: "Actor · 1 film" });
    // A private file is never shown as a public photo.
    expect(r.people.items[1].photoUrl).toBeNull();
    const coppola = await searchCatalogue({ q: "coppola" });
    expect(coppola.people.items).toEqual([{ id: ids["Francis Ford Coppola"], name: "Francis Ford Coppola", photoUrl: null, detail: "Director · 2 films" }]);
    // Full name with a typo, and a person known by one name.
    expect((await searchCatalogue({ q: "marlon brandoo" })).people.items[0]?.name).toBe("Marlon Brando");
    expect((await searchCatalogue({ q: "Peter" })).people.items.map((p) => p.name)).toEqual(["Peter"]);
  });

  it("finds characters with their movie and the actors who played them", async () => {
    const r = await searchCatalogue({ q: "vito corleone" });
    expect(r.characters.items).toEqual([
      { id: ids["Vito Corleone (1972)"], name: "Vito Corleone", movie: { id: ids["The Godfather"], title: "The Godfather", year: 1972, posterUrl: "/files/godfatherposter.webp" }, actors: [{ id: ids["Marlon Brando"], name: "Marlon Brando" }], actorCount: 1 },
      { id: ids["Vito Corleone (1974)"], name: "Vito Corleone", movie: { id: ids["The Godfather Part II"], title: "The Godfather Part II", year: 1974, posterUrl: null }, actors: [{ id: ids["Robert De Niro"], name: "Robert De Niro" }], actorCount: 1 },
    ]);
    const kane = await searchCatalogue({ q: "kane" });
    expect(kane.characters.items[0]).toMatchObject({
      name: "Charles Foster Kane",
      actors: [{ name: "Harry Shannon" }, { name: "Buddy Swan" }, { name: "Orson Welles" }],
      actorCount: 3,
    });
    expect(titles(kane)).toEqual(["Citizen Kane"]);
  });

  it("ranks the exact title first, whole words before word starts", async () => {
    const alien = titles(await searchCatalogue({ q: "alien" }));
    expect(alien[0]).toBe("Alien");
    expect(alien.slice(1, 3).sort()).toEqual(["Alien: Resurrection", "The Alien Factor"]);
    expect(alien[3]).toBe("Aliens");
    // A leading article does not hide an exact title.
    expect(titles(await searchCatalogue({ q: "godfather" }))).toEqual(["The Godfather", "The Godfather Part II"]);
    expect(titles(await searchCatalogue({ q: "The Godfather Part II" }))[0]).toBe("The Godfather Part II");
  });

  it("looks for near matches only when nothing contains the query, and wants every word to be like one", async () => {
    // "kane" is in Carol Kane's name: no look-alikes such as Diane Keaton.
    expect((await searchCatalogue({ q: "kane" })).people.items.map((p) => p.name)).toEqual(["Carol Kane"]);
    // Nothing contains "keatn": the near match is offered.
    expect((await searchCatalogue({ q: "keatn" })).people.items.map((p) => p.name)).toEqual(["Diane Keaton"]);
    // Two words with a typo: the film whose words are both alike, not a name sharing a few letters with one.
    const r = await searchCatalogue({ q: "dark starr" });
    expect(titles(r)).toEqual(["Dark Star"]);
    expect(r.people.items).toEqual([]);
  });

  it("matches one- and two-character queries exactly only", async () => {
    const m = await searchCatalogue({ q: "m" });
    expect(titles(m)).toEqual(["M"]); // not "Mother", not every title with an m
    expect(m.people.items).toEqual([]);
  });
});

describe("search: bad input", () => {
  it("cleans and caps the query text", () => {
    const long = parseSearchQuery("godfather ".repeat(1_000));
    expect(long.truncated).toBe(true);
    expect(Array.from(long.q).length).toBeLessThanOrEqual(SEARCH_QUERY_MAX_LENGTH);
    expect(parseSearchQuery(["amelie", "other"])).toEqual({ q: "amelie", truncated: false, junk: false });
    expect(parseSearchQuery(undefined)).toEqual({ q: "", truncated: false, junk: false });
    expect(parseSearchQuery({ nested: true })).toEqual({ q: "", truncated: false, junk: false });
    expect(parseSearchQuery("   ")).toEqual({ q: "", truncated: false, junk: false });
    expect(parseSearchQuery("%%% ___ ''")).toEqual({ q: "", truncated: false, junk: true });
    expect(normalizeSearchText("god\u0000fa\uD800ther\uFFFD  \n kane").q).toBe("god fa ther kane");
    // An emoji is never cut in half at the cap.
    const emoji = normalizeSearchText("a" + "😀".repeat(200)).q;
    expect(emoji.toWellFormed()).toBe(emoji);
  });

  it("answers SQL and LIKE fragments as plain text", async () => {
    for (const q of ["'; drop table movie; --", "<script>alert(1)</script>", "godfather' or '1'='1", "\\", "a_b"]) {
      await expect(searchCatalogue({ q }), q).resolves.toBeDefined();
    }
    expect(titles(await searchCatalogue({ q: "100%" }))).toEqual(["100% Wolf"]);
    expect((await searchCatalogue({ q: "%%%%" })).movies.items).toEqual([]); // not every film
    const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from movie`);
    expect(n).toBe(13);
  });

  it("survives the longest query it accepts", async () => {
    const { q } = parseSearchQuery("the godfather part ii ".repeat(500));
    expect(q.length).toBeLessThanOrEqual(SEARCH_QUERY_MAX_LENGTH);
    const r = await searchCatalogue({ q });
    // The same words over and over are the same trigrams as the title.
    expect(titles(r)[0]).toBe("The Godfather Part II");
  });

  it("costs at most seven statements per search whatever the number of matches, none for an empty query", async () => {
    // begin, settings, commit; the substring probe unless it cannot help (1-2 characters, no trigram); one statement
    // per kind that can have hits: in substring mode the kinds the probe found, otherwise all three.
    const cases: [string, { probe: boolean }][] = [
      ["ran", { probe: true }], ["the", { probe: true }], ["godfather", { probe: true }], ["godfathr", { probe: true }],
      ["m", { probe: false }], ["%%%%", { probe: false }], ["²²²", { probe: true }],
    ];
    // One after the other: the counter listens to one search at a time.
    for (const [q, { probe }] of cases) {
      const run = await countQueries(() => searchCatalogue({ q }));
      const r = run.result;
      const kindsWithHits = [r.movies, r.people, r.characters].filter((k) => k.total > 0).length;
      expect(run.count, q).toBe(3 + (probe ? 1 : 0) + (r.mode === "substring" ? kindsWithHits : 3));
      expect(run.count, q).toBeLessThanOrEqual(7);
      if (q === "the") expect(r.movies.items.length).toBeGreaterThan(2); // many matches, same cost as one
    }
    // A title only: the people and characters statements are not sent, and their kinds are empty as before.
    const godfather = await countQueries(() => searchCatalogue({ q: "godfather" }));
    expect(godfather.count).toBe(5);
    expect(godfather.result).toMatchObject({ mode: "substring", people: { items: [], total: 0, capped: false }, characters: { items: [], total: 0, capped: false } });
    expect((await countQueries(() => searchCatalogue({ q: "" }))).count).toBe(0);
    expect((await countQueries(() => suggestCatalogue({ q: "corleone" }))).count).toBeLessThanOrEqual(7);
  });

  it("says when the candidate cap was reached", async () => {
    const r = await searchCatalogue({ q: "the", cap: 2 });
    expect(r.movies.capped).toBe(true);
    expect(r.movies.total).toBe(2);
    expect((await searchCatalogue({ q: "the" })).movies.capped).toBe(false);
  });
});

describe("suggestions for the header", () => {
  it("offers at most eight, grouped by kind, with canonical links", async () => {
    const s = await suggestCatalogue({ q: "godfathr" });
    expect(s[0]).toEqual({ kind: "movie", id: ids["The Godfather"], href: `/movies/${ids["The Godfather"]}-the-godfather`, label: "The Godfather", subtitle: "1972", year: 1972, thumbnailUrl: "/files/godfatherposter.webp" });
    const corleone = await suggestCatalogue({ q: "corleone" });
    expect(corleone.map((x) => `${x.kind}:${x.label}:${x.subtitle}`)).toEqual([
      "character:Vito Corleone:in The Godfather (1972)",
      "character:Vito Corleone:in The Godfather Part II (1974)",
      "character:Michael Corleone:in The Godfather (1972)",
    ]);
    expect(corleone[0].href).toBe(`/characters/${ids["Vito Corleone (1972)"]}-vito-corleone`);
    expect(await suggestCatalogue({ q: "al" })).toEqual([]); // two letters: exact names only, and no one is "Al"
    expect((await suggestCatalogue({ q: "the" })).length).toBeGreaterThan(3);
    expect((await suggestCatalogue({ q: "o", limit: 8 })).length).toBeLessThanOrEqual(8);
    const three = await suggestCatalogue({ q: "the", limit: 3 });
    expect(three).toHaveLength(3);
    const order = (await suggestCatalogue({ q: "ali" })).map((x) => x.kind);
    expect(order).toEqual([...order].sort((a, b) => ["movie", "person", "character"].indexOf(a) - ["movie", "person", "character"].indexOf(b)));
  });
});
