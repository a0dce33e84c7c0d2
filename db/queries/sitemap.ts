import "server-only";
import { sql } from "drizzle-orm";
import { db } from "../index";

export const SITEMAP_CHUNK = 10_000;
export type SitemapKind = "movies" | "people" | "characters";
export type SitemapEntry = { id: number; name: string; updated_at: Date };

const sources: Record<SitemapKind, ReturnType<typeof sql>> = {
  movies: sql`select id, title as name, updated_at from movie`,
  people: sql`select id, trim(first_name || ' ' || last_name) as name, updated_at from person`,
  characters: sql`select id, name, updated_at from character_`,
};

export async function getSitemapCounts(): Promise<Record<SitemapKind, number>> {
  const [row] = await db.execute<Record<SitemapKind, number>>(sql`
    select (select count(*) from movie)::int as movies, (select count(*) from person)::int as people,
           (select count(*) from character_)::int as characters`);
  return row;
}

/** One chunk of a kind's URLs, in id order (the primary key index keeps every chunk cheap). */
export async function getSitemapChunk(kind: SitemapKind, chunk: number): Promise<SitemapEntry[]> {
  return db.execute<SitemapEntry>(sql`${sources[kind]} order by id limit ${SITEMAP_CHUNK} offset ${chunk * SITEMAP_CHUNK}`);
}
