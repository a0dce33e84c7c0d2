import Link from "next/link";
import { SearchX } from "@/components/ui/icons/search-x";
import type { ActiveFilter } from "./active-filter-chips";

/** No film matches: say which filters are in play, offer to drop each one, clear them all, or search elsewhere. */
export function CatalogueEmptyState({ active, clearHref, q }: { active: ActiveFilter[]; clearHref: string; q: string | null }) {
  if (active.length === 0) {
    return (
      <div className="flex flex-col items-center rounded-2xl border border-dashed border-border px-6 py-16 text-center">
        <SearchX aria-hidden className="size-10 text-muted" />
        <h3 className="mt-4 text-lg font-semibold">The catalogue is empty</h3>
        <p className="mt-2 max-w-md text-muted">No films have been added yet. Load the demo catalogue with <code>npm run db:seed</code>.</p>
      </div>
    );
  }
  return (
    <div data-testid="catalogue-empty" className="flex flex-col items-center rounded-2xl border border-dashed border-border px-6 py-14 text-center">
      <SearchX aria-hidden className="size-10 text-muted" />
      <h3 className="mt-4 text-lg font-semibold">No films match {active.length === 1 ? "this filter" : "all these filters"}</h3>
      {active.length > 1 ? (
        <>
          <p className="mt-2 max-w-md text-muted text-pretty">Try without one of them:</p>
          <ul className="mt-4 flex max-w-xl flex-wrap justify-center gap-2">
            {active.map((a) => (
              <li key={a.key}>
                <Link href={a.href} className="inline-flex max-w-72 items-center rounded-full border border-border bg-surface px-3 py-1 text-sm hover:border-accent">
                  <span className="truncate">
                    Without <span className="font-medium">{a.label}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-2 max-w-md text-muted text-pretty">Loosen it, or start again from the whole catalogue.</p>
      )}
      <div className="mt-6 flex flex-wrap items-center justify-center gap-3">
        <Link href={clearHref} className="rounded-full bg-accent-strong px-5 py-2.5 text-sm font-medium text-accent-foreground hover:bg-accent-strong/90">
          Clear all filters
        </Link>
        {q ? (
          <Link href={`/search?q=${encodeURIComponent(q)}`} className="rounded-full border border-border px-5 py-2.5 text-sm font-medium hover:bg-surface-muted">
            Search people and characters for “{q}”
          </Link>
        ) : null}
      </div>
    </div>
  );
}
