"use server";

import { z } from "zod";
import { signOut } from "@/auth";
import { revokeSessions } from "@/db/queries/users";
import { publicAction } from "@/lib/action";
import { getSessionViewer } from "@/lib/session";

/**
 * Signs out everywhere: the session version moves on, so any copy of the cookie stops working too. A plain form
 * post (no JavaScript) is sent home; the header's menu (`$js`) gets the answer and moves on itself, once the
 * server has really signed it out. Anyone may call it: signing out a visitor only clears their cookie.
 */
export const signOutAction = publicAction(
  z.object({ $js: z.string().optional() }),
  async ({ $js }, { viewer }): Promise<undefined> => {
    // A user whose password an admin reset is nobody to public actions, but their session still ends everywhere.
    const signedIn = viewer ?? (await getSessionViewer());
    if (signedIn) await revokeSessions(signedIn.id);
    if ($js === "1") {
      await signOut({ redirect: false });
      return;
    }
    await signOut({ redirectTo: "/" });
  },
  // An unreadable call signs nobody out and answers nothing.
  { failed: (): undefined => undefined },
);
