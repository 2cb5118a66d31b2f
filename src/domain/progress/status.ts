// Whether a target is on track (README, "Target status"): met when the value has reached
// the target; before the deadline, on track when the trend of the last TREND_WINDOW_DAYS
// reaches the target by the deadline, at risk when it does within GRACE_DAYS after it,
// behind otherwise; overdue once the deadline has passed unmet. A target reached only after
// its deadline is met late, a status of its own: "met" would hide that the date was missed.

export const TREND_WINDOW_DAYS = 90;
export const GRACE_DAYS = 30;

export const STATUSES = ['met', 'met_late', 'on_track', 'at_risk', 'behind', 'overdue', 'no_data'] as const;
export type Status = (typeof STATUSES)[number];
export type Rag = 'green' | 'amber' | 'red' | 'grey';

export const RAG: Record<Status, Rag> = {
  met: 'green',
  met_late: 'amber',
  on_track: 'green',
  at_risk: 'amber',
  behind: 'red',
  overdue: 'red',
  no_data: 'grey',
};

/** Worst first, for rolling up several statuses into one. */
const SEVERITY: Record<Status, number> = { overdue: 6, behind: 5, at_risk: 4, met_late: 3, on_track: 2, met: 1, no_data: 0 };

export function worstStatus(statuses: readonly Status[]): Status {
  return statuses.reduce<Status>((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst), 'no_data');
}

export interface Assessment {
  value: number | null;
  target: number;
  deadlineDay: number;
  /** Deadline minus as-of day: negative once overdue. */
  daysLeft: number;
  /** Least-squares slope of the window's daily values, per day. */
  slopePerDay: number;
  /** Value on the deadline if the trend holds (value + slope · days left); null when past it or no value. */
  forecast: number | null;
  status: Status;
  /** met_late: days between the deadline and the day the target was reached. */
  daysLate?: number;
}

/**
 * Daily values of one metric from `firstDay`, with running sums so that the trend over any
 * window is O(1): the whole history can be assessed day by day to find since when a status holds.
 */
export class DailySeries {
  private readonly n: Float64Array;
  private readonly sx: Float64Array;
  private readonly sy: Float64Array;
  private readonly sxx: Float64Array;
  private readonly sxy: Float64Array;

  constructor(
    readonly values: Float64Array,
    readonly firstDay: number,
  ) {
    const len = values.length + 1;
    this.n = new Float64Array(len);
    this.sx = new Float64Array(len);
    this.sy = new Float64Array(len);
    this.sxx = new Float64Array(len);
    this.sxy = new Float64Array(len);
    for (let i = 0; i < values.length; i++) {
      const y = values[i] as number;
      const ok = Number.isFinite(y);
      // x relative to the start keeps the sums small and exact enough.
      this.n[i + 1] = (this.n[i] as number) + (ok ? 1 : 0);
      this.sx[i + 1] = (this.sx[i] as number) + (ok ? i : 0);
      this.sy[i + 1] = (this.sy[i] as number) + (ok ? y : 0);
      this.sxx[i + 1] = (this.sxx[i] as number) + (ok ? i * i : 0);
      this.sxy[i + 1] = (this.sxy[i] as number) + (ok ? i * y : 0);
    }
  }

  get lastDay(): number {
    return this.firstDay + this.values.length - 1;
  }

  valueOn(day: number): number | null {
    const i = day - this.firstDay;
    const v = i >= 0 && i < this.values.length ? (this.values[i] as number) : NaN;
    return Number.isFinite(v) ? v : null;
  }

  /** Least-squares slope over the days `from .. to` (clipped to the series); 0 with under 2 values. */
  slope(from: number, to: number): number {
    const a = Math.max(0, from - this.firstDay);
    const b = Math.min(this.values.length - 1, to - this.firstDay) + 1;
    if (b - a < 2) return 0;
    const n = (this.n[b] as number) - (this.n[a] as number);
    if (n < 2) return 0;
    const sx = (this.sx[b] as number) - (this.sx[a] as number);
    const sy = (this.sy[b] as number) - (this.sy[a] as number);
    const sxx = (this.sxx[b] as number) - (this.sxx[a] as number);
    const sxy = (this.sxy[b] as number) - (this.sxy[a] as number);
    const denominator = n * sxx - sx * sx;
    return denominator === 0 ? 0 : (n * sxy - sx * sy) / denominator;
  }
}

/** The first day of the run of days, ending on `asOf`, on which the value was at or above the target. */
export function reachedOn(series: DailySeries, asOf: number, target: number): number {
  let day = asOf;
  while (day > series.firstDay && (series.valueOn(day - 1) ?? -Infinity) >= target) day--;
  return day;
}

/**
 * The target's status on `asOf`, by the rule at the top of this file. `reached`: the day the
 * value last reached the target (reachedOn), when the caller keeps it; else it is found here.
 */
export function assess(series: DailySeries, asOf: number, target: number, deadlineDay: number, reached?: number): Assessment {
  const value = series.valueOn(asOf);
  const slopePerDay = series.slope(asOf - TREND_WINDOW_DAYS + 1, asOf);
  const daysLeft = deadlineDay - asOf;
  const base = { value, target, deadlineDay, daysLeft, slopePerDay };
  if (value === null) return { ...base, forecast: null, status: 'no_data' };
  if (value >= target) {
    const day = reached ?? reachedOn(series, asOf, target);
    const forecast = daysLeft < 0 ? null : value + slopePerDay * daysLeft;
    if (day > deadlineDay) return { ...base, forecast, status: 'met_late', daysLate: day - deadlineDay };
    return { ...base, forecast, status: 'met' };
  }
  if (daysLeft < 0) return { ...base, forecast: null, status: 'overdue' };
  const forecast = value + slopePerDay * daysLeft;
  if (forecast >= target) return { ...base, forecast, status: 'on_track' };
  if (value + slopePerDay * (daysLeft + GRACE_DAYS) >= target) return { ...base, forecast, status: 'at_risk' };
  return { ...base, forecast, status: 'behind' };
}

/** The first day of the run of days, ending on `asOf`, on which the status was the same. */
export function statusSince(series: DailySeries, asOf: number, target: number, deadlineDay: number): number {
  const status = assess(series, asOf, target, deadlineDay).status;
  let day = asOf;
  while (day > series.firstDay && assess(series, day - 1, target, deadlineDay).status === status) day--;
  return day;
}
