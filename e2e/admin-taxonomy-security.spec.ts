/**
 * The genre and country actions are public endpoints: called directly (no page, no layout) as nobody or as a
 * signed-in visitor, they change nothing. An editor's tampered ids get a message, never a change or a 500.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { sql } from "drizzle-orm";
import { withTestDatabase } from "./support/database";
import { callAction, signInRequest } from "./support/server-actions";

const KINDS = [
  { kind: "genre", file: "app/admin/genres/actions.ts", prefix: "Genre", table: "genres" },
  { kind: "country", file: "app/admin/countries/actions.ts", prefix: "Country", table: "countries" },
] as const;

type Kind = (typeof KINDS)[number];

/** A source and a target row, a film (genres) or a person (countries) using the source. */
async function arrange({ kind, table }: Kind) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return withTestDatabase(async (db) => {
    const [source] = await db.execute<{ id: number; version: string }>(sql`insert into ${sql.raw(table)} (name) values (${`Guarded ${id}`}) returning id, updated_at::text as version`);
    const [target] = await db.execute<{ id: number }>(sql`insert into ${sql.raw(table)} (name) values (${`Target ${id}`}) returning id`);
    const [film] = await db.execute<{ id: number }>(sql`select id from movie where title = 'Parasite'`);
    if (kind === "genre") await db.execute(sql`insert into movie_genres (movie_id, genre_id) values (${film.id}, ${source.id})`);
    else await db.execute(sql`insert into person (first_name, last_name, country_id) values ('Guarded', ${id}, ${source.id})`);
    return { id, source: source.id, version: source.version, target: target.id, film: film.id };
  });
}

/** Everything the actions could change: this test's rows and whatever points at them. */
function snapshot({ kind, table }: Kind, arranged: { id: string }) {
  return withTestDatabase(async (db) => {
    const rows = await db.execute<{ id: number }>(sql`select id, name, updated_at::text as v from ${sql.raw(table)} where name like ${`%${arranged.id}%`} order by id`);
    const ids = rows.map((r) => r.id);
    const refs =
      kind === "genre"
        ? await db.execute(sql`select movie_id, genre_id from movie_genres where genre_id in ${ids} order by 1, 2`)
        : await db.execute(sql`select 'movie' as kind, id, country_id from movie where country_id in ${ids}
                               union all select 'person', id, country_id from person where country_id in ${ids} order by 1, 2`);
    return { rows: [...rows], refs: [...refs] };
  });
}

async function cleanUp({ kind, table }: Kind, arranged: { id: string }) {
  await withTestDatabase(async (db) => {
    if (kind === "genre") await db.execute(sql`delete from movie_genres where genre_id in (select id from genres where name like ${`%${arranged.id}%`})`);
    else await db.execute(sql`delete from person where last_name = ${arranged.id}`);
    await db.execute(sql`delete from ${sql.raw(table)} where name like ${`%${arranged.id}%`}`);
  });
}

for (const k of KINDS) {
  test(`${k.kind} actions change nothing for anonymous callers and signed-in visitors`, async ({ playwright, baseURL }) => {
    const arranged = await arrange(k);
    try {
      const before = await snapshot(k, arranged);
      const anonymous = await playwright.request.newContext({ baseURL });
      const visitor = await playwright.request.newContext({ baseURL });
      await signInRequest(visitor, "visitor", "marquee-visitor");
      const callers: [string, APIRequestContext, string][] = [
        ["anonymous", anonymous, "Your session has ended. Sign in again to continue."],
        ["visitor", visitor, "Only editors can do this."],
      ];
      for (const [who, request, expected] of callers) {
        const calls: [string, Record<string, string>][] = [
          [`create${k.prefix}Action`, { name: `Intruder ${arranged.id}` }],
          [`update${k.prefix}Action`, { id: String(arranged.source), name: `Renamed ${arranged.id}`, version: arranged.version }],
          [`delete${k.prefix}Action`, { id: String(arranged.target) }],
          [`merge${k.prefix}Action`, { id: String(arranged.source), target_id: String(arranged.target), confirm: "yes" }],
        ];
        for (const [name, fields] of calls) {
          const response = await callAction(request, { file: k.file, name }, fields, { previousState: {} });
          expect(response.status(), `${who}: ${name}`).toBe(200);
          expect(await response.text(), `${who}: ${name}`).toContain(expected);
        }
      }
      expect(await snapshot(k, arranged)).toEqual(before);
      await anonymous.dispose();
      await visitor.dispose();
    } finally {
      await cleanUp(k, arranged);
    }
  });

  test(`tampered ${k.kind} ids from an editor get messages and change nothing`, async ({ playwright, baseURL }) => {
    const arranged = await arrange(k);
    try {
      const before = await snapshot(k, arranged);
      const editor = await playwright.request.newContext({ baseURL });
      await signInRequest(editor, "editor", "marquee-editor");
      const notFound = `This ${k.kind} could not be found.`;
      const calls: [string, Record<string, string>, string][] = [
        [`update${k.prefix}Action`, { id: "1 OR 1=1", name: `Renamed ${arranged.id}`, version: arranged.version }, notFound],
        [`update${k.prefix}Action`, { id: "99999999999", name: `Renamed ${arranged.id}`, version: arranged.version }, notFound],
        [`update${k.prefix}Action`, { id: "2147483000", name: `Renamed ${arranged.id}`, version: arranged.version }, `This ${k.kind} was deleted by someone else.`],
        [`update${k.prefix}Action`, { id: String(arranged.source), name: `Renamed ${arranged.id}`, version: "'; drop table genres; --" }, "This form is missing its version: reload the page."],
        [`update${k.prefix}Action`, { id: String(arranged.source), name: `Target ${arranged.id}`.toUpperCase(), version: arranged.version }, `Another ${k.kind} already has this name`],
        [`delete${k.prefix}Action`, { id: "-5" }, notFound],
        [`delete${k.prefix}Action`, { id: "<script>" }, notFound],
        [`delete${k.prefix}Action`, { id: "2147483000" }, `This ${k.kind} was already deleted by someone else.`],
        [`merge${k.prefix}Action`, { id: String(arranged.source), target_id: "2147483000", confirm: "yes" }, `That ${k.kind} no longer exists: choose another.`],
        [`merge${k.prefix}Action`, { id: String(arranged.source), target_id: String(arranged.source), confirm: "yes" }, `cannot be merged into itself`],
        [`merge${k.prefix}Action`, { id: String(arranged.source), target_id: "abc", confirm: "yes" }, `Choose the ${k.kind} to merge into.`],
        [`merge${k.prefix}Action`, { id: "2147483000", target_id: String(arranged.target), confirm: "yes" }, `This ${k.kind} was deleted by someone else.`],
        [`create${k.prefix}Action`, { name: "" }, `Enter the ${k.kind}'s name.`],
      ];
      for (const [name, fields, expected] of calls) {
        const response = await callAction(editor, { file: k.file, name }, fields, { previousState: {} });
        expect(response.status(), `${name} ${JSON.stringify(fields)}`).toBe(200);
        expect(await response.text(), `${name} ${JSON.stringify(fields)}`).toContain(expected);
      }
      // Without confirm=yes a merge only says what would move.
      const preview = await callAction(editor, { file: k.file, name: `merge${k.prefix}Action` }, { id: String(arranged.source), target_id: String(arranged.target) }, { previousState: {} });
      expect(await preview.text()).toContain(`will be deleted.`);
      // A delete of a genre in use is refused with the film it is used by.
      if (k.kind === "genre") {
        const refused = await callAction(editor, { file: k.file, name: "deleteGenreAction" }, { id: String(arranged.source) }, { previousState: {} });
        expect(await refused.text()).toContain(`/admin/movies/${arranged.film}`);
      }
      expect(await snapshot(k, arranged)).toEqual(before);
      await editor.dispose();
    } finally {
      await cleanUp(k, arranged);
    }
  });
}
