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
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = ms / MS_PER_DAY;
  if (fromDay(day) !== iso) throw new Error(`no such day: "${iso}"`);
  return day;
}

/** ISO `YYYY-MM-DD` of a day number. */
export function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** UTC milliseconds at the start of a day (for Date and chart axes). */
export function dayToMs(day: number): number {
  return day * MS_PER_DAY;
}
