"use client";

import { ArrowRight } from "@/components/ui/icons/arrow-right";
import { Film } from "@/components/ui/icons/film";
import { Search } from "@/components/ui/icons/search";
import { UserRound } from "@/components/ui/icons/user-round";
import { VenetianMask } from "@/components/ui/icons/venetian-mask";
import { Image } from "@/components/ui/image";
import type { ComboboxOptionProps } from "@/components/ui/use-combobox";
import type { SearchKind, Suggestion } from "@/db/queries/search";

const GROUPS: { kind: SearchKind; label: string }[] = [
  { kind: "movie", label: "Movies" },
  { kind: "person", label: "People" },
  { kind: "character", label: "Characters" },
];
const KIND_ICONS = { movie: Film, person: UserRound, character: VenetianMask } as const;

type Props = {
  /** The combobox's id prefix, for the groups' labels. */
  id: string;
  shown: { q: string; results: Suggestion[] };
  /** The combobox's props for option i: i counts the results in their order (by kind), then "All results". */
  optionProps: (i: number) => ComboboxOptionProps;
};

/**
 * The header search's suggestions, by kind, then "All results": the options inside HeaderSearch's listbox. Its own
 * module, loaded when the search box is first focused, so pages don't ship it (thumbnails, icons) to everyone.
 */
export default function HeaderSearchSuggestions({ id, shown, optionProps }: Props) {
  let index = 0;
  const groups = GROUPS.map((g) => ({
    ...g,
    items: shown.results.filter((s) => s.kind === g.kind).map((s) => ({ s, i: index++ })),
  })).filter((g) => g.items.length > 0);
  const allIndex = index;

  return (
    <>
      {groups.map((g) => (
        <div key={g.kind} role="group" aria-labelledby={`${id}-group-${g.kind}`} className="py-1">
          <div id={`${id}-group-${g.kind}`} role="presentation" className="px-4 pb-1 pt-2 text-xs font-semibold uppercase tracking-wider text-muted">
            {g.label}
          </div>
          {g.items.map(({ s, i }) => (
            <SuggestionOption key={`${s.kind}-${s.id}`} suggestion={s} optionProps={optionProps(i)} />
          ))}
        </div>
      ))}
      {shown.results.length === 0 ? (
        <div role="presentation" className="px-4 pb-1 pt-3 text-sm text-muted">
          No quick matches.
        </div>
      ) : null}
      <div
        {...optionProps(allIndex)}
        className="mx-1 mt-1 flex cursor-pointer items-center gap-2 rounded-lg border-t border-border/60 px-3 py-2.5 text-sm font-medium text-accent-strong aria-selected:bg-surface-muted aria-selected:ring-2 aria-selected:ring-inset aria-selected:ring-ring"
      >
        <Search aria-hidden className="size-4 shrink-0" />
        <span className="min-w-0 flex-1 truncate">All results for “{shown.q}”</span>
        <ArrowRight aria-hidden className="size-4 shrink-0" />
      </div>
    </>
  );
}

function SuggestionOption({ suggestion: s, optionProps }: { suggestion: Suggestion; optionProps: ComboboxOptionProps }) {
  const Icon = KIND_ICONS[s.kind];
  const round = s.kind === "person";
  return (
    <div
      {...optionProps}
      className="mx-1 flex cursor-pointer items-center gap-3 rounded-lg px-3 py-2 aria-selected:bg-surface-muted aria-selected:ring-2 aria-selected:ring-inset aria-selected:ring-ring"
    >
      <div className={`relative shrink-0 overflow-hidden bg-surface-muted ring-1 ring-border/60 ${round ? "mx-px size-8 rounded-full" : "h-12 w-8 rounded"}`}>
        {s.thumbnailUrl ? (
          <Image src={s.thumbnailUrl} alt="" fill sizes="32px" className="object-cover" />
        ) : (
          <Icon aria-hidden className="absolute inset-0 m-auto size-4 text-muted" />
        )}
      </div>
      <div className="min-w-0 flex-1">
        <div className="truncate text-sm font-medium">{s.label}</div>
        {s.subtitle ? <div className="truncate text-xs text-muted">{s.subtitle}</div> : null}
      </div>
    </div>
  );
}
