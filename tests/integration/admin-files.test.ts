/**
 * The admin's file library (db/queries/admin/files.ts): where each file is used, filters, bounded statements per
 * page, the visibility rule (files public pages show stay public) and deletes refused while a file is in use —
 * including a poster assigned while the delete is deciding.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteUnusedFile, listFiles, setFileVisibility } from "@/db/queries/admin/files";
import { file_, movie, person, person_photos, user_ } from "@/db/schema";
import { parseFileFilters, type FileFilters } from "@/lib/validation/admin/file";
import { openTestDatabase } from "../support/database";
import { countQueries } from "../support/query-counter";

const { db, sql: client } = openTestDatabase();

let n = 0;
async function addFile(name: string, options: { isPublic?: boolean; mime?: string; size?: number } = {}) {
  n++;
  const key = `testkey${String(n).padStart(4, "0")}.bin`;
  const [row] = await db
    .insert(file_)
    .values({ file_name: name, mime_type: options.mime ?? "image/webp", file_key: key, file_url: `/files/${key}`, is_public: options.isPublic ?? true, size_bytes: options.size ?? 1000 + n })
    .returning({ id: file_.id, file_key: file_.file_key });
  return row;
}

const filters = (overrides: Partial<FileFilters> = {}): FileFilters => ({ ...parseFileFilters({}), ...overrides });
const isPublic = async (id: number) => (await db.execute<{ is_public: boolean }>(sql`select is_public from file_ where id = ${id}`))[0]?.is_public;
const fileExists = async (id: number) => (await db.execute(sql`select 1 from file_ where id = ${id}`)).length === 1;

/** Waits until `count` statements of this database are blocked on a lock (the race under test has reached it). */
async function waitForLockWaiters(count: number) {
  for (let i = 0; i < 500; i++) {
    const [row] = await client<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
    if (row.n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never saw ${count} statements waiting on a lock`);
}

type Fixture = Record<"poster" | "portrait" | "gallery" | "avatar" | "unused" | "privateUnused" | "png", { id: number; file_key: string }> & {
  movieId: number;
  personId: number;
  otherPersonId: number;
};
let fx: Fixture;

beforeEach(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  n = 0;
  const poster = await addFile("solaris-poster.webp");
  const portrait = await addFile("tarkovsky.webp");
  const gallery = await addFile("natalya-bondarchuk-1.webp");
  const avatar = await addFile("me.webp", { isPublic: false });
  const unused = await addFile("amélie-draft.webp");
  const privateUnused = await addFile("secret-draft.png", { isPublic: false, mime: "image/png" });
  const png = await addFile("stalker-still.png", { mime: "image/png", size: 9_000_000 });
  const [tarkovsky, natalya] = await db
    .insert(person)
    .values([
      { first_name: "Andrei", last_name: "Tarkovsky", main_photo_id: portrait.id },
      { first_name: "Natalya", last_name: "Bondarchuk" },
    ])
    .returning({ id: person.id });
  const [solaris] = await db.insert(movie).values({ title: "Solaris", release_date: "1972-03-20", director_id: tarkovsky.id, poster_id: poster.id }).returning({ id: movie.id });
  // The poster is also in a gallery: a file can have several users.
  await db.insert(person_photos).values([
    { person_id: natalya.id, file_id: gallery.id },
    { person_id: natalya.id, file_id: poster.id },
  ]);
  await db.insert(user_).values({ username: "kris", email: "kris@example.com", first_name: "Kris", last_name: "Kelvin", password: "x", avatar_id: avatar.id });
  fx = { poster, portrait, gallery, avatar, unused, privateUnused, png, movieId: solaris.id, personId: tarkovsky.id, otherPersonId: natalya.id };
});
afterAll(() => client.end({ timeout: 5 }));

describe("listing files", () => {
  it("shows where each file is used: posters, main photos, galleries and avatars", async () => {
    const { files, total } = await listFiles(filters({ sort: "oldest" }));
    expect(total).toBe(7);
    const byName = Object.fromEntries(files.map((f) => [f.file_name, f]));
    expect(byName["solaris-poster.webp"].usage.uses).toEqual([
      { kind: "poster", id: fx.movieId, label: "Solaris (1972)" },
      { kind: "gallery", id: fx.otherPersonId, label: "Natalya Bondarchuk" },
    ]);
    expect(byName["solaris-poster.webp"].usage.total).toBe(2);
    expect(byName["tarkovsky.webp"].usage.uses).toEqual([{ kind: "photo", id: fx.personId, label: "Andrei Tarkovsky" }]);
    expect(byName["natalya-bondarchuk-1.webp"].usage.uses).toEqual([{ kind: "gallery", id: fx.otherPersonId, label: "Natalya Bondarchuk" }]);
    expect(byName["me.webp"].usage.uses).toEqual([{ kind: "avatar", id: expect.any(Number), label: "kris" }]);
    expect(byName["amélie-draft.webp"].usage).toMatchObject({ total: 0, uses: [] });
    expect(byName["stalker-still.png"]).toMatchObject({ mime_type: "image/png", size_bytes: 9_000_000, is_public: true });
  });

  it("filters by usage, type and visibility, and searches names without accents", async () => {
    const names = async (f: Partial<FileFilters>) => (await listFiles(filters({ sort: "name", ...f }))).files.map((x) => x.file_name);
    expect(await names({ usage: "unused" })).toEqual(["amélie-draft.webp", "secret-draft.png", "stalker-still.png"]);
    expect(await names({ usage: "used" })).toEqual(["me.webp", "natalya-bondarchuk-1.webp", "solaris-poster.webp", "tarkovsky.webp"]);
    expect(await names({ type: "image/png" })).toEqual(["secret-draft.png", "stalker-still.png"]);
    expect(await names({ visibility: "private" })).toEqual(["me.webp", "secret-draft.png"]);
    expect(await names({ visibility: "private", usage: "unused" })).toEqual(["secret-draft.png"]);
    expect(await names({ q: "AMELIE" })).toEqual(["amélie-draft.webp"]);
    expect(await names({ q: "draft secret" })).toEqual(["secret-draft.png"]);
    expect(await names({ q: "100%" })).toEqual([]);
    expect((await listFiles(filters({ sort: "largest" }))).files[0].file_name).toBe("stalker-still.png");
  });

  it("pages by 50 in a bounded number of statements, and clamps a page past the end", async () => {
    for (let i = 0; i < 60; i++) {
      const f = await addFile(`bulk-${i}.webp`);
      if (i % 2) await db.insert(person_photos).values({ person_id: fx.otherPersonId, file_id: f.id });
    }
    const first = await countQueries(() => listFiles(filters()));
    expect(first.result.files).toHaveLength(50);
    expect(first.result).toMatchObject({ total: 67, page: 1, pageCount: 2 });
    expect(first.count).toBe(3);
    const last = await countQueries(() => listFiles(filters({ page: 99 })));
    expect(last.result).toMatchObject({ page: 2, pageCount: 2 });
    expect(last.result.files).toHaveLength(17);
    expect(last.count).toBe(3);
    expect(parseFileFilters({ page: "abc", usage: "<script>", type: "image/svg+xml", sort: "drop" })).toMatchObject({ page: 1, usage: null, type: null, sort: "newest" });
  });
});

describe("visibility", () => {
  it("refuses to make private a file that public pages show, with where", async () => {
    const outcome = await setFileVisibility(fx.poster.id, false);
    expect(outcome).toMatchObject({ status: "shown-publicly", total: 2 });
    expect(outcome.status === "shown-publicly" && outcome.uses.map((u) => u.kind)).toEqual(["poster", "gallery"]);
    expect(await setFileVisibility(fx.portrait.id, false)).toMatchObject({ status: "shown-publicly" });
    expect(await setFileVisibility(fx.gallery.id, false)).toMatchObject({ status: "shown-publicly" });
    expect(await isPublic(fx.poster.id)).toBe(true);
    expect(await isPublic(fx.portrait.id)).toBe(true);
  });

  it("makes unused files and avatars private or public", async () => {
    expect(await setFileVisibility(fx.unused.id, false)).toMatchObject({ status: "changed", is_public: false });
    expect(await isPublic(fx.unused.id)).toBe(false);
    expect(await setFileVisibility(fx.avatar.id, true)).toMatchObject({ status: "changed", is_public: true });
    expect(await isPublic(fx.avatar.id)).toBe(true);
    expect(await setFileVisibility(fx.avatar.id, true)).toMatchObject({ status: "unchanged" });
    expect(await setFileVisibility(999_999, true)).toEqual({ status: "not-found" });
  });
});

describe("deleting", () => {
  it("refuses a file in use with the list of its users, and keeps everything", async () => {
    const removeStored = vi.fn(async () => {});
    const outcome = await deleteUnusedFile(fx.poster.id, removeStored);
    expect(outcome).toMatchObject({ status: "in-use", file_name: "solaris-poster.webp", total: 2 });
    expect(outcome.status === "in-use" && outcome.uses.map((u) => u.label)).toEqual(["Solaris (1972)", "Natalya Bondarchuk"]);
    for (const id of [fx.portrait.id, fx.gallery.id, fx.avatar.id]) expect(await deleteUnusedFile(id, removeStored)).toMatchObject({ status: "in-use" });
    expect(removeStored).not.toHaveBeenCalled();
    expect(await fileExists(fx.poster.id)).toBe(true);
    const [m] = await db.execute<{ poster_id: number }>(sql`select poster_id from movie where id = ${fx.movieId}`);
    expect(m.poster_id).toBe(fx.poster.id);
  });

  it("deletes an unused file's row and its stored object", async () => {
    const removeStored = vi.fn(async () => {});
    expect(await deleteUnusedFile(fx.unused.id, removeStored)).toEqual({ status: "deleted", file_name: "amélie-draft.webp" });
    expect(removeStored).toHaveBeenCalledWith(fx.unused.file_key);
    expect(await fileExists(fx.unused.id)).toBe(false);
    expect(await deleteUnusedFile(fx.unused.id, removeStored)).toEqual({ status: "not-found" });
  });

  it("keeps the row when the storage refuses to remove the object", async () => {
    await expect(deleteUnusedFile(fx.unused.id, async () => Promise.reject(new Error("storage down")))).rejects.toThrow("storage down");
    expect(await fileExists(fx.unused.id)).toBe(true);
  });

  it("a poster assigned while the delete is deciding is seen: the delete is refused, the poster stays", async () => {
    const removeStored = vi.fn(async () => {});
    let deleting: ReturnType<typeof deleteUnusedFile> | undefined;
    await client.begin(async (tx) => {
      // An editor saves a movie with this file as its poster; their transaction has not committed yet.
      await tx`update movie set poster_id = ${fx.unused.id} where id = ${fx.movieId}`;
      deleting = deleteUnusedFile(fx.unused.id, removeStored);
      // The delete waits for that save to end instead of deciding on what it saw before.
      await waitForLockWaiters(1);
    });
    const outcome = await deleting!;
    expect(outcome).toMatchObject({ status: "in-use", uses: [{ kind: "poster", id: fx.movieId }] });
    expect(removeStored).not.toHaveBeenCalled();
    const [m] = await db.execute<{ poster_id: number }>(sql`select poster_id from movie where id = ${fx.movieId}`);
    expect(m.poster_id).toBe(fx.unused.id);
  });
});
