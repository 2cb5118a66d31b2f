// Schedule mode (issue 18 item 4, an extension): the sites of an answer built `perMonth` a
// month from a start month, in the order listed (each the largest gain given those before,
// orderByGain's: the indicator rises as early as it can along that order), with the
// indicator month by month and the month the target is first met.

/** "2021-10" + 3 months → "2022-01". */
export function addMonths(month: string, count: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const isMonth = (text: string): boolean => MONTH.test(text);

export interface ScheduleOptions {
  /** The first building month, YYYY-MM. */
  start: string;
  /** Sites built a month (an integer ≥ 1). */
  perMonth: number;
}

export interface ScheduleMonth {
  month: string;
  /** Sites built that month, and what they cost. */
  sites: number;
  cost: number;
  /** The indicator's good weight at the month's end, and its share (%). */
  good: number;
  pct: number;
}

export interface Schedule {
  /** Each site's month, index-aligned with the sites given. */
  siteMonths: string[];
  months: ScheduleMonth[];
  /** The first month whose end meets `needed` (the start month when nothing is needed); null if never. */
  targetMonth: string | null;
}

/**
 * `sites`: in building order, each with its marginal gain in the indicator and its cost.
 * `needed`: the newly good weight the target needs (undefined: no target).
 */
export function scheduleSites(
  sites: readonly { gain: number; cost: number }[],
  baselineGood: number,
  totalWeight: number,
  needed: number | undefined,
  options: ScheduleOptions,
): Schedule {
  const { start, perMonth } = options;
  if (!isMonth(start)) throw new RangeError(`start must be a month YYYY-MM, not ${JSON.stringify(start)}`);
  if (!(Number.isInteger(perMonth) && perMonth >= 1)) throw new RangeError(`perMonth must be an integer ≥ 1, not ${perMonth}`);
  const share = (good: number) => (totalWeight > 0 ? (100 * good) / totalWeight : 100);
  const siteMonths = sites.map((_, j) => addMonths(start, Math.floor(j / perMonth)));
  const months: ScheduleMonth[] = [];
  let good = baselineGood;
  let gained = 0;
  let targetMonth: string | null = needed === 0 ? start : null;
  for (let first = 0; first < sites.length; first += perMonth) {
    const batch = sites.slice(first, first + perMonth);
    let cost = 0;
    for (const site of batch) {
      good += site.gain;
      gained += site.gain;
      cost += site.cost;
    }
    const month = siteMonths[first]!;
    months.push({ month, sites: batch.length, cost, good, pct: share(good) });
    if (targetMonth === null && needed !== undefined && gained >= needed) targetMonth = month;
  }
  return { siteMonths, months, targetMonth };
}
