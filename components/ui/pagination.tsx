import Link from "next/link";
import { ChevronLeft } from "@/components/ui/icons/chevron-left";
import { ChevronRight } from "@/components/ui/icons/chevron-right";

/** Page numbers to show: first, last, and a window around the current page, with gaps as null. */
export function pageWindow(current: number, total: number, radius = 2): (number | null)[] {
  const pages = new Set<number>([1, total]);
  for (let p = current - radius; p <= current + radius; p++) if (p >= 1 && p <= total) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push(null);
    out.push(p);
  });
  return out;
}

type Props = {
  page: number;
  pageCount: number;
  /** Builds the URL of a page, keeping every other query parameter. */
  hrefFor: (page: number) => string;
  label?: string;
};

/** Numbered pagination with real links (works without JavaScript). */
export function Pagination({ page, pageCount, hrefFor, label = "Pagination" }: Props) {
  if (pageCount <= 1) return null;
  const base = "inline-flex h-10 min-w-10 items-center justify-center rounded-md px-3 text-sm font-medium";
  return (
    <nav aria-label={label} className="mt-10 flex flex-wrap items-center justify-center gap-1">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={`${base} hover:bg-surface-muted`}>
          <ChevronLeft aria-hidden className="size-4" /> Previous
        </Link>
      ) : (
        <span className={`${base} text-muted/60`} aria-disabled="true">
          <ChevronLeft aria-hidden className="size-4" /> Previous
        </span>
      )}
      <ul className="flex flex-wrap items-center gap-1">
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className={`${base} bg-accent text-accent-foreground`}>
                  <span className="sr-only">Page </span>
                  {p}
                </span>
              ) : (
                <Link href={hrefFor(p)} className={`${base} hover:bg-surface-muted`}>
                  <span className="sr-only">Page </span>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className={`${base} hover:bg-surface-muted`}>
          Next <ChevronRight aria-hidden className="size-4" />
        </Link>
      ) : (
        <span className={`${base} text-muted/60`} aria-disabled="true">
          Next <ChevronRight aria-hidden className="size-4" />
        </span>
      )}
    </nav>
  );
}
