import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createCharacter, deleteCharacter, getCharacterForEdit, listAdminCharacters, updateCharacter } from "@/db/queries/admin/characters";
import { character_, movie, person } from "@/db/schema";
import { actorLinksLine, referenceErrors } from "@/app/admin/characters/messages";
import { parseForm } from "@/lib/form-state";
import { characterCreateSchema, characterUpdateSchema, parseAdminCharactersParams, type CharacterInput } from "@/lib/validation/admin/character";
import { openTestDatabase } from "../support/database";

const { db, sql: client } = openTestDatabase();

const ids: Record<string, number> = {};
const input = (values: Partial<CharacterInput>): CharacterInput => ({ name: "", description: null, role: null, movie_id: ids.godfather, actor_ids: [], ...values });
const count = async (table: string) => (await db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
  return data;
}

beforeEach(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  const films = await db
    .insert(movie)
    .values([
      { title: "The Godfather", release_date: "1972-03-14" },
      { title: "Apocalypse Now", release_date: "1979-08-15" },
    ])
    .returning({ id: movie.id });
  [ids.godfather, ids.apocalypse] = films.map((f) => f.id);
  const people = await db
    .insert(person)
    .values([
      { first_name: "Marlon", last_name: "Brando", date_of_birth: "1924-04-03" },
      { first_name: "Robert", last_name: "De Niro" },
      { first_name: "Al", last_name: "Pacino" },
    ])
    .returning({ id: person.id });
  [ids.brando, ids.deniro, ids.pacino] = people.map((p) => p.id);
});
afterAll(() => client.end({ timeout: 5 }));

describe("admin characters: create and update", () => {
  it("creates a character in a movie with its actors in the order given; unknown movie or actor ids write nothing", async () => {
    const created = await createCharacter(input({ name: "Vito Corleone", role: "lead", actor_ids: [ids.deniro, ids.brando] }));
    expect(created).toEqual({ id: expect.any(Number) });
    const saved = await getCharacterForEdit((created as { id: number }).id);
    expect(saved).toMatchObject({
      name: "Vito Corleone",
      role: "lead",
      movie: { id: ids.godfather, label: "The Godfather (1972)" },
      actors: [
        { id: ids.deniro, label: "Robert De Niro" },
        { id: ids.brando, label: "Marlon Brando", detail: "born 1924" },
      ],
    });

    expect(await createCharacter(input({ name: "Ghost", movie_id: 999_999 }))).toEqual({ unknown: ["movie_id"] });
    expect(referenceErrors({ unknown: ["movie_id"] })).toEqual({ movie_id: expect.stringContaining("does not exist") });
    expect(await createCharacter(input({ name: "Ghost", actor_ids: [ids.brando, 999_999] }))).toEqual({ unknown: ["actor_ids"] });
    expect(await count("character_")).toBe(1);
    expect(await count("character_actors")).toBe(2);

    // A new character comes last in its film's cast order.
    const second = (await createCharacter(input({ name: "Sonny Corleone" }))) as { id: number };
    const positions = await db.execute<{ name: string; position: number }>(sql`select name, position from character_ order by position, id`);
    expect(positions.map((r) => r.name)).toEqual(["Vito Corleone", "Sonny Corleone"]);
    expect(positions[1].position).toBeGreaterThan(positions[0].position);
    expect(second.id).toBeGreaterThan(0);
  });

  it("adds a second actor over the version it loaded; an older version meets a conflict and writes nothing", async () => {
    const { id } = (await createCharacter(input({ name: "Michael Corleone", actor_ids: [ids.pacino] }))) as { id: number };
    const opened = (await getCharacterForEdit(id))!;

    const saved = await updateCharacter(id, opened.version, input({ name: "Michael Corleone", role: "lead", movie_id: ids.apocalypse, actor_ids: [ids.pacino, ids.brando] }));
    expect(saved).toEqual({ ok: true, version: expect.any(String), movieId: ids.apocalypse, previousMovieId: ids.godfather });
    const after = (await getCharacterForEdit(id))!;
    expect(after.actors.map((a) => a.id)).toEqual([ids.pacino, ids.brando]);
    expect(after.movie.id).toBe(ids.apocalypse);

    const stale = await updateCharacter(id, opened.version, input({ name: "Mike", actor_ids: [] }));
    expect("conflict" in stale && stale.conflict).toMatchObject({ name: "Michael Corleone", role: "lead", actors: [{ label: "Al Pacino" }, { label: "Marlon Brando" }] });
    expect((await getCharacterForEdit(id))!.actors).toHaveLength(2);

    // Removing an actor keeps the other one's link; unknown ids are refused without touching the links.
    const again = await updateCharacter(id, after.version, input({ name: "Michael Corleone", actor_ids: [ids.brando] }));
    expect(again).toMatchObject({ ok: true });
    expect((await getCharacterForEdit(id))!.actors.map((a) => a.id)).toEqual([ids.brando]);
    const tampered = await updateCharacter(id, (again as { version: string }).version, input({ name: "X", actor_ids: [123_456] }));
    expect(tampered).toEqual({ unknown: ["actor_ids"] });
    expect((await getCharacterForEdit(id))!.name).toBe("Michael Corleone");

    await db.delete(character_).where(sql`id = ${id}`);
    expect(await updateCharacter(id, opened.version, input({ name: "X" }))).toEqual({ gone: true });
  });

  it("bad input and tampered ids get per-field messages from the schema", () => {
    const bad = parseForm(characterUpdateSchema, form({ id: "abc", version: "", name: "", role: "<b>", movie_id: "1 OR 1=1", actor_ids: ["3", "-1"] }));
    expect(Object.keys(bad.state!.fieldErrors!).sort()).toEqual(["actor_ids", "id", "movie_id", "name", "role", "version"]);
    const missingMovie = parseForm(characterCreateSchema, form({ name: "Kay Adams", movie_id: "" }));
    expect(missingMovie.state!.fieldErrors).toEqual({ movie_id: "Choose the movie this character is in." });
    const ok = parseForm(characterCreateSchema, form({ name: " Kay Adams ", role: "Supporting", movie_id: "7", actor_ids: ["3", "3", "5"], description: "" }));
    expect(ok.data).toEqual({ name: "Kay Adams", role: "supporting", movie_id: 7, actor_ids: [3, 5], description: null });
  });
});

describe("admin characters: delete and list", () => {
  it("asks before taking the actor links; the people stay", async () => {
    const { id } = (await createCharacter(input({ name: "Vito Corleone", actor_ids: [ids.brando, ids.deniro] }))) as { id: number };
    const asked = await deleteCharacter(id, false);
    expect(asked).toEqual({ needsConfirmation: { actors: ["Marlon Brando", "Robert De Niro"] } });
    expect(actorLinksLine(["Marlon Brando", "Robert De Niro"])).toBe("its 2 actor links (Marlon Brando, Robert De Niro); the people themselves stay");
    expect(await getCharacterForEdit(id)).not.toBeNull();
    expect(await deleteCharacter(id, true)).toEqual({ deleted: true, name: "Vito Corleone", movieId: ids.godfather, actorIds: [ids.brando, ids.deniro] });
    expect(await count("character_")).toBe(0);
    expect(await count("character_actors")).toBe(0);
    expect(await count("person")).toBe(3);
    expect(await deleteCharacter(id, true)).toEqual({ gone: true });
  });

  it("searches names accent-tolerantly, finds characters without an actor and shows each one's movie", async () => {
    await createCharacter(input({ name: "Amélie Poulain", actor_ids: [ids.brando] }));
    await createCharacter(input({ name: "Kay Adams", movie_id: ids.apocalypse }));
    await createCharacter(input({ name: "Tom Hagen", actor_ids: [ids.deniro, ids.pacino] }));

    const list = (query: Record<string, string>) => listAdminCharacters(parseAdminCharactersParams(query));
    const all = await list({});
    expect(all.rows.map((c) => c.name)).toEqual(["Tom Hagen", "Kay Adams", "Amélie Poulain"]);
    expect(all.rows[0]).toMatchObject({ actorCount: 2, actors: [{ name: "Robert De Niro" }, { name: "Al Pacino" }], movie: { title: "The Godfather", year: 1972 } });

    expect((await list({ q: "amelie" })).rows.map((c) => c.name)).toEqual(["Amélie Poulain"]);
    const orphans = await list({ actor: "none" });
    expect(orphans.rows.map((c) => [c.name, c.movie.title])).toEqual([["Kay Adams", "Apocalypse Now"]]);
    expect(orphans.total).toBe(1);
    expect(await list({ q: "zzz", actor: "none" })).toMatchObject({ rows: [], total: 0, page: 1 });
    expect(await list({ q: "a", page: "40" })).toMatchObject({ page: 1, pageCount: 1 });
  });
});
