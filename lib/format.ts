/** Display formats shared by every page (en-US; the catalogue's currency is US dollars). */

const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
const currencyFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const compactCurrency = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1, minimumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat("en-US");

/** 175 → "2 h 55 min"; 45 → "45 min"; 120 → "2 h". */
export function formatRuntime(minutes: number | null | undefined): string | null {
  if (!minutes || minutes <= 0) return null;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "1972-03-24" → "March 24, 1972" (dates are calendar dates: no time-zone shift). */
export function formatDate(isoDate: string | null | undefined): string | null {
  if (!isoDate) return null;
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : dateFormat.format(d);
}

/** "6000000.00" → "$6,000,000". */
export function formatBudget(amount: string | number | null | undefined, compact = false): string | null {
  if (amount === null || amount === undefined || amount === "") return null;
  const n = Number(amount);
  if (!Number.isFinite(n)) return null;
  return (compact ? compactCurrency : currencyFormat).format(n);
}

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** Whole years between two calendar dates (age at a film's release, or today). */
export function ageOn(birthDate: string | null | undefined, onDate: string | Date | null | undefined): number | null {
  if (!birthDate || !onDate) return null;
  const birth = new Date(`${birthDate.slice(0, 10)}T00:00:00Z`);
  const on = typeof onDate === "string" ? new Date(`${onDate.slice(0, 10)}T00:00:00Z`) : onDate;
  if (Number.isNaN(birth.getTime()) || Number.isNaN(on.getTime())) return null;
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday = on.getUTCMonth() < birth.getUTCMonth() || (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age--;
  return age >= 0 ? age : null;
}

export function yearOf(isoDate: string | null | undefined): number | null {
  if (!isoDate) return null;
  const y = Number(isoDate.slice(0, 4));
  return Number.isFinite(y) ? y : null;
}

/** "1 film" / "3 films". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** What a throttled form says: "Try again in 12 minutes." */
export function tryAgainIn(minutes: number): string {
  return `Try again in ${plural(minutes, "minute")}.`;
}

const shortDate = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** When a row was last edited, for admin lists: "just now", "12 min ago", "3 h ago", then the date. */
export function formatEdited(at: Date, now: number): string {
  const minutes = Math.floor((now - at.getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return shortDate.format(at);
}

const byteUnits = ["B", "KB", "MB", "GB"];

/** 48213 → "47.1 KB". */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${byteUnits[unit]}`;
}

/** "2026-03-04 10:11:12.345+00" (PostgreSQL's text of a timestamptz) → "Mar 4, 2026". */
export function formatShortDate(timestamp: string): string {
  const d = new Date(`${timestamp.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? timestamp : shortDate.format(d);
}
