// What the leadership view shows for one as-of day: a card per target, a row per area.
import type { Metric, Programme, Target } from '../types.ts';
import { toDay } from './days.ts';
import { AREA_PERCENT_METRICS, indicatorAt, indicatorDaily } from './indicators.ts';
import { assess, DailySeries, STATUSES, statusSince, TREND_WINDOW_DAYS, worstStatus, type Assessment, type Status } from './status.ts';
import { communeScope, districtScope, PROVINCE_SCOPE, type Timeline } from './timeline.ts';

/** The province's daily values of a metric over the timeline's whole date range. */
export function provinceSeries(timeline: Timeline, metric: Metric): DailySeries {
  return new DailySeries(
    indicatorDaily(timeline, PROVINCE_SCOPE, metric, timeline.firstDay, timeline.lastDay),
    timeline.firstDay,
  );
}

export interface TargetCard {
  target: Target;
  assessment: Assessment;
  /** First day of the present status's unbroken run. */
  since: number;
}

/**
 * One target through the timeline's whole range: its daily series and the status of every
 * day, so that any as-of day's card, and since when its status holds, are lookups.
 */
export class TargetTrack {
  readonly series: DailySeries;
  readonly deadlineDay: number;
  private readonly statuses: Uint8Array;
  private readonly runStart: Int32Array;
  /** Per day: the first day of the run at or above the target that holds it, else 0. */
  private readonly reached: Int32Array;

  constructor(
    timeline: Timeline,
    readonly target: Target,
  ) {
    this.series = provinceSeries(timeline, target.metric);
    this.deadlineDay = toDay(target.deadline);
    const n = this.series.values.length;
    this.statuses = new Uint8Array(n);
    this.runStart = new Int32Array(n);
    this.reached = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const day = timeline.firstDay + i;
      const atTarget = (this.series.valueOn(day) ?? -Infinity) >= target.target;
      const previous = i > 0 && (this.series.valueOn(day - 1) ?? -Infinity) >= target.target;
      this.reached[i] = atTarget ? (previous ? (this.reached[i - 1] as number) : day) : 0;
      const status = STATUSES.indexOf(assess(this.series, day, target.target, this.deadlineDay, this.reached[i]).status);
      this.statuses[i] = status;
      this.runStart[i] = i > 0 && this.statuses[i - 1] === status ? (this.runStart[i - 1] as number) : day;
    }
  }

  card(asOf: number): TargetCard {
    const i = asOf - this.series.firstDay;
    const inRange = i >= 0 && i < this.runStart.length;
    const assessment = assess(this.series, asOf, this.target.target, this.deadlineDay, inRange ? (this.reached[i] as number) : undefined);
    // Outside the data's dates (the time control never goes there) the slow walk answers.
    const since = inRange ? (this.runStart[i] as number) : statusSince(this.series, asOf, this.target.target, this.deadlineDay);
    return { target: this.target, assessment, since };
  }
}

export function targetTracks(timeline: Timeline, programme: Programme): TargetTrack[] {
  return programme.targets.map((target) => new TargetTrack(timeline, target));
}

export interface AreaRow {
  /** Index into districts or communes. */
  index: number;
  scope: number;
  hamlets: number;
  population: number;
  schools: number;
  studentsInNeed: number;
  hamletsGoodPct: number | null;
  populationGoodPct: number | null;
  schoolsGoodPct: number | null;
  equippedPct: number | null;
  computers: number;
  /** The worst status of the area against the programme's targets on percentages. */
  status: Status;
}

function areaStatus(timeline: Timeline, scope: number, programme: Programme, asOf: number): Status {
  // The same window as the province's cards: no trend from before the data's first day.
  const from = Math.max(timeline.firstDay, asOf - TREND_WINDOW_DAYS + 1);
  const statuses = programme.targets
    .filter((t) => AREA_PERCENT_METRICS.includes(t.metric))
    .map((t) => {
      const daily = new DailySeries(indicatorDaily(timeline, scope, t.metric, from, asOf), from);
      return assess(daily, asOf, t.target, toDay(t.deadline)).status;
    });
  return worstStatus(statuses);
}

function areaRow(timeline: Timeline, programme: Programme, index: number, scope: number, asOf: number): AreaRow {
  const total = (k: keyof Timeline['totals']) => timeline.totals[k][scope] as number;
  return {
    index,
    scope,
    hamlets: total('hamlets'),
    population: total('population'),
    schools: total('schools'),
    studentsInNeed: total('students_in_need'),
    hamletsGoodPct: indicatorAt(timeline, scope, 'hamlets_good_pct', asOf),
    populationGoodPct: indicatorAt(timeline, scope, 'population_good_pct', asOf),
    schoolsGoodPct: indicatorAt(timeline, scope, 'schools_good_pct', asOf),
    equippedPct: indicatorAt(timeline, scope, 'students_in_need_equipped_pct', asOf),
    computers: indicatorAt(timeline, scope, 'computers_delivered', asOf) ?? 0,
    status: areaStatus(timeline, scope, programme, asOf),
  };
}

export function districtRows(timeline: Timeline, programme: Programme, asOf: number): AreaRow[] {
  return Array.from({ length: timeline.districtCount }, (_, k) => areaRow(timeline, programme, k, districtScope(k), asOf));
}

export function communeRows(timeline: Timeline, programme: Programme, asOf: number): AreaRow[] {
  return Array.from({ length: timeline.communeCount }, (_, k) =>
    areaRow(timeline, programme, k, communeScope(timeline, k), asOf),
  );
}

/** The province's own row, for the table's total line and the choropleth's legend. */
export function provinceRow(timeline: Timeline, programme: Programme, asOf: number): AreaRow {
  return areaRow(timeline, programme, -1, PROVINCE_SCOPE, asOf);
}
