import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import {
  createTaxonomyItem,
  deleteTaxonomyItem,
  getTaxonomyItem,
  getTaxonomyReferences,
  listTaxonomy,
  listTaxonomyOptions,
  mergeTaxonomyItems,
  previewTaxonomyMerge,
  updateTaxonomyItem,
} from "@/db/queries/admin/taxonomy";
import { countries, genres, movie, movie_genres, person } from "@/db/schema";
import { taxonomyReference } from "@/app/admin/_taxonomy/messages";
import { parseExactId } from "@/lib/ids";
import { parseTaxonomyFilters, taxonomySchemas } from "@/lib/validation/admin/taxonomy";
import { openTestDatabase } from "../support/database";

const { db, sql: client } = openTestDatabase();

beforeEach(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries restart identity cascade`);
});
afterAll(() => client.end({ timeout: 5 }));

async function addGenre(name: string) {
  const [row] = await db.insert(genres).values({ name }).returning({ id: genres.id });
  return row.id;
}
async function addCountry(name: string) {
  const [row] = await db.insert(countries).values({ name }).returning({ id: countries.id });
  return row.id;
}
async function addMovies(n: number, values: Partial<typeof movie.$inferInsert> = {}, prefix = "Film") {
  const rows = await db
    .insert(movie)
    .values(Array.from({ length: n }, (_, i) => ({ title: `${prefix} ${String(i + 1).padStart(2, "0")}`, ...values })))
    .returning({ id: movie.id });
  return rows.map((r) => r.id);
}
async function tag(movieIds: number[], genreId: number) {
  await db.insert(movie_genres).values(movieIds.map((movie_id) => ({ movie_id, genre_id: genreId })));
}
async function genreIdsOf(movieId: number) {
  const rows = await db.execute<{ genre_id: number }>(sql`select genre_id from movie_genres where movie_id = ${movieId} order by genre_id`);
  return rows.map((r) => r.genre_id);
}
async function versionOf(table: "genres" | "countries", id: number) {
  const [row] = await db.execute<{ v: string }>(sql`select updated_at::text as v from ${sql.raw(table)} where id = ${id}`);
  return row.v;
}

describe("names", () => {
  it("are unique ignoring case, on create and on rename", async () => {
    const drama = await createTaxonomyItem("genre", "Drama");
    expect(drama).toEqual({ id: expect.any(Number) });
    expect(await createTaxonomyItem("genre", "DRAMA")).toBe("name-taken");
    const comedy = await createTaxonomyItem("genre", "Comedy");
    if (comedy === "name-taken" || drama === "name-taken") throw new Error("setup");
    expect(await updateTaxonomyItem("genre", comedy.id, "drama", await versionOf("genres", comedy.id))).toEqual({ status: "name-taken" });
    // A case change of its own name is not a clash.
    expect(await updateTaxonomyItem("genre", drama.id, "DRAMA", await versionOf("genres", drama.id))).toMatchObject({ status: "saved" });
    expect((await getTaxonomyItem("genre", drama.id))?.name).toBe("DRAMA");
    // Genres and countries are separate namespaces.
    expect(await createTaxonomyItem("country", "Drama")).toEqual({ id: expect.any(Number) });
  });

  it("a race between two creates of the same name gives the loser a field error, not an exception", async () => {
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => createTaxonomyItem("country", i % 2 ? "Iceland" : "ICELAND")));
    expect(outcomes.filter((o) => o !== "name-taken")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "name-taken")).toHaveLength(5);
    const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from countries`);
    expect(n).toBe(1);
  });

  it("the form schema trims, collapses spaces and refuses empty, over-long and control-character names", () => {
    const { create } = taxonomySchemas("genre");
    expect(create.safeParse({ name: "  Film   noir " }).data).toEqual({ name: "Film noir" });
    expect(create.safeParse({ name: "   " }).error?.issues[0].message).toBe("Enter the genre's name.");
    expect(create.safeParse({ name: "x".repeat(65) }).error?.issues[0].message).toBe("Use at most 64 characters.");
    expect(create.safeParse({ name: "x".repeat(64) }).success).toBe(true);
    expect(create.safeParse({ name: "Bad\u0000name" }).success).toBe(false);
    expect(taxonomySchemas("country").create.safeParse({ name: "y".repeat(100) }).success).toBe(true);
    const merge = taxonomySchemas("genre").merge;
    expect(merge.safeParse({ id: "1 OR 1=1", target_id: "2" }).error?.issues[0].message).toBe("This genre could not be found.");
    expect(merge.safeParse({ id: "3", target_id: "" }).error?.issues[0].message).toBe("Choose the genre to merge into.");
    expect(merge.safeParse({ id: "3", target_id: "4", confirm: "maybe" }).data).toEqual({ id: 3, target_id: 4, confirm: undefined });
    expect(taxonomySchemas("genre").update.safeParse({ id: "3", name: "X", version: "yesterday" }).success).toBe(false);
    expect(["12", "0", "-1", "12abc", "1e3", "99999999999"].map(parseExactId)).toEqual([12, null, null, null, null, null]);
  });
});

describe("concurrent edits", () => {
  it("a rename over a newer version is refused with their value; their version then overwrites knowingly", async () => {
    const id = await addGenre("Sci-fi");
    const loaded = await versionOf("genres", id);
    // Someone else saves first.
    const theirs = await updateTaxonomyItem("genre", id, "Science fiction", loaded);
    expect(theirs).toMatchObject({ status: "saved" });
    const mine = await updateTaxonomyItem("genre", id, "SF", loaded);
    expect(mine).toEqual({ status: "conflict", current: { name: "Science fiction", version: await versionOf("genres", id) } });
    expect((await getTaxonomyItem("genre", id))?.name).toBe("Science fiction");
    if (mine.status !== "conflict") throw new Error("expected a conflict");
    const again = await updateTaxonomyItem("genre", id, "SF", mine.current.version);
    expect(again).toEqual({ status: "saved", version: await versionOf("genres", id) });
    expect((await getTaxonomyItem("genre", id))?.name).toBe("SF");
  });

  it("a rename of a row deleted meanwhile says so", async () => {
    const id = await addCountry("Atlantis");
    const loaded = await versionOf("countries", id);
    await db.execute(sql`delete from countries where id = ${id}`);
    expect(await updateTaxonomyItem("country", id, "Lemuria", loaded)).toEqual({ status: "gone" });
  });
});

describe("delete", () => {
  it("is refused while films use a genre, with the first 10 films linking to their admin pages and the full count", async () => {
    const id = await addGenre("Noir");
    const films = await addMovies(12);
    await tag(films, id);
    const outcome = await deleteTaxonomyItem("genre", id);
    expect(outcome).toMatchObject({ status: "in-use", count: 12, films: 12, people: 0 });
    if (outcome.status !== "in-use") throw new Error("expected a refusal");
    expect(outcome.references).toHaveLength(10);
    expect(outcome.references[0]).toEqual({ kind: "movie", id: films[0], name: "Film 01", year: null });
    expect(taxonomyReference(outcome.references[0])).toEqual({ label: "Film: Film 01", href: `/admin/movies/${films[0]}` });
    expect(await getTaxonomyItem("genre", id)).not.toBeNull();
  });

  it("is refused while films or people come from a country, showing both", async () => {
    const id = await addCountry("Italy");
    const [film] = await addMovies(1, { country_id: id, release_date: "1960-02-05" }, "La dolce vita");
    const [{ id: personId }] = await db.insert(person).values({ first_name: "Federico", last_name: "Fellini", date_of_birth: "1920-01-20", country_id: id }).returning({ id: person.id });
    const outcome = await deleteTaxonomyItem("country", id);
    expect(outcome).toEqual({
      status: "in-use",
      count: 2,
      films: 1,
      people: 1,
      references: [
        { kind: "movie", id: film, name: "La dolce vita 01", year: 1960 },
        { kind: "person", id: personId, name: "Federico Fellini", year: 1920 },
      ],
    });
    if (outcome.status !== "in-use") throw new Error("expected a refusal");
    expect(outcome.references.map(taxonomyReference)).toEqual([
      { label: "Film: La dolce vita 01 (1960)", href: `/admin/movies/${film}` },
      { label: "Person: Federico Fellini (born 1920)", href: `/admin/people/${personId}` },
    ]);
  });

  it("deletes what nothing uses, once", async () => {
    const id = await addGenre("Unused");
    expect(await deleteTaxonomyItem("genre", id)).toEqual({ status: "deleted", name: "Unused" });
    expect(await deleteTaxonomyItem("genre", id)).toEqual({ status: "gone" });
  });

  it("a film tagged between the check and the delete still gets a refusal with references (RESTRICT), not an error", async () => {
    const id = await addGenre("Racy");
    const [film] = await addMovies(1);
    const other = await client.reserve();
    try {
      await other`begin`;
      await other`insert into movie_genres (movie_id, genre_id) values (${film}, ${id})`;
      // The check sees no committed reference; the DELETE then waits for the insert's lock on the genre row.
      const pending = deleteTaxonomyItem("genre", id);
      let blocked = false;
      for (let i = 0; i < 400 && !blocked; i++) {
        const [{ waiting }] = await db.execute<{ waiting: number }>(
          sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike 'delete from genres%'`,
        );
        blocked = waiting > 0;
        if (!blocked) await new Promise((r) => setTimeout(r, 25));
      }
      expect(blocked, "the DELETE waited for the uncommitted tagging").toBe(true);
      await other`commit`;
      const outcome = await pending;
      expect(outcome).toMatchObject({ status: "in-use", count: 1, references: [{ kind: "movie", id: film }] });
    } finally {
      other.release();
    }
    expect(await genreIdsOf(film)).toEqual([id]);
  });
});

describe("merge", () => {
  it("moves every film of a genre to the target, once per film, and deletes the source", async () => {
    const noir = await addGenre("Noir");
    const crime = await addGenre("Crime");
    const [a, b, c] = await addMovies(3);
    await tag([a, b], noir);
    await tag([b, c], crime);
    expect(await previewTaxonomyMerge("genre", noir, crime)).toEqual({ source: "Noir", target: "Crime", films: 2, filmsAlready: 1, people: 0 });
    expect(await mergeTaxonomyItems("genre", noir, crime)).toEqual({ status: "merged", source: "Noir", target: "Crime", films: 2, people: 0 });
    expect(await genreIdsOf(a)).toEqual([crime]);
    expect(await genreIdsOf(b)).toEqual([crime]);
    expect(await genreIdsOf(c)).toEqual([crime]);
    expect(await getTaxonomyItem("genre", noir)).toBeNull();
    expect((await getTaxonomyItem("genre", crime))?.films).toBe(3);
  });

  it("moves every film and person of a country to the target and deletes the source", async () => {
    const west = await addCountry("West Germany");
    const germany = await addCountry("Germany");
    const films = await addMovies(2, { country_id: west });
    const [kept] = await addMovies(1, { country_id: germany });
    const [{ id: fassbinder }] = await db.insert(person).values({ first_name: "Rainer Werner", last_name: "Fassbinder", country_id: west }).returning({ id: person.id });
    const before = await db.execute<{ v: string }>(sql`select updated_at::text as v from movie where id = ${films[0]}`);
    expect(await mergeTaxonomyItems("country", west, germany)).toEqual({ status: "merged", source: "West Germany", target: "Germany", films: 2, people: 1 });
    const rows = await db.execute<{ id: number; country_id: number }>(sql`select id, country_id from movie order by id`);
    expect(rows.map((r) => [r.id, r.country_id])).toEqual([...films, kept].map((id) => [id, germany]));
    const [p] = await db.execute<{ country_id: number }>(sql`select country_id from person where id = ${fassbinder}`);
    expect(p.country_id).toBe(germany);
    expect(await getTaxonomyItem("country", west)).toBeNull();
    // Moved rows count as edited, so open forms on them meet a conflict instead of silently undoing the merge.
    const after = await db.execute<{ v: string }>(sql`select updated_at::text as v from movie where id = ${films[0]}`);
    expect(after[0].v).not.toBe(before[0].v);
  });

  it("refuses a missing source or target and merging into itself, changing nothing", async () => {
    const a = await addGenre("A");
    const [film] = await addMovies(1);
    await tag([film], a);
    expect(await mergeTaxonomyItems("genre", a, a)).toEqual({ status: "target-gone" });
    expect(await mergeTaxonomyItems("genre", a, 999_999)).toEqual({ status: "target-gone" });
    expect(await mergeTaxonomyItems("genre", 999_999, a)).toEqual({ status: "source-gone" });
    expect(await previewTaxonomyMerge("genre", a, 999_999)).toBe("target-gone");
    expect(await genreIdsOf(film)).toEqual([a]);
    expect(await getTaxonomyItem("genre", a)).not.toBeNull();
  });
});

describe("list", () => {
  it("searches ignoring accents and case, counts films and people, and sorts by usage", async () => {
    const france = await addCountry("France");
    const cote = await addCountry("Côte d’Ivoire");
    await addCountry("Cuba");
    await addMovies(3, { country_id: france });
    await addMovies(1, { country_id: cote });
    await db.insert(person).values([{ first_name: "Agnès", last_name: "Varda", country_id: france }]);
    const found = await listTaxonomy("country", parseTaxonomyFilters("country", { q: "COTE" }));
    expect(found.rows.map((r) => r.name)).toEqual(["Côte d’Ivoire"]);
    const byFilms = await listTaxonomy("country", parseTaxonomyFilters("country", { sort: "films-desc" }));
    expect(byFilms.rows.map((r) => [r.name, r.films, r.people])).toEqual([
      ["France", 3, 1],
      ["Côte d’Ivoire", 1, 0],
      ["Cuba", 0, 0],
    ]);
    const byName = await listTaxonomy("country", parseTaxonomyFilters("country", { sort: "name-desc" }));
    expect(byName.rows.map((r) => r.name)[0]).toBe("France");
    // LIKE wildcards are searched as characters.
    expect((await listTaxonomy("country", parseTaxonomyFilters("country", { q: "%" }))).total).toBe(0);
  });

  it("pages by 50, clamps a page past the end, and ignores bad parameters", async () => {
    await db.insert(genres).values(Array.from({ length: 120 }, (_, i) => ({ name: `Genre ${String(i).padStart(3, "0")}` })));
    const filters = parseTaxonomyFilters("genre", { page: "99", sort: "people-desc" });
    expect(filters.sort).toBe("name"); // genres have no people
    const last = await listTaxonomy("genre", filters);
    expect(last).toMatchObject({ total: 120, page: 3, pageCount: 3 });
    expect(last.rows).toHaveLength(20);
    expect(last.rows[0].name).toBe("Genre 100");
    expect(parseTaxonomyFilters("genre", { page: "abc" }).page).toBe(1);
    expect((await listTaxonomy("genre", parseTaxonomyFilters("genre", {}))).rows).toHaveLength(50);
    expect(await listTaxonomyOptions("genre", 1)).toHaveLength(119);
  });

  it("references of an unused row are empty", async () => {
    const id = await addGenre("Lonely");
    expect(await getTaxonomyReferences("genre", id)).toEqual({ references: [], count: 0, films: 0, people: 0 });
  });
});
