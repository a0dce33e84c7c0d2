import type { Metadata } from "next";
import { Image } from "@/components/ui/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronRight } from "@/components/ui/icons/chevron-right";
import { UserRound } from "@/components/ui/icons/user-round";
import { FilmographySection } from "@/components/people/filmography";
import { KnownFor } from "@/components/people/known-for";
import { PersonFacts } from "@/components/people/person-facts";
import { PersonFavoritesLine } from "@/components/favorites/person-favorites-line";
import { PendingRegion } from "@/components/people/pending-region";
import { PhotoGallery } from "@/components/people/photo-gallery";
import { getFilmography, getKnownFor, getPersonDetail, type PersonDetail } from "@/db/queries/people";
import { jsonLdScriptProps } from "@/lib/json-ld";
import { formatNumber } from "@/lib/format";
import { absoluteUrl } from "@/lib/site-url";
import { parseIdSegment, personHref } from "@/lib/slug";
import {
  FILMOGRAPHY_ALL_LIMIT,
  FILMOGRAPHY_LIMIT,
  parseFilmographyParams,
  type FilmographySort,
  type SearchParamsRecord,
} from "@/lib/validation/people-filters";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParamsRecord> };

async function loadPerson(segment: string): Promise<PersonDetail | null> {
  const id = parseIdSegment(segment);
  return id === null ? null : getPersonDetail(id);
}

/** About 160 characters of the biography, cut at a word. */
function summary(person: PersonDetail): string {
  const bio = person.biography?.replace(/\s+/g, " ").trim();
  if (!bio) return `${person.name}: biography, photos and filmography on Marquee.`;
  if (bio.length <= 160) return bio;
  return `${bio.slice(0, 157).replace(/\s+\S*$/, "")}…`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const person = await loadPerson((await params).id);
  if (!person) return { title: "Person not found", robots: { index: false } };
  const url = await absoluteUrl(personHref(person));
  const description = summary(person);
  const image = person.photoUrl ? await absoluteUrl(person.photoUrl) : null;
  return {
    title: person.name,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "profile",
      title: person.name,
      description,
      url,
      firstName: person.firstName,
      lastName: person.lastName || undefined,
      images: image ? [{ url: image, alt: `Photo of ${person.name}` }] : undefined,
    },
    twitter: { card: image ? "summary_large_image" : "summary", title: person.name, description, images: image ? [image] : undefined },
  };
}

/** schema.org Person. */
async function personJsonLd(person: PersonDetail) {
  const data = {
    "@context": "https://schema.org",
    "@type": "Person",
    name: person.name,
    url: await absoluteUrl(personHref(person)),
    ...(person.birthDate ? { birthDate: person.birthDate } : {}),
    ...(person.deathDate ? { deathDate: person.deathDate } : {}),
    // The catalogue records the country of birth.
    ...(person.countryName ? { birthPlace: { "@type": "Country", name: person.countryName } } : {}),
    ...(person.photoUrl ? { image: await absoluteUrl(person.photoUrl) } : {}),
    ...(person.biography ? { description: person.biography } : {}),
  };
  return data;
}

export default async function PersonPage({ params, searchParams }: Props) {
  const segment = (await params).id;
  const { sort, all } = parseFilmographyParams(await searchParams);
  const id = parseIdSegment(segment);
  if (id === null) notFound();

  const limit = all ? FILMOGRAPHY_ALL_LIMIT : FILMOGRAPHY_LIMIT;
  const [person, filmography, knownFor] = await Promise.all([getPersonDetail(id), getFilmography(id, sort, { limit }), getKnownFor(id, { limit: 8 })]);
  if (!person) notFound();

  // The layout has already answered 404 or redirected to the canonical URL.
  const href = personHref(person);

  const { acting, actingTotal, directing, directingTotal } = filmography;
  const roles = [directingTotal > 0 ? "Director" : null, actingTotal > 0 ? "Actor" : null].filter(Boolean);
  if (actingTotal > directingTotal) roles.reverse();
  const directingFirst = directingTotal >= actingTotal;
  const moreLink = (section: string, shown: number, total: number) =>
    shown >= total ? null : all ? (
      <p>
        Showing the first {formatNumber(shown)} of {formatNumber(total)} films.
      </p>
    ) : (
      <p>
        Showing {formatNumber(shown)} of {formatNumber(total)} films.{" "}
        <Link href={`${href}${filmographyQuery(sort, true)}#${section}`} className="font-medium text-accent-strong hover:underline">
          {total > FILMOGRAPHY_ALL_LIMIT ? `Show the first ${formatNumber(FILMOGRAPHY_ALL_LIMIT)}` : `Show all ${formatNumber(total)}`}
        </Link>
      </p>
    );

  const sections = [
    directingTotal > 0 ? (
      <FilmographySection key="directing" id="directing" title="Directing" total={directingTotal} credits={directing} more={moreLink("directing", directing.length, directingTotal)} />
    ) : null,
    actingTotal > 0 ? (
      <FilmographySection key="acting" id="acting" title="Acting" total={actingTotal} credits={acting} more={moreLink("acting", acting.length, actingTotal)} />
    ) : null,
  ];
  if (!directingFirst) sections.reverse();

  return (
    <article className="mx-auto max-w-7xl px-4 pb-16 pt-6 sm:px-6 sm:pt-8 lg:px-8">
      <script {...jsonLdScriptProps(await personJsonLd(person))} />

      <nav aria-label="Breadcrumb" className="mb-6 text-sm text-muted">
        <ol className="flex items-center gap-1.5">
          <li>
            <Link href="/people" className="hover:text-foreground">
              People
            </Link>
          </li>
          <li aria-hidden>
            <ChevronRight className="size-3.5" />
          </li>
          <li aria-current="page" className="truncate text-foreground">
            {person.name}
          </li>
        </ol>
      </nav>

      {/* One grid: on a phone the portrait sits beside the name and everything else runs full width below; from lg
          the two wrappers become columns (portrait and facts in a sidebar, the rest beside it). */}
      <div className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-5 gap-y-6 sm:grid-cols-[11rem_minmax(0,1fr)] sm:gap-x-8 lg:grid-cols-[17rem_minmax(0,1fr)] lg:gap-x-12">
        <div className="contents lg:block">
          <div className="relative col-start-1 row-start-1 aspect-[4/5] self-start overflow-hidden rounded-xl bg-surface-muted shadow-md ring-1 ring-border/60">
            {person.photoUrl ? (
              <Image src={person.photoUrl} alt={`Photo of ${person.name}`} fill priority sizes="(min-width: 1024px) 272px, (min-width: 640px) 176px, 112px" className="object-cover" />
            ) : (
              <div className="flex h-full items-center justify-center text-muted">
                <UserRound aria-hidden className="size-12" />
                <span className="sr-only">No photo</span>
              </div>
            )}
          </div>
          <PersonFacts person={person} actingTotal={actingTotal} directingTotal={directingTotal} />
        </div>

        <div className="contents lg:block lg:min-w-0">
          <header className="col-start-2 row-start-1 min-w-0 self-center lg:self-auto">
            {roles.length > 0 ? <p className="text-sm font-medium uppercase tracking-[0.16em] text-accent-strong">{roles.join(" · ")}</p> : null}
            <h1 className="mt-1 text-3xl font-semibold tracking-tight text-balance sm:text-4xl lg:text-5xl">{person.name}</h1>
            <PersonFavoritesLine personId={person.id} />
          </header>

          <div className="col-span-2 max-w-3xl lg:mt-6">
            <h2 className="sr-only">Biography</h2>
            {person.biography ? (
              person.biography
                .split(/\n{2,}/)
                .map((paragraph, i) => (
                  <p key={i} className="mb-3 text-base leading-relaxed text-pretty sm:text-lg sm:leading-relaxed">
                    {paragraph}
                  </p>
                ))
            ) : (
              <p className="text-muted">No biography yet.</p>
            )}
          </div>

          <KnownFor credits={knownFor} name={person.name} />

          {person.photos.length > 0 ? (
            <section aria-labelledby="photos" className="col-span-2 mt-6 lg:mt-12">
              <h2 id="photos" className="mb-4 flex items-baseline gap-2 text-xl font-semibold tracking-tight">
                Photos <span aria-hidden className="text-muted">·</span> <span className="font-normal text-muted">{person.photos.length}</span>
              </h2>
              <PhotoGallery name={person.name} photos={person.photos} />
            </section>
          ) : null}

          <div className="col-span-2">
            <PendingRegion>
              <section aria-labelledby="filmography" className="mt-6 max-w-4xl scroll-mt-24 transition-opacity duration-200 group-data-[pending]:opacity-60 lg:mt-12">
                <div className="mb-5 flex flex-wrap items-center justify-between gap-3">
                  <h2 id="filmography" className="text-xl font-semibold tracking-tight">
                    Filmography
                  </h2>
                  {actingTotal + directingTotal > 1 ? <SortLinks href={href} sort={sort} all={all} /> : null}
                </div>
                {actingTotal + directingTotal === 0 ? (
                  <p className="rounded-xl border border-dashed border-border p-8 text-center text-muted">
                    No films in the catalogue yet.{" "}
                    <Link href="/people" className="font-medium text-accent-strong hover:underline">
                      Browse other people
                    </Link>
                  </p>
                ) : (
                  <div className="space-y-10">{sections}</div>
                )}
              </section>
            </PendingRegion>
          </div>
        </div>
      </div>
    </article>
  );
}

function filmographyQuery(sort: FilmographySort, all: boolean): string {
  const params = new URLSearchParams();
  if (sort === "asc") params.set("sort", "asc");
  if (all) params.set("all", "1");
  const qs = params.toString();
  return qs ? `?${qs}` : "";
}

/** Newest / oldest first: real links (no JavaScript needed), the current order marked for assistive tech. */
function SortLinks({ href, sort, all }: { href: string; sort: FilmographySort; all: boolean }) {
  const options: { value: FilmographySort; label: string }[] = [
    { value: "desc", label: "Newest first" },
    { value: "asc", label: "Oldest first" },
  ];
  return (
    <div className="flex items-center gap-2 text-sm">
      <span id="filmography-order" className="text-muted">
        Order
      </span>
      <ul aria-labelledby="filmography-order" className="inline-flex rounded-lg border border-border bg-surface-muted p-1">
        {options.map((o) => (
          <li key={o.value}>
            <Link
              href={`${href}${filmographyQuery(o.value, all)}#filmography`}
              aria-current={o.value === sort ? "true" : undefined}
              scroll={false}
              data-scroll="false"
              className="block rounded-md px-3 py-1.5 font-medium text-muted hover:text-foreground aria-[current=true]:bg-surface aria-[current=true]:text-foreground aria-[current=true]:shadow-sm"
            >
              {o.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
