import "server-only";
import { sql, type SQL } from "drizzle-orm";

/** `\`, `%` and `_` are wildcards (or the escape) in LIKE: a search for "50%" means those characters. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/**
 * The columns of a MovieCardData row for the movie aliased `alias` in the surrounding query: id, title, year,
 * the public poster's URL and the genre names. Compute it after the page is cut, so it costs only the rows shown.
 */
export function movieCardFields(alias: "m" | "movie"): SQL {
  const a = sql.raw(alias);
  return sql`${a}.id, ${a}.title, extract(year from ${a}.release_date)::int as year,
    (select card_f.file_url from file_ card_f where card_f.id = ${a}.poster_id and card_f.is_public) as "posterUrl",
    coalesce((select array_agg(card_g.name order by card_g.name) from movie_genres card_mg
              join genres card_g on card_g.id = card_mg.genre_id where card_mg.movie_id = ${a}.id), '{}') as genres`;
}
