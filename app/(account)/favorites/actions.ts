"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { addFavorite, importFavorites, removeFavorite, type ImportResult } from "@/db/queries/favorites";
import { CSV_MAX_BYTES, parseFavoritesCsv } from "@/lib/favorites-csv";
import { rememberPendingFavorite } from "@/lib/pending-favorite";
import { memberAction, publicAction } from "@/lib/action";
import { safeCallbackPath } from "@/lib/validation/account";
import { idField } from "@/lib/validation/ids";

const toggleSchema = z.object({
  movieId: idField("That film could not be found."),
  intent: z.enum(["add", "remove"]),
  returnTo: z.string().max(2000).optional(),
  /** "1" when the heart's script sent it (it wants an answer, not a redirect). */
  $js: z.string().optional(),
});

/**
 * Where a heart pressed without JavaScript lands. Public pages are the same for everyone and can't show the new
 * state, so an added film is confirmed on /favorites (with a way back); the favorites page itself shows it.
 */
function withoutScriptLanding(returnTo: string, movieId: number, intent: "add" | "remove"): string {
  if (intent === "remove" || returnTo === "/favorites" || returnTo.startsWith("/favorites?")) return returnTo;
  return `/favorites?${new URLSearchParams({ added: String(movieId), back: returnTo })}`;
}

export type ToggleResult = { ok: true; favorite: boolean } | { ok: false; message: string; signIn?: string };

/**
 * Adds or removes a favorite for the caller. Called by the heart with JavaScript (returns a result for the
 * optimistic UI) and as a plain form post without it (then redirects back). The user is always the session's:
 * no user id is accepted from the client. A visitor's heart is remembered for after signing in.
 */
export const toggleFavoriteAction = publicAction(
  toggleSchema,
  async ({ movieId, intent, returnTo: rawReturnTo, $js }, { viewer }): Promise<ToggleResult> => {
    const returnTo = safeCallbackPath(rawReturnTo);
    if (!viewer) {
      if (intent === "add") await rememberPendingFavorite(movieId);
      const signIn = `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`;
      if ($js !== "1") redirect(signIn);
      return { ok: false, message: "Sign in to keep favorites.", signIn };
    }
    if (intent === "add") {
      if (!(await addFavorite(viewer.id, movieId))) return { ok: false, message: "That film no longer exists." };
    } else {
      await removeFavorite(viewer.id, movieId);
    }
    revalidatePath("/favorites");
    if ($js !== "1") redirect(withoutScriptLanding(returnTo, movieId, intent));
    return { ok: true, favorite: intent === "add" };
  },
  // Nobody is refused here (a visitor is sent to sign in); a bad film id or intent is the one failure.
  { failed: (): ToggleResult => ({ ok: false, message: "That film could not be found." }) },
);

export type ImportState = { message?: string; ok?: boolean } & Partial<ImportResult>;

/** Imports a CSV of favorites for the caller; a malformed or huge file is refused whole. */
export const importFavoritesAction = memberAction(
  z.object({ file: z.unknown() }),
  async ({ file }, { viewer }): Promise<ImportState> => {
    if (!(file instanceof File) || file.size === 0) return { message: "Choose a CSV file to import." };
    if (file.size > CSV_MAX_BYTES) return { message: "This file is larger than 1 MB." };
    const parsed = parseFavoritesCsv(new Uint8Array(await file.arrayBuffer()));
    if ("error" in parsed) return { message: parsed.error };
    const result = await importFavorites(viewer.id, parsed.rows);
    revalidatePath("/favorites");
    const total = parsed.rows.length;
    const parts = [
      `${result.added} added`,
      `${result.alreadyThere} already in your favorites`,
      ...(result.nearYear.length ? [`${result.nearYear.length} matched with a year one off`] : []),
      ...(result.ambiguous.length ? [`${result.ambiguous.length} ambiguous`] : []),
      `${result.unmatched.length} not found`,
    ];
    return { ok: true, message: `Imported ${total} row${total === 1 ? "" : "s"}: ${parts.join(", ")}.`, ...result };
  },
  { failed: (state) => ({ message: state.message }) },
);
