import { ChevronDown } from "@/components/ui/icons/chevron-down";
import { SlidersHorizontal } from "@/components/ui/icons/sliders-horizontal";

/**
 * The filters' panel: collapsible on phones and tablets; always open from lg up where ::details-content can be
 * shown (older browsers keep the panel collapsible there too).
 */
export function FilterPanel({ activeCount, label = "Filters", children }: { activeCount: number; label?: string; children: React.ReactNode }) {
  return (
    <section aria-label={label} className="mb-8">
      <details className="group/filters rounded-2xl border border-border bg-surface shadow-sm lg:[&::details-content]:block lg:[&::details-content]:[content-visibility:visible]">
        <summary className="flex cursor-pointer list-none items-center gap-2 rounded-2xl px-4 py-3 text-sm font-medium lg:supports-[selector(::details-content)]:hidden [&::-webkit-details-marker]:hidden">
          <SlidersHorizontal aria-hidden className="size-4 text-muted" />
          Filters
          {activeCount > 0 ? (
            <span className="rounded-full bg-accent-strong px-2 py-0.5 text-xs font-semibold text-accent-foreground">
              {activeCount}
              <span className="sr-only"> active</span>
            </span>
          ) : null}
          <ChevronDown aria-hidden className="ml-auto size-4 text-muted transition group-open/filters:rotate-180" />
        </summary>
        <div className="border-t border-border px-4 pb-5 pt-4 sm:px-5 lg:supports-[selector(::details-content)]:border-0 lg:p-5">{children}</div>
      </details>
    </section>
  );
}
