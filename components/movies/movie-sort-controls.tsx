"use client";

import { useState } from "react";
import {
  MOVIE_SORT_LABELS,
  MOVIE_SORTS,
  NATURAL_DIRECTION,
  SORT_DIRECTION_LABELS,
  SORT_DIRECTIONS,
  type MovieSort,
  type SortDirection,
} from "@/lib/validation/movie-filters-url";

const select =
  "h-9 rounded-lg border border-border bg-surface pl-3 pr-8 text-sm text-foreground focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40";

/**
 * Sort menus, part of the filter form through the `form` attribute (they sit above the results, the form beside
 * them). Without JavaScript the "Sort" button submits; with it a change applies at once, and picking another
 * sort starts in its natural direction (titles A to Z, dates newest first).
 */
export function MovieSortControls({ sort, dir, formId }: { sort: MovieSort; dir: SortDirection; formId: string }) {
  const [state, setState] = useState({ sort, dir });
  const [shown, setShown] = useState({ sort, dir });
  if (shown.sort !== sort || shown.dir !== dir) {
    setShown({ sort, dir });
    setState({ sort, dir });
  }
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
          setState({ sort: next, dir: NATURAL_DIRECTION[next] ?? state.dir });
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
        value={state.dir}
        onChange={(e) => {
          setState({ ...state, dir: e.target.value as SortDirection });
          apply();
        }}
        className={select}
      >
        {/* Labels follow the chosen sort ("A to Z" for titles); without JavaScript, once the choice is submitted. */}
        {(state.sort === "title" ? [...SORT_DIRECTIONS].reverse() : SORT_DIRECTIONS).map((d) => (
          <option key={d} value={d}>
            {SORT_DIRECTION_LABELS[state.sort][d]}
          </option>
        ))}
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
