import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { intArray, searchKeyContains, type Executor } from "../toolkit";
import { db } from "../../index";
import { FILES_PAGE_SIZE, type FileFilters, type FileSort } from "@/lib/validation/admin/file";

/**
 * The admin's file library. A file is "used" by movie posters, person main photos, person galleries and user
 * avatars; every usage is looked up through the foreign-key indexes (movie_poster_id_idx, person_main_photo_id_idx,
 * person_photos_file_id_person_id_idx, user_avatar_id_idx), a bounded number of rows per file.
 */

export type FileUseKind = "poster" | "photo" | "gallery" | "avatar";
/** One row that uses a file: the movie, person or user (id) and what to call it. */
export type FileUse = { kind: FileUseKind; id: number; label: string };
export type FileUsage = { counts: Record<FileUseKind, number>; total: number; uses: FileUse[] };

/** Kinds whose file is shown on public pages: such a file cannot be made private. */
export const PUBLIC_USE_KINDS: readonly FileUseKind[] = ["poster", "photo", "gallery"];

export type FileListItem = {
  id: number;
  file_name: string;
  mime_type: string;
  file_key: string;
  size_bytes: number | null;
  is_public: boolean;
  created_at: string;
  usage: FileUsage;
};

export type FilePage = { files: FileListItem[]; total: number; page: number; pageCount: number };

const USES_PER_KIND_IN_LIST = 3;
const USES_PER_KIND_IN_DETAIL = 10;

/**
 * Usage of each file in `ids`: exact counts per kind and the first `perKind` users of each kind, in one
 * statement (lateral index lookups per file, never a scan).
 */
async function usageOf(executor: Executor, ids: number[], perKind: number): Promise<Map<number, FileUsage>> {
  const usage = new Map<number, FileUsage>();
  if (!ids.length) return usage;
  const rows = await executor.execute<{ id: number; posters: number; photos: number; galleries: number; avatars: number; uses: FileUse[] }>(sql`
    select ids.id,
           (select count(*) from movie m where m.poster_id = ids.id)::int as posters,
           (select count(*) from person p where p.main_photo_id = ids.id)::int as photos,
           (select count(*) from person_photos pp where pp.file_id = ids.id)::int as galleries,
           (select count(*) from user_ u where u.avatar_id = ids.id)::int as avatars,
           coalesce((select json_agg(json_build_object('kind', x.kind, 'id', x.id, 'label', x.label) order by x.rank, x.label, x.id) from (
             (select 1 as rank, 'poster' as kind, m.id,
                     m.title || coalesce(' (' || extract(year from m.release_date)::int || ')', '') as label
                from movie m where m.poster_id = ids.id order by m.id limit ${perKind})
             union all
             (select 2, 'photo', p.id, trim(p.first_name || ' ' || p.last_name)
                from person p where p.main_photo_id = ids.id order by p.id limit ${perKind})
             union all
             (select 3, 'gallery', p.id, trim(p.first_name || ' ' || p.last_name)
                from person_photos pp join person p on p.id = pp.person_id where pp.file_id = ids.id order by pp.person_id limit ${perKind})
             union all
             (select 4, 'avatar', u.id, u.username::text
                from user_ u where u.avatar_id = ids.id order by u.id limit ${perKind})
           ) x), '[]'::json) as uses
    from unnest(${intArray(ids)}) as ids(id)`);
  for (const row of rows) {
    const counts = { poster: row.posters, photo: row.photos, gallery: row.galleries, avatar: row.avatars };
    usage.set(row.id, { counts, total: row.posters + row.photos + row.galleries + row.avatars, uses: row.uses });
  }
  return usage;
}

const USED = sql`(exists (select 1 from movie m where m.poster_id = f.id)
  or exists (select 1 from person p where p.main_photo_id = f.id)
  or exists (select 1 from person_photos pp where pp.file_id = f.id)
  or exists (select 1 from user_ u where u.avatar_id = f.id))`;

function filesWhere({ q, usage, type, visibility }: FileFilters): SQL {
  const conditions: SQL[] = [sql`true`];
  // Each word somewhere in the unaccented, lower-cased name ("godfather poster" finds the-godfather-poster.webp).
  for (const term of q.split(" ").filter(Boolean).slice(0, 5)) {
    conditions.push(searchKeyContains(sql`marquee_search_key(f.file_name)`, term));
  }
  if (type) conditions.push(sql`f.mime_type = ${type}`);
  if (visibility) conditions.push(sql`f.is_public = ${visibility === "public"}`);
  if (usage === "used") conditions.push(USED);
  if (usage === "unused") conditions.push(sql`not ${USED}`);
  return sql.join(conditions, sql` and `);
}

// Newest/oldest by id (the primary key index; ids follow creation), so the default list never sorts the table.
const ORDER: Record<FileSort, SQL> = {
  newest: sql`f.id desc`,
  oldest: sql`f.id asc`,
  name: sql`lower(f.file_name) asc, f.id asc`,
  largest: sql`f.size_bytes desc nulls last, f.id desc`,
};

/** One page of the library (50 files) with each file's usage: three statements whatever the page. */
export async function listFiles(filters: FileFilters): Promise<FilePage> {
  const where = filesWhere(filters);
  const [{ total }] = await db.execute<{ total: number }>(sql`select count(*)::int as total from file_ f where ${where}`);
  const pageCount = Math.max(1, Math.ceil(total / FILES_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page), pageCount);
  const rows = total
    ? await db.execute<Omit<FileListItem, "usage">>(sql`
        select f.id, f.file_name, f.mime_type, f.file_key, f.size_bytes, f.is_public, f.created_at::text as created_at
        from file_ f where ${where}
        order by ${ORDER[filters.sort]}
        limit ${FILES_PAGE_SIZE} offset ${(page - 1) * FILES_PAGE_SIZE}`)
    : [];
  const usage = await usageOf(
    db,
    rows.map((r) => r.id),
    USES_PER_KIND_IN_LIST,
  );
  return { files: rows.map((r) => ({ ...r, usage: usage.get(r.id)! })), total, page, pageCount };
}

type Locked = { id: number; file_name: string; file_key: string; is_public: boolean };

/**
 * Locks the file row for the rest of the transaction. FOR UPDATE conflicts with the KEY SHARE lock that every
 * foreign-key check takes, so no movie, person, gallery or avatar can start using the file until we commit, and
 * one that started before us is waited for (and then seen).
 */
async function lockFile(tx: Executor, id: number): Promise<Locked | undefined> {
  const [row] = await tx.execute<Locked>(sql`select id, file_name, file_key, is_public from file_ where id = ${id} for update`);
  return row;
}

export type VisibilityOutcome =
  | { status: "changed" | "unchanged"; file_name: string; is_public: boolean }
  | { status: "not-found" }
  /** Shown on public pages (posters, person photos, galleries): cannot be made private while so. */
  | { status: "shown-publicly"; file_name: string; uses: FileUse[]; total: number }
  /** The storage refused to change the stored object (`reason` is its message): the row was left as it was. */
  | { status: "storage-failed"; file_name: string; is_public: boolean; reason: string };

/** Changes the stored object's visibility (FileStorage.setVisibility); throws when the storage refuses. */
export type SetStoredVisibility = (fileKey: string, isPublic: boolean) => Promise<void>;

/**
 * Makes a file public or private. A private file must not be one that public pages show.
 *
 * With `setStored`, the stored object follows the row, storage first: once the toggle is allowed (row locked, so
 * concurrent toggles and new usages wait), the storage is changed, then the row. The storage refusing leaves
 * both as they were ("storage-failed"); the row update or the commit failing after the storage changed puts
 * the storage back to what the row still says. It is also called when the row already has the value, which
 * brings a stored object that drifted (e.g. made private before storage ACLs were kept in step) back in line.
 */
export async function setFileVisibility(id: number, isPublic: boolean, setStored?: SetStoredVisibility): Promise<VisibilityOutcome> {
  /** Set once the storage has been changed: what the row said before, to put the storage back if the row fails. */
  let storedChange: { file_key: string; was_public: boolean } | undefined;
  try {
    return await db.transaction(async (tx): Promise<VisibilityOutcome> => {
      const file = await lockFile(tx, id);
      if (!file) return { status: "not-found" };
      if (!isPublic) {
        const usage = (await usageOf(tx, [id], USES_PER_KIND_IN_DETAIL)).get(id)!;
        const total = PUBLIC_USE_KINDS.reduce((n, kind) => n + usage.counts[kind], 0);
        if (total > 0) return { status: "shown-publicly", file_name: file.file_name, uses: usage.uses.filter((u) => PUBLIC_USE_KINDS.includes(u.kind)), total };
      }
      if (setStored) {
        try {
          await setStored(file.file_key, isPublic);
        } catch (error) {
          return { status: "storage-failed", file_name: file.file_name, is_public: isPublic, reason: error instanceof Error ? error.message : String(error) };
        }
        storedChange = { file_key: file.file_key, was_public: file.is_public };
      }
      if (file.is_public === isPublic) return { status: "unchanged", file_name: file.file_name, is_public: isPublic };
      await tx.execute(sql`update file_ set is_public = ${isPublic} where id = ${id}`);
      return { status: "changed", file_name: file.file_name, is_public: isPublic };
    });
  } catch (error) {
    // The row kept its old value (rolled back): the storage must say the same again.
    if (setStored && storedChange && storedChange.was_public !== isPublic) {
      const { file_key, was_public } = storedChange;
      await setStored(file_key, was_public).catch((revertError: unknown) => {
        console.error(`file ${id}: the row stayed ${was_public ? "public" : "private"} but its stored object ${file_key} could not be put back:`, revertError);
      });
    }
    throw error;
  }
}

export type DeleteFileOutcome =
  | { status: "deleted"; file_name: string }
  | { status: "not-found" }
  | { status: "in-use"; file_name: string; uses: FileUse[]; total: number };

/**
 * Deletes an unused file: its row, then its stored object through `removeStored` (inside the transaction, so a
 * storage failure leaves the row as it was and the caller can retry; removal is idempotent). A file in use is
 * refused with its users: the foreign keys would otherwise silently clear posters, photos and avatars.
 */
export async function deleteUnusedFile(id: number, removeStored: (fileKey: string) => Promise<void>): Promise<DeleteFileOutcome> {
  return db.transaction(async (tx) => {
    const file = await lockFile(tx, id);
    if (!file) return { status: "not-found" };
    const usage = (await usageOf(tx, [id], USES_PER_KIND_IN_DETAIL)).get(id)!;
    if (usage.total > 0) return { status: "in-use", file_name: file.file_name, uses: usage.uses, total: usage.total };
    await tx.execute(sql`delete from file_ where id = ${id}`);
    await removeStored(file.file_key);
    return { status: "deleted", file_name: file.file_name };
  });
}
