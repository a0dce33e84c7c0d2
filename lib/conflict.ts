import { formatBudget, formatDate } from "./format";

/**
 * The admin's conflict notice (optimistic versions): one readable line per field of the row as it is now, compared
 * with the lines of the version the form was loaded with, which the form carries back in its hidden `loaded` field
 * (JSON). Only the fields the other editor changed are listed. Values stay raw (as the form's inputs hold them) for
 * comparing, and are shown as the form and the public pages show them (`kind`).
 */
export type ConflictKind = "text" | "date" | "budget" | "runtime";
export type ConflictRow = { field: string; label: string; value: string; kind?: ConflictKind };

/** What a form carries in its hidden `loaded` field: each field's raw line. */
export function loadedLines(rows: ConflictRow[]): string {
  return JSON.stringify(Object.fromEntries(rows.map((row) => [row.field, row.value])));
}

function parseLoaded(loaded: string | undefined): Record<string, unknown> | null {
  if (!loaded) return null;
  try {
    const parsed: unknown = JSON.parse(loaded);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The rows that changed since the form loaded; every row when it did not say what it loaded (an older page). */
export function changedSinceLoaded(loaded: string | undefined, current: ConflictRow[]): ConflictRow[] {
  const before = parseLoaded(loaded);
  return before ? current.filter((row) => before[row.field] !== row.value) : current;
}

/** "2,500,000" or "2500000.00" → "$2,500,000"; "2019-06-14" → "June 14, 2019"; "121" → "121 min". */
export function displayConflictValue(kind: ConflictKind | undefined, value: string): string {
  const raw = value.trim();
  if (!raw) return "";
  switch (kind) {
    case "budget":
      return formatBudget(raw.replace(/[$,\s]/g, "")) ?? value;
    case "date":
      return formatDate(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : null) ?? value;
    case "runtime":
      return /^\d+$/.test(raw) ? `${Number(raw)} min` : value;
    default:
      return value;
  }
}

/** The hidden `loaded` field of a posted form (bounded: the form's own limits keep it far below this). */
export function loadedField(formData: FormData | null): string | undefined {
  const value = formData?.get("loaded");
  return typeof value === "string" ? value.slice(0, 500_000) : undefined;
}

/** The lines with one field's value replaced (the editor's own change saved outside the form, e.g. the gallery). */
export function withLine(loaded: string, field: string, value: string): string {
  const lines = parseLoaded(loaded);
  return lines ? JSON.stringify({ ...lines, [field]: value }) : loaded;
}
