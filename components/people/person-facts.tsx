import Link from "next/link";
import type { PersonDetail } from "@/db/queries/people";
import { ageOn, formatDate, formatNumber } from "@/lib/format";

type Props = { person: PersonDetail; actingTotal: number; directingTotal: number };

/** The facts beside the biography: a sidebar list on a wide screen, two columns under the portrait on a phone. */
export function PersonFacts({ person, actingTotal, directingTotal }: Props) {
  // The age today, or at death for someone who has died.
  const age = ageOn(person.birthDate, person.deathDate ?? new Date());
  const facts: { label: string; value: React.ReactNode }[] = [];
  if (person.birthDate)
    facts.push({
      label: "Born",
      value: (
        <>
          <time dateTime={person.birthDate}>{formatDate(person.birthDate)}</time>
          {age !== null && !person.deathDate ? <span className="text-muted"> (age {age})</span> : null}
        </>
      ),
    });
  if (person.deathDate)
    facts.push({
      label: "Died",
      value: (
        <>
          <time dateTime={person.deathDate}>{formatDate(person.deathDate)}</time>
          {age !== null ? <span className="text-muted"> (aged {age})</span> : null}
        </>
      ),
    });
  if (person.countryName && person.countryId)
    facts.push({
      label: "Country",
      value: (
        <Link href={`/people?country=${person.countryId}`} className="underline decoration-border underline-offset-4 hover:text-accent-strong hover:decoration-accent" title={`More people from ${person.countryName}`}>
          {person.countryName}
        </Link>
      ),
    });
  if (directingTotal > 0) facts.push({ label: "Films directed", value: <a href="#directing" className="hover:text-accent-strong">{formatNumber(directingTotal)}</a> });
  if (actingTotal > 0) facts.push({ label: "Films as actor", value: <a href="#acting" className="hover:text-accent-strong">{formatNumber(actingTotal)}</a> });
  if (facts.length === 0) return null;

  return (
    <section aria-labelledby="personal-info" className="col-span-2 lg:mt-8">
      <h2 id="personal-info" className="sr-only text-sm font-semibold uppercase tracking-[0.14em] text-muted lg:not-sr-only lg:mb-4 lg:block">
        Personal info
      </h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-xl border border-border/70 bg-surface p-4 text-sm sm:grid-cols-3 lg:grid-cols-1 lg:gap-y-4 lg:border-0 lg:bg-transparent lg:p-0">
        {facts.map((fact) => (
          <div key={fact.label} className="min-w-0">
            <dt className="text-xs font-medium uppercase tracking-wide text-muted">{fact.label}</dt>
            <dd className="mt-0.5 text-[0.9375rem]">{fact.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
