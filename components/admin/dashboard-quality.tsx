import Link from "next/link";
import { ArrowRight } from "@/components/ui/icons/arrow-right";
import { CircleCheck } from "@/components/ui/icons/circle-check";
import { getQualityQueue, type QualityItem } from "@/db/queries/admin/quality";
import { formatNumber } from "@/lib/format";
import { QUALITY_LABELS, QUALITY_PREVIEW_SIZE, type QualityKind } from "@/lib/validation/admin/quality";

const linkStyle = "font-medium underline-offset-2 hover:text-accent hover:underline";

/** One entry of a queue: the record to fix (and, for duplicates, the person it resembles). */
export function QualityEntry({ item }: { item: QualityItem }) {
  if (item.other) {
    return (
      <span className="min-w-0">
        <Link href={item.href} className={linkStyle}>
          {item.label}
        </Link>{" "}
        <span className="text-muted">and</span>{" "}
        <Link href={item.other.href} className={linkStyle}>
          {item.other.label}
        </Link>
        <span className="block text-xs text-muted">
          {item.similarity !== undefined ? `${Math.round(item.similarity * 100)}% similar · ` : ""}
          {item.detail} / {item.other.detail}
        </span>
      </span>
    );
  }
  return (
    <span className="min-w-0">
      <Link href={item.href} className={linkStyle}>
        {item.label}
      </Link>
      {item.detail ? <span className="block text-xs text-muted">{item.detail}</span> : null}
    </span>
  );
}

function CardFrame({ kind, count, children }: { kind: QualityKind; count: React.ReactNode; children: React.ReactNode }) {
  const headingId = `queue-${kind}`;
  return (
    <section aria-labelledby={headingId} data-testid={`queue-${kind}`} className="flex min-w-0 flex-col rounded-xl border border-border bg-surface">
      <div className="flex items-center justify-between gap-3 border-b border-border px-4 py-2.5">
        <h3 id={headingId} className="text-sm font-semibold">
          {QUALITY_LABELS[kind].title}
        </h3>
        {count}
      </div>
      {children}
    </section>
  );
}

/** A queue on the dashboard: how many, the first few (each linking to its fix), and a link to all of them. */
export async function QualityCard({ kind }: { kind: QualityKind }) {
  const queue = await getQualityQueue(kind, { page: 1, pageSize: QUALITY_PREVIEW_SIZE });
  const done = queue.total === 0;
  return (
    <CardFrame
      kind={kind}
      count={
        <span
          data-testid="queue-count"
          className={`rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ${done ? "bg-emerald-500/10 text-emerald-700 dark:text-emerald-300" : "bg-amber-500/15 text-amber-800 dark:text-amber-200"}`}
        >
          {formatNumber(queue.total)}
          <span className="sr-only"> to fix</span>
        </span>
      }
    >
      {done ? (
        <p className="flex items-center gap-2 px-4 py-4 text-sm text-muted">
          <CircleCheck aria-hidden className="size-4 text-emerald-600 dark:text-emerald-400" /> {QUALITY_LABELS[kind].empty}
        </p>
      ) : (
        <>
          <ul className="flex-1 divide-y divide-border">
            {queue.items.map((item) => (
              <li key={`${item.id}-${item.other?.id ?? ""}`} className="flex px-4 py-2 text-sm">
                <QualityEntry item={item} />
              </li>
            ))}
          </ul>
          <Link href={`/admin/quality/${kind}`} className="flex items-center gap-1 border-t border-border px-4 py-2.5 text-sm font-medium text-accent hover:bg-surface-muted">
            See all {formatNumber(queue.total)} <ArrowRight aria-hidden className="size-4" />
          </Link>
        </>
      )}
    </CardFrame>
  );
}

/** The card's shape while its query runs (queues stream in; the rest of the dashboard does not wait). */
export function QualityCardSkeleton({ kind }: { kind: QualityKind }) {
  return (
    <CardFrame kind={kind} count={<span className="h-5 w-10 animate-pulse rounded-full bg-surface-muted" aria-hidden />}>
      <div className="flex-1 space-y-3 px-4 py-3" role="status">
        <span className="sr-only">Loading…</span>
        {[0, 1, 2].map((i) => (
          <div key={i} aria-hidden className="h-4 animate-pulse rounded bg-surface-muted" style={{ width: `${80 - i * 15}%` }} />
        ))}
      </div>
    </CardFrame>
  );
}
