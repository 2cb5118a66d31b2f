// The series a progress chart draws, as plain arrays (uPlot's aligned data), kept apart from
// the drawing so that they can be tested without a canvas.
import { dayToMs, toDay } from '../../domain/progress/days.ts';
import type { TargetCard, TargetTrack } from '../../domain/progress/snapshot.ts';
import { addMonths } from '../../domain/siting/schedule.ts';
import type { ScheduleForecast } from '../../state/siting-forecast.ts';

export interface ChartData {
  /** Seconds since 1970 (uPlot's time scale), one per day of the window. */
  x: number[];
  measured: (number | null)[];
  target: number[];
  /** Null except at the as-of day and the deadline: a straight forecast line. */
  trend: (number | null)[];
  /** The build schedule's forecast: the start, then each month's end; null elsewhere (all null without one). */
  schedule: (number | null)[];
  /** Vertical markers, seconds. */
  asOfX: number;
  deadlineX: number;
  yRange: [number, number];
}

/** The days every chart shows: a year before the first deadline (or the first data day) to the last day. */
export function chartWindow(firstDay: number, lastDay: number, deadlineDays: readonly number[], asOf: number): [number, number] {
  const firstDeadline = deadlineDays.length ? Math.min(...deadlineDays) : firstDay;
  return [Math.min(asOf, Math.max(firstDay, firstDeadline - 365)), Math.max(lastDay, ...deadlineDays)];
}

/** Last day of a YYYY-MM month. */
const monthEnd = (month: string): number => toDay(`${addMonths(month, 1)}-01`) - 1;

/** The days the schedule's line is drawn on, with its values: the start month's first day, then each month's end. */
export function schedulePoints(forecast: ScheduleForecast): [number, number][] {
  return [[toDay(`${forecast.start}-01`), forecast.startPct], ...forecast.months.map((m): [number, number] => [monthEnd(m.month), m.pct])];
}

/** The first schedule month whose end reaches `target`, or null. */
export function scheduleReach(forecast: ScheduleForecast, target: number): string | null {
  if (forecast.startPct >= target) return forecast.start;
  return forecast.months.find((m) => m.pct >= target)?.month ?? null;
}

/** `window` widened to hold the schedule's days. */
export function windowWithSchedule(window: [number, number], forecast: ScheduleForecast | undefined): [number, number] {
  if (!forecast) return window;
  const points = schedulePoints(forecast);
  return [Math.min(window[0], points[0]![0]), Math.max(window[1], points.at(-1)![0])];
}

/** `built`: the build schedule's forecast, drawn only when its metric is the card's. */
export function chartData(track: TargetTrack, card: TargetCard, window: [number, number], percent: boolean, built?: ScheduleForecast): ChartData {
  const [from, to] = window;
  const { value, forecast, deadlineDay, target } = card.assessment;
  const asOf = deadlineDay - card.assessment.daysLeft;
  const x: number[] = [];
  const measured: (number | null)[] = [];
  const trend: (number | null)[] = [];
  for (let day = from; day <= to; day++) {
    x.push(dayToMs(day) / 1000);
    // What was known on the as-of day: nothing after it.
    measured.push(day <= asOf ? track.series.valueOn(day) : null);
    trend.push(null);
  }
  const schedule: (number | null)[] = x.map(() => null);
  if (built && built.metric === card.target.metric) {
    for (const [day, pct] of schedulePoints(built)) if (day >= from && day <= to) schedule[day - from] = pct;
  }
  if (value !== null && forecast !== null && value < target) {
    const a = asOf - from;
    const b = deadlineDay - from;
    if (a >= 0 && a < trend.length && b > a && b < trend.length) {
      trend[a] = value;
      // The line stops where a share would pass 100 %: at the target, which it reaches.
      trend[b] = percent ? Math.min(forecast, 100) : forecast;
    }
  }
  const shown = [...measured, ...trend, ...schedule, target].filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = Math.min(...shown);
  const hi = Math.max(...shown);
  const yRange: [number, number] = percent
    ? [Math.max(0, Math.floor((lo - 1) / 5) * 5), Math.min(100, Math.ceil(hi)) + 1]
    : [0, Math.ceil(hi * 1.08) || 1];
  return {
    x,
    measured,
    target: x.map(() => target),
    trend,
    schedule,
    asOfX: dayToMs(asOf) / 1000,
    deadlineX: dayToMs(deadlineDay) / 1000,
    yRange,
  };
}
