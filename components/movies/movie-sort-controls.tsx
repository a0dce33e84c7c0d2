"use client";

import { useState } from "react";
import { MOVIE_SORT_LABELS, MOVIE_SORTS, naturalDirection, SORT_DIRECTION_LABELS, type MovieSort, type SortDirection } from "@/lib/validation/movie-filters-url";

const select =
  "h-9 rounded-lg border border-border bg-surface pl-3 pr-8 text-sm text-foreground focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40";

/** The order menu's value: "" for the sort's natural direction, so another sort picked without JavaScript takes its own. */
type Order = "" | SortDirection;
const orderOf = (sort: MovieSort, dir: SortDirection): Order => (dir === naturalDirection(sort) ? "" : dir);
const opposite = (dir: SortDirection): SortDirection => (dir === "asc" ? "desc" : "asc");

/**
 * Sort menus, part of the filter form through the `form` attribute (they sit above the results, the form beside
 * them). Without JavaScript the "Sort" button submits; with it a change applies at once. The order menu's first
 * option (value "") is the sort's natural direction (titles A to Z, dates newest first, runtime and budget highest
 * first): picking another sort, with or without JavaScript, starts there.
 */
export function MovieSortControls({ sort, dir, formId }: { sort: MovieSort; dir: SortDirection; formId: string }) {
  const [state, setState] = useState<{ sort: MovieSort; order: Order }>({ sort, order: orderOf(sort, dir) });
  const [shown, setShown] = useState({ sort, dir });
  if (shown.sort !== sort || shown.dir !== dir) {
    setShown({ sort, dir });
    setState({ sort, order: orderOf(sort, dir) });
  }
  const natural = naturalDirection(state.sort);
  const apply = () => setTimeout(() => (document.getElementById(formId) as HTMLFormElement | null)?.requestSubmit(), 0);

  return (
    <div className="flex items-center gap-2">
      <label htmlFor="movies-sort" className="text-sm text-muted">
        Sort by
      </label>
      <select
        id="movies-sort"
        name="sort"
        form={formId}
        value={state.sort}
        onChange={(e) => {
          const next = e.target.value as MovieSort;
          setState({ sort: next, order: "" });
          apply();
        }}
        className={select}
      >
        {MOVIE_SORTS.map((s) => (
          <option key={s} value={s}>
            {MOVIE_SORT_LABELS[s]}
          </option>
        ))}
      </select>
      <label htmlFor="movies-dir" className="sr-only">
        Order
      </label>
      <select
        id="movies-dir"
        name="dir"
        form={formId}
        value={state.order}
        onChange={(e) => {
          setState({ ...state, order: e.target.value as Order });
          apply();
        }}
        className={select}
      >
        {/* Labels follow the chosen sort ("A to Z" for titles); without JavaScript, once the choice is submitted. */}
        <option value="">{SORT_DIRECTION_LABELS[state.sort][natural]}</option>
        <option value={opposite(natural)}>{SORT_DIRECTION_LABELS[state.sort][opposite(natural)]}</option>
      </select>
      {/* Only without JavaScript (with it, a change applies at once). */}
      <noscript>
        <button type="submit" form={formId} className="h-9 rounded-lg border border-border px-3 text-sm font-medium hover:bg-surface-muted">
          Sort
        </button>
      </noscript>
    </div>
  );
}
