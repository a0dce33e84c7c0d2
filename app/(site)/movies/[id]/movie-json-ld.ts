import type { MovieDetail } from "@/db/queries/movie-detail";
import { isoDuration } from "@/lib/json-ld";
import { characterHref, movieHref, personHref } from "@/lib/slug";

/** schema.org Movie for a movie page; every URL absolute against `origin` (https://example.com). */
export function movieJsonLd(movie: MovieDetail, origin: string) {
  const abs = (pathOrUrl: string) => new URL(pathOrUrl, `${origin}/`).toString();
  const person = (p: { id: number; name: string }) => ({ "@type": "Person", name: p.name, url: abs(personHref(p)) });
  return {
    "@context": "https://schema.org",
    "@type": "Movie",
    "@id": abs(movieHref(movie)),
    url: abs(movieHref(movie)),
    name: movie.title,
    ...(movie.description ? { description: movie.description } : {}),
    ...(movie.releaseDate ? { datePublished: movie.releaseDate } : {}),
    ...(isoDuration(movie.duration) ? { duration: isoDuration(movie.duration) } : {}),
    ...(movie.posterUrl ? { image: abs(movie.posterUrl) } : {}),
    ...(movie.genres.length ? { genre: movie.genres.map((g) => g.name) } : {}),
    ...(movie.country ? { countryOfOrigin: { "@type": "Country", name: movie.country.name } } : {}),
    ...(movie.director ? { director: person(movie.director) } : {}),
    // The role pattern: one PerformanceRole per actor and character, so a character played by two actors (young and
    // old) keeps both, each tied to the character's name.
    actor: movie.cast.flatMap((character) =>
      character.actors.map((actor) => ({
        "@type": "PerformanceRole",
        roleName: character.name,
        url: abs(characterHref(character)),
        actor: person(actor),
      })),
    ),
  };
}
