import { eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  character_,
  character_actors,
  countries,
  favorite_movies,
  file_,
  genres,
  movie,
  movie_genres,
  person,
  person_photos,
  user_,
} from "@/db/schema";
import { openTestDatabase } from "../support/database";

const { db, sql: client } = openTestDatabase();
afterAll(() => client.end({ timeout: 5 }));

/** Postgres error code of a rejected promise (drizzle wraps the driver error in `cause`). */
async function pgCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    return e.cause?.code ?? e.code;
  }
  return undefined;
}

beforeEach(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
});

async function makeMovie(overrides: Partial<typeof movie.$inferInsert> = {}) {
  const [director] = await db.insert(person).values({ first_name: "Agnès", last_name: "Varda" }).returning();
  const [m] = await db.insert(movie).values({ title: "Cléo from 5 to 7", duration: 90, director_id: director.id, ...overrides }).returning();
  return { director, movie: m };
}

describe("the ER diagram's tables and columns", () => {
  it("exist with exactly the contract's names", async () => {
    const rows = await db.execute<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns where table_schema = 'public'`);
    const columns = new Map<string, Set<string>>();
    for (const r of rows) (columns.get(r.table_name) ?? columns.set(r.table_name, new Set()).get(r.table_name)!).add(r.column_name);
    const contract: Record<string, string[]> = {
      file_: ["id", "file_name", "mime_type", "file_key", "file_url", "is_public", "created_at", "updated_at"],
      user_: ["id", "username", "first_name", "last_name", "email", "password", "avatar_id", "created_at", "updated_at"],
      countries: ["id", "name", "created_at", "updated_at"],
      person: ["id", "first_name", "last_name", "biography", "date_of_birth", "gender", "country_id", "main_photo_id", "created_at", "updated_at"],
      movie: ["id", "title", "description", "budget", "release_date", "duration", "director_id", "country_id", "poster_id", "created_at", "updated_at"],
      genres: ["id", "name", "created_at", "updated_at"],
      movie_genres: ["movie_id", "genre_id", "created_at", "updated_at"],
      character_: ["id", "name", "description", "role", "movie_id", "created_at", "updated_at"],
      character_actors: ["character_id", "person_id", "created_at", "updated_at"],
      person_photos: ["person_id", "file_id", "created_at", "updated_at"],
      favorite_movies: ["user_id", "movie_id", "created_at", "updated_at"],
    };
    for (const [table, names] of Object.entries(contract)) {
      expect(columns.get(table), table).toBeDefined();
      for (const name of names) expect(columns.get(table)!.has(name), `${table}.${name}`).toBe(true);
    }
  });

  it("stores timestamps with time zone", async () => {
    const rows = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from information_schema.columns
      where table_schema = 'public' and column_name in ('created_at', 'updated_at') and data_type <> 'timestamp with time zone'`);
    expect(rows[0].n).toBe(0);
  });
});

describe("constraints", () => {
  it("refuses a non-positive duration and a negative budget", async () => {
    expect(await pgCode(db.insert(movie).values({ title: "Zero", duration: 0 }))).toBe("23514");
    expect(await pgCode(db.insert(movie).values({ title: "Broke", budget: "-1" }))).toBe("23514");
    await expect(db.insert(movie).values({ title: "Fine", duration: 1, budget: "0" })).resolves.toBeDefined();
  });

  it("keeps usernames and emails unique whatever their case", async () => {
    const base = { first_name: "A", last_name: "B", password: "x" };
    await db.insert(user_).values({ ...base, username: "Maria", email: "maria@example.com" });
    expect(await pgCode(db.insert(user_).values({ ...base, username: "mARIA", email: "other@example.com" }))).toBe("23505");
    expect(await pgCode(db.insert(user_).values({ ...base, username: "other", email: "MARIA@Example.com" }))).toBe("23505");
  });

  it("gives new users the role 'user' and refuses unknown roles", async () => {
    const [u] = await db.insert(user_).values({ username: "u1", email: "u1@example.com", first_name: "U", last_name: "One", password: "x" }).returning();
    expect(u.role).toBe("user");
    expect(await pgCode(db.execute(sql`update user_ set role = 'superuser' where id = ${u.id}`))).toBe("23514");
  });
});

describe("updated_at", () => {
  it("moves forward on every update, even one issued as raw SQL", async () => {
    const [c] = await db.insert(countries).values({ name: "Portugal" }).returning();
    await new Promise((r) => setTimeout(r, 20));
    await db.execute(sql`update countries set name = 'Portugal (PT)' where id = ${c.id}`);
    const [after] = await db.select().from(countries).where(eq(countries.id, c.id));
    expect(after.updated_at.getTime()).toBeGreaterThan(c.updated_at.getTime());
    expect(after.created_at.getTime()).toBe(c.created_at.getTime());
  });
});

describe("ON DELETE behaviour", () => {
  it("deleting a movie takes its characters, genre links and favorites with it", async () => {
    const { movie: m } = await makeMovie();
    const [g] = await db.insert(genres).values({ name: "Drama" }).returning();
    await db.insert(movie_genres).values({ movie_id: m.id, genre_id: g.id });
    const [ch] = await db.insert(character_).values({ name: "Cléo", movie_id: m.id }).returning();
    const [actor] = await db.insert(person).values({ first_name: "Corinne", last_name: "Marchand" }).returning();
    await db.insert(character_actors).values({ character_id: ch.id, person_id: actor.id });
    const [u] = await db.insert(user_).values({ username: "fan", email: "fan@example.com", first_name: "F", last_name: "An", password: "x" }).returning();
    await db.insert(favorite_movies).values({ user_id: u.id, movie_id: m.id });

    await db.delete(movie).where(eq(movie.id, m.id));

    expect(await db.select().from(character_)).toHaveLength(0);
    expect(await db.select().from(character_actors)).toHaveLength(0);
    expect(await db.select().from(movie_genres)).toHaveLength(0);
    expect(await db.select().from(favorite_movies)).toHaveLength(0);
    // The genre, the actor and the user stay.
    expect(await db.select().from(genres)).toHaveLength(1);
    expect(await db.select().from(person)).toHaveLength(2);
    expect(await db.select().from(user_)).toHaveLength(1);
  });

  it("does not silently delete a person who directs a movie or plays a character", async () => {
    const { director, movie: m } = await makeMovie();
    // 23001 restrict_violation: ON DELETE RESTRICT
    expect(await pgCode(db.delete(person).where(eq(person.id, director.id)))).toBe("23001");
    const [ch] = await db.insert(character_).values({ name: "Antoine", movie_id: m.id }).returning();
    const [actor] = await db.insert(person).values({ first_name: "Antoine", last_name: "Bourseiller" }).returning();
    await db.insert(character_actors).values({ character_id: ch.id, person_id: actor.id });
    expect(await pgCode(db.delete(person).where(eq(person.id, actor.id)))).toBe("23001");
    expect(await db.select().from(person)).toHaveLength(2);
  });

  it("refuses to delete a genre or a country still in use", async () => {
    const [fr] = await db.insert(countries).values({ name: "France" }).returning();
    const { movie: m } = await makeMovie({ country_id: fr.id });
    const [g] = await db.insert(genres).values({ name: "Drama" }).returning();
    await db.insert(movie_genres).values({ movie_id: m.id, genre_id: g.id });
    expect(await pgCode(db.delete(genres).where(eq(genres.id, g.id)))).toBe("23001");
    expect(await pgCode(db.delete(countries).where(eq(countries.id, fr.id)))).toBe("23001");
  });

  it("deleting a file clears the poster, photo and avatar that used it and removes gallery links", async () => {
    const [f] = await db.insert(file_).values({ file_name: "a.webp", mime_type: "image/webp", file_key: "abcdefgh12.webp", file_url: "/files/abcdefgh12.webp" }).returning();
    const { director, movie: m } = await makeMovie({ poster_id: f.id });
    await db.update(person).set({ main_photo_id: f.id }).where(eq(person.id, director.id));
    await db.insert(person_photos).values({ person_id: director.id, file_id: f.id });
    const [u] = await db.insert(user_).values({ username: "pic", email: "pic@example.com", first_name: "P", last_name: "Ic", password: "x", avatar_id: f.id }).returning();

    await db.delete(file_).where(eq(file_.id, f.id));

    expect((await db.select().from(movie).where(eq(movie.id, m.id)))[0].poster_id).toBeNull();
    expect((await db.select().from(person).where(eq(person.id, director.id)))[0].main_photo_id).toBeNull();
    expect((await db.select().from(user_).where(eq(user_.id, u.id)))[0].avatar_id).toBeNull();
    expect(await db.select().from(person_photos)).toHaveLength(0);
  });
});

describe("indexes", () => {
  it("cover every foreign key column and the reverse direction of each join table", async () => {
    const rows = await db.execute<{ table_name: string; first_column: string }>(sql`
      select t.relname as table_name, a.attname as first_column
      from pg_index i
      join pg_class t on t.oid = i.indrelid
      join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]`);
    const leading = new Set(rows.map((r) => `${r.table_name}.${r.first_column}`));
    for (const fk of [
      "user_.avatar_id", "person.country_id", "person.main_photo_id", "movie.director_id", "movie.country_id", "movie.poster_id",
      "movie_genres.movie_id", "movie_genres.genre_id", "character_.movie_id", "character_actors.character_id",
      "character_actors.person_id", "person_photos.person_id", "person_photos.file_id", "favorite_movies.user_id", "favorite_movies.movie_id",
    ]) {
      expect(leading.has(fk), fk).toBe(true);
    }
  });
});

describe("search functions", () => {
  it("marquee_search_key is lower(unaccent()) with unaccent's own dictionary, for any text", async () => {
    const samples = ["Amélie", "ŒUVRE Ærø", "Straße", "Crème Ünïcödé", "L'Été de Marseille", "naïve café", "東京物語", "😀 émoji", "", "  a\tb  "];
    const [row] = await db.execute<{ same: boolean; nulls: boolean }>(sql`
      select bool_and(marquee_search_key(s) = lower(public.unaccent('public.unaccent'::regdictionary, s))) as same,
             marquee_search_key(null) is null as nulls
      from jsonb_array_elements_text(${JSON.stringify(samples)}::jsonb) s`);
    expect(row).toEqual({ same: true, nulls: true });
    const [amelie] = await db.execute<{ key: string }>(sql`select marquee_search_key('AMÉLIE') as key`);
    expect(amelie.key).toBe("amelie");
  });
});
