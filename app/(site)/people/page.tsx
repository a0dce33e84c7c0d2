import type { Metadata } from "next";
import Link from "next/link";
import { Info } from "@/components/ui/icons/info";
import { SearchX } from "@/components/ui/icons/search-x";
import { X } from "@/components/ui/icons/x";
import { PeopleFilterForm } from "@/components/people/people-filter-form";
import { PendingRegion } from "@/components/people/pending-region";
import { PersonGrid, type PersonCardData } from "@/components/people/person-card";
import { Pagination } from "@/components/ui/pagination";
import { getPeople, getPeopleCountries, PEOPLE_LISTING_CAP, type PersonListItem } from "@/db/queries/people";
import { formatNumber, plural, yearOf } from "@/lib/format";
import {
  DEFAULT_PEOPLE_SORT,
  PEOPLE_PAGE_SIZE,
  PEOPLE_QUERY_MAX_LENGTH,
  PEOPLE_ROLE_LABELS,
  PEOPLE_ROLES,
  PEOPLE_SORT_LABELS,
  PEOPLE_SORTS,
  parsePeopleFilters,
  peopleHref,
  type PeopleFilters,
  type SearchParamsRecord,
} from "@/lib/validation/people-filters";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { filters } = parsePeopleFilters(await searchParams);
  const filtered = Boolean(filters.q || filters.country || filters.role || filters.page > 1 || filters.sort !== DEFAULT_PEOPLE_SORT);
  return {
    title: filters.q ? `People matching “${filters.q}”` : "People",
    description: "Actors and directors in the Marquee catalogue: search by name, filter by country and role.",
    alternates: { canonical: "/people" },
    // Result pages of a search are for visitors; the plain list is the one to index.
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

function roleLabel(p: PersonListItem): string | null {
  if (p.isDirector && p.isActor) return "Director & actor";
  if (p.isDirector) return "Director";
  if (p.isActor) return "Actor";
  return null;
}

function toCard(p: PersonListItem, filters: PeopleFilters): PersonCardData {
  const born = yearOf(p.birthDate);
  // Sorting by birth date: the year is what the visitor compares; otherwise where they come from.
  const second = filters.sort.startsWith("born") ? (born ? `b. ${born}` : "Birth date unknown") : p.countryName;
  return { id: p.id, name: p.name, photoUrl: p.photoUrl, detail: [roleLabel(p), second].filter(Boolean).join(" · ") || null };
}

export default async function PeoplePage({ searchParams }: Props) {
  const { filters: parsed, notices } = parsePeopleFilters(await searchParams);
  let filters = parsed;
  const query = (f: PeopleFilters) => getPeople({ q: f.q, countryId: f.country, role: f.role, sort: f.sort, page: f.page });
  const [countries, firstResult] = await Promise.all([getPeopleCountries(), query(filters)]);
  let result = firstResult;

  let country = filters.country ? countries.find((c) => c.id === filters.country) : undefined;
  if (filters.country && !country) {
    notices.push(`No one in the catalogue comes from country #${filters.country}; showing every country.`);
    filters = { ...filters, country: null };
    result = await query(filters);
  }
  if (result.page !== filters.page) {
    notices.push(`There ${result.pageCount === 1 ? "is only 1 page" : `are only ${formatNumber(result.pageCount)} pages`}; showing page ${formatNumber(result.page)}.`);
    filters = { ...filters, page: result.page };
  }
  // Listings stop after PEOPLE_LISTING_CAP people: say so where the list ends.
  const listingEnds = result.page === result.pageCount && (result.totalIsCapped || result.total > PEOPLE_LISTING_CAP);
  country = filters.country ? country : undefined;

  const { people, total, totalIsCapped, page, pageCount } = result;
  const first = (page - 1) * PEOPLE_PAGE_SIZE + 1;
  const last = first + people.length - 1;
  const active: { label: string; without: Partial<PeopleFilters> }[] = [];
  if (filters.q) active.push({ label: `“${filters.q}”`, without: { q: "" } });
  if (country) active.push({ label: country.name, without: { country: null } });
  if (filters.role) active.push({ label: PEOPLE_ROLE_LABELS[filters.role], without: { role: null } });
  const hrefWithout = (without: Partial<PeopleFilters>) => peopleHref({ ...filters, page: 1, ...without });

  return (
    <div className="mx-auto max-w-7xl px-4 pb-16 pt-8 sm:px-6 sm:pt-10 lg:px-8">
      <header className="mb-6">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">People</h1>
        <p className="mt-2 max-w-2xl text-muted text-pretty">The actors and directors behind the catalogue’s films, with their biographies and filmographies.</p>
      </header>

      <PendingRegion>
        <PeopleFilterForm
          key={JSON.stringify([filters.q, filters.country, filters.role, filters.sort])}
          filters={filters}
          countries={countries}
          roles={PEOPLE_ROLES.map((r) => ({ value: r, label: PEOPLE_ROLE_LABELS[r] }))}
          sorts={PEOPLE_SORTS.map((s) => ({ value: s, label: PEOPLE_SORT_LABELS[s] }))}
          defaultSort={DEFAULT_PEOPLE_SORT}
          maxLength={PEOPLE_QUERY_MAX_LENGTH}
        />

        {notices.length > 0 ? (
          <div role="status" className="mt-4 flex gap-3 rounded-xl border border-accent/40 bg-accent/10 px-4 py-3 text-sm">
            <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-accent-strong" />
            <ul className="space-y-1">
              {notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        ) : null}

        <section aria-labelledby="people-results" className="mt-8 transition-opacity duration-200 group-data-[pending]:opacity-60">
          <div className="mb-5 flex flex-wrap items-center gap-x-4 gap-y-2">
            <h2 id="people-results" className="text-sm text-muted" aria-live="polite">
              {total === 0 ? (
                "No people found"
              ) : (
                <>
                  <span className="font-semibold text-foreground">{totalIsCapped ? `More than ${formatNumber(total)} people` : plural(total, "person", "people")}</span>
                  {pageCount > 1 ? ` · showing ${formatNumber(first)}–${formatNumber(last)}` : null}
                </>
              )}
            </h2>
            {active.length > 0 ? (
              <ul className="flex flex-wrap items-center gap-2" aria-label="Active filters">
                {active.map((a) => (
                  <li key={a.label}>
                    <Link
                      href={hrefWithout(a.without)}
                      className="inline-flex items-center gap-1.5 rounded-full border border-border bg-surface py-1 pl-3 pr-2 text-sm hover:border-accent"
                    >
                      {a.label}
                      <X aria-hidden className="size-3.5 text-muted" />
                      <span className="sr-only">(remove this filter)</span>
                    </Link>
                  </li>
                ))}
                {active.length > 1 ? (
                  <li>
                    <Link href="/people" className="px-1 text-sm font-medium text-accent-strong hover:underline">
                      Clear all
                    </Link>
                  </li>
                ) : null}
              </ul>
            ) : null}
          </div>

          {people.length > 0 ? (
            <PersonGrid people={people.map((p) => toCard(p, filters))} />
          ) : (
            <div className="flex flex-col items-center rounded-2xl border border-dashed border-border px-6 py-16 text-center">
              <SearchX aria-hidden className="size-10 text-muted" />
              {active.length > 0 ? (
                <>
                  <p className="mt-4 text-lg font-semibold">No one matches these filters</p>
                  <p className="mt-2 max-w-md text-muted">
                    Check the spelling, or loosen a filter: searches ignore accents and capital letters, and every word must appear in the name.
                  </p>
                  <div className="mt-6 flex flex-wrap justify-center gap-3">
                    {filters.q && (country || filters.role) ? (
                      <Link href={peopleHref({ q: filters.q })} className="rounded-full border border-border bg-surface px-4 py-2 text-sm font-medium hover:border-accent">
                        Search “{filters.q}” everywhere
                      </Link>
                    ) : null}
                    <Link href="/people" className="rounded-full bg-accent-strong px-4 py-2 text-sm font-medium text-accent-foreground hover:bg-accent-strong/90">
                      Clear all filters
                    </Link>
                  </div>
                </>
              ) : (
                <>
                  <p className="mt-4 text-lg font-semibold">No people in the catalogue yet</p>
                  <p className="mt-2 text-muted">
                    <Link href="/" className="font-medium text-accent-strong hover:underline">
                      Back to the home page
                    </Link>
                  </p>
                </>
              )}
            </div>
          )}

          {listingEnds ? (
            <p className="mt-8 text-center text-sm text-muted">
              Lists stop after the first {formatNumber(PEOPLE_LISTING_CAP)} people. Search by name, or filter by country or role, to find the others.
            </p>
          ) : null}

          <Pagination page={page} pageCount={pageCount} hrefFor={(p) => peopleHref({ ...filters, page: p })} label="People pages" />
        </section>
      </PendingRegion>
    </div>
  );
}
