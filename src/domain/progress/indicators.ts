// The programme's metrics (contract, programme.json) read off a timeline for one scope.
import type { Metric } from '../types.ts';
import { dailyValues, valueAt } from './steps.ts';
import type { CountKey, Timeline, TotalKey } from './timeline.ts';

interface Definition {
  count: CountKey;
  /** Percentages: 100 · count / total; null when the total is 0. Absent: the count itself. */
  of?: TotalKey;
}

const DEFINITIONS: Record<Metric, Definition> = {
  hamlets_good_pct: { count: 'hamlets_good', of: 'hamlets' },
  population_good_pct: { count: 'population_good', of: 'population' },
  schools_good_pct: { count: 'schools_good', of: 'schools' },
  students_in_need_equipped_pct: { count: 'students_equipped', of: 'students_in_need' },
  computers_delivered: { count: 'computers' },
  data_sims_delivered: { count: 'data_sims' },
};

export const isPercentMetric = (metric: Metric): boolean => DEFINITIONS[metric].of !== undefined;

/** The metrics that exist for a district or a commune (the delivery counts do too). */
export const AREA_PERCENT_METRICS: readonly Metric[] = [
  'hamlets_good_pct',
  'population_good_pct',
  'schools_good_pct',
  'students_in_need_equipped_pct',
];

/** The metric's value on `day`; null for a percentage of nothing. */
export function indicatorAt(timeline: Timeline, scope: number, metric: Metric, day: number): number | null {
  const { count, of } = DEFINITIONS[metric];
  const value = valueAt(timeline.series[count][scope]!, day);
  if (of === undefined) return value;
  const total = timeline.totals[of][scope] as number;
  return total === 0 ? null : (100 * value) / total;
}

/** The metric on each day `from .. to`; NaN where it is undefined. */
export function indicatorDaily(timeline: Timeline, scope: number, metric: Metric, from: number, to: number): Float64Array {
  const { count, of } = DEFINITIONS[metric];
  const values = dailyValues(timeline.series[count][scope]!, from, to);
  if (of === undefined) return values;
  const total = timeline.totals[of][scope] as number;
  for (let i = 0; i < values.length; i++) values[i] = total === 0 ? NaN : (100 * (values[i] as number)) / total;
  return values;
}

/** The days on which the metric changes in this scope (for charts: one point per step). */
export function indicatorChangeDays(timeline: Timeline, scope: number, metric: Metric): Int32Array {
  return timeline.series[DEFINITIONS[metric].count][scope]!.days;
}
