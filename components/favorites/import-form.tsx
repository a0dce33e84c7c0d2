"use client";

import { useActionState } from "react";
import { importFavoritesAction, type ImportState } from "@/app/(account)/favorites/actions";
import { FormMessage, SubmitButton } from "@/components/ui/form";

/** Import a Letterboxd-style CSV (Title, Year); shows what did not match. */
export function ImportFavoritesForm() {
  const [state, action] = useActionState<ImportState, FormData>(importFavoritesAction, {});
  return (
    <form action={action} className="space-y-3">
      <FormMessage message={state.message} ok={state.ok} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 space-y-1.5">
          <label htmlFor="favorites-file" className="block text-sm font-medium">
            CSV file
          </label>
          <input
            id="favorites-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="favorites-file-hint"
            className="block w-full text-sm file:mr-3 file:rounded-full file:border-0 file:bg-surface-muted file:px-4 file:py-2 file:text-sm file:font-medium"
          />
          <p id="favorites-file-hint" className="text-xs text-muted">
            Columns Title (or Name) and Year, as Letterboxd exports them; up to 5,000 rows and 1 MB.
          </p>
        </div>
        <SubmitButton variant="secondary">Import</SubmitButton>
      </div>
      {state.nearYear && state.nearYear.length > 0 ? (
        <div className="rounded-lg border border-border p-3" data-testid="import-near-year">
          <p className="text-sm font-medium">Matched with a year one off:</p>
          <ul className="mt-1 max-h-48 list-inside list-disc overflow-auto text-sm text-muted">
            {state.nearYear.slice(0, 200).map((r, i) => (
              <li key={i}>
                {r.title}: matched with year {r.matchedYear} (file said {r.year})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.ambiguous && state.ambiguous.length > 0 ? (
        <div className="rounded-lg border border-border p-3" data-testid="import-ambiguous">
          <p className="text-sm font-medium">Not added, several films could be meant:</p>
          <ul className="mt-1 max-h-48 list-inside list-disc overflow-auto text-sm text-muted">
            {state.ambiguous.slice(0, 200).map((r, i) => (
              <li key={i}>
                {r.title} ({r.year}): no film of {r.year}, but {r.candidateYears.length} of that title from {[...new Set(r.candidateYears)].join(" and ")}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.unmatched && state.unmatched.length > 0 ? (
        <div className="rounded-lg border border-border p-3" data-testid="import-unmatched">
          <p className="text-sm font-medium">Not found in the catalogue:</p>
          <ul className="mt-1 max-h-48 list-inside list-disc overflow-auto text-sm text-muted">
            {state.unmatched.slice(0, 200).map((r, i) => (
              <li key={i}>
                {r.title}
                {r.year ? ` (${r.year})` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
