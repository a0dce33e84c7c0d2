import "server-only";
import { cache } from "react";
import { auth } from "@/auth";
import { getViewerById, type Viewer } from "@/db/queries/users";

/** The caller of this request, with the role from the database (cached per request). */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return getViewerById(id);
});

export function isEditor(viewer: Viewer | null): boolean {
  return viewer?.role === "editor" || viewer?.role === "admin";
}
