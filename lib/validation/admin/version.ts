import { z } from "zod";

const MESSAGE = "This form is missing its version: reload the page.";
const SHAPE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?([+-])(\d{2})(?::(\d{2}))?(?::(\d{2}))?$/;

/** A timestamp PostgreSQL prints and reads back (so `::timestamptz` cannot fail on it): real date, time and offset. */
function isTimestamp(value: string): boolean {
  const m = SHAPE.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second, , offsetHours, offsetMinutes = "0"] = m.slice(1).map((v) => v ?? "0");
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second) < 60 &&
    Number(offsetHours) <= 15 &&
    Number(offsetMinutes) < 60
  );
}

/** The hidden `version` field of every admin edit form (see db/queries/admin/version.ts). */
export const versionField = z.string({ error: MESSAGE }).max(64, MESSAGE).refine(isTimestamp, MESSAGE);
