import { sql } from "drizzle-orm";
import { afterAll, beforeEach, expect, it, vi } from "vitest";
import { setFileVisibility } from "@/db/queries/admin/files";
import { file_, movie } from "@/db/schema";
import { openTestDatabase } from "../support/database";

const { db, sql: client } = openTestDatabase();
const isPublic = async (id: number) => (await db.execute<{ is_public: boolean }>(sql`select is_public from file_ where id = ${id}`))[0]?.is_public;
let unused: { id: number; file_key: string };
let poster: { id: number; file_key: string };

beforeEach(async () => {
  await db.execute(sql`truncate movie, person, file_ restart identity cascade`);
  [unused] = await db.insert(file_).values({ file_name: "u.webp", mime_type: "image/webp", file_key: "visibilitykey1.webp", file_url: "/files/x", is_public: true }).returning({ id: file_.id, file_key: file_.file_key });
  [poster] = await db.insert(file_).values({ file_name: "p.webp", mime_type: "image/webp", file_key: "visibilitykey2.webp", file_url: "/files/y", is_public: true }).returning({ id: file_.id, file_key: file_.file_key });
  await db.insert(movie).values({ title: "M", poster_id: poster.id });
});
afterAll(() => client.end({ timeout: 5 }));

it("storage first, then the row", async () => {
  const seen: boolean[] = [];
  const setStored = vi.fn(async () => { seen.push(await isPublic(unused.id)); });
  expect(await setFileVisibility(unused.id, false, setStored)).toMatchObject({ status: "changed", is_public: false });
  expect(setStored).toHaveBeenCalledWith(unused.file_key, false);
  expect(seen).toEqual([true]);
  expect(await isPublic(unused.id)).toBe(false);
});

it("storage refusing leaves the row", async () => {
  const setStored = vi.fn(async () => { throw new Error("UploadThing says no"); });
  expect(await setFileVisibility(unused.id, false, setStored)).toEqual({ status: "storage-failed", file_name: "u.webp", is_public: false, reason: "UploadThing says no" });
  expect(await isPublic(unused.id)).toBe(true);
});

it("refused toggles and missing files never touch storage", async () => {
  const setStored = vi.fn(async () => {});
  expect(await setFileVisibility(poster.id, false, setStored)).toMatchObject({ status: "shown-publicly" });
  expect(await setFileVisibility(999, false, setStored)).toEqual({ status: "not-found" });
  expect(setStored).not.toHaveBeenCalled();
});

it("unchanged re-applies storage", async () => {
  const setStored = vi.fn(async () => {});
  expect(await setFileVisibility(unused.id, true, setStored)).toMatchObject({ status: "unchanged" });
  expect(setStored).toHaveBeenCalledWith(unused.file_key, true);
});

it("row update failing puts storage back", async () => {
  await db.execute(sql`create function scratch_refuse() returns trigger language plpgsql as $$ begin raise exception 'row refused'; end $$`);
  await db.execute(sql`create trigger scratch_refuse before update on file_ for each row execute function scratch_refuse()`);
  try {
    const setStored = vi.fn(async () => {});
    await expect(setFileVisibility(unused.id, false, setStored)).rejects.toThrow(/Failed query: update file_/);
    expect(setStored.mock.calls).toEqual([[unused.file_key, false], [unused.file_key, true]]);
    expect(await isPublic(unused.id)).toBe(true);
    // revert failing is logged, original error still thrown
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    let calls = 0;
    await expect(setFileVisibility(unused.id, false, async () => { if (calls++) throw new Error("revert down"); })).rejects.toThrow(/Failed query: update file_/);
    expect(err).toHaveBeenCalledTimes(1);
    expect(String(err.mock.calls[0][0])).toContain("could not be put back");
    err.mockRestore();
  } finally {
    await db.execute(sql`drop trigger scratch_refuse on file_`);
    await db.execute(sql`drop function scratch_refuse()`);
  }
});
