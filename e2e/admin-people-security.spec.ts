/**
 * The people and characters admin actions are public endpoints: called directly, as nobody or as a plain user
 * (the demo visitor), every one of them answers a refusal and changes nothing. Called by an editor with tampered
 * ids they answer field errors and write nothing.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { eq, sql } from "drizzle-orm";
import { character_, character_actors, file_, movie, person, person_photos } from "@/db/schema";
import { withTestDatabase } from "./support/database";
import { callAction, signInRequest } from "./support/server-actions";
import { createTestUser } from "./support/users";

const PEOPLE = "app/admin/people/actions.ts";
const CHARACTERS = "app/admin/characters/actions.ts";

type Arranged = { personId: number; version: string; photoA: number; photoB: number; movieId: number; characterId: number; characterVersion: string; actorId: number };

/** A person with a two-photo gallery (one the main photo) and a character played by another person. */
async function arrange(): Promise<Arranged> {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return withTestDatabase(async (db) => {
    const [a, b] = await db
      .insert(file_)
      .values(["a", "b"].map((k) => ({ file_name: `guard-${k}-${id}.png`, mime_type: "image/png", file_key: `guard-${k}-${id}.png`, file_url: `/files/guard-${k}-${id}.png`, is_public: true })))
      .returning({ id: file_.id });
    const [p] = await db.insert(person).values({ first_name: "Guarded", last_name: id, main_photo_id: a.id }).returning({ id: person.id });
    await db.insert(person_photos).values([{ person_id: p.id, file_id: a.id }, { person_id: p.id, file_id: b.id }]);
    const [actor] = await db.insert(person).values({ first_name: "Guard", last_name: `Actor ${id}` }).returning({ id: person.id });
    const [m] = await db.insert(movie).values({ title: `Guarded Story ${id}` }).returning({ id: movie.id });
    const [c] = await db.insert(character_).values({ name: `Sentinel ${id}`, movie_id: m.id, role: "lead" }).returning({ id: character_.id });
    await db.insert(character_actors).values({ character_id: c.id, person_id: actor.id });
    const [{ version }] = await db.execute<{ version: string }>(sql`select updated_at::text as version from person where id = ${p.id}`);
    const [{ version: characterVersion }] = await db.execute<{ version: string }>(sql`select updated_at::text as version from character_ where id = ${c.id}`);
    return { personId: p.id, version, photoA: a.id, photoB: b.id, movieId: m.id, characterId: c.id, characterVersion, actorId: actor.id };
  });
}

/** Everything these actions could touch, for the arranged rows, plus table sizes (for creations). */
function snapshot(a: Arranged) {
  return withTestDatabase(async (db) => ({
    person: (await db.select().from(person).where(eq(person.id, a.personId)))[0] ?? null,
    gallery: (await db.select({ f: person_photos.file_id }).from(person_photos).where(eq(person_photos.person_id, a.personId))).map((r) => r.f).sort(),
    files: (await db.select({ id: file_.id }).from(file_).where(sql`${file_.id} in (${a.photoA}, ${a.photoB})`)).length,
    character: (await db.select().from(character_).where(eq(character_.id, a.characterId)))[0] ?? null,
    actors: (await db.select({ p: character_actors.person_id }).from(character_actors).where(eq(character_actors.character_id, a.characterId))).map((r) => r.p),
    counts: (await db.execute<{ people: number; characters: number; countries: number }>(sql`select (select count(*) from person)::int as people, (select count(*) from character_)::int as characters, (select count(*) from countries)::int as countries`))[0],
  }));
}

function calls(a: Arranged): [string, string, Record<string, string | string[]>][] {
  const personFields = { first_name: "Mallory", last_name: "Intruder", biography: "Tampered", date_of_birth: "1970-01-01", country_id: "", main_photo_id: String(a.photoB) };
  const characterFields = { name: "Hijacked", description: "Tampered", role: "minor", movie_id: String(a.movieId), actor_ids: [String(a.actorId), String(a.personId)] };
  return [
    [PEOPLE, "createPersonAction", personFields],
    [PEOPLE, "updatePersonAction", { ...personFields, id: String(a.personId), version: a.version }],
    [PEOPLE, "deletePersonAction", { id: String(a.personId), confirm: "yes" }],
    [PEOPLE, "addGalleryPhotosAction", { person_id: String(a.personId), file_ids: [String(a.photoA), String(a.photoB)] }],
    [PEOPLE, "makeMainPhotoAction", { person_id: String(a.personId), file_id: String(a.photoB) }],
    [PEOPLE, "removeGalleryPhotoAction", { person_id: String(a.personId), file_id: String(a.photoA) }],
    [CHARACTERS, "createCharacterAction", characterFields],
    [CHARACTERS, "updateCharacterAction", { ...characterFields, id: String(a.characterId), version: a.characterVersion }],
    [CHARACTERS, "deleteCharacterAction", { id: String(a.characterId), confirm: "yes" }],
  ];
}

for (const who of ["anonymous", "visitor"] as const) {
  test(`every people and characters action called ${who === "anonymous" ? "anonymously" : "by a plain user"} changes nothing`, async ({ playwright, baseURL }) => {
    const arranged = await arrange();
    const before = await snapshot(arranged);
    const context: APIRequestContext = await playwright.request.newContext({ baseURL });
    if (who === "visitor") await signInRequest(context, "visitor", "marquee-visitor");
    const refusal = who === "anonymous" ? "Your session has ended. Sign in again to continue." : "Only editors can do this.";

    for (const [file, name, fields] of calls(arranged)) {
      const response = await callAction(context, { file, name }, fields, { previousState: {} });
      expect(response.status(), name).toBe(200);
      expect(await response.text(), name).toContain(refusal);
    }
    const after = await snapshot(arranged);
    // Parallel specs add people and characters of their own: ours must be untouched and none named like the calls.
    expect({ ...after, counts: undefined }).toEqual({ ...before, counts: undefined });
    const intruders = await withTestDatabase(async (db) => ({
      people: (await db.select().from(person).where(eq(person.first_name, "Mallory"))).length,
      characters: (await db.select().from(character_).where(eq(character_.name, "Hijacked"))).length,
    }));
    expect(intruders).toEqual({ people: 0, characters: 0 });
    await context.dispose();
  });
}

test("an editor's tampered ids are field errors and write nothing", async ({ playwright, baseURL }) => {
  const arranged = await arrange();
  const before = await snapshot(arranged);
  const editor = await createTestUser("editor");
  const context = await playwright.request.newContext({ baseURL });
  await signInRequest(context, editor.username, editor.password);
  const missingCountry = await withTestDatabase(async (db) => (await db.execute<{ id: number }>(sql`select coalesce(max(id), 0) + 1000 as id from countries`))[0].id);

  const person = await callAction(
    context,
    { file: PEOPLE, name: "updatePersonAction" },
    { id: String(arranged.personId), version: arranged.version, first_name: "Guarded", last_name: "Changed", country_id: String(missingCountry), main_photo_id: "999999999" },
    { previousState: {} },
  );
  const personText = await person.text();
  expect(personText).toContain("This country does not exist");
  expect(personText).toContain("This photo could not be found");

  const gallery = await callAction(context, { file: PEOPLE, name: "addGalleryPhotosAction" }, { person_id: String(arranged.personId), file_ids: ["1 OR 1=1"] }, { previousState: {} });
  expect(await gallery.text()).toContain("Upload the photos again.");
  const foreign = await callAction(context, { file: PEOPLE, name: "makeMainPhotoAction" }, { person_id: String(arranged.personId), file_id: "999999999" }, { previousState: {} });
  expect(await foreign.text()).toContain("This photo is not in the gallery.");

  const character = await callAction(
    context,
    { file: CHARACTERS, name: "updateCharacterAction" },
    { id: String(arranged.characterId), version: arranged.characterVersion, name: "Renamed", movie_id: "2147483000", actor_ids: [String(arranged.actorId), "-4"] },
    { previousState: {} },
  );
  const characterText = await character.text();
  expect(characterText).toContain("Choose the actors from the list.");
  const unknownMovie = await callAction(
    context,
    { file: CHARACTERS, name: "updateCharacterAction" },
    { id: String(arranged.characterId), version: arranged.characterVersion, name: "Renamed", movie_id: "2147483000", actor_ids: [String(arranged.actorId)] },
    { previousState: {} },
  );
  expect(await unknownMovie.text()).toContain("This movie does not exist");

  const after = await snapshot(arranged);
  expect({ ...after, counts: undefined }).toEqual({ ...before, counts: undefined });
  await context.dispose();
});
