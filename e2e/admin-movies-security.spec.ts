/**
 * The movie admin's server actions are public endpoints: called directly as nobody or as a plain user they
 * change nothing; called by an editor with bad input they answer field errors and write nothing.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { eq, sql } from "drizzle-orm";
import { character_, character_actors, movie, movie_genres, person } from "@/db/schema";
import { withTestDatabase } from "./support/database";
import { callAction, signInRequest } from "./support/server-actions";

const FILE = "app/admin/movies/actions.ts";
const create = { file: FILE, name: "createMovieAction" };
const update = { file: FILE, name: "updateMovieAction" };
const remove = { file: FILE, name: "deleteMovieAction" };

type Arranged = { id: number; version: string; title: string; characterId: number; personId: number };

/** A movie with one genre and one character played by one actor, straight in the database. */
async function arrangeMovie(): Promise<Arranged> {
  const title = `Guarded Film ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return withTestDatabase(async (db) => {
    const [actor] = await db.select({ id: person.id }).from(person).limit(1);
    const genre = await db.execute<{ id: number }>(sql`select id from genres order by id limit 1`);
    const [row] = await db.insert(movie).values({ title, duration: 90 }).returning({ id: movie.id });
    await db.insert(movie_genres).values({ movie_id: row.id, genre_id: genre[0].id });
    const [character] = await db.insert(character_).values({ name: "The Guard", movie_id: row.id, role: "lead" }).returning({ id: character_.id });
    await db.insert(character_actors).values({ character_id: character.id, person_id: actor.id });
    const [{ version }] = await db.execute<{ version: string }>(sql`select updated_at::text as version from movie where id = ${row.id}`);
    return { id: row.id, version, title, characterId: character.id, personId: actor.id };
  });
}

/** What an editor would see of the movie: its row, genres and cast. */
function snapshot(id: number) {
  return withTestDatabase(async (db) => ({
    movie: (await db.select().from(movie).where(eq(movie.id, id)))[0] ?? null,
    genres: (await db.select({ g: movie_genres.genre_id }).from(movie_genres).where(eq(movie_genres.movie_id, id))).map((r) => r.g),
    cast: await db.execute(sql`select c.id, c.name, c.role, array(select ca.person_id from character_actors ca where ca.character_id = c.id order by 1) as actors from character_ c where c.movie_id = ${id} order by c.id`),
  }));
}

const moviesTitled = (title: string) => withTestDatabase(async (db) => (await db.select({ id: movie.id }).from(movie).where(eq(movie.title, title))).length);

function movieFields(m: Arranged, title: string): Record<string, string | string[]> {
  return {
    id: String(m.id),
    version: m.version,
    title,
    duration: "95",
    cast_present: "1",
    cast_row: ["a", "b"],
    cast_a_id: String(m.characterId),
    cast_a_name: "Renamed Guard",
    cast_b_name: "Intruder",
    cast_b_actors: String(m.personId),
  };
}

for (const who of ["anonymous", "visitor"] as const) {
  test(`every movie action called ${who === "anonymous" ? "anonymously" : "by a plain user"} changes nothing`, async ({ playwright, baseURL }) => {
    const arranged = await arrangeMovie();
    const before = await snapshot(arranged.id);
    const context: APIRequestContext = await playwright.request.newContext({ baseURL });
    if (who === "visitor") await signInRequest(context, "visitor", "marquee-visitor");
    const refusal = who === "anonymous" ? "Sign in again" : "Only editors can do this.";

    const title = `Intruder Film ${Date.now()}`;
    const created = await callAction(context, create, movieFields(arranged, title), { previousState: {} });
    expect(await created.text()).toContain(refusal);
    const updated = await callAction(context, update, movieFields(arranged, title), { previousState: {} });
    expect(await updated.text()).toContain(refusal);
    const deleted = await callAction(context, remove, { id: String(arranged.id), confirm: "yes" }, { previousState: {} });
    expect(await deleted.text()).toContain(refusal);

    expect(await moviesTitled(title)).toBe(0);
    expect(await snapshot(arranged.id)).toEqual(before);
    await context.dispose();
  });
}

test("an editor's bad input gets field errors and writes nothing", async ({ playwright, baseURL }) => {
  const arranged = await arrangeMovie();
  const before = await snapshot(arranged.id);
  const context = await playwright.request.newContext({ baseURL });
  await signInRequest(context, "editor", "marquee-editor");

  // Invalid values: one message per field, cast rows included.
  const invalid = await callAction(
    context,
    create,
    { title: "   ", release_date: "2023-02-30", duration: "two hours", budget: "-5", cast_present: "1", cast_row: "x", cast_x_name: "", cast_x_role: "hero" },
    { previousState: {} },
  );
  const invalidText = await invalid.text();
  for (const message of ["Enter the title.", "This date does not exist.", "Enter the runtime in whole minutes.", "Name the character.", "Choose lead, supporting or minor."]) {
    expect(invalidText).toContain(message);
  }

  // Tampered ids: unknown genre, person, country and file.
  const title = `Tampered Film ${Date.now()}`;
  const tampered = await callAction(
    context,
    create,
    { title, genre_ids: "987654321", director_id: "987654321", country_id: "987654321", poster_id: "987654321", cast_present: "1", cast_row: "x", cast_x_name: "Ghost", cast_x_actors: "987654321" },
    { previousState: {} },
  );
  const tamperedText = await tampered.text();
  for (const field of ["genre_ids", "director_id", "country_id", "poster_id", "cast.0.actor_ids"]) {
    expect(tamperedText).toContain(`"${field}"`);
  }
  expect(tamperedText).toContain("choose the director again");
  expect(await moviesTitled(title)).toBe(0);

  // The same through an update: nothing changes on the arranged movie.
  const tamperedUpdate = await callAction(context, update, { ...movieFields(arranged, title), genre_ids: "987654321" }, { previousState: {} });
  expect(await tamperedUpdate.text()).toContain("One of these genres does not exist");
  expect(await snapshot(arranged.id)).toEqual(before);

  // A stale or malformed version is refused.
  const stale = await callAction(context, update, { ...movieFields(arranged, title), version: "2001-01-01 00:00:00+00" }, { previousState: {} });
  expect(await stale.text()).toContain("changed by someone else since you opened it");
  const malformed = await callAction(context, update, { ...movieFields(arranged, title), version: "yesterday" }, { previousState: {} });
  expect(await malformed.text()).toContain("missing its version");
  const garbageId = await callAction(context, update, { ...movieFields(arranged, title), id: "1 OR 1=1" }, { previousState: {} });
  expect(await garbageId.text()).toContain("could not be found");
  expect(await snapshot(arranged.id)).toEqual(before);

  // Deleting without confirmation answers with what would go, and deletes nothing.
  const unconfirmed = await callAction(context, remove, { id: String(arranged.id) }, { previousState: {} });
  expect(await unconfirmed.text()).toContain("1 character and their 1 casting");
  const garbageDelete = await callAction(context, remove, { id: "abc", confirm: "yes" }, { previousState: {} });
  expect(await garbageDelete.text()).toContain("could not be found");
  expect(await snapshot(arranged.id)).toEqual(before);
  await context.dispose();
});
