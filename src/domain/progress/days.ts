// Dates as whole days since 1970-01-01 (UTC): integers compare, subtract and index arrays,
// where ISO strings only compare.

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Before every real date: "always on air" (an existing tower with no service date). */
export const DAY_MIN = -1_000_000_000;
/** After every real date: "never" (an upgrade with no date, a planned tower with no date). */
export const DAY_MAX = 1_000_000_000;

/** Day number of an ISO `YYYY-MM-DD` date; throws on anything else. */
export function toDay(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new Error(`not an ISO date (YYYY-MM-DD): "${iso}"`);
  // setUTCFullYear, unlike Date.UTC, leaves years 0-99 as they are.
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = date.getTime() / MS_PER_DAY;
  if (fromDay(day) !== iso) throw new Error(`no such day: "${iso}"`);
  return day;
}

/** ISO `YYYY-MM-DD` of a day number. */
export function fromDay(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  const y = date.getUTCFullYear();
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${m}-${d}`;
}

/** UTC milliseconds at the start of a day (for Date and chart axes). */
export function dayToMs(day: number): number {
  return day * MS_PER_DAY;
}
