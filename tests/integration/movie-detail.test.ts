import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { movieJsonLd } from "@/app/(site)/movies/[id]/movie-json-ld";
import { CAST_LIMIT, getCharacterCanonical, getCharacterDetail, getMovieCanonical, getMovieDetail, OTHER_CHARACTERS_LIMIT } from "@/db/queries/movie-detail";
import { character_, character_actors, countries, file_, genres, movie, movie_genres, person } from "@/db/schema";
import { isoDuration, serializeJsonLd } from "@/lib/json-ld";
import { openTestDatabase } from "../support/database";
import { countQueries } from "../support/query-counter";

const { db, sql: client } = openTestDatabase();

const ids = {
  godfather: 0,
  kane: 0,
  crowd: 0,
  secret: 0,
  bare: 0,
  vito: 0,
  kaneCharacter: 0,
  leland: 0,
  coppola: 0,
  brando: 0,
  welles: 0,
  swan: 0,
  italy: 0,
  crime: 0,
  drama: 0,
};

function file(key: string, isPublic = true) {
  return { file_name: `${key}.webp`, mime_type: "image/webp", file_key: `${key}.webp`, file_url: `/files/${key}.webp`, is_public: isPublic };
}

beforeAll(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  const [us, italy] = await db.insert(countries).values([{ name: "United States" }, { name: "Italy" }]).returning();
  const [crime, drama, mystery] = await db.insert(genres).values([{ name: "Crime" }, { name: "Drama" }, { name: "Mystery" }]).returning();
  const [poster, privatePoster, brandoPhoto, privatePhoto] = await db
    .insert(file_)
    .values([file("detailposter01"), file("detailsecret01", false), file("detailbrando01"), file("detailprivate1", false)])
    .returning();
  const [coppola, brando, pacino, welles, swan, cotten, nobody] = await db
    .insert(person)
    .values([
      { first_name: "Francis Ford", last_name: "Coppola", date_of_birth: "1939-04-07", country_id: us.id },
      { first_name: "Marlon", last_name: "Brando", date_of_birth: "1924-04-03", main_photo_id: brandoPhoto.id },
      // His birthday falls two days after the release date: not yet a year older on that day.
      { first_name: "Al", last_name: "Pacino", date_of_birth: "1940-03-16", main_photo_id: privatePhoto.id },
      { first_name: "Orson", last_name: "Welles", date_of_birth: "1915-05-06" },
      { first_name: "Buddy", last_name: "Swan", date_of_birth: "1929-10-24" },
      { first_name: "Joseph", last_name: "Cotten", date_of_birth: "1905-05-15" },
      { first_name: "Unknown", last_name: "", date_of_birth: null },
    ])
    .returning();
  const [godfather, kane, crowd, secret, bare] = await db
    .insert(movie)
    .values([
      {
        title: "The Godfather",
        release_date: "1972-03-14",
        duration: 175,
        budget: "6500000",
        description: "The aging patriarch of a crime dynasty.",
        director_id: coppola.id,
        country_id: us.id,
        poster_id: poster.id,
      },
      { title: "Citizen Kane", release_date: "1941-05-01", duration: 119, director_id: welles.id, country_id: us.id },
      { title: "A Crowded Film", release_date: "2000-01-01", duration: 90, country_id: italy.id },
      { title: "Secret Poster", release_date: "2001-01-01", poster_id: privatePoster.id },
      { title: "Bare", release_date: null, duration: null, budget: null },
    ])
    .returning();
  await db.insert(movie_genres).values([
    { movie_id: godfather.id, genre_id: drama.id },
    { movie_id: godfather.id, genre_id: crime.id },
    { movie_id: kane.id, genre_id: mystery.id },
  ]);

  // Inserted out of billing order on purpose: the page must list lead, supporting, minor, then by id.
  const [clemenza, vito, michael] = await db
    .insert(character_)
    .values([
      { name: "Peter Clemenza", role: "minor", movie_id: godfather.id },
      { name: "Vito Corleone", role: "lead", movie_id: godfather.id, description: "The patriarch." },
      { name: "Michael Corleone", role: "lead", movie_id: godfather.id },
    ])
    .returning();
  const [kaneCharacter, leland, mystery1] = await db
    .insert(character_)
    .values([
      { name: "Charles Foster Kane", role: "lead", movie_id: kane.id, description: "A publishing tycoon." },
      { name: "Jedediah Leland", role: "supporting", movie_id: kane.id },
      { name: "Rosebud", role: null, movie_id: kane.id },
    ])
    .returning();
  await db.insert(character_actors).values([
    { character_id: vito.id, person_id: brando.id },
    { character_id: michael.id, person_id: pacino.id },
    { character_id: clemenza.id, person_id: nobody.id },
    { character_id: kaneCharacter.id, person_id: welles.id },
    { character_id: kaneCharacter.id, person_id: swan.id },
    { character_id: leland.id, person_id: cotten.id },
  ]);
  void mystery1;

  // 40 characters, each played by two actors: the statement count must not grow with them.
  const crowdCharacters = await db
    .insert(character_)
    .values(Array.from({ length: 40 }, (_, i) => ({ name: `Extra ${i + 1}`, role: i < 2 ? "lead" : "supporting", movie_id: crowd.id })))
    .returning();
  await db.insert(character_actors).values(crowdCharacters.flatMap((c) => [{ character_id: c.id, person_id: cotten.id }, { character_id: c.id, person_id: swan.id }]));

  Object.assign(ids, {
    godfather: godfather.id,
    kane: kane.id,
    crowd: crowd.id,
    secret: secret.id,
    bare: bare.id,
    vito: vito.id,
    kaneCharacter: kaneCharacter.id,
    leland: leland.id,
    coppola: coppola.id,
    brando: brando.id,
    welles: welles.id,
    swan: swan.id,
    italy: italy.id,
    crime: crime.id,
    drama: drama.id,
  });
});
afterAll(() => client.end({ timeout: 5 }));

describe("getMovieDetail", () => {
  it("returns the film's facts, genres, director and country", async () => {
    const m = await getMovieDetail(ids.godfather);
    expect(m).toMatchObject({
      id: ids.godfather,
      title: "The Godfather",
      year: 1972,
      releaseDate: "1972-03-14",
      duration: 175,
      description: "The aging patriarch of a crime dynasty.",
      posterUrl: "/files/detailposter01.webp",
      director: { id: ids.coppola, name: "Francis Ford Coppola" },
      country: { name: "United States" },
      castTruncated: false,
    });
    expect(Number(m!.budget)).toBe(6_500_000);
    expect(m!.genres).toEqual([
      { id: ids.crime, name: "Crime" },
      { id: ids.drama, name: "Drama" },
    ]);
  });

  it("orders the cast lead, supporting, minor, then by id, with each actor's age at the release", async () => {
    const m = await getMovieDetail(ids.godfather);
    expect(m!.cast.map((c) => [c.name, c.role])).toEqual([
      ["Vito Corleone", "lead"],
      ["Michael Corleone", "lead"],
      ["Peter Clemenza", "minor"],
    ]);
    expect(m!.cast[0].actors).toEqual([{ id: ids.brando, name: "Marlon Brando", photoUrl: "/files/detailbrando01.webp", ageAtRelease: 47 }]);
    // Born 1940-03-16, the film came out 1972-03-14: still 31, not 32.
    expect(m!.cast[1].actors[0]).toMatchObject({ name: "Al Pacino", ageAtRelease: 31 });
    // Unknown birth date: no age rather than a wrong one; a mononymous name has no trailing space.
    expect(m!.cast[2].actors[0]).toMatchObject({ name: "Unknown", ageAtRelease: null, photoUrl: null });
  });

  it("lists every actor of a character played by several", async () => {
    const m = await getMovieDetail(ids.kane);
    const kane = m!.cast.find((c) => c.name === "Charles Foster Kane")!;
    expect(kane.actors.map((a) => [a.name, a.ageAtRelease])).toEqual([
      ["Orson Welles", 25],
      ["Buddy Swan", 11],
    ]);
    // A character without a recognised role comes last, with its actors list empty.
    expect(m!.cast.map((c) => c.name)).toEqual(["Charles Foster Kane", "Jedediah Leland", "Rosebud"]);
    expect(m!.cast[2].actors).toEqual([]);
  });

  it("never exposes a private file as a poster or photo", async () => {
    const secret = await getMovieDetail(ids.secret);
    expect(secret!.posterUrl).toBeNull();
    const godfather = await getMovieDetail(ids.godfather);
    const pacino = godfather!.cast[1].actors[0];
    expect(pacino.photoUrl).toBeNull();
    for (const result of [secret, godfather]) {
      expect(JSON.stringify(result)).not.toMatch(/detailsecret01|detailprivate1/);
    }
  });

  it("keeps unknown facts as nulls and empty lists", async () => {
    const bare = await getMovieDetail(ids.bare);
    expect(bare).toMatchObject({ year: null, releaseDate: null, duration: null, budget: null, director: null, country: null, posterUrl: null, genres: [], cast: [] });
  });

  it("returns null for an unknown id", async () => {
    expect(await getMovieDetail(99_999_999)).toBeNull();
    expect(await getMovieCanonical(99_999_999)).toBeNull();
    expect(await getMovieCanonical(ids.godfather)).toEqual({ id: ids.godfather, title: "The Godfather" });
  });

  it("costs the same bounded number of statements for 3 or 40 characters", async () => {
    const small = await countQueries(() => getMovieDetail(ids.godfather));
    const large = await countQueries(() => getMovieDetail(ids.crowd));
    expect(small.result!.cast).toHaveLength(3);
    expect(large.result!.cast).toHaveLength(40);
    expect(large.result!.cast.every((c) => c.actors.length === 2)).toBe(true);
    expect(small.count).toBe(1);
    expect(large.count).toBe(small.count);
  });
});

describe("a pathological cast", () => {
  it("is cut at the limits and says so, in one statement", async () => {
    const [epic] = await db.insert(movie).values({ title: "Epic", release_date: "1999-01-01" }).returning();
    const characters = await db
      .insert(character_)
      .values(Array.from({ length: CAST_LIMIT + 2 }, (_, i) => ({ name: `Soldier ${i + 1}`, role: "minor", movie_id: epic.id })))
      .returning();
    const m = await countQueries(() => getMovieDetail(epic.id));
    expect(m.count).toBe(1);
    expect(m.result!.cast).toHaveLength(CAST_LIMIT);
    expect(m.result!.castTruncated).toBe(true);
    expect(m.result!.cast[0].name).toBe("Soldier 1");
    const c = await getCharacterDetail(characters[0].id);
    expect(c!.otherCharacters).toHaveLength(OTHER_CHARACTERS_LIMIT);
    expect(c!.otherCharactersTruncated).toBe(true);
    await db.delete(movie).where(sql`${movie.id} = ${epic.id}`);
  });
});

describe("getCharacterDetail", () => {
  it("returns the character, its film and every actor who played it", async () => {
    const c = await getCharacterDetail(ids.kaneCharacter);
    expect(c).toMatchObject({
      name: "Charles Foster Kane",
      role: "lead",
      description: "A publishing tycoon.",
      movie: { id: ids.kane, title: "Citizen Kane", year: 1941, genres: ["Mystery"], director: { id: ids.welles, name: "Orson Welles" }, posterUrl: null },
    });
    expect(c!.actors.map((a) => [a.id, a.name, a.ageAtRelease])).toEqual([
      [ids.welles, "Orson Welles", 25],
      [ids.swan, "Buddy Swan", 11],
    ]);
  });

  it("lists the film's other characters, not itself, in billing order", async () => {
    const c = await getCharacterDetail(ids.kaneCharacter);
    expect(c!.otherCharacters).toEqual([
      { id: ids.leland, name: "Jedediah Leland", role: "supporting", actors: [{ id: expect.any(Number), name: "Joseph Cotten" }] },
      { id: expect.any(Number), name: "Rosebud", role: null, actors: [] },
    ]);
    expect(c!.otherCharactersTruncated).toBe(false);
  });

  it("returns null for an unknown id, and costs one statement whatever the cast", async () => {
    expect(await getCharacterDetail(99_999_999)).toBeNull();
    expect(await getCharacterCanonical(99_999_999)).toBeNull();
    expect(await getCharacterCanonical(ids.vito)).toEqual({ id: ids.vito, name: "Vito Corleone" });
    const [crowdCharacter] = await db.select({ id: character_.id }).from(character_).where(sql`${character_.movie_id} = ${ids.crowd}`).limit(1);
    const small = await countQueries(() => getCharacterDetail(ids.vito));
    const large = await countQueries(() => getCharacterDetail(crowdCharacter.id));
    expect(large.result!.otherCharacters).toHaveLength(39);
    expect(small.count).toBe(1);
    expect(large.count).toBe(1);
  });
});

describe("movie JSON-LD", () => {
  it("describes the film as a schema.org Movie with absolute URLs and PerformanceRole actors", async () => {
    const m = await getMovieDetail(ids.godfather);
    const ld = movieJsonLd(m!, "https://marquee.example");
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Movie",
      name: "The Godfather",
      url: `https://marquee.example/movies/${ids.godfather}-the-godfather`,
      datePublished: "1972-03-14",
      duration: "PT2H55M",
      image: "https://marquee.example/files/detailposter01.webp",
      genre: ["Crime", "Drama"],
      countryOfOrigin: { "@type": "Country", name: "United States" },
      director: { "@type": "Person", name: "Francis Ford Coppola", url: `https://marquee.example/people/${ids.coppola}-francis-ford-coppola` },
    });
    expect(ld.actor[0]).toEqual({
      "@type": "PerformanceRole",
      roleName: "Vito Corleone",
      url: `https://marquee.example/characters/${ids.vito}-vito-corleone`,
      actor: { "@type": "Person", name: "Marlon Brando", url: `https://marquee.example/people/${ids.brando}-marlon-brando` },
    });
  });

  it("gives a character played by two actors one PerformanceRole per actor", async () => {
    const ld = movieJsonLd((await getMovieDetail(ids.kane))!, "https://marquee.example");
    expect(ld.actor.filter((r) => r.roleName === "Charles Foster Kane").map((r) => r.actor.name)).toEqual(["Orson Welles", "Buddy Swan"]);
    expect(ld).not.toHaveProperty("image");
  });

  it("cannot be broken out of its script element, and parses back to the same data", () => {
    const data = { name: `</script><script>alert("x")</script> & <!-- \u2028` };
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[<>]/);
    expect(text.toLowerCase()).not.toContain("</script");
    expect(JSON.parse(text)).toEqual(data);
  });

  it("writes runtimes as ISO 8601 durations", () => {
    expect(isoDuration(175)).toBe("PT2H55M");
    expect(isoDuration(120)).toBe("PT2H");
    expect(isoDuration(45)).toBe("PT45M");
    expect(isoDuration(null)).toBeUndefined();
    expect(isoDuration(0)).toBeUndefined();
  });
});
