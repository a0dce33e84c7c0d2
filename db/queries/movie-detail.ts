import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { ageOn, yearOf } from "@/lib/format";
import { db } from "../index";
import { character_, movie } from "../schema";

/**
 * The movie page and the character page. Each is ONE statement whatever the size of the cast: Drizzle's relational
 * queries turn every `with:` into a lateral json_agg subquery of the same statement (no query per character).
 * Images are only ever a public file's URL (file_.is_public): a private poster or photo comes back as null.
 */

/** How many characters a movie page lists at most (a guard against pathological data, far above real casts). */
export const CAST_LIMIT = 500;
/** How many other characters the character page lists at most. */
export const OTHER_CHARACTERS_LIMIT = 100;

export type CastRole = "lead" | "supporting" | "minor";

export type CastActor = {
  id: number;
  name: string;
  photoUrl: string | null;
  /** Whole years at the film's release; null when either date is unknown. */
  ageAtRelease: number | null;
};

export type CastEntry = {
  id: number;
  name: string;
  role: string | null;
  actors: CastActor[];
};

export type MovieDetail = {
  id: number;
  title: string;
  description: string | null;
  /** Decimal string as PostgreSQL returns numeric ("6500000.00"), or null when unknown. */
  budget: string | null;
  releaseDate: string | null;
  year: number | null;
  /** Minutes. */
  duration: number | null;
  posterUrl: string | null;
  director: { id: number; name: string } | null;
  country: { id: number; name: string } | null;
  genres: { id: number; name: string }[];
  cast: CastEntry[];
  /** True when the cast was cut at CAST_LIMIT. */
  castTruncated: boolean;
};

export type CharacterDetail = {
  id: number;
  name: string;
  description: string | null;
  role: string | null;
  actors: CastActor[];
  movie: {
    id: number;
    title: string;
    year: number | null;
    releaseDate: string | null;
    posterUrl: string | null;
    genres: string[];
    director: { id: number; name: string } | null;
  };
  /** The film's other characters (lead, supporting, minor; then by id), with who played them. */
  otherCharacters: { id: number; name: string; role: string | null; actors: { id: number; name: string }[] }[];
  /** True when the film has more other characters than OTHER_CHARACTERS_LIMIT. */
  otherCharactersTruncated: boolean;
};

/** "Orson Welles"; mononymous people have an empty last name. */
export function personName(p: { first_name: string; last_name: string }): string {
  return `${p.first_name} ${p.last_name}`.trim();
}

/** The URL of a file when it is public, else null; `fileId` is the (aliased) foreign-key column. */
function publicFileUrl(fileId: AnyPgColumn): SQL.Aliased<string | null> {
  return sql<string | null>`(select pf.file_url from file_ pf where pf.id = ${fileId} and pf.is_public)`.as("public_url");
}

/** Cast order: lead, supporting, minor, anything else; then as editors ordered the cast; then by id. */
function castOrder(c: { role: AnyPgColumn; position: AnyPgColumn; id: AnyPgColumn }): SQL[] {
  return [sql`case lower(${c.role}) when 'lead' then 0 when 'supporting' then 1 when 'minor' then 2 else 3 end`, sql`${c.position}`, sql`${c.id}`];
}

const actorsOfCharacter = {
  columns: {},
  orderBy: (ca: { created_at: AnyPgColumn; person_id: AnyPgColumn }) => [sql`${ca.created_at}`, sql`${ca.person_id}`],
  with: {
    person: {
      columns: { id: true, first_name: true, last_name: true, date_of_birth: true, date_of_death: true },
      extras: (p: { main_photo_id: AnyPgColumn }) => ({ photoUrl: publicFileUrl(p.main_photo_id) }),
    },
  },
} as const;

type ActorRow = { person: { id: number; first_name: string; last_name: string; date_of_birth: string | null; date_of_death: string | null; photoUrl: string | null } };

function toActors(rows: ActorRow[], releaseDate: string | null): CastActor[] {
  return rows.map(({ person: p }) => ({
    id: p.id,
    name: personName(p),
    photoUrl: p.photoUrl,
    // A film released after the actor's death: the age they reached, not the age they would have had.
    ageAtRelease: ageOn(p.date_of_birth, p.date_of_death && releaseDate && p.date_of_death < releaseDate ? p.date_of_death : releaseDate),
  }));
}

/** Everything the movie page shows, or null for an unknown id. One SQL statement. */
export async function getMovieDetail(id: number): Promise<MovieDetail | null> {
  const row = await db.query.movie.findFirst({
    where: eq(movie.id, id),
    columns: { id: true, title: true, description: true, budget: true, release_date: true, duration: true },
    extras: (m) => ({ posterUrl: publicFileUrl(m.poster_id) }),
    with: {
      director: { columns: { id: true, first_name: true, last_name: true } },
      country: { columns: { id: true, name: true } },
      genres: {
        columns: {},
        with: { genre: { columns: { id: true, name: true } } },
      },
      characters: {
        columns: { id: true, name: true, role: true },
        orderBy: castOrder,
        limit: CAST_LIMIT + 1,
        with: { actors: actorsOfCharacter },
      },
    },
  });
  if (!row) return null;
  const releaseDate = row.release_date;
  const characters = row.characters.slice(0, CAST_LIMIT);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    budget: row.budget,
    releaseDate,
    year: yearOf(releaseDate),
    duration: row.duration,
    posterUrl: row.posterUrl,
    director: row.director ? { id: row.director.id, name: personName(row.director) } : null,
    country: row.country,
    genres: row.genres.map((g) => g.genre).sort((a, b) => a.name.localeCompare(b.name)),
    cast: characters.map((c) => ({ id: c.id, name: c.name, role: c.role, actors: toActors(c.actors, releaseDate) })),
    castTruncated: row.characters.length > CAST_LIMIT,
  };
}

/** Everything the character page shows, or null for an unknown id. One SQL statement. */
export async function getCharacterDetail(id: number): Promise<CharacterDetail | null> {
  const row = await db.query.character_.findFirst({
    where: eq(character_.id, id),
    columns: { id: true, name: true, description: true, role: true },
    with: {
      actors: actorsOfCharacter,
      movie: {
        columns: { id: true, title: true, release_date: true },
        extras: (m) => ({ posterUrl: publicFileUrl(m.poster_id) }),
        with: {
          director: { columns: { id: true, first_name: true, last_name: true } },
          genres: { columns: {}, with: { genre: { columns: { name: true } } } },
          characters: {
            columns: { id: true, name: true, role: true },
            where: (c, { ne }) => ne(c.id, id),
            orderBy: castOrder,
            limit: OTHER_CHARACTERS_LIMIT + 1,
            with: {
              actors: {
                columns: {},
                orderBy: (ca) => [sql`${ca.created_at}`, sql`${ca.person_id}`],
                with: { person: { columns: { id: true, first_name: true, last_name: true } } },
              },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const m = row.movie;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    role: row.role,
    actors: toActors(row.actors, m.release_date),
    movie: {
      id: m.id,
      title: m.title,
      year: yearOf(m.release_date),
      releaseDate: m.release_date,
      posterUrl: m.posterUrl,
      genres: m.genres.map((g) => g.genre.name).sort((a, b) => a.localeCompare(b)),
      director: m.director ? { id: m.director.id, name: personName(m.director) } : null,
    },
    otherCharacters: m.characters.slice(0, OTHER_CHARACTERS_LIMIT).map((c) => ({
      id: c.id,
      name: c.name,
      role: c.role,
      actors: c.actors.map(({ person: p }) => ({ id: p.id, name: personName(p) })),
    })),
    otherCharactersTruncated: m.characters.length > OTHER_CHARACTERS_LIMIT,
  };
}

/** Just enough to check a URL before rendering (canonical slug, or 404): a primary-key lookup. */
export async function getMovieCanonical(id: number): Promise<{ id: number; title: string } | null> {
  const [row] = await db.select({ id: movie.id, title: movie.title }).from(movie).where(eq(movie.id, id)).limit(1);
  return row ?? null;
}

export async function getCharacterCanonical(id: number): Promise<{ id: number; name: string } | null> {
  const [row] = await db.select({ id: character_.id, name: character_.name }).from(character_).where(eq(character_.id, id)).limit(1);
  return row ?? null;
}
