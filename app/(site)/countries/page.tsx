import type { Metadata } from "next";
import Link from "next/link";
import { getCountrySummaries } from "@/db/queries/browse";
import { plural } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Countries", description: "Browse films and people by country.", alternates: { canonical: "/countries" } };

export default async function CountriesPage() {
  const countries = await getCountrySummaries();
  const withFilms = countries.filter((c) => c.films > 0);
  const peopleOnly = countries.filter((c) => c.films === 0 && c.people > 0);
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
      <h1 className="text-3xl font-semibold tracking-tight">Countries</h1>
      <p className="mt-2 text-muted">Where films were made, and where the people who make them come from.</p>
      {countries.length === 0 ? (
        <p className="mt-10 rounded-xl border border-dashed border-border p-10 text-center text-muted">No countries yet.</p>
      ) : (
        <>
          <section aria-labelledby="film-countries" className="mt-8">
            <h2 id="film-countries" className="sr-only">
              Countries with films
            </h2>
            <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {withFilms.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-3 rounded-xl border border-border bg-surface px-4 py-3">
                  <Link href={`/movies?country=${c.id}`} className="min-w-0 truncate font-medium hover:text-accent-strong">
                    {c.name}
                  </Link>
                  <span className="flex shrink-0 gap-3 text-sm text-muted">
                    <Link href={`/movies?country=${c.id}`} className="hover:text-foreground">
                      {plural(c.films, "film")}
                    </Link>
                    {c.people > 0 ? (
                      <Link href={`/people?country=${c.id}`} className="hover:text-foreground">
                        {plural(c.people, "person", "people")}
                      </Link>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          {peopleOnly.length > 0 ? (
            <section aria-labelledby="people-countries" className="mt-12">
              <h2 id="people-countries" className="text-lg font-semibold">
                Birthplaces of people in the catalogue
              </h2>
              <ul className="mt-4 flex flex-wrap gap-2">
                {peopleOnly.map((c) => (
                  <li key={c.id}>
                    <Link href={`/people?country=${c.id}`} className="inline-flex items-center gap-2 rounded-full border border-border bg-surface px-3 py-1.5 text-sm hover:border-accent">
                      {c.name} <span className="text-muted">{c.people}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
