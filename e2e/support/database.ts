/** Direct access to the test database for arranging data a journey needs (never for asserting UI state). */
import { createDatabase } from "@/db/client";
import { file_ } from "@/db/schema";
import { LocalDiskStorage } from "@/lib/storage/local";

function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the end-to-end tests through `npm test`");
  return url;
}

export async function withTestDatabase<T>(work: (db: ReturnType<typeof createDatabase>["db"]) => Promise<T>): Promise<T> {
  const { db, sql } = createDatabase(testDatabaseUrl(), { max: 2 });
  try {
    return await work(db);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Stores a small file through the real local storage and records it as private; returns its URL path. */
export async function createPrivateFile(bytes: Uint8Array, mimeType: string): Promise<string> {
  const uploads = process.env.UPLOADS_DIR;
  if (!uploads) throw new Error("UPLOADS_DIR is not set: run the end-to-end tests through `npm test`");
  const stored = await new LocalDiskStorage(uploads).put({ fileName: "private.png", mimeType, bytes, isPublic: false });
  await withTestDatabase((db) =>
    db.insert(file_).values({ file_name: "private.png", mime_type: mimeType, file_key: stored.key, file_url: stored.url, is_public: false, size_bytes: bytes.length }),
  );
  return stored.url;
}
