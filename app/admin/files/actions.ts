"use server";

import { revalidatePath } from "next/cache";
import { deleteUnusedFile, setFileVisibility } from "@/db/queries/admin/files";
import { editorAction } from "@/lib/action";
import type { FormState } from "@/lib/form-state";
import type { DeleteState } from "@/lib/admin-state";
import { isAdmin } from "@/lib/session";
import { getStorage } from "@/lib/storage";
import { fileDeleteSchema, fileVisibilitySchema } from "@/lib/validation/admin/file";
import { referenceFor } from "./file-uses";

/** The visibility toggle's answer: a refusal lists where the file is shown publicly (like a refused delete). */
export type VisibilityState = DeleteState;

const GONE = "This file no longer exists: someone deleted it.";
const MAX_REFERENCES = 10;

/** A bad id is said as the message (the controls are buttons: there is no field to point at). */
const asMessage = (state: FormState): DeleteState => ({ message: Object.values(state.fieldErrors ?? {})[0] ?? state.message ?? GONE });

/**
 * Makes a file public or private. A file that public pages show (poster, person photo, gallery) stays public.
 * The stored object follows (on UploadThing its ACL, so a private file's UploadThing URL stops working): once the
 * toggle is allowed, the storage is changed first, then the row; if the storage refuses, neither changes.
 */
export const setFileVisibilityAction = editorAction(
  fileVisibilitySchema,
  async ({ id, is_public }, { viewer }): Promise<VisibilityState> => {
    const outcome = await setFileVisibility(id, is_public, (key, isPublic) => getStorage().setVisibility(key, isPublic));
    switch (outcome.status) {
      case "not-found":
        revalidatePath("/admin/files");
        return { message: GONE };
      case "shown-publicly":
        return {
          message: "Public pages show this file, so it stays public. Replace it there first:",
          references: outcome.uses.slice(0, MAX_REFERENCES).map((use) => referenceFor(use, isAdmin(viewer))),
          referenceCount: outcome.total,
        };
      case "storage-failed":
        console.error(`file ${id}: the storage refused to make it ${outcome.is_public ? "public" : "private"}: ${outcome.reason}`);
        return { message: `Nothing changed: the file storage could not make “${outcome.file_name}” ${outcome.is_public ? "public" : "private"}. ${outcome.reason}` };
      case "unchanged":
      case "changed":
        revalidatePath("/admin/files");
        return { ok: true, message: `“${outcome.file_name}” is now ${outcome.is_public ? "public" : "private"}.` };
    }
  },
  { failed: asMessage },
);

/** Deletes an unused file and its stored object; a file in use is refused with the list of its users. */
export const deleteFileAction = editorAction(
  fileDeleteSchema,
  async ({ id }, { viewer }): Promise<DeleteState> => {
    let outcome;
    try {
      outcome = await deleteUnusedFile(id, (key) => getStorage().remove(key));
    } catch (error) {
      // The storage refused (or the database failed): the transaction rolled back, the row is still there.
      console.error(`deleting file ${id} failed:`, error);
      return { message: "The stored file could not be removed, so nothing was deleted. Try again in a moment." };
    }
    switch (outcome.status) {
      case "not-found":
        revalidatePath("/admin/files");
        return { message: GONE };
      case "in-use":
        return {
          message: `“${outcome.file_name}” is still in use: replace or remove it there first.`,
          references: outcome.uses.slice(0, MAX_REFERENCES).map((use) => referenceFor(use, isAdmin(viewer))),
          referenceCount: outcome.total,
        };
      case "deleted":
        revalidatePath("/admin/files");
        revalidatePath("/admin");
        return { ok: true, message: `“${outcome.file_name}” is deleted.` };
    }
  },
  { failed: asMessage },
);
