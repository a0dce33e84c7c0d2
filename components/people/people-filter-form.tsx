"use client";

import { LoaderCircle } from "@/components/ui/icons/loader-circle";
import { Search } from "@/components/ui/icons/search";
import { usePendingNavigate } from "@/components/people/pending-region";
import type { PeopleFilters } from "@/lib/validation/people-filters";

type Option = { value: string; label: string };

type Props = {
  filters: Pick<PeopleFilters, "q" | "country" | "role" | "sort">;
  countries: { id: number; name: string }[];
  roles: Option[];
  sorts: Option[];
  /** Left out of the URL when chosen. */
  defaultSort: string;
  maxLength: number;
};

const field =
  "h-10 w-full rounded-lg border border-border bg-surface px-3 text-sm text-foreground focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40";

/**
 * A plain GET form to /people: without JavaScript it submits as is (every filter in the query string). With
 * JavaScript it navigates client-side to a clean URL (defaults left out), inside the page's PendingRegion, and
 * applies selects and role as soon as they change.
 */
export function PeopleFilterForm({ filters, countries, roles, sorts, defaultSort, maxLength }: Props) {
  const navigate = usePendingNavigate();

  function apply(form: HTMLFormElement) {
    // The same query string the browser would build, minus empty values and the default sort (a new search
    // starts again at page 1, which the form never carries).
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      const v = String(value).trim();
      if (v && !(name === "sort" && v === defaultSort)) params.set(name, v);
    }
    const qs = params.toString();
    navigate(qs ? `/people?${qs}` : "/people");
  }

  return (
    <form
      action="/people"
      method="get"
      role="search"
      aria-label="Find people"
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
      onChange={(event) => {
        const target = event.target as HTMLElement;
        if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === "radio")) apply(event.currentTarget);
      }}
      className="grid gap-4 rounded-2xl border border-border bg-surface p-4 shadow-sm sm:p-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto_minmax(0,1fr)_auto] lg:items-end"
    >
      <div>
        <label htmlFor="people-q" className="mb-1.5 block text-xs font-medium uppercase tracking-wide text-muted">
          Name
        </label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted" />
          <input
            id="people-q"
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder="e.g. Penélope Cruz"
            maxLength={maxLength}
            autoComplete="off"
            className={`${field} pl-9`}
          />
        </div>
      </div>

      <div className="grid grid-cols-2 gap-4 lg:contents">
        <div>
          <label htmlFor="people-country" className="mb-1.5 block text-xs font-medium uppercase tracking-wide text-muted">
            Country
          </label>
          <select id="people-country" name="country" defaultValue={filters.country ? String(filters.country) : ""} className={field}>
            <option value="">All countries</option>
            {countries.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>

        <fieldset className="order-last col-span-2 lg:order-none lg:col-span-1">
          <legend className="mb-1.5 block text-xs font-medium uppercase tracking-wide text-muted">Role</legend>
          <div className="inline-flex h-10 w-full rounded-lg border border-border bg-surface-muted p-1 lg:w-auto">
            {[{ value: "", label: "All" }, ...roles].map((option) => (
              <label
                key={option.value || "all"}
                className="relative flex flex-1 cursor-pointer items-center justify-center rounded-md px-3 text-sm font-medium text-muted has-[:checked]:bg-surface has-[:checked]:text-foreground has-[:checked]:shadow-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring"
              >
                <input type="radio" name="role" value={option.value} defaultChecked={(filters.role ?? "") === option.value} className="sr-only" />
                {option.label}
              </label>
            ))}
          </div>
        </fieldset>

        <div>
          <label htmlFor="people-sort" className="mb-1.5 block text-xs font-medium uppercase tracking-wide text-muted">
            Sort by
          </label>
          <select id="people-sort" name="sort" defaultValue={filters.sort} className={field}>
            {sorts.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <button
        type="submit"
        className="inline-flex h-10 items-center justify-center gap-2 rounded-lg bg-accent-strong px-5 text-sm font-medium text-accent-foreground hover:bg-accent-strong/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        <Search aria-hidden className="size-4 group-data-[pending]:hidden" />
        <LoaderCircle aria-hidden className="hidden size-4 animate-spin group-data-[pending]:block" />
        Search
      </button>
    </form>
  );
}
