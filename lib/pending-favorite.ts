import "server-only";
import { cookies } from "next/headers";
import { addFavorite } from "@/db/queries/favorites";
import { requestIsHttps } from "@/lib/request-path";

/**
 * A signed-out visitor who presses a heart is sent to sign in; the movie waits in this short-lived cookie and is
 * added to their favorites as soon as they are signed in (kept in the browser: no server memory involved).
 */
const COOKIE = "marquee_pending_favorite";

export async function rememberPendingFavorite(movieId: number) {
  (await cookies()).set(COOKIE, String(movieId), { httpOnly: true, sameSite: "lax", path: "/", maxAge: 15 * 60, secure: await requestIsHttps() });
}

export async function applyPendingFavorite(userId?: number) {
  const jar = await cookies();
  const raw = jar.get(COOKIE)?.value;
  if (!raw) return;
  jar.delete(COOKIE);
  const movieId = Number(raw);
  if (userId && Number.isSafeInteger(movieId) && movieId > 0) await addFavorite(userId, movieId);
}
