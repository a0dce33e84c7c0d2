"use server";

import { signOut } from "@/auth";
import { revokeSessions } from "@/db/queries/users";
import { getViewer } from "@/lib/session";

/**
 * Signs out everywhere: the session version moves on, so any copy of the cookie stops working too. A plain form
 * post (no JavaScript) is sent home; the header's menu (`$js`) gets the answer and moves on itself, once the
 * server has really signed it out.
 */
export async function signOutAction(formData?: FormData) {
  const viewer = await getViewer();
  if (viewer) await revokeSessions(viewer.id);
  if (formData instanceof FormData && formData.get("$js") === "1") {
    await signOut({ redirect: false });
    return;
  }
  await signOut({ redirectTo: "/" });
}
