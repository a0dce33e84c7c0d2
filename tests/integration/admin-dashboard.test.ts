import { randomBytes } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { EXACT_COUNT_LIMIT, getAdminCounts, getRecentEdits } from "@/db/queries/admin/dashboard";
import { DUPLICATE_WINDOW, getQualityQueue } from "@/db/queries/admin/quality";
import { character_, character_actors, countries, file_, genres, movie, movie_genres, person, user_ } from "@/db/schema";
import { openTestDatabase } from "../support/database";

const { db, sql: client } = openTestDatabase();

beforeEach(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
});
afterAll(() => client.end({ timeout: 5 }));

async function addFile(key: string) {
  const [f] = await db.insert(file_).values({ file_name: `${key}.webp`, mime_type: "image/webp", file_key: key, file_url: `/files/${key}` }).returning({ id: file_.id });
  return f.id;
}
async function addPerson(first_name: string, last_name: string, values: Partial<typeof person.$inferInsert> = {}) {
  const [p] = await db.insert(person).values({ first_name, last_name, ...values }).returning({ id: person.id });
  return p.id;
}
async function addMovie(title: string, values: Partial<typeof movie.$inferInsert> = {}) {
  const [m] = await db.insert(movie).values({ title, ...values }).returning({ id: movie.id });
  return m.id;
}
const page1 = { page: 1, pageSize: 5 };

describe("counts", () => {
  it("are exact for small tables", async () => {
    await db.insert(genres).values([{ name: "Drama" }, { name: "Crime" }]);
    await db.insert(countries).values([{ name: "Italy" }]);
    await addMovie("Amarcord");
    await addPerson("Federico", "Fellini");
    await addFile("poster");
    await db.insert(user_).values({ username: "ed", email: "ed@example.com", first_name: "E", last_name: "D", password: "x", role: "editor" });
    const counts = Object.fromEntries((await getAdminCounts()).map((c) => [c.key, [c.count, c.estimated]]));
    expect(counts).toEqual({
      movies: [1, false],
      people: [1, false],
      characters: [0, false],
      genres: [2, false],
      countries: [1, false],
      files: [1, false],
      users: [1, false],
    });
  });

  it("use PostgreSQL's estimate above the limit instead of scanning the table", async () => {
    await db.execute(sql`insert into movie (title) select 'Film ' || g from generate_series(1, ${EXACT_COUNT_LIMIT + 5000}) g`);
    await db.execute(sql`analyze movie`);
    // One more row after ANALYZE: an exact count would see it, the estimate does not.
    await addMovie("After the statistics");
    const movies = (await getAdminCounts()).find((c) => c.key === "movies")!;
    expect(movies.estimated).toBe(true);
    expect(movies.count).toBe(EXACT_COUNT_LIMIT + 5000);
  });
});

describe("recently edited", () => {
  it("lists films, people and characters by last edit, newest first, linking to their admin pages", async () => {
    const older = await addMovie("Older", { release_date: "1950-01-01" });
    const newer = await addMovie("Newer");
    const [c] = await db.insert(character_).values({ name: "Guido", movie_id: newer }).returning({ id: character_.id });
    const fellini = await addPerson("Federico", "Fellini", { date_of_birth: "1920-01-20" });
    // Editing the older film moves it to the top (updated_at is maintained by the trigger).
    await db.execute(sql`update movie set description = 'edited' where id = ${older}`);
    const recent = await getRecentEdits({ limit: 5 });
    expect(recent.movies.map((m) => [m.label, m.detail, m.href])).toEqual([
      ["Older", "1950", `/admin/movies/${older}`],
      ["Newer", null, `/admin/movies/${newer}`],
    ]);
    expect(recent.people).toMatchObject([{ label: "Federico Fellini", detail: "born 1920", href: `/admin/people/${fellini}` }]);
    expect(recent.characters).toMatchObject([{ label: "Guido", detail: "in Newer", href: `/admin/characters/${c.id}` }]);
    expect(new Date(recent.movies[0].updated_at).getTime()).not.toBeNaN();
  });

  it("stops at the limit", async () => {
    await db.insert(movie).values(Array.from({ length: 8 }, (_, i) => ({ title: `Film ${i}` })));
    expect((await getRecentEdits({ limit: 5 })).movies).toHaveLength(5);
  });
});

describe("data-quality queues", () => {
  it("films without a poster, newest first, linking to the film's admin page", async () => {
    const poster = await addFile("p1");
    await addMovie("Has poster", { poster_id: poster });
    const a = await addMovie("No poster A", { release_date: "1999-05-01" });
    const b = await addMovie("No poster B");
    const queue = await getQualityQueue("movies-without-poster", page1);
    expect(queue.total).toBe(2);
    expect(queue.items).toEqual([
      { id: b, href: `/admin/movies/${b}`, label: "No poster B", detail: "no release date" },
      { id: a, href: `/admin/movies/${a}`, label: "No poster A", detail: "1999" },
    ]);
  });

  it("films without genres", async () => {
    const [drama] = await db.insert(genres).values({ name: "Drama" }).returning({ id: genres.id });
    const tagged = await addMovie("Tagged");
    await db.insert(movie_genres).values({ movie_id: tagged, genre_id: drama.id });
    const bare = await addMovie("Bare");
    const queue = await getQualityQueue("movies-without-genres", page1);
    expect(queue).toMatchObject({ total: 1, items: [{ id: bare, href: `/admin/movies/${bare}`, label: "Bare" }] });
  });

  it("people without a photo and without a birth date, with what is known about them", async () => {
    const photo = await addFile("face");
    const [italy] = await db.insert(countries).values({ name: "Italy" }).returning({ id: countries.id });
    await addPerson("Complete", "Person", { main_photo_id: photo, date_of_birth: "1950-01-01" });
    const noPhoto = await addPerson("Giulietta", "Masina", { date_of_birth: "1921-02-22", country_id: italy.id });
    const nothing = await addPerson("Nino", "Rota");
    const withoutPhoto = await getQualityQueue("people-without-photo", page1);
    expect(withoutPhoto.total).toBe(2);
    expect(withoutPhoto.items).toEqual([
      { id: nothing, href: `/admin/people/${nothing}`, label: "Nino Rota", detail: "no birth date" },
      { id: noPhoto, href: `/admin/people/${noPhoto}`, label: "Giulietta Masina", detail: "born 1921-02-22 · Italy" },
    ]);
    const withoutBirth = await getQualityQueue("people-without-birth-date", page1);
    expect(withoutBirth).toMatchObject({ total: 1, items: [{ id: nothing, href: `/admin/people/${nothing}` }] });
  });

  it("characters without an actor, with their film", async () => {
    const film = await addMovie("La Strada", { release_date: "1954-09-22" });
    const actor = await addPerson("Anthony", "Quinn");
    const [played, unplayed] = await db.insert(character_).values([{ name: "Zampanò", movie_id: film }, { name: "The Fool", movie_id: film }]).returning({ id: character_.id });
    await db.insert(character_actors).values({ character_id: played.id, person_id: actor });
    const queue = await getQualityQueue("characters-without-actor", page1);
    expect(queue).toMatchObject({ total: 1, items: [{ id: unplayed.id, href: `/admin/characters/${unplayed.id}`, label: "The Fool", detail: "in La Strada (1954)" }] });
  });

  it("pages by the requested size and clamps a page past the end to the last one", async () => {
    await db.insert(movie).values(Array.from({ length: 12 }, (_, i) => ({ title: `Bare ${String(i + 1).padStart(2, "0")}` })));
    for (const kind of ["movies-without-poster", "movies-without-genres"] as const) {
      const last = await getQualityQueue(kind, { page: 99, pageSize: 5 });
      expect(last, kind).toMatchObject({ total: 12, page: 3, pageCount: 3 });
      expect(last.items.map((i) => i.label), kind).toEqual(["Bare 02", "Bare 01"]);
      const second = await getQualityQueue(kind, { page: 2, pageSize: 5 });
      expect(second.items.map((i) => i.label), kind).toEqual(["Bare 07", "Bare 06", "Bare 05", "Bare 04", "Bare 03"]);
    }
  });

  it("empty queues answer zero and no items", async () => {
    for (const kind of ["movies-without-poster", "movies-without-genres", "people-without-photo", "people-without-birth-date", "characters-without-actor", "duplicate-people"] as const) {
      expect(await getQualityQueue(kind, page1), kind).toMatchObject({ total: 0, items: [], page: 1, pageCount: 1 });
    }
  });
});

describe("likely duplicate people", () => {
  it("pairs similar names (accents, typos, case) whose birth dates don't disagree", async () => {
    const deniro = await addPerson("Robert", "De Niro", { date_of_birth: "1943-08-17" });
    const deniro2 = await addPerson("robert", "DeNiro");
    const amelie = await addPerson("Amélie", "Poulain", { date_of_birth: "1973-01-01" });
    const amelie2 = await addPerson("Amelie", "Poulain", { date_of_birth: "1973-01-01" });
    // Same name, different birth years: two people.
    await addPerson("Anna", "Smith", { date_of_birth: "1970-01-01" });
    await addPerson("Anna", "Smith", { date_of_birth: "1980-01-01" });
    // Nothing alike.
    await addPerson("Giulietta", "Masina");
    const queue = await getQualityQueue("duplicate-people", { page: 1, pageSize: 50 });
    const pairs = queue.items.map((i) => [i.id, i.other?.id]);
    expect(pairs).toEqual([
      [amelie, amelie2],
      [deniro, deniro2],
    ]);
    expect(queue.total).toBe(2);
    expect(queue.items[0]).toMatchObject({
      href: `/admin/people/${amelie}`,
      label: "Amélie Poulain",
      detail: "born 1973-01-01",
      other: { href: `/admin/people/${amelie2}`, label: "Amelie Poulain" },
      similarity: 1,
    });
    expect(queue.items[1].similarity).toBeGreaterThan(0.6);
    expect(queue.items[1].similarity).toBeLessThan(1);
  });

  it("checks the people edited most recently against everyone, and only them", async () => {
    const original = await addPerson("Marcello", "Mastroianni", { date_of_birth: "1924-09-28" });
    const copy = await addPerson("Marcelo", "Mastroiani");
    // Enough unrelated people edited afterwards push both out of the window.
    await db.insert(person).values(Array.from({ length: DUPLICATE_WINDOW }, () => ({ first_name: randomBytes(6).toString("hex"), last_name: randomBytes(6).toString("hex") })));
    expect((await getQualityQueue("duplicate-people", page1)).total).toBe(0);
    // Editing the copy brings it back into the window, where it is compared with the older original.
    await db.execute(sql`update person set biography = 'Actor' where id = ${copy}`);
    const queue = await getQualityQueue("duplicate-people", page1);
    expect(queue.items.map((i) => [i.id, i.other?.id])).toEqual([[original, copy]]);
  });
});
