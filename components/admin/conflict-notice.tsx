import type { SaveState } from "@/lib/admin-state";
import { displayConflictValue } from "@/lib/conflict";

/**
 * Shown above a form whose save was refused because someone else saved first: the values they changed since this
 * form loaded beside the ones typed here, both as the pages show them (a budget in dollars, a date in words). The
 * form keeps what was typed and now carries their version, so "Save" again overwrites knowingly.
 */
export function ConflictNotice({ conflict, typed }: { conflict: NonNullable<SaveState["conflict"]>; typed?: Record<string, string> }) {
  const rows = conflict.theirs
    .map((row) => ({ ...row, theirs: displayConflictValue(row.kind, row.value), yours: displayConflictValue(row.kind, typed?.[row.field] ?? "") }))
    // A field they changed to what was typed here anyway needs no decision.
    .filter((row) => row.theirs !== row.yours);
  return (
    <div role="alert" className="mb-6 rounded-xl border border-amber-500/40 bg-amber-500/10 p-4 text-sm" data-testid="conflict-notice">
      <p className="font-semibold">This was changed by someone else since you opened it.</p>
      <p className="mt-1 text-muted">Your changes are still in the form below. Compare, then save again to keep yours, or reload to take theirs.</p>
      {rows.length > 0 ? (
        <table className="mt-3 w-full text-left max-sm:block">
          <thead className="text-xs uppercase tracking-wide text-muted max-sm:sr-only">
            <tr>
              <th className="py-1 pr-4 font-semibold">Field</th>
              <th className="py-1 pr-4 font-semibold">Their value</th>
              <th className="py-1 font-semibold">Yours</th>
            </tr>
          </thead>
          {/* On phones each field is a small card: its name, then theirs and yours, each labelled. */}
          <tbody className="max-sm:block max-sm:space-y-2">
            {rows.map((row) => (
              <tr key={row.field} className="align-top max-sm:block max-sm:rounded-lg max-sm:border max-sm:border-amber-500/30 max-sm:p-2.5">
                <th scope="row" className="py-1 pr-4 font-medium max-sm:block max-sm:py-0">
                  {row.label}
                </th>
                <td className="py-1 pr-4 break-words max-sm:flex max-sm:gap-2 max-sm:pr-0">
                  <span className="w-20 shrink-0 text-xs font-semibold uppercase tracking-wide text-muted sm:hidden">Theirs</span>
                  <span className="min-w-0">{row.theirs || <span className="text-muted">(empty)</span>}</span>
                </td>
                <td className="py-1 break-words max-sm:flex max-sm:gap-2">
                  <span className="w-20 shrink-0 text-xs font-semibold uppercase tracking-wide text-muted sm:hidden">Yours</span>
                  <span className="min-w-0">{row.yours || <span className="text-muted">(empty)</span>}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
