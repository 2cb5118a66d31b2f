// ISO dates as whole UTC days: no time zone or clock can shift them.
const DAY_MS = 86_400_000;

export function isoToDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y as number, (m as number) - 1, d as number) / DAY_MS);
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A uniformly drawn date in [from, to], both inclusive. */
export function randomIsoDate(from: string, to: string, next: () => number): string {
  const start = isoToDay(from);
  const end = isoToDay(to);
  return dayToIso(start + Math.floor(next() * (end - start + 1)));
}
