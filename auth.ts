/**
 * Auth.js v5: credentials (username or email + password), JWT sessions. The token carries the user id and the
 * session version it was issued under. Every read of the cookie — pages and actions through lib/session.ts, and
 * Auth.js's own endpoints (/api/auth/session) — passes the jwt callback, which asks the database whether that
 * version is still current: sign-out (ours or Auth.js's POST /api/auth/signout), a password or role change or a
 * disabled account end every copy of the cookie at once.
 */
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clearAccountThrottle, lockedUntil, minutesUntil, recordFailedSignIn, throttleKeys } from "@/db/queries/throttle";
import { getUserIdByLogin, revokeSessionsFrom, verifyCredentials, viewerOfRequest } from "@/db/queries/users";
import { clientAddress } from "@/lib/client-address";
import { deviceCookieIn, readDeviceToken } from "@/lib/device-cookie";
import { authSecret } from "@/lib/env";
import { safeCallbackPath, signInSchema } from "@/lib/validation/account";

declare module "next-auth" {
  interface Session {
    user: { id: string; sv: number } & DefaultSession["user"];
  }
  interface User {
    sv?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sv?: number;
  }
}

/** Too many failed attempts: `code` carries the minutes to wait ("throttled-12"). */
export class ThrottledSignIn extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `throttled-${minutes}`;
  }
}

/** The trusted device the request presents for this login's account (lib/device-cookie.ts), if any. */
async function trustedDevice(login: string, headers: Headers): Promise<string | undefined> {
  const token = readDeviceToken(deviceCookieIn(headers.get("cookie")));
  if (!token) return undefined;
  return (await getUserIdByLogin(login)) === token.userId ? token.device : undefined;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    error: (error) => {
      if (!(error instanceof CredentialsSignin) && (error as { type?: string }).type !== "CredentialsSignin") console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { login: { label: "Username or email" }, password: { label: "Password", type: "password" } },
      // Also reachable directly at /api/auth/callback/credentials: the throttle lives here, not in the form.
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const device = await trustedDevice(parsed.data.login, request.headers);
        const keys = throttleKeys(parsed.data.login, clientAddress(request.headers), device);
        const until = await lockedUntil(keys);
        if (until) throw new ThrottledSignIn(minutesUntil(until));
        const user = await verifyCredentials(parsed.data.login, parsed.data.password);
        if (!user) {
          await recordFailedSignIn(keys);
          const nowLocked = await lockedUntil(keys);
          if (nowLocked) throw new ThrottledSignIn(minutesUntil(nowLocked));
          return null;
        }
        await clearAccountThrottle(keys);
        return { id: String(user.id), name: user.username, email: user.email, sv: user.session_version };
      },
    }),
  ],
  events: {
    // Auth.js's own sign-out endpoint ends every copy of the cookie, as the site's sign-out does.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      const id = Number(token?.sub);
      if (Number.isSafeInteger(id) && id > 0 && typeof token?.sv === "number") await revokeSessionsFrom(id, token.sv);
    },
  },
  callbacks: {
    // The token is written at sign-in only; no client-triggered update can change its session version. On every
    // later read, a token whose version is no longer the user's is no session (Auth.js then clears the cookie).
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sv ?? 0;
        return token;
      }
      const id = Number(token.sub);
      if (!Number.isSafeInteger(id) || id <= 0 || typeof token.sv !== "number") return null;
      // A disabled or deleted user is no viewer; the row is read once per request, shared with getViewer.
      return (await viewerOfRequest(id))?.session_version === token.sv ? token : null;
    },
    // Where Auth.js's endpoints send the browser afterwards: paths on this site only, resolved like the forms'.
    redirect({ url, baseUrl }) {
      const base = new URL(baseUrl);
      let target: URL;
      try {
        target = new URL(url, base);
      } catch {
        return baseUrl;
      }
      if (target.origin !== base.origin) return baseUrl;
      return base.origin + safeCallbackPath(target.pathname + target.search + target.hash);
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.sv = token.sv ?? -1;
      return session;
    },
  },
}));
