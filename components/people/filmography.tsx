import type { ActingCredit, FilmCredit } from "@/db/queries/people";
import { formatNumber } from "@/lib/format";
import { CreditRows } from "./credit-rows";

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
        <CreditRows credits={credits.map(compact)} />
      </ol>
      {more ? <div className="mt-3 text-sm text-muted">{more}</div> : null}
    </section>
  );
}

/** Only what a row shows: these travel in the page's RSC payload once per row. */
function compact(credit: FilmCredit | ActingCredit) {
  const { movieId, title, year, posterUrl } = credit;
  return "characters" in credit ? { movieId, title, year, posterUrl, characters: credit.characters.map(({ id, name }) => ({ id, name })) } : { movieId, title, year, posterUrl };
}
