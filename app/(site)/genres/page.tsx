import type { Metadata } from "next";
import { Image } from "@/components/ui/image";
import Link from "next/link";
import { Film } from "@/components/ui/icons/film";
import { getGenreSummaries } from "@/db/queries/browse";
import { plural } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Genres", description: "Browse films by genre.", alternates: { canonical: "/genres" } };

export default async function GenresPage() {
  const genres = await getGenreSummaries();
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
      <h1 className="text-3xl font-semibold tracking-tight">Genres</h1>
      <p className="mt-2 text-muted">Pick a genre to browse its films; combine several in the catalogue.</p>
      {genres.length === 0 ? (
        <p className="mt-10 rounded-xl border border-dashed border-border p-10 text-center text-muted">No genres yet.</p>
      ) : (
        <ul className="mt-8 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {genres.map((g) => (
            <li key={g.id}>
              <Link
                href={`/movies?genre=${g.id}`}
                className="group relative flex h-32 items-end overflow-hidden rounded-xl bg-surface-muted p-4 ring-1 ring-border/60 transition hover:ring-accent"
              >
                {g.posterUrl ? (
                  <Image src={g.posterUrl} alt="" fill sizes="(min-width: 1024px) 25vw, 50vw" className="object-cover object-top opacity-55 transition duration-300 group-hover:scale-105 group-hover:opacity-70" />
                ) : (
                  <Film aria-hidden className="absolute right-4 top-4 size-8 text-muted" />
                )}
                <span className="absolute inset-0 bg-gradient-to-t from-black/75 via-black/30 to-transparent" aria-hidden />
                <span className="relative">
                  <span className="block text-lg font-semibold text-white">{g.name}</span>
                  <span className="block text-sm text-white/80">{plural(g.films, "film")}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
