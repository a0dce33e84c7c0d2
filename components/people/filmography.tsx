import Image from "next/image";
import Link from "next/link";
import { Film } from "lucide-react";
import type { ActingCredit, FilmCredit } from "@/db/queries/people";
import { formatNumber } from "@/lib/format";
import { characterHref, movieHref } from "@/lib/slug";

type Props = {
  id: string;
  title: string;
  total: number;
  credits: (FilmCredit | ActingCredit)[];
  /** Shown under the list when it was cut short (the most prolific people have thousands of credits). */
  more?: React.ReactNode;
};

/** One part of a filmography ("Acting · 12"): a row per film with year, poster, title and the characters played. */
export function FilmographySection({ id, title, total, credits, more }: Props) {
  return (
    <section aria-labelledby={id} className="scroll-mt-24">
      <h3 id={id} className="flex items-baseline gap-2 text-lg font-semibold tracking-tight">
        {title}
        <span aria-hidden className="text-muted">
          ·
        </span>
        <span className="font-normal text-muted">
          {formatNumber(total)}
          <span className="sr-only"> {total === 1 ? "film" : "films"}</span>
        </span>
      </h3>
      <ol className="mt-3 divide-y divide-border/70 rounded-xl border border-border bg-surface">
        {credits.map((credit) => (
          <CreditRow key={credit.movieId} credit={credit} />
        ))}
      </ol>
      {more ? <div className="mt-3 text-sm text-muted">{more}</div> : null}
    </section>
  );
}

function CreditRow({ credit }: { credit: FilmCredit | ActingCredit }) {
  const characters = "characters" in credit ? credit.characters : null;
  return (
    <li className="flex items-center gap-3 px-3 py-2.5 sm:gap-4 sm:px-4" data-testid="filmography-row">
      <span className="w-11 shrink-0 text-sm font-medium tabular-nums text-muted">
        {credit.year ?? (
          <>
            <span aria-hidden>—</span>
            <span className="sr-only">Year unknown</span>
          </>
        )}
      </span>
      <div className="relative h-[3.75rem] w-10 shrink-0 overflow-hidden rounded bg-surface-muted ring-1 ring-border/60">
        {credit.posterUrl ? (
          // The title next to it names the film: the thumbnail is decorative.
          <Image src={credit.posterUrl} alt="" fill sizes="40px" className="object-cover" />
        ) : (
          <Film aria-hidden className="absolute inset-0 m-auto size-4 text-muted" />
        )}
      </div>
      <div className="min-w-0 flex-1">
        <Link href={movieHref({ id: credit.movieId, title: credit.title })} className="font-medium hover:text-accent-strong">
          {credit.title}
        </Link>
        {characters && characters.length > 0 ? (
          <p className="mt-0.5 text-sm text-muted">
            as{" "}
            {characters.map((c, i) => (
              <span key={c.id}>
                {i > 0 ? (i === characters.length - 1 ? " and " : ", ") : null}
                <Link href={characterHref(c)} className="text-foreground/85 underline decoration-border underline-offset-2 hover:text-accent-strong hover:decoration-accent">
                  {c.name}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
      </div>
    </li>
  );
}
