// Figures of the leadership view, derived from the store's timeline and as-of day: built on
// demand and memoised on the timeline (replaced with the dataset, never mutated).
import { toDay } from '../domain/progress/days.ts';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import { indicatorAt, isPercentMetric } from '../domain/progress/indicators.ts';
import { communeRows, districtRows, provinceRow, targetTracks, type AreaRow, type TargetTrack } from '../domain/progress/snapshot.ts';
import { districtScope, PROVINCE_SCOPE, type Timeline } from '../domain/progress/timeline.ts';
import type { Metric } from '../domain/types.ts';
import type { CoverageResult } from '../domain/coverage/answer.ts';

const tracks = new WeakMap<Timeline, TargetTrack[]>();

/** One track per programme target: daily values and statuses over the data's dates. */
export function programmeTracks(timeline: Timeline, dataset: DatasetView): TargetTrack[] {
  let found = tracks.get(timeline);
  if (!found) {
    found = targetTracks(timeline, dataset.programme);
    tracks.set(timeline, found);
  }
  return found;
}

export interface AreaTable {
  province: AreaRow;
  districts: AreaRow[];
  communes: AreaRow[];
}

export function areaTable(timeline: Timeline, dataset: DatasetView, asOf: string): AreaTable {
  const day = toDay(asOf);
  return {
    province: provinceRow(timeline, dataset.programme, day),
    districts: districtRows(timeline, dataset.programme, day),
    communes: communeRows(timeline, dataset.programme, day),
  };
}

/** The metrics a district choropleth can show: the percentages. */
export const CHOROPLETH_METRICS: readonly Metric[] = [
  'hamlets_good_pct',
  'population_good_pct',
  'schools_good_pct',
  'students_in_need_equipped_pct',
];

export interface ChoroplethValues {
  /** Per district, index-aligned with `dataset.districts`; null where undefined. */
  districts: (number | null)[];
  province: number | null;
}

const pct = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);

/**
 * Coverage percentages come from the worker's answer for the map's own scenario, so the
 * fill always matches the points drawn over it; the equipped share from the timeline.
 */
export function choroplethValues(
  metric: Metric,
  timeline: Timeline | undefined,
  coverage: CoverageResult | undefined,
  districtCount: number,
  asOf: string,
): ChoroplethValues {
  if (!isPercentMetric(metric)) throw new Error(`not a percentage: ${metric}`);
  if (metric === 'students_in_need_equipped_pct') {
    if (!timeline) return { districts: Array<null>(districtCount).fill(null), province: null };
    const day = toDay(asOf);
    return {
      districts: Array.from({ length: districtCount }, (_, k) => indicatorAt(timeline, districtScope(k), metric, day)),
      province: indicatorAt(timeline, PROVINCE_SCOPE, metric, day),
    };
  }
  const figures = coverage?.figures;
  if (!figures) return { districts: Array<null>(districtCount).fill(null), province: null };
  const pick = (a: { hamlets: number; hamlets_good: number; population: number; population_good: number; schools: number; schools_good: number }) =>
    metric === 'hamlets_good_pct'
      ? pct(a.hamlets_good, a.hamlets)
      : metric === 'population_good_pct'
        ? pct(a.population_good, a.population)
        : pct(a.schools_good, a.schools);
  return {
    districts: figures.areas.map(pick),
    province: pick({
      hamlets: figures.hamlets.total,
      hamlets_good: figures.hamlets.good,
      population: figures.hamlets.population,
      population_good: figures.hamlets.population_good,
      schools: figures.schools.total,
      schools_good: figures.schools.good,
    }),
  };
}
