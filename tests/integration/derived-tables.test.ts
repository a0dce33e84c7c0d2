import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getPopularPeople, POPULAR_PEOPLE_KEPT, POPULAR_PEOPLE_WINDOW } from "@/db/queries/browse";
import { viewerFacts } from "@/db/queries/viewer";
import { getFilmography, getKnownFor } from "@/db/queries/people";
import { openTestDatabase } from "../support/database";

/**
 * The tables the public pages read instead of counting (migrations 0014-0018): person_counts, person_credits,
 * genre_films, movie_favorites and popular_people. Each is compared with the same facts computed from the tables
 * they derive from, after every kind of write, including writers racing each other.
 */

const { db, sql: client } = openTestDatabase();

type Row = Record<string, unknown>;
const rows = async (query: SQL) => [...(await db.execute<Row>(query))];

/** Each derived table as stored, and as computed from its sources: equal whenever no transaction is in flight. */
const PAIRS: Record<string, { stored: SQL; truth: SQL }> = {
  person_counts: {
    stored: sql`select scope, scope_id, people from person_counts where people <> 0 order by 1, 2`,
    truth: sql`select * from (
      select 'all'::varchar as scope, 0 as scope_id, count(*)::int as people from person
      union all select 'country', country_id, count(*)::int from person where country_id is not null group by country_id
    ) x where people <> 0 order by 1, 2`,
  },
  person_credits: {
    stored: sql`select person_id, movie_id, character_id, kind::int, release_date::text from person_credits order by 1, 2, 3`,
    truth: sql`select person_id, movie_id, character_id, kind, release_date::text from (
      select ca.person_id, c.movie_id, c.id as character_id, case c.role when 'lead' then 0 when 'supporting' then 1 else 2 end as kind, m.release_date
      from character_actors ca join character_ c on c.id = ca.character_id join movie m on m.id = c.movie_id
      union all
      select director_id, id, 0, 3, release_date from movie where director_id is not null
    ) x order by 1, 2, 3`,
  },
  genre_films: {
    stored: sql`select movie_id, genre_id, country_id, release_date::text from genre_films order by 1, 2`,
    truth: sql`select mg.movie_id, mg.genre_id, m.country_id, m.release_date::text from movie_genres mg join movie m on m.id = mg.movie_id order by 1, 2`,
  },
  movie_favorites: {
    stored: sql`select movie_id, favorites from movie_favorites order by 1`,
    truth: sql`select movie_id, count(*)::int as favorites from favorite_movies group by movie_id order by 1`,
  },
  popular_people: {
    stored: sql`select position, person_id, credits from popular_people order by 1`,
    truth: sql`
      with w as (select films, kept from popular_people_window where id = 1),
      recent as (select id from movie where release_date is not null order by release_date desc, id desc limit (select films from w)),
      credits as (
        select ca.person_id from recent r join character_ c on c.movie_id = r.id join character_actors ca on ca.character_id = c.id
        union all
        select m.director_id from recent r join movie m on m.id = r.id where m.director_id is not null
      )
      select (row_number() over (order by count(*) desc, person_id))::int as position, person_id, count(*)::int as credits
      from credits group by person_id order by count(*) desc, person_id limit (select kept from w)`,
  },
  popular_people_window: {
    stored: sql`select oldest_date::text, oldest_id from popular_people_window where id = 1`,
    truth: sql`
      select coalesce((select release_date::text from movie where release_date is not null order by release_date desc, id desc
                       offset (select films - 1 from popular_people_window where id = 1) limit 1), null) as oldest_date,
             (select id from movie where release_date is not null order by release_date desc, id desc
              offset (select films - 1 from popular_people_window where id = 1) limit 1) as oldest_id`,
  },
};

async function expectDerivedTrue(context: string) {
  for (const [name, { stored, truth }] of Object.entries(PAIRS)) {
    expect(await rows(stored), `${name} ${context}`).toEqual(await rows(truth));
  }
}

/** Waits until another connection's statement is blocked on a lock (so the interleaving under test really happened). */
async function waitForLockWait() {
  for (let i = 0; i < 100; i++) {
    const [row] = await rows(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
    if ((row.n as number) > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("no statement ever waited for a lock");
}

let ids: { us: number; fr: number; drama: number; comedy: number; people: number[]; films: number[]; user: number };

async function film(title: string, date: string | null, extra: { country?: number; director?: number } = {}) {
  const [row] = await rows(sql`insert into movie (title, release_date, country_id, director_id)
    values (${title}, ${date}, ${extra.country ?? null}, ${extra.director ?? null}) returning id`);
  return row.id as number;
}
async function character(movieId: number, role: string | null, ...actors: number[]) {
  const [row] = await rows(sql`insert into character_ (name, role, movie_id) values (${`Role in ${movieId}`}, ${role}, ${movieId}) returning id`);
  for (const a of actors) await db.execute(sql`insert into character_actors (character_id, person_id) values (${row.id as number}, ${a})`);
  return row.id as number;
}

beforeEach(async () => {
  await db.execute(sql`truncate favorite_movies, person_photos, character_actors, character_, movie_genres, movie, genres, person, countries, user_, file_ restart identity cascade`);
  await db.execute(sql`update popular_people_window set films = ${POPULAR_PEOPLE_WINDOW}, kept = ${POPULAR_PEOPLE_KEPT} where id = 1`);
  await db.execute(sql`select marquee_popular_people_recompute()`);
  const [us, fr] = (await rows(sql`insert into countries (name) values ('United States'), ('France') returning id`)).map((r) => r.id as number);
  const [drama, comedy] = (await rows(sql`insert into genres (name) values ('Drama'), ('Comedy') returning id`)).map((r) => r.id as number);
  const people = (
    await rows(sql`insert into person (first_name, last_name, country_id)
      select 'Person', n::text, case when n % 3 = 0 then null when n % 2 = 0 then ${fr}::int else ${us}::int end from generate_series(1, 8) n returning id`)
  ).map((r) => r.id as number);
  const films = [
    await film("Old", "1950-01-01", { country: us, director: people[0] }),
    await film("Middle", "1990-06-01", { country: fr, director: people[1] }),
    await film("New", "2020-01-01", { country: us, director: people[0] }),
    await film("Undated", null, { country: fr }),
  ];
  await db.execute(sql`insert into movie_genres (movie_id, genre_id) values
    (${films[0]}, ${drama}), (${films[1]}, ${drama}), (${films[1]}, ${comedy}), (${films[2]}, ${comedy}), (${films[3]}, ${drama})`);
  await character(films[0], "lead", people[2], people[3]);
  await character(films[1], "supporting", people[2]);
  await character(films[2], "lead", people[4]);
  await character(films[2], null, people[2]);
  await character(films[3], "minor", people[5]);
  const [user] = await rows(sql`insert into user_ (username, first_name, last_name, email, password) values ('fan', 'F', 'An', 'fan@example.com', 'x') returning id`);
  await db.execute(sql`insert into favorite_movies (user_id, movie_id) values (${user.id as number}, ${films[0]}), (${user.id as number}, ${films[2]})`);
  ids = { us, fr, drama, comedy, people, films, user: user.id as number };
});
afterAll(async () => {
  await db.execute(sql`update popular_people_window set films = ${POPULAR_PEOPLE_WINDOW}, kept = ${POPULAR_PEOPLE_KEPT} where id = 1`);
  await db.execute(sql`select marquee_popular_people_recompute()`);
  await client.end({ timeout: 5 });
});

describe("derived tables", () => {
  it("match their sources after inserts, updates, deletes and truncates of every source", async () => {
    const { us, fr, drama, comedy, people, films, user } = ids;
    await expectDerivedTrue("after the inserts");
    expect(await rows(sql`select count(*)::int as n from person_credits`)).toEqual([{ n: 9 }]); // 6 castings + 3 films directed

    const steps: [string, SQL][] = [
      ["a film's date, country and director change", sql`update movie set release_date = '1985-01-01', country_id = ${fr}, director_id = ${people[6]} where id = ${films[0]}`],
      ["an undated film gets a date", sql`update movie set release_date = '2021-01-01' where id = ${films[3]}`],
      ["a film loses its director", sql`update movie set director_id = null where id = ${films[2]}`],
      ["a title changes (nothing derived moves)", sql`update movie set title = 'Renamed' where id = ${films[1]}`],
      ["a character changes role", sql`update character_ set role = 'supporting' where movie_id = ${films[0]}`],
      ["a character moves to another film", sql`update character_ set movie_id = ${films[1]} where movie_id = ${films[3]}`],
      ["a casting changes actor", sql`update character_actors set person_id = ${people[7]} where person_id = ${people[4]}`],
      ["a casting is removed", sql`delete from character_actors where person_id = ${people[3]}`],
      ["a genre link moves", sql`update movie_genres set genre_id = ${drama} where movie_id = ${films[2]} and genre_id = ${comedy}`],
      ["a genre link is removed", sql`delete from movie_genres where movie_id = ${films[1]} and genre_id = ${comedy}`],
      ["a person changes country", sql`update person set country_id = ${us} where id = ${people[1]}`],
      ["a person without credits is removed", sql`delete from person p where p.id = (select min(q.id) from person q
        where not exists (select 1 from character_actors ca where ca.person_id = q.id) and not exists (select 1 from movie m where m.director_id = q.id))`],
      ["favorites are added and moved", sql`insert into favorite_movies (user_id, movie_id) values (${user}, ${films[1]})`],
      ["a favorite moves to another film", sql`update favorite_movies set movie_id = ${films[3]} where movie_id = ${films[0]}`],
      ["a character is deleted (its castings go by cascade)", sql`delete from character_ where movie_id = ${films[1]} and role = 'supporting'`],
      ["a film is deleted (characters, castings, links, favorites go by cascade)", sql`delete from movie where id = ${films[2]}`],
      ["a film is inserted with a director", sql`insert into movie (title, release_date, director_id, country_id) values ('Fresh', '2024-05-05', ${people[5]}, ${us})`],
      ["castings are truncated", sql`truncate character_actors`],
      ["favorites are truncated", sql`truncate favorite_movies`],
      ["everything is truncated", sql`truncate movie, movie_genres, character_, character_actors, person cascade`],
    ];
    for (const [what, statement] of steps) {
      await db.execute(statement);
      await expectDerivedTrue(`after: ${what}`);
    }
  });

  it("stay true when a film's date, a film's country or a character's role changes while rows copying it are added", async () => {
    const { people, films, comedy } = ids;
    const [role] = await rows(sql`select id from character_ where movie_id = ${films[1]}`);
    const characterId = role.id as number;

    // The casting first: the date change waits for its commit, then moves its credit's date too.
    let dateChange!: Promise<unknown>;
    await client.begin(async (t1) => {
      await t1`insert into character_actors (character_id, person_id) values (${characterId}, ${people[6]})`;
      dateChange = client`update movie set release_date = '1999-09-09' where id = ${films[1]}`.execute();
      await waitForLockWait();
    });
    await dateChange;
    await expectDerivedTrue("after a date change that waited for a casting");

    // The change first, uncommitted: the row copying it waits, then reads the committed value.
    async function changeFirst(change: (t: typeof client) => Promise<unknown>, copy: SQL) {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let changed!: () => void;
      const didChange = new Promise<void>((r) => (changed = r));
      const changing = client.begin(async (t) => {
        await change(t as unknown as typeof client);
        changed();
        await gate;
      });
      await didChange;
      const copying = db.execute(copy).then((r) => r); // drizzle's queries start when awaited or then()'d
      await waitForLockWait();
      release();
      await changing;
      await copying;
    }
    await changeFirst((t) => t`update character_ set role = 'lead' where id = ${characterId}`, sql`insert into character_actors (character_id, person_id) values (${characterId}, ${people[7]})`);
    await expectDerivedTrue("after a casting that waited for a role change");
    await changeFirst((t) => t`update movie set release_date = '2001-01-01' where id = ${films[1]}`, sql`insert into character_actors (character_id, person_id) values (${characterId}, ${people[5]})`);
    await expectDerivedTrue("after a casting that waited for a date change");
    await changeFirst((t) => t`update movie set country_id = null where id = ${films[0]}`, sql`insert into movie_genres (movie_id, genre_id) values (${films[0]}, ${comedy})`);
    await expectDerivedTrue("after a genre link that waited for a country change");
  });

  it("stay true under many concurrent writers", async () => {
    const { people, films, user } = ids;
    const extraUsers = (
      await rows(sql`insert into user_ (username, first_name, last_name, email, password)
        select 'u' || n, 'U', 'N', 'u' || n || '@example.com', 'x' from generate_series(1, 6) n returning id`)
    ).map((r) => r.id as number);
    await Promise.all([
      // As the app writes favorites: one statement per transaction (a heart, an import of many films, an account's
      // deletion), whose counts are applied in film order, so such writers never wait for each other in a cycle.
      ...extraUsers.map((u, i) =>
        client.begin(async (t) => {
          await t`insert into favorite_movies (user_id, movie_id) values (${u}, ${films[(i + 1) % 3]}), (${u}, ${films[i % 3]})`;
        }),
      ),
      ...people.slice(0, 6).map((p, i) =>
        client.begin(async (t) => {
          const [c] = await t`insert into character_ (name, role, movie_id) values ('Extra', ${i % 2 ? "lead" : "minor"}, ${films[i % 4]}) returning id`;
          await t`insert into character_actors (character_id, person_id) values (${c.id}, ${p})`;
        }),
      ),
      client.begin(async (t) => {
        await t`update movie set release_date = '2030-01-01' where id = ${films[3]}`;
      }),
      client.begin(async (t) => {
        await t`delete from favorite_movies where user_id = ${user}`;
      }),
    ]);
    await expectDerivedTrue("after concurrent writers");
  });
});

describe("popular people", () => {
  it("holds the first people of the window, recomputed only when a change reaches it", async () => {
    await db.execute(sql`update popular_people_window set films = 2, kept = 3 where id = 1`);
    await db.execute(sql`select marquee_popular_people_recompute()`);
    await expectDerivedTrue("with a window of the two newest films");
    const { people, films } = ids;
    const [{ oldest_id: oldest }] = await rows(sql`select oldest_id from popular_people_window`);
    expect(oldest).toBe(films[1]); // New (2020), Middle (1990)

    // Below the window: nothing to recompute (the pending row is consumed, the list is unchanged and still right).
    await character(films[0], "lead", people[6]);
    await expectDerivedTrue("after a casting in a film below the window");
    // In the window, and a new film that pushes the oldest out.
    await character(films[1], "lead", people[6]);
    await expectDerivedTrue("after a casting in the window");
    await film("Newest", "2023-03-03", { director: people[6] });
    await expectDerivedTrue("after a new film moved the window");
    expect(await rows(sql`select count(*)::int as n from popular_people_pending`)).toEqual([{ n: 0 }]);
  });

  it("sees a casting committed just below the window by a transaction racing one that moves the window down", async () => {
    await db.execute(sql`update popular_people_window set films = 2, kept = 5 where id = 1`);
    await db.execute(sql`select marquee_popular_people_recompute()`);
    const { people, films } = ids;
    // Old (1950) is below the window {New, Middle}. A casting in it stays uncommitted while New is deleted: Old enters
    // the window at that commit, without the casting; the casting's own commit then finds Old inside and recomputes.
    const [role] = await rows(sql`select id from character_ where movie_id = ${films[0]}`);
    await client.begin(async (t) => {
      await t`insert into character_actors (character_id, person_id) values (${role.id as number}, ${people[7]})`;
      await db.execute(sql`delete from movie where id = ${films[2]}`);
    });
    await expectDerivedTrue("after the race");
    expect((await rows(PAIRS.popular_people.stored)).some((r) => r.person_id === people[7])).toBe(true);
  });

  it("is what getPopularPeople reads, with the numbers the app expects", async () => {
    expect(await rows(sql`select films, kept from popular_people_window`)).toEqual([{ films: POPULAR_PEOPLE_WINDOW, kept: POPULAR_PEOPLE_KEPT }]);
    const fromSummary = await getPopularPeople({ limit: 3 });
    const counted = await getPopularPeople({ limit: POPULAR_PEOPLE_KEPT + 1 }); // counted from person_credits
    expect(fromSummary.length).toBeGreaterThan(0);
    expect(fromSummary).toEqual(counted.slice(0, 3));
  });
});

describe("the person pages' reads", () => {
  it("give what the statements they replaced gave (counted from castings, characters, films and favorites)", async () => {
    // A busy person: 40 films, leads, supporting and minor parts, two characters in some films, films directed,
    // shared and missing dates; favorites from several users on some of the films.
    const star = ids.people[0];
    const films: number[] = [];
    for (let i = 0; i < 40; i++) {
      const date = i % 9 === 0 ? null : `${1980 + (i % 13)}-0${1 + (i % 3)}-15`;
      films.push(await film(`Busy ${i}`, date, { director: i % 7 === 0 ? star : ids.people[1] }));
    }
    for (const [i, f] of films.entries()) {
      if (i % 7 === 0 && i % 2 === 0) continue; // directed only
      await character(f, ["lead", "supporting", "minor", null][i % 4], star);
      if (i % 5 === 0) await character(f, "lead", star);
    }
    const fans = (await rows(sql`insert into user_ (username, first_name, last_name, email, password)
      select 'fan' || n, 'F', 'N', 'fan' || n || '@example.com', 'x' from generate_series(1, 4) n returning id`)).map((r) => r.id as number);
    for (const [u, fan] of fans.entries()) {
      await db.execute(sql`insert into favorite_movies (user_id, movie_id)
        select ${fan}::int, id from movie where title like 'Busy %' and (id * ${u + 3}) % 11 < ${u + 1}`);
    }

    const knownForReference = (limit: number) => rows(sql`
      with credits as (
        select c.movie_id, case c.role when 'lead' then 0 when 'supporting' then 1 else 2 end as weight
        from character_ c join character_actors ca on ca.character_id = c.id where ca.person_id = ${star}
        union all
        select m.id, 0 from movie m where m.director_id = ${star}
      ), films as (select movie_id, min(weight) as weight from credits group by movie_id)
      select m.id from films f join movie m on m.id = f.movie_id
      order by (select count(*) from favorite_movies fm where fm.movie_id = f.movie_id) desc, f.weight, m.release_date desc nulls last, m.id desc
      limit ${limit}`);
    for (const limit of [1, 4, 6, 25]) {
      expect((await getKnownFor(star, { limit })).map((m) => m.id), `limit ${limit}`).toEqual((await knownForReference(limit)).map((r) => r.id));
    }

    for (const dir of ["asc", "desc"] as const) {
      const order = dir === "asc" ? sql.raw("m.release_date asc nulls last, m.title asc, m.id asc") : sql.raw("m.release_date desc nulls last, m.title asc, m.id desc");
      for (const limit of [5, 7, 200]) {
        const reference = await rows(sql`
          select m.id, (select array_agg(c.id order by c.id) from character_ c join character_actors ca on ca.character_id = c.id
                        where ca.person_id = ${star} and c.movie_id = m.id) as characters
          from movie m where exists (select 1 from character_ c join character_actors ca on ca.character_id = c.id where ca.person_id = ${star} and c.movie_id = m.id)
          order by ${order} limit ${limit}`);
        const filmography = await getFilmography(star, dir, { limit });
        expect(filmography.acting.map((f) => [f.movieId, f.characters.map((c) => c.id)]), `${dir} ${limit}`).toEqual(reference.map((r) => [r.id, r.characters]));
        const [{ n }] = await rows(sql`select count(distinct c.movie_id)::int as n from character_ c join character_actors ca on ca.character_id = c.id where ca.person_id = ${star}`);
        expect(filmography.actingTotal).toBe(n);
      }
    }

    for (const fan of fans) {
      const [reference] = await rows(sql`
        with f as (select id from movie where director_id = ${star}
                   union select c.movie_id from character_ c join character_actors ca on ca.character_id = c.id where ca.person_id = ${star})
        select count(*)::int as films, count(*) filter (where exists (select 1 from favorite_movies fm where fm.user_id = ${fan} and fm.movie_id = f.id))::int as favorites from f`);
      expect((await viewerFacts(db, fan, { movies: [], person: star })).person).toEqual(reference);
    }
  });
});
