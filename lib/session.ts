import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { getViewerById, type Viewer } from "@/db/queries/users";

export type { Viewer };

/**
 * The caller of this request, as the database says now (cached per request). A cookie whose session version is
 * older than the user's (signed out, password or role changed, disabled) is nobody.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const viewer = await getViewerById(id);
  if (!viewer || viewer.session_version !== session?.user?.sv) return null;
  return viewer;
});

export function isEditor(viewer: Viewer | null): boolean {
  return viewer?.role === "editor" || viewer?.role === "admin";
}

/** For pages: the viewer, or a redirect to sign-in that comes back here. */
export async function requireUser(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}
