import Link from "next/link";
import { Clapperboard } from "@/components/ui/icons/clapperboard";
import { SearchX } from "@/components/ui/icons/search-x";

const BROWSE = [
  { href: "/movies", label: "Browse all movies" },
  { href: "/people", label: "Browse people" },
  { href: "/genres", label: "Explore genres" },
];

/** Nothing to show: either nothing was asked (an invitation) or nothing matched (what to try next). */
export function SearchEmptyState({ q }: { q: string }) {
  return (
    <div data-testid="search-empty" className="flex flex-col items-center rounded-2xl border border-dashed border-border px-6 py-14 text-center">
      {q ? <SearchX aria-hidden className="size-10 text-muted" /> : <Clapperboard aria-hidden className="size-10 text-accent" />}
      <h2 className="mt-4 text-lg font-semibold [overflow-wrap:anywhere]">{q ? <>No results for “{q}”</> : "Search films, people and characters"}</h2>
      {q ? (
        <ul className="mt-3 max-w-md list-disc space-y-1 pl-5 text-left text-muted marker:text-accent">
          <li>Check the spelling: small typos and missing accents are forgiven, whole missing words are not.</li>
          <li>Try fewer words, or just one: a surname, a distinctive word of the title.</li>
          <li>Search a film by its title, a person by name, a character by the name used in the film.</li>
        </ul>
      ) : (
        <p className="mt-2 max-w-md text-muted text-pretty">
          Type a title, an actor or director, or a character such as a detective or a villain. Accents and small typos don’t matter.
        </p>
      )}
      <ul className="mt-6 flex flex-wrap items-center justify-center gap-3">
        {BROWSE.map((b, i) => (
          <li key={b.href}>
            <Link
              href={b.href}
              className={
                i === 0
                  ? "inline-flex rounded-full bg-accent px-5 py-2.5 text-sm font-medium text-accent-foreground hover:bg-accent-strong"
                  : "inline-flex rounded-full border border-border px-5 py-2.5 text-sm font-medium hover:bg-surface-muted"
              }
            >
              {b.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
