"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { LoaderCircle } from "@/components/ui/icons/loader-circle";
import { Plus } from "@/components/ui/icons/plus";
import { Search } from "@/components/ui/icons/search";
import { X } from "@/components/ui/icons/x";
import { useCombobox } from "@/components/ui/use-combobox";
import { quickCreatePersonAction } from "@/app/admin/people/quick-actions";
import type { LookupResponse } from "@/app/api/admin/lookup/route";

export type PickerKind = "person" | "country" | "genre" | "movie";
/** A chosen entity: what the picker shows (label, detail) for the id it submits. */
export type PickedEntity = { id: number; label: string; detail?: string };

export type EntityPickerProps = {
  kind: PickerKind;
  /** The form field: one hidden input `name` = id per chosen entity (an empty one when a single picker is empty). */
  name: string;
  label: string;
  multiple?: boolean;
  /** The chosen entities when the form (re)renders: the saved row, or what the server sent back after a refused save. */
  defaultValue?: PickedEntity[];
  /** kind "person" only: offers "Create person “typed name”" (quickCreatePersonAction) and selects the new person. */
  allowCreate?: boolean;
  error?: string;
  hint?: string;
  required?: boolean;
  placeholder?: string;
  /** The text input's id (for an outside <label>); derived from `name` otherwise. */
  id?: string;
  /** Called whenever the chosen entities change. */
  onChange?: (chosen: PickedEntity[]) => void;
};

const DEBOUNCE_MS = 200;
const QUERY_MAX_LENGTH = 100;
const KIND_NOUNS: Record<PickerKind, { one: string; many: string }> = {
  person: { one: "person", many: "people" },
  country: { one: "country", many: "countries" },
  genre: { one: "genre", many: "genres" },
  movie: { one: "movie", many: "movies" },
};
/** Small lists: the first entries are offered before anything is typed. */
const BROWSABLE: ReadonlySet<PickerKind> = new Set(["country", "genre"]);

type Option = { type: "entity"; entity: PickedEntity } | { type: "create"; name: string };

const cleanText = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, QUERY_MAX_LENGTH);
const serialize = (items: PickedEntity[] | undefined) => JSON.stringify((items ?? []).map((i) => [i.id, i.label, i.detail ?? null]));

/**
 * Chooses one or several people, countries, genres or movies by typing (GET /api/admin/lookup): a WAI-ARIA 1.2
 * combobox with a listbox popup (keys from useCombobox). Enter on a single match chooses it and never submits the
 * form while there is text; Backspace in an empty box removes the last choice of a multiple picker. The choices
 * are chips with a remove button, and hidden inputs carry their ids, so it works in any form posted to a server
 * action.
 */
export function EntityPicker({
  kind,
  name,
  label,
  multiple = false,
  defaultValue,
  allowCreate = false,
  error,
  hint,
  required = false,
  placeholder,
  id,
  onChange,
}: EntityPickerProps) {
  const inputId = id ?? `picker-${name}`;
  const nouns = KIND_NOUNS[kind];
  const canCreate = allowCreate && kind === "person";

  const [chosen, setChosen] = useState<PickedEntity[]>(defaultValue ?? []);
  // A new defaultValue (the form re-rendered with the server's answer) replaces the choices; the same one keeps them.
  const [appliedDefault, setAppliedDefault] = useState(serialize(defaultValue));
  if (serialize(defaultValue) !== appliedDefault) {
    setAppliedDefault(serialize(defaultValue));
    setChosen(defaultValue ?? []);
  }

  const [text, setText] = useState("");
  // The results shown and the text they answer; kept while the next ones load so the list does not flicker.
  const [shown, setShown] = useState<{ q: string; results: PickedEntity[] } | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [creating, startCreating] = useTransition();
  const cache = useRef(new Map<string, PickedEntity[]>());
  const inFlight = useRef<AbortController | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const q = cleanText(text);
  const chosenIds = new Set(chosen.map((c) => c.id));
  const results = (shown?.results ?? []).filter((r) => !multiple || !chosenIds.has(r.id));
  const options: Option[] = [
    ...results.map((entity): Option => ({ type: "entity", entity })),
    ...(canCreate && /\p{L}/u.test(q) && shown?.q === q ? [{ type: "create", name: q } as Option] : []),
  ];
  const noMatchesNote = !loading && shown !== null && shown.q === q && options.length === 0 && (q !== "" || BROWSABLE.has(kind));
  const combobox = useCombobox({
    options,
    onChoose: activate,
    onRequestOptions: () => {
      setOpen(true);
      search(text);
    },
    // Enter chooses; while searching it never submits the surrounding form by accident.
    onEnter: (event) => {
      if (!q) return;
      event.preventDefault();
      // A single match is chosen; creating a person always takes an explicit choice.
      if (options.length === 1 && options[0].type === "entity") activate(options[0]);
    },
    text,
    onClear: () => {
      cancelPending();
      setText("");
      setShown(null);
      setLoading(false);
    },
    noOptionsNote: noMatchesNote,
  });
  const { inputRef, open, setOpen, setActive, close } = combobox;
  const noMatches = open && noMatchesNote;

  function update(next: PickedEntity[]) {
    setChosen(next);
    onChange?.(next);
  }

  function cancelPending() {
    window.clearTimeout(timer.current);
    inFlight.current?.abort();
    inFlight.current = null;
  }

  function present(query: string, found: PickedEntity[]) {
    setShown({ q: query, results: found });
    setLoading(false);
    setProblem(null);
    combobox.showNewOptions();
    setAnnouncement(found.length === 0 ? "No matches" : found.length === 1 ? "1 match" : `${found.length} matches`);
  }

  async function load(query: string) {
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const response = await fetch(`/api/admin/lookup?kind=${kind}&q=${encodeURIComponent(query)}`, {
        signal: controller.signal,
        headers: { accept: "application/json" },
      });
      if (response.status === 401) throw new Error("Your session has ended. Sign in again to continue.");
      if (!response.ok) throw new Error("The search is unavailable right now. Try again.");
      const body = (await response.json()) as LookupResponse;
      cache.current.set(query, body.results);
      if (inFlight.current === controller) present(query, body.results);
    } catch (caught) {
      // Aborted: a newer request is on its way. Anything else is said under the box.
      if (inFlight.current === controller) {
        setLoading(false);
        setProblem(caught instanceof Error && caught.name !== "AbortError" ? caught.message : null);
      }
    } finally {
      if (inFlight.current === controller) inFlight.current = null;
    }
  }

  function search(raw: string) {
    cancelPending();
    const query = cleanText(raw);
    if (!query && !BROWSABLE.has(kind)) {
      setShown(null);
      close();
      setLoading(false);
      setAnnouncement("");
      return;
    }
    const cached = cache.current.get(query);
    if (cached) return present(query, cached);
    setLoading(true);
    timer.current = window.setTimeout(() => void load(query), query ? DEBOUNCE_MS : 0);
  }

  function choose(entity: PickedEntity) {
    update(multiple ? [...chosen.filter((c) => c.id !== entity.id), entity] : [entity]);
    cancelPending();
    setText("");
    setShown(null);
    setLoading(false);
    setProblem(null);
    close();
    setAnnouncement(`${entity.label} chosen`);
    inputRef.current?.focus();
  }

  function remove(entity: PickedEntity) {
    update(chosen.filter((c) => c.id !== entity.id));
    setAnnouncement(`${entity.label} removed`);
    inputRef.current?.focus();
  }

  function create(personName: string) {
    close();
    startCreating(async () => {
      const result = await quickCreatePersonAction(personName);
      if ("error" in result) {
        setProblem(result.error);
        setAnnouncement(result.error);
        return;
      }
      cache.current.clear();
      choose({ id: result.id, label: result.label, detail: "new person" });
    });
  }

  function activate(option: Option) {
    if (option.type === "entity") choose(option.entity);
    else create(option.name);
  }

  useEffect(() => cancelPending, []);

  // A required picker without a choice stops a native submit with a message on its box (the server checks too).
  useEffect(() => {
    inputRef.current?.setCustomValidity(required && chosen.length === 0 ? `Choose ${multiple ? "at least one" : "a"} ${nouns.one} from the list.` : "");
  }, [inputRef, required, chosen.length, multiple, nouns.one]);

  const describedBy = [error ? `${inputId}-error` : null, problem ? `${inputId}-problem` : null, hint ? `${inputId}-hint` : null].filter(Boolean).join(" ") || undefined;
  const busy = loading || creating;

  return (
    <div className="space-y-1.5" data-picker={name}>
      <label htmlFor={inputId} className="block text-sm font-medium">
        {label}
        {required ? (
          <span aria-hidden className="text-muted">
            {" "}
            *
          </span>
        ) : null}
      </label>

      {chosen.length > 0 ? (
        <ul aria-label={`Chosen ${multiple ? nouns.many : nouns.one} for ${label}`} className="flex flex-wrap gap-1.5">
          {chosen.map((c) => (
            <li key={c.id} className="inline-flex max-w-full items-center gap-1 rounded-full border border-border bg-surface-muted py-0.5 pl-3 pr-1 text-sm">
              <span className="min-w-0 truncate">
                <span className="font-medium">{c.label}</span>
                {c.detail ? <span className="text-muted"> · {c.detail}</span> : null}
              </span>
              <button
                type="button"
                onClick={() => remove(c)}
                aria-label={`Remove ${c.label}`}
                className="inline-flex size-7 shrink-0 items-center justify-center rounded-full text-muted hover:bg-surface hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                <X aria-hidden className="size-3.5" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted" />
        <input
          {...combobox.inputProps}
          id={inputId}
          type="text"
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={describedBy}
          aria-busy={busy || undefined}
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={QUERY_MAX_LENGTH}
          placeholder={placeholder ?? (chosen.length > 0 && !multiple ? `Search to replace…` : `Search ${multiple ? nouns.many : nouns.one}…`)}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(-1);
            setProblem(null);
            setOpen(true);
            search(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key === "Backspace") {
              if (multiple && text === "" && chosen.length > 0) remove(chosen[chosen.length - 1]);
            } else combobox.inputProps.onKeyDown(event);
          }}
          onFocus={() => {
            if (shown && shown.q === q) setOpen(true);
          }}
          onClick={() => {
            if (!text && BROWSABLE.has(kind)) {
              setOpen(true);
              search("");
            }
          }}
          className="block h-11 w-full rounded-lg border border-border bg-surface pl-9 pr-9 text-base shadow-sm placeholder:text-muted focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40 aria-[invalid=true]:border-red-500 sm:text-sm"
        />
        {busy ? <LoaderCircle aria-hidden className="pointer-events-none absolute right-3 top-1/2 size-4 -translate-y-1/2 animate-spin text-muted" /> : null}

        <ul
          {...combobox.listboxProps}
          aria-label={`${label} suggestions`}
          className="absolute inset-x-0 top-full z-40 mt-1 max-h-72 overflow-y-auto overscroll-contain rounded-lg border border-border bg-surface py-1 shadow-lg"
        >
          {options.map((option, i) => (
            <li
              key={option.type === "entity" ? option.entity.id : "create"}
              {...combobox.optionProps(i)}
              className={`mx-1 flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm aria-selected:bg-surface-muted aria-selected:ring-2 aria-selected:ring-inset aria-selected:ring-ring ${option.type === "create" ? "border-t border-border/60 font-medium text-accent" : ""}`}
            >
              {option.type === "entity" ? (
                <span className="min-w-0 flex-1">
                  <span className="block truncate">{option.entity.label}</span>
                  {option.entity.detail ? <span className="block truncate text-xs text-muted">{option.entity.detail}</span> : null}
                </span>
              ) : (
                <>
                  <Plus aria-hidden className="size-4 shrink-0" />
                  <span className="min-w-0 flex-1 truncate">Create person “{option.name}”</span>
                </>
              )}
            </li>
          ))}
        </ul>
        {noMatches ? (
          <div className="absolute inset-x-0 top-full z-40 mt-1 rounded-lg border border-border bg-surface px-3 py-2.5 text-sm text-muted shadow-lg">
            {q ? `No matches for “${q}”.` : "No matches."}
          </div>
        ) : null}
      </div>

      {chosen.length > 0 ? (
        chosen.map((c) => <input key={c.id} type="hidden" name={name} value={c.id} />)
      ) : multiple ? null : (
        <input type="hidden" name={name} value="" />
      )}

      {hint ? (
        <p id={`${inputId}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p id={`${inputId}-problem`} className="text-sm text-red-600 dark:text-red-400">
          {problem}
        </p>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </div>
    </div>
  );
}
