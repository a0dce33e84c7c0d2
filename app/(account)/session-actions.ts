"use server";

import { signOut } from "@/auth";
import { revokeSessions } from "@/db/queries/users";
import { getViewer } from "@/lib/session";

/** Signs out everywhere: the session version moves on, so any copy of the cookie stops working too. */
export async function signOutAction() {
  const viewer = await getViewer();
  if (viewer) await revokeSessions(viewer.id);
  await signOut({ redirectTo: "/" });
}
