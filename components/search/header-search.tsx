"use client";

import { usePathname, useRouter } from "next/navigation";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import type { SuggestResponse } from "@/app/api/search/suggest/route";
import { LoaderCircle } from "@/components/ui/icons/loader-circle";
import { Search } from "@/components/ui/icons/search";
import { useCombobox } from "@/components/ui/use-combobox";
import type { Suggestion } from "@/db/queries/search";
import { normalizeSearchText, SEARCH_QUERY_MAX_LENGTH, SUGGEST_MIN_LENGTH } from "@/lib/validation/search-text";

const DEBOUNCE_MS = 150;
const loadSuggestions = () => import("./header-search-suggestions");
const HeaderSearchSuggestions = lazy(loadSuggestions);

type Option = { href: string; suggestion: Suggestion | null };

/**
 * Site-wide search box. Without JavaScript: a plain GET form to /search. With it: a combobox (WAI-ARIA 1.2,
 * list autocomplete, keys from useCombobox) suggesting movies, people and characters while typing. Enter opens the
 * highlighted suggestion, or searches when none is; the last option is always "All results" for the text.
 * The suggestions' markup (HeaderSearchSuggestions) loads when the box is first focused.
 */
export function HeaderSearch() {
  const router = useRouter();
  const pathname = usePathname();

  const [value, setValue] = useState("");
  // The suggestions shown, and the query they answer; kept while the next ones load so the list never flickers.
  const [shown, setShown] = useState<{ q: string; results: Suggestion[] } | null>(null);
  const [loading, setLoading] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const cache = useRef(new Map<string, Suggestion[]>());
  const inFlight = useRef<AbortController | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const q = normalizeSearchText(value).q;
  const options: Option[] = shown
    ? [...shown.results.map((s) => ({ href: s.href, suggestion: s })), { href: `/search?q=${encodeURIComponent(shown.q)}`, suggestion: null }]
    : [];
  // No onEnter: Enter without a highlighted suggestion submits the form (/search?q=…).
  const combobox = useCombobox({ options, onChoose: (option) => go(option.href), onRequestOptions: () => suggest(value), text: value, onClear: clear });
  const { id, inputRef, setOpen, setActive, close } = combobox;

  function cancelPending() {
    window.clearTimeout(timer.current);
    inFlight.current?.abort();
    inFlight.current = null;
  }

  function present(query: string, results: Suggestion[]) {
    setShown({ q: query, results });
    setLoading(false);
    combobox.showNewOptions();
    setAnnouncement(results.length === 0 ? "No results" : results.length === 1 ? "1 result" : `${results.length} results`);
  }

  async function load(query: string) {
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const response = await fetch(`/api/search/suggest?q=${encodeURIComponent(query)}`, { signal: controller.signal, headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`suggestions answered ${response.status}`);
      const body = (await response.json()) as SuggestResponse;
      cache.current.set(query, body.results);
      if (inFlight.current === controller) present(query, body.results);
    } catch {
      // Aborted because the text changed (a newer request is on its way), or offline: keep what is shown.
      if (inFlight.current === controller) setLoading(false);
    } finally {
      if (inFlight.current === controller) inFlight.current = null;
    }
  }

  function suggest(text: string) {
    cancelPending();
    const query = normalizeSearchText(text).q;
    if (Array.from(query).length < SUGGEST_MIN_LENGTH) {
      setShown(null);
      close();
      setLoading(false);
      setAnnouncement("");
      return;
    }
    const cached = cache.current.get(query);
    if (cached) return present(query, cached);
    setLoading(true);
    timer.current = window.setTimeout(() => void load(query), DEBOUNCE_MS);
  }

  function clear() {
    cancelPending();
    setValue("");
    setShown(null);
    setLoading(false);
    setAnnouncement("");
    close();
  }

  /** A suggestion chosen or the form submitted: nothing pending may reopen the list over the next page. */
  function go(href: string) {
    clear();
    router.push(href);
  }

  // A navigation (a suggestion, the form, a link elsewhere) closes the list.
  useEffect(() => {
    setOpen(false);
    setActive(-1);
  }, [pathname, setOpen, setActive]);

  // Text typed before the page became interactive is kept, and suggested for once it is.
  useEffect(() => {
    const typed = inputRef.current?.value ?? "";
    if (typed) {
      setValue(typed);
      if (document.activeElement === inputRef.current) suggest(typed);
    }
    return cancelPending;
    // Once, after hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label="Site search"
      className="relative w-full max-w-xs"
      onSubmit={(event) => {
        // With JavaScript: the same /search?q=… as the browser would ask for, as a client-side navigation. Pending
        // suggestions are cancelled (a late answer would open the list over the results), and the box is emptied:
        // /search shows the query in its own box.
        event.preventDefault();
        go(`/search?${new URLSearchParams({ q: value })}`);
      }}
    >
      <label htmlFor={`${id}-input`} className="sr-only">
        Search movies, people and characters
      </label>
      <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted" />
      <input
        {...combobox.inputProps}
        id={`${id}-input`}
        name="q"
        type="search"
        placeholder="Search films, people…"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="search"
        maxLength={SEARCH_QUERY_MAX_LENGTH}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setActive(-1);
          suggest(event.target.value);
        }}
        onFocus={() => {
          void loadSuggestions();
          if (shown && shown.q === q) setOpen(true);
        }}
        className="h-10 w-full rounded-full border border-border bg-surface pl-9 pr-9 text-base placeholder:text-muted focus:border-accent focus-visible:!rounded-full sm:text-sm [&::-webkit-search-cancel-button]:hidden"
      />
      {loading ? <LoaderCircle aria-hidden className="pointer-events-none absolute right-3 top-1/2 size-4 -translate-y-1/2 animate-spin text-muted" /> : null}

      {/* Below the header row, full width on phones (the header is the containing block: it has a backdrop filter);
          under the box from sm up. */}
      <div
        {...combobox.listboxProps}
        aria-label="Suggestions"
        className="fixed inset-x-0 top-14 z-50 max-h-[calc(100dvh-5rem)] overflow-y-auto overscroll-contain border-b border-border bg-surface py-1 shadow-xl sm:absolute sm:inset-x-auto sm:right-0 sm:top-full sm:mt-2 sm:w-[28rem] sm:max-h-[min(36rem,calc(100dvh-6rem))] sm:rounded-xl sm:border"
      >
        {shown ? (
          <Suspense fallback={null}>
            <HeaderSearchSuggestions id={id} shown={shown} optionProps={combobox.optionProps} />
          </Suspense>
        ) : null}
      </div>
      <div aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </div>
    </form>
  );
}

