/**
 * Loads the curated demo catalogue and the demo accounts. Idempotent: every row is looked up by its natural key
 * first (country and genre name, person name + birth date, movie title + release date, character name within its
 * movie, username), so a second run adds nothing and a partial run is completed by the next one.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/password";
import { getStorage, type FileStorage } from "@/lib/storage";
import type { Database } from "../client";
import { character_, character_actors, countries, file_, genres, movie, movie_genres, person, person_photos, user_ } from "../schema";
import { demoFilms, demoPeople } from "./data";
import { posterHues, renderPoster } from "./images";
import { renderPersonPhoto } from "./portraits";
import { DEMO_GENRES, type DemoPerson } from "./types";

/** The demo accounts: documented in README, created only by this seed. */
export const DEMO_ACCOUNTS = [
  { username: "admin", email: "admin@marquee.test", password: "marquee-admin", role: "admin", first_name: "Ada", last_name: "Admin" },
  { username: "editor", email: "editor@marquee.test", password: "marquee-editor", role: "editor", first_name: "Eddie", last_name: "Editor" },
  { username: "visitor", email: "visitor@marquee.test", password: "marquee-visitor", role: "user", first_name: "Vera", last_name: "Visitor" },
] as const;

/** How many of the most-credited people get a photo gallery. */
const GALLERY_PEOPLE = 30;
/** Their galleries have 3 to 5 photos: portraits and scenes (see portraits.ts). */
const GALLERY_MIN = 3;

type Log = (line: string) => void;
type SeedOptions = { log?: Log; storage?: FileStorage };

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

async function storeImage(db: Database, storage: FileStorage, bytes: Buffer, fileName: string): Promise<number> {
  const stored = await storage.put({ fileName, mimeType: "image/webp", bytes, isPublic: true });
  const [row] = await db
    .insert(file_)
    .values({ file_name: fileName, mime_type: "image/webp", file_key: stored.key, file_url: stored.url, is_public: true, size_bytes: bytes.length })
    .returning({ id: file_.id });
  return row.id;
}

function slug(text: string) {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "image"
  );
}

async function upsertNamed(db: Database, table: typeof countries | typeof genres, names: string[]) {
  const unique = [...new Set(names)];
  if (unique.length) {
    await db
      .insert(table)
      .values(unique.map((name) => ({ name })))
      .onConflictDoNothing();
  }
  const rows = await db.select({ id: table.id, name: table.name }).from(table);
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
}

export async function seedDemo(db: Database, { log = () => {}, storage = getStorage() }: SeedOptions = {}) {
  const started = Date.now();
  const countryIds = await upsertNamed(db, countries, [...demoFilms.map((f) => f.country), ...demoPeople.map((p) => p.country)]);
  const genreIds = await upsertNamed(db, genres, [...DEMO_GENRES]);

  // People, keyed by display name.
  const existingPeople = await db
    .select({ id: person.id, first_name: person.first_name, last_name: person.last_name, date_of_birth: person.date_of_birth })
    .from(person);
  const personKey = (first: string, last: string, dob: string | null) => `${first} ${last}`.trim() + `|${dob ?? ""}`;
  const known = new Map(existingPeople.map((p) => [personKey(p.first_name, p.last_name, p.date_of_birth), p.id]));
  const personIds = new Map<string, number>();
  const missing: DemoPerson[] = [];
  for (const p of demoPeople) {
    const id = known.get(personKey(p.firstName, p.lastName, p.birthDate));
    if (id) personIds.set(p.name, id);
    else missing.push(p);
  }
  if (missing.length) {
    const rows = await db
      .insert(person)
      .values(
        missing.map((p) => ({
          first_name: p.firstName,
          last_name: p.lastName,
          biography: p.biography,
          date_of_birth: p.birthDate,
          date_of_death: p.deathDate ?? null,
          gender: p.gender,
          country_id: countryIds.get(p.country.toLowerCase()) ?? null,
        })),
      )
      .returning({ id: person.id });
    missing.forEach((p, i) => personIds.set(p.name, rows[i].id));
  }

  // Movies, keyed by title + release date, with their genres, characters and actors.
  const existingMovies = await db.select({ id: movie.id, title: movie.title, release_date: movie.release_date }).from(movie);
  const movieKnown = new Map(existingMovies.map((m) => [`${m.title}|${m.release_date}`, m.id]));
  let addedMovies = 0;
  for (const film of demoFilms) {
    let movieId = movieKnown.get(`${film.title}|${film.releaseDate}`);
    await db.transaction(async (tx) => {
      if (!movieId) {
        const [row] = await tx
          .insert(movie)
          .values({
            title: film.title,
            description: film.description,
            budget: film.budget === null ? null : String(film.budget),
            release_date: film.releaseDate,
            duration: film.runtime,
            director_id: personIds.get(film.director) ?? null,
            country_id: countryIds.get(film.country.toLowerCase()) ?? null,
          })
          .returning({ id: movie.id });
        movieId = row.id;
        addedMovies++;
      }
      const id = movieId;
      await tx
        .insert(movie_genres)
        .values(film.genres.map((g) => ({ movie_id: id, genre_id: genreIds.get(g.toLowerCase())! })))
        .onConflictDoNothing();
      const existingChars = await tx.select({ id: character_.id, name: character_.name }).from(character_).where(eq(character_.movie_id, id));
      const charIds = new Map(existingChars.map((c) => [c.name, c.id]));
      const newChars = film.cast.filter((c) => !charIds.has(c.character));
      if (newChars.length) {
        const rows = await tx
          .insert(character_)
          .values(newChars.map((c) => ({ name: c.character, description: c.description, role: c.role, movie_id: id })))
          .returning({ id: character_.id, name: character_.name });
        for (const r of rows) charIds.set(r.name, r.id);
      }
      const links = film.cast.flatMap((c) =>
        c.actors.filter((a) => personIds.has(a)).map((a) => ({ character_id: charIds.get(c.character)!, person_id: personIds.get(a)! })),
      );
      if (links.length) await tx.insert(character_actors).values(links).onConflictDoNothing();
    });
  }
  log(`demo catalogue: ${demoFilms.length} films (${addedMovies} new), ${demoPeople.length} people`);

  await seedImages(db, storage, log);
  await seedAccounts(db);
  log(`demo seed finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function seedImages(db: Database, storage: FileStorage, log: Log) {
  const demoTitles = demoFilms.map((f) => f.title);
  const posterless = await db
    .select({ id: movie.id, title: movie.title, release_date: movie.release_date, director: sql<string | null>`(select trim(first_name || ' ' || last_name) from person where person.id = ${movie.director_id})` })
    .from(movie)
    .where(and(isNull(movie.poster_id), inArray(movie.title, demoTitles)));
  await inBatches(posterless, 4, async (m) => {
    const year = m.release_date?.slice(0, 4) ?? "";
    const bytes = await renderPoster({ title: m.title, year, director: m.director ?? undefined });
    const fileId = await storeImage(db, storage, bytes, `${slug(m.title)}-poster.webp`);
    await db.update(movie).set({ poster_id: fileId }).where(eq(movie.id, m.id));
  });

  const photoless = await db
    .select({ id: person.id, first_name: person.first_name, last_name: person.last_name })
    .from(person)
    .where(isNull(person.main_photo_id));
  const genderOf = new Map(demoPeople.map((p) => [p.name, p.gender]));
  const toPortray = photoless.filter((p) => genderOf.has(`${p.first_name} ${p.last_name}`.trim()));
  await inBatches(toPortray, 4, async (p) => {
    const name = `${p.first_name} ${p.last_name}`.trim();
    const fileId = await storeImage(db, storage, await renderPersonPhoto({ name, gender: genderOf.get(name) }), `${slug(name)}.webp`);
    await db.update(person).set({ main_photo_id: fileId }).where(eq(person.id, p.id));
  });

  // Galleries for the best-known people (most credits), only for those who have none yet.
  const credits = new Map<string, number>();
  // The palettes of each person's films: their gallery's scenes are drawn in them.
  const hues = new Map<string, number[]>();
  const credit = (name: string, weight: number, film: (typeof demoFilms)[number]) => {
    credits.set(name, (credits.get(name) ?? 0) + weight);
    hues.set(name, [...(hues.get(name) ?? []), ...posterHues(film.title, film.releaseDate.slice(0, 4))]);
  };
  for (const f of demoFilms) {
    credit(f.director, 2, f);
    for (const c of f.cast) for (const a of c.actors) credit(a, 1, f);
  }
  const famous = [...credits.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, GALLERY_PEOPLE).map(([name]) => name);
  const withGallery = new Set((await db.selectDistinct({ id: person_photos.person_id }).from(person_photos)).map((r) => r.id));
  const people = await db.select({ id: person.id, first_name: person.first_name, last_name: person.last_name }).from(person);
  const byName = new Map(people.map((p) => [`${p.first_name} ${p.last_name}`.trim(), p.id]));
  const galleries = famous.map((name) => ({ name, id: byName.get(name) })).filter((p): p is { name: string; id: number } => !!p.id && !withGallery.has(p.id));
  await inBatches(galleries, 2, async ({ name, id }) => {
    const count = GALLERY_MIN + (name.length % 3);
    for (let variant = 1; variant <= count; variant++) {
      const bytes = await renderPersonPhoto({ name, gender: genderOf.get(name), variant, hues: hues.get(name) });
      const fileId = await storeImage(db, storage, bytes, `${slug(name)}-${variant}.webp`);
      await db.insert(person_photos).values({ person_id: id, file_id: fileId }).onConflictDoNothing();
    }
  });
  log(`demo images: ${posterless.length} posters, ${toPortray.length} portraits, ${galleries.length} galleries generated`);
}

async function seedAccounts(db: Database) {
  for (const account of DEMO_ACCOUNTS) {
    const [existing] = await db.select({ id: user_.id }).from(user_).where(sql`lower(${user_.username}) = ${account.username}`);
    if (existing) continue;
    const { password, ...rest } = account;
    await db
      .insert(user_)
      .values({ ...rest, password: await hashPassword(password) })
      .onConflictDoNothing();
  }
}
