import Papa from "papaparse";
import { getFavoritesForExport } from "@/db/queries/favorites";
import { getViewer } from "@/lib/session";

/** The caller's favorites as CSV with Letterboxd's columns (Title, Year). */
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sign in to export your favorites.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });
  const rows = await getFavoritesForExport(viewer.id);
  // A leading =, +, - or @ would be a formula in a spreadsheet: prefix such titles with an apostrophe.
  const safe = rows.map((r) => ({ Title: /^[=+\-@\t\r]/.test(r.title) ? `'${r.title}` : r.title, Year: r.year ?? "" }));
  const csv = Papa.unparse(safe, { columns: ["Title", "Year"], newline: "\r\n" });
  return new Response("\uFEFF" + csv + "\r\n", {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="marquee-favorites-${viewer.username}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
