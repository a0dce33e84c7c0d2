"use client";

import Link from "next/link";
import { useState } from "react";
import { useViewerState } from "@/components/viewer/viewer-store";
import { Check } from "@/components/ui/icons/check";
import { ChevronDown } from "@/components/ui/icons/chevron-down";
import { LoaderCircle } from "@/components/ui/icons/loader-circle";
import { Search } from "@/components/ui/icons/search";
import type { CatalogueFilterOptions } from "@/db/queries/catalogue";
import { plural } from "@/lib/format";
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
  const showMine = favoritesChoice && (signedIn || values.mine !== "");
  const moreActive = [values.minRuntime, values.maxRuntime, showMine ? values.mine : ""].filter((v) => v !== "").length;

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
      className="grid gap-5 lg:flex lg:items-end lg:gap-3"
    >
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="lg:min-w-0 lg:flex-1">
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
        <Disclosure label="Genres" summary={values.genres.length === 0 ? "Any genre" : plural(values.genres.length, "genre")} panelClass="lg:w-[40rem]">
          <fieldset>
            <legend className={`${label} float-left mr-3`}>Genres</legend>
            <p id="movies-genre-hint" className="mb-2.5 text-xs text-muted">
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
        </Disclosure>
      ) : null}

      {options.countries.length > 0 ? (
        <div className="lg:w-52">
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

      <fieldset className="lg:w-56">
        <legend className={label}>Release year</legend>
        <div className="flex items-center gap-2">
          <RangeInput id="movies-from" name="from" label="From" value={values.from} onChange={(v) => set("from", v)} min={YEAR_MIN} max={YEAR_MAX} placeholder={options.years?.min} />
          <span aria-hidden className="text-muted">
            –
          </span>
          <RangeInput id="movies-to" name="to" label="To" value={values.to} onChange={(v) => set("to", v)} min={YEAR_MIN} max={YEAR_MAX} placeholder={options.years?.max} />
        </div>
      </fieldset>

      <Disclosure label="More filters" summary={moreActive === 0 ? (showMine ? "Runtime, favorites" : "Runtime") : `${moreActive} active`} panelClass="lg:right-0 lg:w-[26rem]">
        <div className="grid gap-5">
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
          {showMine ? (
            <fieldset>
              <legend className={label}>Your favorites</legend>
              <ul className="flex flex-wrap gap-2">
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
        </div>
      </Disclosure>

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

/**
 * A group of filters that is a drop-down over the results on wide screens (the panel stays one row), and simply
 * shown on phones and tablets, inside the collapsible panel, where the browser can style ::details-content (older
 * ones keep the drop-down). A plain <details>: it opens and its fields submit without JavaScript; Escape closes it.
 */
function Disclosure({ label: title, summary, panelClass, children }: { label: string; summary: string; panelClass: string; children: React.ReactNode }) {
  return (
    <div className="lg:w-44 lg:shrink-0">
      <span aria-hidden className={`${label} max-lg:hidden`}>
        {title}
      </span>
      <details
        className="group/disclosure relative max-lg:[&::details-content]:block max-lg:[&::details-content]:[content-visibility:visible]"
        onKeyDown={(event) => {
          if (event.key !== "Escape" || !event.currentTarget.open) return;
          event.currentTarget.open = false;
          event.currentTarget.querySelector("summary")?.focus();
        }}
      >
        <summary className={`${field} flex cursor-pointer list-none items-center justify-between gap-2 max-lg:supports-[selector(::details-content)]:hidden [&::-webkit-details-marker]:hidden`}>
          <span className="truncate">
            <span className="sr-only">{title}: </span>
            {summary}
          </span>
          <ChevronDown aria-hidden className="size-4 shrink-0 text-muted transition group-open/disclosure:rotate-180" />
        </summary>
        <div className={`lg:absolute lg:top-full lg:z-30 lg:mt-2 lg:rounded-xl lg:border lg:border-border lg:bg-surface lg:p-4 lg:shadow-xl ${panelClass}`}>{children}</div>
      </details>
    </div>
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
