import { Info } from "@/components/ui/icons/info";

/** What the catalogue ignored or corrected in the address, said politely above the results. */
export function CatalogueNotices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null;
  return (
    <div role="status" aria-labelledby="catalogue-notices-title" className="mb-6 flex gap-3 rounded-xl border border-accent/40 bg-accent/10 px-4 py-3 text-sm">
      <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-accent-strong" />
      <div className="min-w-0">
        <p id="catalogue-notices-title" className="font-medium">
          Some of this address could not be used as it was:
        </p>
        <ul className="mt-1 list-disc space-y-0.5 pl-4 text-muted marker:text-accent-strong [overflow-wrap:anywhere]">
          {notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
