import { getEnv, uploadsDir } from "@/lib/env";
import { LocalDiskStorage } from "./local";
import type { FileStorage } from "./types";
import { UploadThingStorage } from "./uploadthing";

export type { FileStorage, PutInput, StoredObject, Delivery, StoredFileRef } from "./types";
export { sanitizeFileName, FILE_KEY_PATTERN } from "./file-name";

let storage: FileStorage | undefined;

/** The configured storage: UploadThing when UPLOADTHING_TOKEN is set, the local disk otherwise. */
export function getStorage(): FileStorage {
  if (!storage) {
    const env = getEnv();
    storage = env.UPLOADTHING_TOKEN ? new UploadThingStorage(env.UPLOADTHING_TOKEN) : new LocalDiskStorage(uploadsDir());
  }
  return storage;
}
