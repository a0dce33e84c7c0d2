import Papa from "papaparse";
import type { FavoriteCsvRow } from "@/db/queries/favorites";

export const CSV_MAX_BYTES = 1024 * 1024;
export const CSV_MAX_ROWS = 5000;

/**
 * Reads a Letterboxd-style CSV (columns Title and optionally Year, any order, other columns ignored). Any problem
 * makes the whole file refused with a message that says where: nothing is half-imported.
 */
export function parseFavoritesCsv(bytes: Uint8Array): { rows: FavoriteCsvRow[] } | { error: string } {
  if (bytes.length === 0) return { error: "This file is empty." };
  if (bytes.length > CSV_MAX_BYTES) return { error: "This file is larger than 1 MB." };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return { error: "This file is not UTF-8 text: export it again as CSV (UTF-8)." };
  }
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: "greedy", transformHeader: (h) => h.trim() });
  // A one-column file has no delimiter to detect: that is fine.
  const fatal = parsed.errors.find((e) => e.type === "Quotes" || (e.type === "Delimiter" && e.code !== "UndetectableDelimiter"));
  if (fatal) return { error: `This file is not valid CSV (row ${(fatal.row ?? 0) + 2}: ${fatal.message}).` };
  const fields = parsed.meta.fields ?? [];
  const titleKey = fields.find((f) => f.toLowerCase() === "title" || f.toLowerCase() === "name");
  const yearKey = fields.find((f) => f.toLowerCase() === "year");
  if (!titleKey) return { error: 'This file has no "Title" column (Letterboxd exports have "Name" or "Title" and "Year").' };
  if (parsed.data.length === 0) return { error: "This file has no films in it." };
  if (parsed.data.length > CSV_MAX_ROWS) return { error: `This file lists more than ${CSV_MAX_ROWS.toLocaleString("en-US")} films.` };
  const rows: FavoriteCsvRow[] = [];
  for (const [i, record] of parsed.data.entries()) {
    const line = i + 2;
    // Control characters (a NUL would be refused by PostgreSQL) become spaces.
    const title = (record[titleKey] ?? "").replace(/[\u0000-\u001f\u007f]+/g, " ").trim().replace(/^'(?=[=+\-@])/, "");
    if (!title) return { error: `Row ${line} has no title.` };
    if (title.length > 300) return { error: `Row ${line}: the title is too long.` };
    const rawYear = yearKey ? (record[yearKey] ?? "").trim() : "";
    if (rawYear && !/^\d{4}$/.test(rawYear)) return { error: `Row ${line}: "${rawYear.slice(0, 20)}" is not a year.` };
    rows.push({ title, year: rawYear ? Number(rawYear) : null });
  }
  return { rows };
}
