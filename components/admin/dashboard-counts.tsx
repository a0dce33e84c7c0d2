import Link from "next/link";
import type { AdminCount } from "@/db/queries/admin/dashboard";
import { formatNumber } from "@/lib/format";

/** The size of each table, linking to its list; large tables show PostgreSQL's estimate, marked "about". */
export function DashboardCounts({ counts }: { counts: AdminCount[] }) {
  return (
    <section aria-labelledby="counts-heading" className="mb-10">
      <h2 id="counts-heading" className="sr-only">
        Catalogue size
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7">
        {counts.map((c) => (
          <li key={c.key}>
            <Link
              href={c.href}
              data-testid={`count-${c.key}`}
              className="block rounded-xl border border-border bg-surface px-4 py-3 transition hover:border-accent/60 hover:bg-surface-muted"
            >
              <span className="block text-xs font-medium uppercase tracking-wide text-muted">{c.label}</span>
              <span className="mt-1 block text-2xl font-semibold tabular-nums tracking-tight" title={c.estimated ? "Estimated by PostgreSQL (large table)" : undefined}>
                {c.estimated ? <span className="mr-0.5 text-base font-normal text-muted">≈</span> : null}
                {formatNumber(c.count)}
                {c.estimated ? <span className="sr-only"> (estimated)</span> : null}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
