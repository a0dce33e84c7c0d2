/**
 * Auth.js v5: credentials (username or email + password), JWT sessions. The token carries the user id and the
 * session version it was issued under; lib/session.ts reads the role and the current version from the database on
 * each request, so sign-out, a password or role change or a disabled account end copied cookies at once.
 */
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clearAccountThrottle, lockedUntil, recordFailedSignIn, throttleKeys } from "@/db/queries/throttle";
import { verifyCredentials } from "@/db/queries/users";
import { authSecret } from "@/lib/env";
import { clientAddress } from "@/lib/client-address";
import { signInSchema } from "@/lib/validation/account";

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
        const keys = throttleKeys(parsed.data.login, clientAddress(request.headers));
        const until = await lockedUntil(keys);
        if (until) throw new ThrottledSignIn(Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000)));
        const user = await verifyCredentials(parsed.data.login, parsed.data.password);
        if (!user) {
          await recordFailedSignIn(keys);
          const nowLocked = await lockedUntil(keys);
          if (nowLocked) throw new ThrottledSignIn(Math.max(1, Math.ceil((nowLocked.getTime() - Date.now()) / 60_000)));
          return null;
        }
        await clearAccountThrottle(keys);
        return { id: String(user.id), name: user.username, email: user.email, sv: user.session_version };
      },
    }),
  ],
  callbacks: {
    // The token is written at sign-in only; no client-triggered update can change its session version.
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sv ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.sv = token.sv ?? -1;
      return session;
    },
  },
}));
