import Form from "next/form";
import { Search } from "@/components/ui/icons/search";
import { SEARCH_QUERY_MAX_LENGTH } from "@/lib/validation/search-text";

/** The big search box of /search: a GET form (a client-side navigation with JavaScript, a plain submit without). */
export function SearchPageForm({ q }: { q: string }) {
  return (
    <Form action="/search" role="search" aria-label="Search the catalogue" className="flex w-full max-w-2xl gap-2">
      <div className="relative min-w-0 flex-1">
        <label htmlFor="search-page-q" className="sr-only">
          Movies, people or characters
        </label>
        <Search aria-hidden className="pointer-events-none absolute left-4 top-1/2 size-5 -translate-y-1/2 text-muted" />
        <input
          id="search-page-q"
          name="q"
          type="search"
          defaultValue={q}
          // A different query should replace the field's text even when the page component is reused.
          key={q}
          placeholder="A film, a person, a character…"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          maxLength={SEARCH_QUERY_MAX_LENGTH}
          className="h-12 w-full rounded-full border border-border bg-surface pl-12 pr-4 text-base shadow-sm placeholder:text-muted focus:border-accent focus-visible:!rounded-full"
        />
      </div>
      <button type="submit" className="h-12 shrink-0 rounded-full bg-accent px-5 text-sm font-semibold text-accent-foreground hover:bg-accent-strong sm:px-6">
        Search
      </button>
    </Form>
  );
}
