import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { deleteMovie, getMovieDeleteConsequences } from "@/db/queries/admin/movies/delete";
import { getEditableMovie } from "@/db/queries/admin/movies/form";
import { listAdminMovies } from "@/db/queries/admin/movies/list";
import { createMovie, updateMovie } from "@/db/queries/admin/movies/save";
import { createCharacter } from "@/db/queries/admin/characters";
import { getMovieDetail } from "@/db/queries/movie-detail";
import { versionField } from "@/lib/validation/admin/version";
import { character_, character_actors, countries, favorite_movies, file_, genres, movie, movie_genres, person, user_ } from "@/db/schema";
import { deleteConsequenceLines, unknownReferenceErrors } from "@/app/admin/movies/messages";
import { parseAdminMovieListParams, readMovieForm, validateMovieForm, type MovieInput } from "@/lib/validation/admin/movie";
import { openTestDatabase } from "../support/database";

const { db, sql: client } = openTestDatabase();

const ids = { us: 0, france: 0, drama: 0, comedy: 0, crime: 0, coppola: 0, brando: 0, pacino: 0, caan: 0, poster: 0, pdf: 0, alice: 0, bob: 0, carol: 0 };

beforeEach(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  const [us, france] = await db.insert(countries).values([{ name: "United States" }, { name: "France" }]).returning();
  const [drama, comedy, crime] = await db.insert(genres).values([{ name: "Drama" }, { name: "Comedy" }, { name: "Crime" }]).returning();
  const [coppola, brando, pacino, caan] = await db
    .insert(person)
    .values([
      { first_name: "Francis Ford", last_name: "Coppola" },
      { first_name: "Marlon", last_name: "Brando" },
      { first_name: "Al", last_name: "Pacino" },
      { first_name: "James", last_name: "Caan" },
    ])
    .returning();
  const [poster, pdf] = await db
    .insert(file_)
    .values([
      { file_name: "godfather.webp", mime_type: "image/webp", file_key: "adminposter01.webp", file_url: "/files/adminposter01.webp" },
      { file_name: "notes.pdf", mime_type: "application/pdf", file_key: "adminnotes01.pdf", file_url: "/files/adminnotes01.pdf" },
    ])
    .returning();
  const users = await db
    .insert(user_)
    .values(["alice", "bob", "carol"].map((u) => ({ username: u, email: `${u}@example.com`, first_name: u, last_name: "T", password: "x" })))
    .returning();
  Object.assign(ids, {
    us: us.id,
    france: france.id,
    drama: drama.id,
    comedy: comedy.id,
    crime: crime.id,
    coppola: coppola.id,
    brando: brando.id,
    pacino: pacino.id,
    caan: caan.id,
    poster: poster.id,
    pdf: pdf.id,
    alice: users[0].id,
    bob: users[1].id,
    carol: users[2].id,
  });
});
afterAll(() => client.end({ timeout: 5 }));

function godfather(overrides: Partial<MovieInput> = {}): MovieInput {
  return {
    title: "The Godfather",
    description: "The aging patriarch of a crime dynasty.",
    release_date: "1972-03-24",
    duration: 175,
    budget: "6000000",
    director_id: ids.coppola,
    country_id: ids.us,
    poster_id: ids.poster,
    genre_ids: [ids.crime, ids.drama],
    cast: [
      { id: null, name: "Vito Corleone", description: "The Don.", role: "lead", actor_ids: [ids.brando] },
      { id: null, name: "Michael Corleone", description: null, role: "lead", actor_ids: [ids.pacino, ids.caan] },
    ],
    ...overrides,
  };
}

async function created(input: MovieInput = godfather()) {
  const result = await createMovie(input);
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result;
}

const castOf = async (movieId: number) =>
  db.query.character_.findMany({
    where: eq(character_.movie_id, movieId),
    orderBy: asc(character_.id),
    columns: { id: true, name: true, role: true, description: true },
    with: { actors: { columns: { person_id: true }, orderBy: (ca) => [asc(ca.created_at), asc(ca.person_id)] } },
  });
const movieCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(movie))[0].n;
const characterCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(character_))[0].n;

describe("createMovie", () => {
  it("writes the movie, its genres and its cast (characters in grid order, actors in picking order)", async () => {
    const { id } = await created();
    const [row] = await db.select().from(movie).where(eq(movie.id, id));
    expect(row).toMatchObject({ title: "The Godfather", release_date: "1972-03-24", duration: 175, budget: "6000000.00", director_id: ids.coppola, country_id: ids.us, poster_id: ids.poster });
    const genreIds = (await db.select({ g: movie_genres.genre_id }).from(movie_genres).where(eq(movie_genres.movie_id, id))).map((r) => r.g).sort();
    expect(genreIds).toEqual([ids.drama, ids.crime].sort());
    const cast = await castOf(id);
    expect(cast.map((c) => [c.name, c.role, c.actors.map((a) => a.person_id)])).toEqual([
      ["Vito Corleone", "lead", [ids.brando]],
      ["Michael Corleone", "lead", [ids.pacino, ids.caan]],
    ]);
  });

  it("loads back for the edit form with labels for every picked entity", async () => {
    const { id, version } = await created();
    const editable = await getEditableMovie(id);
    expect(editable).toMatchObject({
      title: "The Godfather",
      budget: "6000000.00",
      director: { id: ids.coppola, label: "Francis Ford Coppola" },
      country: { id: ids.us, label: "United States" },
      poster: { id: ids.poster, file_name: "godfather.webp", url: "/files/adminposter01.webp" },
      genres: [
        { id: ids.crime, label: "Crime" },
        { id: ids.drama, label: "Drama" },
      ],
      characterCount: 2,
      version,
    });
    expect(editable?.cast?.map((c) => [c.name, c.actors.map((a) => a.label)])).toEqual([
      ["Vito Corleone", ["Marlon Brando"]],
      ["Michael Corleone", ["Al Pacino", "James Caan"]],
    ]);
    expect(await getEditableMovie(999_999)).toBeNull();
  });

  it("refuses unknown genre, person, country and file ids with field errors and writes nothing", async () => {
    const tampered = godfather({
      genre_ids: [ids.drama, 424242],
      director_id: 515151,
      country_id: 616161,
      poster_id: ids.pdf, // a stored file, but not an image
      cast: [{ id: null, name: "Vito Corleone", description: null, role: "lead", actor_ids: [ids.brando, 717171] }],
    });
    const result = await createMovie(tampered);
    expect(result).toEqual({
      ok: false,
      unknown: ["director_id", "country_id", "poster_id", "genre_ids", "cast.0.actor_ids"],
      // What did resolve comes back for the form's pickers: Brando and Drama, by name.
      references: { people: new Map([[ids.brando, { id: ids.brando, label: "Marlon Brando" }]]), country: null, poster: null, genres: new Map([[ids.drama, { id: ids.drama, label: "Drama" }]]) },
    });
    expect(unknownReferenceErrors(["director_id", "cast.0.actor_ids"])).toEqual({
      director_id: "This person does not exist (any more): choose the director again.",
      "cast.0.actor_ids": "One of these actors does not exist (any more): choose them again.",
    });
    expect(await movieCount()).toBe(0);
    expect(await characterCount()).toBe(0);
    expect(await createMovie(godfather({ poster_id: 818181 }))).toMatchObject({ ok: false, unknown: ["poster_id"] });
    expect(await movieCount()).toBe(0);
  });

  it("refuses a private file (public pages would not show it) or someone's avatar as the poster", async () => {
    await db.execute(sql`update file_ set is_public = false where id = ${ids.poster}`);
    expect(await createMovie(godfather())).toMatchObject({ ok: false, unknown: ["poster_id"] });
    await db.execute(sql`update file_ set is_public = true where id = ${ids.poster}`);
    await db.execute(sql`update user_ set avatar_id = ${ids.poster} where id = ${ids.alice}`);
    expect(await createMovie(godfather())).toMatchObject({ ok: false, unknown: ["poster_id"] });
    expect(await movieCount()).toBe(0);
  });
});

describe("a character changed on its own page", () => {
  it("moves its film's version on, so a movie form opened before meets a conflict and deletes nothing", async () => {
    const { id, version } = await created();
    const added = await createCharacter({ name: "Kay Adams", description: null, role: "supporting", movie_id: id, actor_ids: [ids.caan] });
    expect(added).toHaveProperty("id");
    // The form opened before still lists only Vito and Michael: saving it would delete Kay.
    const stale = await updateMovie(id, version, godfather());
    expect(stale).toMatchObject({ ok: false, conflict: expect.anything() });
    expect((await castOf(id)).map((c) => c.name)).toEqual(["Vito Corleone", "Michael Corleone", "Kay Adams"]);
  });
});

describe("the version field", () => {
  it("accepts what PostgreSQL prints and refuses impossible dates, times and offsets", async () => {
    const [{ now }] = await db.execute<{ now: string }>(sql`select now()::text as now`);
    expect(versionField.safeParse(now).success).toBe(true);
    expect(versionField.safeParse("2026-11-24 13:09:42.123456+00").success).toBe(true);
    expect(versionField.safeParse("2026-11-24 13:09:42+05:30").success).toBe(true);
    for (const bad of ["2024-13-45 25:99:99+00", "2024-02-30 10:00:00+00", "2024-01-01 10:00:00+99", "2024-01-01", "", "x".repeat(100)]) {
      expect(versionField.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("updateMovie", () => {
  it("saves fields, genres and cast changes when the version is the one loaded", async () => {
    const { id, version } = await created();
    const [vito, michael] = await castOf(id);
    const result = await updateMovie(
      id,
      version,
      godfather({
        title: "The Godfather (restored)",
        budget: null,
        genre_ids: [ids.drama, ids.comedy],
        cast: [
          // Michael keeps his id, loses Caan; Vito is removed; Sonny is new.
          { id: michael.id, name: "Michael Corleone", description: "The heir.", role: "lead", actor_ids: [ids.pacino] },
          { id: null, name: "Sonny Corleone", description: null, role: "supporting", actor_ids: [ids.caan] },
        ],
      }),
    );
    expect(result).toMatchObject({ ok: true, id });
    expect(result.ok && result.version).not.toBe(version);
    const [row] = await db.select().from(movie).where(eq(movie.id, id));
    expect(row).toMatchObject({ title: "The Godfather (restored)", budget: null });
    const cast = await castOf(id);
    expect(cast.map((c) => [c.id === michael.id, c.name, c.description, c.actors.map((a) => a.person_id)])).toEqual([
      [true, "Michael Corleone", "The heir.", [ids.pacino]],
      [false, "Sonny Corleone", null, [ids.caan]],
    ]);
    expect(cast.some((c) => c.id === vito.id)).toBe(false);
    expect(await db.select().from(character_actors).where(eq(character_actors.character_id, vito.id))).toEqual([]);
    const genreIds = (await db.select({ g: movie_genres.genre_id }).from(movie_genres).where(eq(movie_genres.movie_id, id))).map((r) => r.g).sort();
    expect(genreIds).toEqual([ids.drama, ids.comedy].sort());
  });

  it("keeps the cast in the order the grid sent it, and the public page follows it within each role", async () => {
    const { id, version } = await created(
      godfather({
        cast: [
          { id: null, name: "Vito Corleone", description: null, role: "lead", actor_ids: [ids.brando] },
          { id: null, name: "Michael Corleone", description: null, role: "lead", actor_ids: [ids.pacino] },
          { id: null, name: "Sonny Corleone", description: null, role: "supporting", actor_ids: [ids.caan] },
        ],
      }),
    );
    const [vito, michael, sonny] = await castOf(id);
    // Michael moved above Vito; Sonny first in the grid but still listed after the leads on the public page.
    const result = await updateMovie(
      id,
      version,
      godfather({
        cast: [
          { id: sonny.id, name: "Sonny Corleone", description: null, role: "supporting", actor_ids: [ids.caan] },
          { id: michael.id, name: "Michael Corleone", description: null, role: "lead", actor_ids: [ids.pacino] },
          { id: vito.id, name: "Vito Corleone", description: null, role: "lead", actor_ids: [ids.brando] },
        ],
      }),
    );
    expect(result.ok).toBe(true);
    const editable = await getEditableMovie(id);
    expect(editable?.cast?.map((c) => c.name)).toEqual(["Sonny Corleone", "Michael Corleone", "Vito Corleone"]);
    const detail = await getMovieDetail(id);
    expect(detail?.cast.map((c) => c.name)).toEqual(["Michael Corleone", "Vito Corleone", "Sonny Corleone"]);
  });

  it("refuses a stale version: nothing written, and the answer is the movie as the other editor saved it", async () => {
    const { id, version: opened } = await created();
    const theirs = await updateMovie(id, opened, godfather({ title: "Their title", genre_ids: [ids.comedy] }));
    expect(theirs.ok).toBe(true);

    const mine = await updateMovie(id, opened, godfather({ title: "My title", cast: [] }));
    expect(mine).toMatchObject({ ok: false, conflict: { id, title: "Their title", genres: [{ id: ids.comedy, label: "Comedy" }] } });
    expect(!mine.ok && "conflict" in mine && mine.conflict.version).toBe(theirs.ok && theirs.version);
    const [row] = await db.select({ title: movie.title }).from(movie).where(eq(movie.id, id));
    expect(row.title).toBe("Their title");
    expect(await characterCount()).toBe(2);

    // Saving again with their version overwrites knowingly.
    const again = await updateMovie(id, (mine as { conflict: { version: string } }).conflict.version, godfather({ title: "My title", cast: [] }));
    expect(again.ok).toBe(true);
    expect((await db.select({ title: movie.title }).from(movie).where(eq(movie.id, id)))[0].title).toBe("My title");
    expect(await characterCount()).toBe(0);
  });

  it("says when the movie was deleted meanwhile", async () => {
    const { id, version } = await created();
    await db.delete(movie).where(eq(movie.id, id));
    expect(await updateMovie(id, version, godfather())).toMatchObject({ ok: false, gone: true });
  });

  it("refuses tampered ids without writing, and never touches another film's characters", async () => {
    const { id, version } = await created();
    const other = await created(godfather({ title: "Other film", cast: [{ id: null, name: "Kay Adams", description: null, role: null, actor_ids: [] }] }));
    const [kay] = await castOf(other.id);

    const refused = await updateMovie(id, version, godfather({ title: "Changed", genre_ids: [999_999] }));
    expect(refused).toMatchObject({ ok: false, unknown: ["genre_ids"] });
    expect((await db.select({ title: movie.title }).from(movie).where(eq(movie.id, id)))[0].title).toBe("The Godfather");

    // Another film's character id in this film's grid: a new character here; Kay stays in her film, unchanged.
    const result = await updateMovie(id, version, godfather({ cast: [{ id: kay.id, name: "Hijacked", description: null, role: "lead", actor_ids: [ids.brando] }] }));
    expect(result.ok).toBe(true);
    expect((await castOf(other.id)).map((c) => [c.id, c.name, c.actors.length])).toEqual([[kay.id, "Kay Adams", 0]]);
    expect((await castOf(id)).map((c) => c.name)).toEqual(["Hijacked"]);
  });

  it("leaves the cast alone when the form had no cast grid", async () => {
    const { id, version } = await created();
    expect((await updateMovie(id, version, godfather({ title: "No grid", cast: null }))).ok).toBe(true);
    expect((await castOf(id)).map((c) => c.name)).toEqual(["Vito Corleone", "Michael Corleone"]);
  });
});

describe("deleteMovie", () => {
  it("counts what goes with the movie and deletes only once confirmed", async () => {
    const { id } = await created();
    await db.insert(favorite_movies).values([ids.alice, ids.bob, ids.carol].map((user_id) => ({ user_id, movie_id: id })));
    expect(await getMovieDeleteConsequences(id)).toEqual({ title: "The Godfather", characters: 2, castings: 3, favorites: 3 });

    expect(await deleteMovie(id, false)).toEqual({ needsConfirmation: { title: "The Godfather", characters: 2, castings: 3, favorites: 3 } });
    expect(deleteConsequenceLines({ title: "The Godfather", characters: 2, castings: 3, favorites: 1 })).toEqual(["2 characters and their 3 castings", "favorite of 1 user"]);
    expect(await movieCount()).toBe(1);

    expect(await deleteMovie(id, true)).toEqual({ deleted: { title: "The Godfather", characters: 2, castings: 3, favorites: 3 } });
    expect(await movieCount()).toBe(0);
    expect(await characterCount()).toBe(0);
    expect(await db.select().from(favorite_movies)).toEqual([]);
    expect(await db.select().from(movie_genres)).toEqual([]);
    // People, genres and the poster stay.
    expect((await db.select().from(person)).length).toBe(4);
    expect((await db.select().from(file_)).length).toBe(2);
    expect(await deleteMovie(id, true)).toEqual({ gone: true });
  });

  it("deletes a movie with nothing attached at once", async () => {
    const { id } = await created(godfather({ cast: [] }));
    expect(await deleteMovie(id, false)).toMatchObject({ deleted: { characters: 0, favorites: 0 } });
    expect(await movieCount()).toBe(0);
  });
});

describe("listAdminMovies", () => {
  async function catalogue() {
    const amelie = await created(godfather({ title: "Le Fabuleux Destin d'Amélie Poulain", release_date: "2001-04-25", country_id: ids.france, genre_ids: [ids.comedy], poster_id: null, director_id: null, cast: [] }));
    const up = await created(godfather({ title: "Up", release_date: null, genre_ids: [], cast: [] }));
    const godfatherFilm = await created(godfather({ cast: [] }));
    return { amelie: amelie.id, up: up.id, godfather: godfatherFilm.id };
  }
  const list = (query: Record<string, string | string[]>) => listAdminMovies(parseAdminMovieListParams(query));

  it("searches titles without regard to accents or case, short words by their start", async () => {
    const f = await catalogue();
    expect((await list({ q: "AMELIE" })).rows.map((r) => r.id)).toEqual([f.amelie]);
    expect((await list({ q: "up" })).rows.map((r) => r.id)).toEqual([f.up]);
    expect((await list({ q: "50%_" })).rows).toEqual([]);
  });

  it("filters by genre, country, year, missing poster and missing genres", async () => {
    const f = await catalogue();
    const idsOf = async (q: Record<string, string | string[]>) => (await list(q)).rows.map((r) => r.id).sort();
    expect(await idsOf({ genre: String(ids.comedy) })).toEqual([f.amelie]);
    expect(await idsOf({ country: String(ids.us) })).toEqual([f.up, f.godfather].sort());
    expect(await idsOf({ year: "1972" })).toEqual([f.godfather]);
    expect(await idsOf({ missing: "poster" })).toEqual([f.amelie]);
    expect(await idsOf({ missing: "genres" })).toEqual([f.up]);
    expect(await idsOf({ missing: ["poster", "genres"] })).toEqual([]);
  });

  it("sorts by title, release date (unknown dates last) and recent edits, with the columns the table shows", async () => {
    const f = await catalogue();
    expect((await list({ sort: "title" })).rows.map((r) => r.title)).toEqual(["Le Fabuleux Destin d'Amélie Poulain", "The Godfather", "Up"]);
    expect((await list({ sort: "release" })).rows.map((r) => r.id)).toEqual([f.amelie, f.godfather, f.up]);
    await db.execute(sql`update movie set title = title where id = ${f.amelie}`);
    expect((await list({})).rows.map((r) => r.id)).toEqual([f.amelie, f.godfather, f.up]);
    const row = (await list({ q: "godfather" })).rows[0];
    expect(row).toMatchObject({ title: "The Godfather", year: 1972, director: "Francis Ford Coppola", country: "United States", genres: ["Crime", "Drama"], posterUrl: "/files/adminposter01.webp" });
    expect(Number.isNaN(Date.parse(row.updatedAt))).toBe(false);
  });

  it("pages by 50 and clamps pages past the end or garbage", async () => {
    await db.insert(movie).values(Array.from({ length: 120 }, (_, i) => ({ title: `Film ${String(i).padStart(3, "0")}` })));
    const third = await list({ sort: "title", page: "3" });
    expect(third).toMatchObject({ total: 120, page: 3, pageCount: 3 });
    expect(third.rows.map((r) => r.title)).toEqual(Array.from({ length: 20 }, (_, i) => `Film ${100 + i}`));
    expect((await list({ page: "99" })).page).toBe(3);
    expect((await list({ page: "abc" })).page).toBe(1);
    expect((await list({ page: "-4", sort: "nonsense", genre: "x", year: "1e3" })).rows).toHaveLength(50);
  });
});

describe("the movie form's validation", () => {
  function form(fields: [string, string][]) {
    const data = new FormData();
    for (const [k, v] of fields) data.append(k, v);
    return data;
  }

  it("reads the cast grid's rows in order, with their actors", () => {
    const raw = readMovieForm(
      form([
        ["title", " Heat "],
        ["genre_ids", "3"],
        ["genre_ids", "3"],
        ["cast_present", "1"],
        ["cast_row", "b"],
        ["cast_row", "a"],
        ["cast_b_name", "Neil McCauley"],
        ["cast_b_actors", "7"],
        ["cast_b_actors", "8"],
        ["cast_a_name", "Vincent Hanna"],
        ["cast_a_role", "lead"],
        ["cast_a_id", "12"],
      ]),
    );
    const result = validateMovieForm(raw);
    expect(result.data).toMatchObject({
      title: "Heat",
      genre_ids: [3],
      director_id: null,
      cast: [
        { id: null, name: "Neil McCauley", role: null, actor_ids: [7, 8] },
        { id: 12, name: "Vincent Hanna", role: "lead", actor_ids: [] },
      ],
    });
    expect(validateMovieForm(readMovieForm(form([["title", "No grid"]]))).data?.cast).toBeNull();
  });

  it("gives a message per field, cast rows included", () => {
    const result = validateMovieForm(
      readMovieForm(
        form([
          ["title", "   "],
          ["release_date", "2023-02-30"],
          ["duration", "two hours"],
          ["budget", "-5"],
          ["director_id", "1 OR 1=1"],
          ["genre_ids", "abc"],
          ["cast_present", "1"],
          ["cast_row", "x"],
          ["cast_row", "y"],
          ["cast_x_name", "Fine"],
          ["cast_y_name", ""],
          ["cast_y_role", "hero"],
        ]),
      ),
    );
    expect(result.fieldErrors).toEqual({
      title: "Enter the title.",
      release_date: "This date does not exist.",
      duration: "Enter the runtime in whole minutes.",
      budget: expect.stringContaining("US dollars"),
      director_id: "Choose a director from the list.",
      genre_ids: "Choose a genre from the list.",
      "cast.1.name": "Name the character.",
      "cast.1.role": "Choose lead, supporting or minor.",
    });
  });

  it("accepts budgets written with separators and empty optional fields", () => {
    const result = validateMovieForm(readMovieForm(form([["title", "Heat"], ["budget", "$60,000,000"], ["duration", ""], ["release_date", ""], ["country_id", ""]])));
    expect(result.data).toMatchObject({ budget: "60000000", duration: null, release_date: null, country_id: null, genre_ids: [] });
  });
});
