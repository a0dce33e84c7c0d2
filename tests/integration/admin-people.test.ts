import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { deletePerson } from "@/db/queries/admin/people/delete";
import { getPersonForEdit } from "@/db/queries/admin/people/form";
import { addGalleryPhotos, makeMainPhoto, removeGalleryPhoto } from "@/db/queries/admin/people/gallery";
import { listAdminPeople } from "@/db/queries/admin/people/list";
import { createPerson, updatePerson } from "@/db/queries/admin/people/save";
import { character_, character_actors, countries, file_, movie, person, person_photos } from "@/db/schema";
import { creditReference, galleryRefusal, photoLines, referenceErrors } from "@/app/admin/people/messages";
import { parseForm } from "@/lib/form-state";
import { parseAdminPeopleParams, personCreateSchema, personUpdateSchema, type PersonInput } from "@/lib/validation/admin/person";
import { openTestDatabase } from "../support/database";

const { db, sql: client } = openTestDatabase();

let fileSeq = 0;
async function addFile(mime = "image/webp") {
  const key = `admin-people-${++fileSeq}.${mime === "image/webp" ? "webp" : "csv"}`;
  const [f] = await db.insert(file_).values({ file_name: key, mime_type: mime, file_key: key, file_url: `/files/${key}`, is_public: true }).returning({ id: file_.id });
  return f.id;
}

const blank: PersonInput = { first_name: "", last_name: "", biography: null, gender: null, date_of_birth: null, date_of_death: null, country_id: null, main_photo_id: null };
const input = (values: Partial<PersonInput>): PersonInput => ({ ...blank, ...values });

const count = async (table: string) => (await db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
  return data;
}

beforeEach(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
});
afterAll(() => client.end({ timeout: 5 }));

describe("admin people: create and update", () => {
  it("creates a person with a country and a main photo; ids that point nowhere are field errors and write nothing", async () => {
    const [spain] = await db.insert(countries).values({ name: "Spain" }).returning({ id: countries.id });
    const photo = await addFile();
    const csv = await addFile("text/csv");

    const created = await createPerson(input({ first_name: "Penélope", last_name: "Cruz", date_of_birth: "1974-04-28", country_id: spain.id, main_photo_id: photo }));
    expect(created).toEqual({ id: expect.any(Number) });
    const saved = await getPersonForEdit((created as { id: number }).id);
    expect(saved).toMatchObject({ name: "Penélope Cruz", date_of_birth: "1974-04-28", country: { id: spain.id, label: "Spain" }, mainPhoto: { id: photo } });

    expect(await createPerson(input({ first_name: "Ghost", country_id: 999_999 }))).toEqual({ unknown: ["country_id"] });
    expect(referenceErrors({ unknown: ["country_id"] })).toEqual({ country_id: expect.stringContaining("does not exist") });
    expect(await createPerson(input({ first_name: "Ghost", main_photo_id: 999_999 }))).toEqual({ unknown: ["main_photo_id"] });
    // A stored file that is not an image cannot be a photo.
    expect(await createPerson(input({ first_name: "Ghost", main_photo_id: csv }))).toEqual({ unknown: ["main_photo_id"] });
    expect(await count("person")).toBe(1);
  });

  it("saves over the version it loaded; an older version meets a conflict with the current values, and nothing is written", async () => {
    const { id } = (await createPerson(input({ first_name: "Marlon", last_name: "Brando" }))) as { id: number };
    const opened = (await getPersonForEdit(id))!;

    const first = await updatePerson(id, opened.version, input({ first_name: "Marlon", last_name: "Brando", biography: "Omaha-born actor." }));
    expect(first).toEqual({ ok: true, version: expect.any(String), mainPhoto: null });
    expect((first as { version: string }).version).not.toBe(opened.version);

    // A second editor who opened the same version: refused, and shown what is saved now.
    const second = await updatePerson(id, opened.version, input({ first_name: "Marlon", last_name: "Brandon" }));
    expect("conflict" in second && second.conflict).toMatchObject({ last_name: "Brando", biography: "Omaha-born actor.", version: (first as { version: string }).version });
    expect((await getPersonForEdit(id))!.last_name).toBe("Brando");

    // Saving again with their version overwrites knowingly.
    const third = await updatePerson(id, (first as { version: string }).version, input({ first_name: "Marlon", last_name: "Brandon" }));
    expect(third).toMatchObject({ ok: true });
    expect((await getPersonForEdit(id))!.last_name).toBe("Brandon");

    await db.delete(person).where(sql`id = ${id}`);
    expect(await updatePerson(id, opened.version, input({ first_name: "X" }))).toEqual({ gone: true });
  });

  it("bad input and tampered ids get per-field messages from the schema", () => {
    const parsed = parseForm(
      personUpdateSchema,
      form({
        id: "1 OR 1=1",
        version: "yesterday",
        first_name: "   ",
        date_of_birth: "1980-02-30",
        date_of_death: "2999-01-01",
        country_id: "-5",
        main_photo_id: "<script>",
        gender: "robot",
      }),
    );
    expect(Object.keys(parsed.state!.fieldErrors!).sort()).toEqual(["country_id", "date_of_birth", "date_of_death", "first_name", "gender", "id", "main_photo_id", "version"]);
    expect(parsed.state!.values!.first_name).toBe("   ");

    const death = parseForm(personCreateSchema, form({ first_name: "A", date_of_birth: "1950-01-01", date_of_death: "1940-01-01" }));
    expect(death.state!.fieldErrors).toEqual({ date_of_death: "The date of death is before the date of birth." });

    const ok = parseForm(personCreateSchema, form({ first_name: " Bono ", last_name: "", biography: "  ", country_id: "", main_photo_id: "" }));
    expect(ok.data).toEqual({ ...blank, first_name: "Bono" });
  });
});

describe("admin people: delete", () => {
  it("is refused while the person directs or plays in films, listing the first ten films with admin links and the count", async () => {
    const { id } = (await createPerson(input({ first_name: "Busy", last_name: "Director" }))) as { id: number };
    const films = await db
      .insert(movie)
      .values(Array.from({ length: 12 }, (_, i) => ({ title: `Film ${i + 1}`, release_date: `${1990 + i}-01-01`, director_id: id })))
      .returning({ id: movie.id });
    const [cameo] = await db.insert(character_).values({ name: "Himself", movie_id: films[0].id }).returning({ id: character_.id });
    await db.insert(character_actors).values({ character_id: cameo.id, person_id: id });

    const outcome = await deletePerson(id, true);
    expect("credits" in outcome).toBe(true);
    if (!("credits" in outcome)) return;
    expect(outcome.creditCount).toBe(13);
    expect(outcome.credits).toHaveLength(10);
    expect(outcome.credits[0]).toEqual({ movieId: films[11].id, title: "Film 12", year: 2001, character: null });
    expect(creditReference(outcome.credits[0])).toEqual({ label: "Film 12 (2001): director", href: `/admin/movies/${films[11].id}` });
    expect(await getPersonForEdit(id)).not.toBeNull();

    // Only the acting credit left: still refused, and it says which character.
    await db.delete(movie).where(sql`id <> ${films[0].id}`);
    await db.update(movie).set({ director_id: null });
    const acting = await deletePerson(id, true);
    expect(acting).toEqual({ credits: [{ movieId: films[0].id, title: "Film 1", year: 1990, character: "Himself" }], creditCount: 1 });
    expect(creditReference({ movieId: films[0].id, title: "Film 1", year: 1990, character: "Himself" }).label).toBe("Film 1 (1990): as Himself");
  });

  it("asks before taking the gallery and photos with the person; files used elsewhere stay", async () => {
    const [main, shared, own] = [await addFile(), await addFile(), await addFile()];
    const { id } = (await createPerson(input({ first_name: "Camera", last_name: "Shy", main_photo_id: main }))) as { id: number };
    await addGalleryPhotos(id, [main, shared, own]);
    await db.insert(movie).values({ title: "Poster user", poster_id: shared });

    const asked = await deletePerson(id, false);
    expect(asked).toEqual({ needsConfirmation: { galleryPhotos: 3, mainPhoto: true } });
    expect(photoLines({ galleryPhotos: 3, mainPhoto: true })).toEqual(["3 gallery photos", "the main photo"]);
    expect(await getPersonForEdit(id)).not.toBeNull();
    expect(await count("person_photos")).toBe(3);

    const done = await deletePerson(id, true);
    expect(done).toMatchObject({ deleted: true, name: "Camera Shy" });
    expect(("removedFiles" in done ? done.removedFiles.map((f) => f.id) : []).sort()).toEqual([main, own].sort());
    expect(await getPersonForEdit(id)).toBeNull();
    expect(await count("person_photos")).toBe(0);
    expect((await db.select({ id: file_.id }).from(file_)).map((f) => f.id)).toEqual([shared]);
  });

  it("deletes someone without credits or photos at once, and an unknown id is gone", async () => {
    const { id } = (await createPerson(input({ first_name: "Nobody" }))) as { id: number };
    expect(await deletePerson(id, false)).toMatchObject({ deleted: true, removedFiles: [] });
    expect(await deletePerson(id, true)).toEqual({ gone: true });
  });
});

describe("admin people: gallery", () => {
  it("adds several photos, refuses unknown or non-image files, makes one the main photo and removes one", async () => {
    const { id } = (await createPerson(input({ first_name: "Gallery", last_name: "Owner" }))) as { id: number };
    const [a, b] = [await addFile(), await addFile()];
    const csv = await addFile("text/csv");

    expect(await addGalleryPhotos(id, [a, b])).toEqual({ ok: true, added: 2 });
    expect(await addGalleryPhotos(id, [a])).toEqual({ ok: true, added: 0 });
    expect(await addGalleryPhotos(id, [999_999])).toEqual({ refused: "photo-missing" });
    expect(await addGalleryPhotos(id, [csv])).toEqual({ refused: "photo-missing" });
    expect(await addGalleryPhotos(999_999, [a])).toEqual({ gone: true });
    expect((await getPersonForEdit(id))!.gallery.map((p) => p.id)).toEqual([a, b]);

    const before = (await getPersonForEdit(id))!.version;
    const made = await makeMainPhoto(id, b);
    expect(made).toMatchObject({ ok: true, mainPhoto: { id: b }, version: { before } });
    const after = (await getPersonForEdit(id))!;
    expect(after.mainPhoto?.id).toBe(b);
    expect(after.version).toBe("version" in made ? made.version?.after : null);

    // Only photos of this person's gallery can become the main photo.
    const { id: other } = (await createPerson(input({ first_name: "Other" }))) as { id: number };
    const foreign = await addFile();
    await addGalleryPhotos(other, [foreign]);
    expect(await makeMainPhoto(id, foreign)).toEqual({ refused: "not-in-gallery" });
    expect(galleryRefusal("not-in-gallery")).toBe("This photo is not in the gallery.");
    expect((await getPersonForEdit(id))!.mainPhoto?.id).toBe(b);

    // Removing the main photo leaves the person without one; the file, used nowhere else, goes.
    const removed = await removeGalleryPhoto(id, b);
    expect(removed).toMatchObject({ ok: true, mainPhoto: null, removedFiles: [{ id: b }] });
    const left = (await getPersonForEdit(id))!;
    expect(left.mainPhoto).toBeNull();
    expect(left.gallery.map((p) => p.id)).toEqual([a]);
    expect(await removeGalleryPhoto(id, b)).toEqual({ refused: "not-in-gallery" });
    expect(await db.select().from(person_photos).where(sql`person_id = ${other}`)).toHaveLength(1);
  });
});

describe("admin people: list", () => {
  it("searches names accent-tolerantly, filters, sorts and clamps the page", async () => {
    const [spain, italy] = await db.insert(countries).values([{ name: "Spain" }, { name: "Italy" }]).returning({ id: countries.id });
    const photo = await addFile();
    const ids: Record<string, number> = {};
    for (const [key, values] of Object.entries({
      almodovar: { first_name: "Pedro", last_name: "Almodóvar", date_of_birth: "1949-09-25", country_id: spain.id },
      cruz: { first_name: "Penélope", last_name: "Cruz", date_of_birth: "1974-04-28", country_id: spain.id, main_photo_id: photo },
      bono: { first_name: "Bono", last_name: "" },
      pirjo: { first_name: "Pirjo", last_name: "Honkasalo", date_of_birth: "1947-12-22", country_id: italy.id },
      joan: { first_name: "Joan", last_name: "Allen", date_of_birth: "1956-08-20" },
    } satisfies Record<string, Partial<PersonInput>>)) {
      ids[key] = ((await createPerson(input(values))) as { id: number }).id;
    }
    await db.insert(movie).values({ title: "Volver", director_id: ids.almodovar });

    const list = (query: Record<string, string>) => listAdminPeople(parseAdminPeopleParams(query)).then((r) => ({ ...r, names: r.rows.map((p) => p.name) }));

    expect((await list({})).names).toEqual(["Joan Allen", "Pedro Almodóvar", "Bono", "Penélope Cruz", "Pirjo Honkasalo"]);
    expect((await list({ q: "ALMODOVAR" })).names).toEqual(["Pedro Almodóvar"]);
    expect((await list({ q: "penelope cruz" })).names).toEqual(["Penélope Cruz"]);
    // Two letters match the start of a word only: Joan, not Pirjo.
    expect((await list({ q: "jo" })).names).toEqual(["Joan Allen"]);
    expect((await list({ missing: "photo", country: String(spain.id) })).names).toEqual(["Pedro Almodóvar"]);
    expect((await list({ missing: "birth" })).names).toEqual(["Bono"]);
    expect((await list({ role: "directors" })).names).toEqual(["Pedro Almodóvar"]);
    expect((await list({ role: "actors" })).names).toEqual([]);
    expect((await list({ sort: "born-desc" })).names).toEqual(["Penélope Cruz", "Joan Allen", "Pedro Almodóvar", "Pirjo Honkasalo", "Bono"]);
    expect((await list({ sort: "born" })).names).toEqual(["Pirjo Honkasalo", "Pedro Almodóvar", "Joan Allen", "Penélope Cruz", "Bono"]);

    const row = (await list({ q: "almodovar" })).rows[0];
    expect(row).toMatchObject({ countryName: "Spain", directedCount: 1, rolesCount: 0, birthDate: "1949-09-25" });
    expect(new Date(row.updatedAt).getTime()).not.toBeNaN();

    const clamped = await list({ page: "999", sort: "nonsense", country: "abc" });
    expect(clamped).toMatchObject({ page: 1, pageCount: 1, total: 5 });
  });
});
