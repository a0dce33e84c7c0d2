import type { FileUse } from "@/db/queries/admin/files";
import type { Reference } from "@/lib/admin-state";

/**
 * What to call a row that uses a file, with a link to where an editor can change it. Avatars link to user
 * management only for admins (editors cannot open it).
 */
export function referenceFor(use: FileUse, linkUsers: boolean): Reference {
  switch (use.kind) {
    case "poster":
      return { label: `Poster of ${use.label}`, href: `/admin/movies/${use.id}` };
    case "photo":
      return { label: `Main photo of ${use.label}`, href: `/admin/people/${use.id}` };
    case "gallery":
      return { label: `Gallery of ${use.label}`, href: `/admin/people/${use.id}` };
    case "avatar":
      return { label: `Avatar of ${use.label}`, href: linkUsers ? `/admin/users?q=${encodeURIComponent(use.label)}` : undefined };
  }
}

const units = ["B", "KB", "MB", "GB"];

/** 48213 → "47.1 KB". */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const shortDate = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** "2026-03-04 10:11:12.345+00" (PostgreSQL's text of a timestamptz) → "Mar 4, 2026". */
export function formatShortDate(timestamp: string): string {
  const d = new Date(`${timestamp.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? timestamp : shortDate.format(d);
}
