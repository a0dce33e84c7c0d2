import Link from "next/link";
import type { RecentEdit, RecentEdits } from "@/db/queries/admin/dashboard";

const relative = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "3 minutes ago", "yesterday", "2 months ago" (as of rendering; the exact time is in the title). */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ["second", 60],
    ["minute", 60],
    ["hour", 24],
    ["day", 30],
    ["month", 12],
    ["year", Infinity],
  ];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return unit === "second" && Math.abs(value) < 45 ? "just now" : relative.format(Math.round(value), unit);
    value /= size;
  }
  return relative.format(Math.round(value), "year");
}

function Column({ title, items, empty }: { title: string; items: RecentEdit[]; empty: string }) {
  return (
    <div className="min-w-0 rounded-xl border border-border bg-surface">
      <h3 className="border-b border-border px-4 py-2.5 text-xs font-semibold uppercase tracking-wide text-muted">{title}</h3>
      {items.length === 0 ? (
        <p className="px-4 py-6 text-sm text-muted">{empty}</p>
      ) : (
        <ul className="divide-y divide-border">
          {items.map((item) => (
            <li key={item.id} className="flex items-baseline justify-between gap-3 px-4 py-2 text-sm">
              <span className="min-w-0 truncate">
                <Link href={item.href} className="font-medium underline-offset-2 hover:text-accent hover:underline">
                  {item.label}
                </Link>
                {item.detail ? <span className="ml-1.5 text-muted">{item.detail}</span> : null}
              </span>
              <time dateTime={item.updated_at} title={`${absolute.format(new Date(item.updated_at))} UTC`} className="shrink-0 text-xs text-muted">
                {timeAgo(item.updated_at)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The films, people and characters edited most recently, each linking to its edit page. */
export function DashboardRecent({ recent }: { recent: RecentEdits }) {
  return (
    <section aria-labelledby="recent-heading" className="mt-10">
      <h2 id="recent-heading" className="mb-3 text-lg font-semibold">
        Recently edited
      </h2>
      <div className="grid gap-4 lg:grid-cols-3">
        <Column title="Films" items={recent.movies} empty="No films yet." />
        <Column title="People" items={recent.people} empty="No people yet." />
        <Column title="Characters" items={recent.characters} empty="No characters yet." />
      </div>
    </section>
  );
}
