"use client";

import Link from "next/link";
import { useState } from "react";
import { useViewerState } from "@/components/viewer/viewer-store";
import { Check } from "@/components/ui/icons/check";
import { LoaderCircle } from "@/components/ui/icons/loader-circle";
import { Search } from "@/components/ui/icons/search";
import type { CatalogueFilterOptions } from "@/db/queries/catalogue";
import {
  QUERY_MAX_LENGTH,
  RUNTIME_MAX,
  YEAR_MAX,
  YEAR_MIN,
  moviesHref,
  moviesHrefFromForm,
  type FilterBase,
  type MovieFilters,
} from "@/lib/validation/movie-filters-url";
import { useCatalogueNavigation } from "./catalogue-navigation";

export const CATALOGUE_FORM_ID = "catalogue-filters";

type Values = { q: string; genres: number[]; country: string; from: string; to: string; minRuntime: string; maxRuntime: string; mine: string };

const valuesOf = (f: MovieFilters): Values => ({
  q: f.q ?? "",
  genres: f.genreIds,
  country: f.countryId === null ? "" : String(f.countryId),
  from: f.yearFrom === null ? "" : String(f.yearFrom),
  to: f.yearTo === null ? "" : String(f.yearTo),
  minRuntime: f.runtimeMin === null ? "" : String(f.runtimeMin),
  maxRuntime: f.runtimeMax === null ? "" : String(f.runtimeMax),
  mine: f.mine ?? "",
});

const MINE_CHOICES = [
  { value: "", label: "All films" },
  { value: "only", label: "Only my favorites" },
  { value: "hide", label: "Hide my favorites" },
];

/** `typed`, with each field whose URL value went from `before` to something else taking the URL's new value. */
function changedFields(typed: Values, before: Values, after: Values): Values {
  const next = { ...typed };
  for (const name of Object.keys(after) as (keyof Values)[]) {
    if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) Object.assign(next, { [name]: after[name] });
  }
  return next;
}

const numberFormat = new Intl.NumberFormat("en-US");
const label = "mb-1.5 block text-xs font-medium uppercase tracking-wide text-muted";
const field =
  "h-10 w-full rounded-lg border border-border bg-surface px-3 text-sm text-foreground placeholder:text-muted/70 focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40";

type Props = {
  filters: MovieFilters;
  options: CatalogueFilterOptions;
  /** True when some filter narrows the list (then a "Clear all" link is offered). */
  active: boolean;
  /** The list these filters apply to: the catalogue (default) or the viewer's favorites. */
  base?: FilterBase;
  /** The catalogue: offer members "only my favorites / hide them" (shown once the browser knows one is signed in). */
  favoritesChoice?: boolean;
  /** Fields the form carries unchanged (e.g. the sort of /favorites, which has no sort menu in the form). */
  hidden?: Record<string, string>;
};

/**
 * The catalogue's filters: a plain GET form to /movies that works without JavaScript (every field lands in the
 * query string). With JavaScript it navigates client-side to the canonical URL, and applies checkboxes and menus
 * as soon as they change; typed fields apply with Enter or the button.
 */
export function MovieFilterForm({ filters, options, active, base = "/movies", favoritesChoice = false, hidden }: Props) {
  const { navigate, pending } = useCatalogueNavigation();
  // The favorites choice is for members: the page is the same for everyone, the browser knows who is signed in.
  const signedIn = useViewerState().viewer !== null;
  const [values, setValues] = useState(() => valuesOf(filters));
  // When the URL changes (Back, a removed chip, a page link), the form shows the new state without remounting, so
  // focus stays where it was. Only the fields the URL changed are replaced: a field typed into while the previous
  // navigation was loading keeps what was typed.
  const key = JSON.stringify(valuesOf(filters));
  const [shownKey, setShownKey] = useState(key);
  if (key !== shownKey) {
    const before = JSON.parse(shownKey) as Values;
    const after = valuesOf(filters);
    setShownKey(key);
    setValues((typed) => changedFields(typed, before, after));
  }

  const set = <K extends keyof Values>(name: K, value: Values[K]) => setValues((v) => ({ ...v, [name]: value }));
  const applySoon = (form: HTMLFormElement | null) => setTimeout(() => form?.requestSubmit(), 0);

  return (
    <form
      id={CATALOGUE_FORM_ID}
      action={base}
      method="get"
      aria-label={base === "/favorites" ? "Filter your favorites" : "Filter films"}
      onSubmit={(event) => {
        event.preventDefault();
        navigate(moviesHrefFromForm(new FormData(event.currentTarget), base));
        // On a phone, the button closes the panel and brings the results into view.
        const details = event.currentTarget.closest("details");
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        if (details?.open && submitter && !window.matchMedia("(min-width: 64rem)").matches) {
          details.open = false;
          details.scrollIntoView({ block: "start", behavior: "smooth" });
        }
      }}
      className="grid gap-5 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto] lg:items-end lg:gap-x-4 lg:gap-y-5"
    >
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor="movies-q" className={label}>
          Title
        </label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted" />
          <input
            id="movies-q"
            name="q"
            type="search"
            value={values.q}
            onChange={(e) => set("q", e.target.value)}
            placeholder="e.g. Godfather, Amélie"
            maxLength={QUERY_MAX_LENGTH}
            autoComplete="off"
            enterKeyHint="search"
            className={`${field} pl-9`}
          />
        </div>
      </div>

      {options.genres.length > 0 ? (
        // Second row on wide screens; between the title and the rest on phones.
        <fieldset className="lg:order-last lg:col-span-full">
          <legend className={`${label} float-left mr-3 lg:mb-0 lg:mt-2`}>Genres</legend>
          <p id="movies-genre-hint" className="mb-2.5 text-xs text-muted lg:mt-2 lg:inline-block">
            Films with <strong className="font-semibold text-foreground">all</strong> the genres you pick.
          </p>
          <ul className="clear-both flex flex-wrap gap-2" aria-describedby="movies-genre-hint">
            {options.genres.map((g) => (
              <li key={g.id}>
                <label className="group/genre relative inline-flex cursor-pointer select-none items-center gap-1.5 rounded-full border border-border bg-surface px-3 py-1.5 text-sm transition hover:border-accent has-[:checked]:border-accent-strong has-[:checked]:bg-accent-strong has-[:checked]:text-accent-foreground has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring">
                  {/* The real checkbox covers the pill, invisible: the whole pill is its click target. */}
                  <input
                    type="checkbox"
                    name="genre"
                    value={g.id}
                    checked={values.genres.includes(g.id)}
                    onChange={(e) => {
                      set("genres", e.target.checked ? [...values.genres, g.id] : values.genres.filter((id) => id !== g.id));
                      applySoon(e.target.form);
                    }}
                    className="absolute inset-0 size-full cursor-pointer appearance-none rounded-full opacity-0"
                  />
                  <Check aria-hidden className="-ml-0.5 hidden size-3.5 group-has-[:checked]/genre:block" />
                  {g.name}
                  <span aria-hidden className="text-xs tabular-nums opacity-70 group-has-[:checked]/genre:opacity-100">
                    {numberFormat.format(g.count)}
                  </span>
                  <span className="sr-only">({numberFormat.format(g.count)} films)</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}

      {favoritesChoice && (signedIn || values.mine) ? (
        <fieldset className="lg:order-last lg:col-span-full">
          <legend className={`${label} float-left mr-3 lg:mb-0 lg:mt-2`}>Your favorites</legend>
          <ul className="clear-both flex flex-wrap gap-2 lg:clear-none">
            {MINE_CHOICES.map((choice) => (
              <li key={choice.value}>
                <label className="relative inline-flex cursor-pointer select-none items-center rounded-full border border-border bg-surface px-3 py-1.5 text-sm transition hover:border-accent has-[:checked]:border-accent-strong has-[:checked]:bg-accent-strong has-[:checked]:text-accent-foreground has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring">
                  <input
                    type="radio"
                    name="mine"
                    value={choice.value}
                    checked={values.mine === choice.value}
                    onChange={(e) => {
                      set("mine", choice.value);
                      applySoon(e.target.form);
                    }}
                    className="absolute inset-0 size-full cursor-pointer appearance-none rounded-full opacity-0"
                  />
                  {choice.label}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      {options.countries.length > 0 ? (
        <div>
          <label htmlFor="movies-country" className={label}>
            Country
          </label>
          <select
            id="movies-country"
            name="country"
            value={values.country}
            onChange={(e) => {
              set("country", e.target.value);
              applySoon(e.target.form);
            }}
            className={field}
          >
            <option value="">Any country</option>
            {options.countries.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({numberFormat.format(c.count)})
              </option>
            ))}
          </select>
        </div>
      ) : null}

      <fieldset>
        <legend className={label}>Release year</legend>
        <div className="flex items-center gap-2">
          <RangeInput id="movies-from" name="from" label="From" value={values.from} onChange={(v) => set("from", v)} min={YEAR_MIN} max={YEAR_MAX} placeholder={options.years?.min} />
          <span aria-hidden className="text-muted">
            –
          </span>
          <RangeInput id="movies-to" name="to" label="To" value={values.to} onChange={(v) => set("to", v)} min={YEAR_MIN} max={YEAR_MAX} placeholder={options.years?.max} />
        </div>
      </fieldset>

      <fieldset>
        <legend className={label}>Runtime (minutes)</legend>
        <div className="flex items-center gap-2">
          <RangeInput id="movies-min-runtime" name="minRuntime" label="At least" value={values.minRuntime} onChange={(v) => set("minRuntime", v)} min={0} max={RUNTIME_MAX} placeholder={options.runtimes?.min} />
          <span aria-hidden className="text-muted">
            –
          </span>
          <RangeInput id="movies-max-runtime" name="maxRuntime" label="At most" value={values.maxRuntime} onChange={(v) => set("maxRuntime", v)} min={0} max={RUNTIME_MAX} placeholder={options.runtimes?.max} />
        </div>
      </fieldset>

      <div className="flex items-center gap-4 max-lg:border-t max-lg:border-border max-lg:pt-5">
        <button
          type="submit"
          className="inline-flex h-10 items-center justify-center gap-2 whitespace-nowrap rounded-full bg-accent-strong px-5 text-sm font-medium text-accent-foreground shadow-sm hover:bg-accent-strong/90"
        >
          {pending ? <LoaderCircle aria-hidden className="size-4 animate-spin" /> : null}
          Show films
        </button>
        {active ? (
          <Link href={moviesHref({ sort: hidden?.sort ? (hidden.sort as MovieFilters["sort"]) : filters.sort, dir: filters.dir }, base)} className="whitespace-nowrap text-sm font-medium text-accent-strong hover:underline lg:hidden">
            Clear all
          </Link>
        ) : null}
      </div>
    </form>
  );
}

function RangeInput(props: { id: string; name: string; label: string; value: string; onChange: (value: string) => void; min: number; max: number; placeholder?: number }) {
  return (
    <div className="min-w-0 flex-1">
      <label htmlFor={props.id} className="sr-only">
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.name}
        type="number"
        inputMode="numeric"
        step={1}
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder === undefined ? undefined : String(props.placeholder)}
        className={`${field} tabular-nums`}
      />
    </div>
  );
}
