import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rm, stat, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { extensionFor, FILE_KEY_PATTERN } from "./file-name";
import type { Delivery, FileStorage, PutInput, StoredFileRef, StoredObject } from "./types";

/** Files on the local disk under `root`, served by app/files/[key]/route.ts. */
export class LocalDiskStorage implements FileStorage {
  readonly name = "local" as const;
  constructor(private readonly root: string) {}

  private pathFor(key: string): string {
    if (!FILE_KEY_PATTERN.test(key)) throw new Error(`invalid file key ${JSON.stringify(key)}`);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(input: PutInput): Promise<StoredObject> {
    const key = `${randomUUID().replaceAll("-", "")}.${extensionFor(input.mimeType)}`;
    const target = this.pathFor(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Write then rename: a reader never sees half a file, a crash leaves only a temp file.
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, input.bytes);
    await rename(temp, target);
    return { key, url: `/files/${key}` };
  }

  async deliver(file: StoredFileRef): Promise<Delivery | null> {
    const target = this.pathFor(file.file_key);
    try {
      const info = await stat(target);
      const body = Readable.toWeb(createReadStream(target)) as ReadableStream<Uint8Array>;
      return { kind: "bytes", body, size: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }

  /**
   * Nothing to change on disk: local files have no URL of their own. They are only reachable through
   * /files/[key], which reads file_.is_public on every request, so the database row is the whole truth.
   * The key is still checked, like every other method, so a bad key fails the same way everywhere.
   */
  async setVisibility(key: string): Promise<void> {
    this.pathFor(key);
  }
}
