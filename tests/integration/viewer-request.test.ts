/**
 * GET /api/viewer's answer (lib/viewer-request.ts), which the production server gives before Next and the route
 * handler under `next dev`: it trusts a session cookie exactly as Auth.js does on every read (auth.ts's jwt
 * callback), and nothing else. Cookies are made with Auth.js's own `encode`, as its sign-in makes them.
 */
import { encode } from "next-auth/jwt";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { movie, user_ } from "@/db/schema";
import { authSecret } from "@/lib/env";
import { sessionCookieName } from "@/lib/session-token";
import { answerViewerRequest } from "@/lib/viewer-request";
import { openTestDatabase } from "../support/database";

const { db, sql: client } = openTestDatabase();
const NAME = "authjs.session-token";
let member: number;
let films: number[];

beforeAll(async () => {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const [row] = await db
    .insert(user_)
    .values({ username: `viewer_${stamp}`, email: `viewer_${stamp}@example.com`, first_name: "V", last_name: "R", password: "x", role: "editor" })
    .returning({ id: user_.id });
  member = row.id;
  const rows = await db.insert(movie).values([{ title: `Viewer A ${stamp}` }, { title: `Viewer B ${stamp}` }]).returning({ id: movie.id });
  films = rows.map((r) => r.id);
  await db.execute(sql`insert into favorite_movies (user_id, movie_id) values (${member}, ${films[1]})`);
});

afterAll(async () => {
  await db.delete(user_).where(eq(user_.id, member));
  await client.end();
});

const token = (claims: Record<string, unknown>, options: { salt?: string; maxAge?: number; secret?: string } = {}) =>
  encode({ token: claims, secret: options.secret ?? authSecret(), salt: options.salt ?? NAME, maxAge: options.maxAge });

const ask = (cookie: string | null, search = `movies=${films.join(",")}`, forwardedProto: string | null = "http") =>
  answerViewerRequest(db, { search: new URLSearchParams(search), cookie, forwardedProto });

describe("GET /api/viewer", () => {
  it("names the session's user, their favorites among the page's films, and whether they edit", async () => {
    const cookie = `${NAME}=${await token({ sub: String(member), sv: 0 })}`;
    const { status, body } = await ask(`other=1; ${cookie}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ viewer: { id: member, editor: true, avatarUrl: null }, favorites: [films[1]], person: null });
  });

  it("reads Auth.js's chunked cookie, and the __Secure- name when the site is HTTPS", async () => {
    const value = await token({ sub: String(member), sv: 0 });
    const chunked = `${NAME}.0=${value.slice(0, 100)}; ${NAME}.1=${value.slice(100)}`;
    expect((await ask(chunked)).body).toMatchObject({ viewer: { id: member } });
    const secure = sessionCookieName("https");
    expect(secure).toBe(`__Secure-${NAME}`);
    const secureCookie = `${secure}=${await token({ sub: String(member), sv: 0 }, { salt: secure })}`;
    expect((await ask(secureCookie, "", "https")).body).toMatchObject({ viewer: { id: member } });
    // The other name is not the cookie Auth.js would read for this request: nobody.
    expect((await ask(secureCookie, "", "http")).body).toEqual({ viewer: null });
    expect((await ask(`${NAME}=${value}`, "", "https")).body).toEqual({ viewer: null });
  });

  it("is nobody for no cookie, a forged or foreign one, an expired one, or one without a session version", async () => {
    expect((await ask(null)).body).toEqual({ viewer: null });
    expect((await ask(`${NAME}=not-a-token`)).body).toEqual({ viewer: null });
    expect((await ask(`${NAME}=${await token({ sub: String(member), sv: 0 }, { secret: "another secret of at least thirty-two characters" })}`)).body).toEqual({ viewer: null });
    expect((await ask(`${NAME}=${await token({ sub: String(member), sv: 0 }, { salt: "another-cookie" })}`)).body).toEqual({ viewer: null });
    expect((await ask(`${NAME}=${await token({ sub: String(member), sv: 0 }, { maxAge: -60 })}`)).body).toEqual({ viewer: null });
    expect((await ask(`${NAME}=${await token({ sub: String(member) })}`)).body).toEqual({ viewer: null });
    expect((await ask(`${NAME}=${await token({ sub: "0", sv: 0 })}`)).body).toEqual({ viewer: null });
  });

  it("is nobody once the session version moved on (signed out everywhere) or the user is disabled", async () => {
    const cookie = `${NAME}=${await token({ sub: String(member), sv: 0 })}`;
    await db.update(user_).set({ session_version: 1 }).where(eq(user_.id, member));
    expect((await ask(cookie)).body).toEqual({ viewer: null });
    const current = `${NAME}=${await token({ sub: String(member), sv: 1 })}`;
    expect((await ask(current)).body).toMatchObject({ viewer: { id: member } });
    await db.update(user_).set({ disabled_at: new Date() }).where(eq(user_.id, member));
    expect((await ask(current)).body).toEqual({ viewer: null });
    await db.update(user_).set({ disabled_at: null, session_version: 0 }).where(eq(user_.id, member));
  });

  it("while an admin's password reset is pending: the viewer and the way to change it, none of their favorites", async () => {
    const cookie = `${NAME}=${await token({ sub: String(member), sv: 0 })}`;
    await db.update(user_).set({ must_change_password: true }).where(eq(user_.id, member));
    const { body } = await ask(cookie, `movies=${films.join(",")}&person=1`);
    expect(body).toEqual({ viewer: { id: member, username: expect.any(String), avatarUrl: null, editor: false, mustChangePassword: true }, favorites: [], person: null });
    await db.update(user_).set({ must_change_password: false }).where(eq(user_.id, member));
    expect((await ask(cookie)).body).toMatchObject({ viewer: { editor: true }, favorites: [films[1]] });
  });

  it("answers a malformed question with a 400 and its reason", async () => {
    expect(await ask(null, "movies=1,abc")).toEqual({ status: 400, body: { error: expect.stringMatching(/movies/) } });
    expect((await ask(null, "person=1&person=2")).status).toBe(400);
  });
});
