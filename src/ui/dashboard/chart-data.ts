// The series a progress chart draws, as plain arrays (uPlot's aligned data), kept apart from
// the drawing so that they can be tested without a canvas.
import { dayToMs } from '../../domain/progress/days.ts';
import type { TargetCard, TargetTrack } from '../../domain/progress/snapshot.ts';

export interface ChartData {
  /** Seconds since 1970 (uPlot's time scale), one per day of the window. */
  x: number[];
  measured: (number | null)[];
  target: number[];
  /** Null except at the as-of day and the deadline: a straight forecast line. */
  trend: (number | null)[];
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

export function chartData(track: TargetTrack, card: TargetCard, window: [number, number], percent: boolean): ChartData {
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
  if (value !== null && forecast !== null && value < target) {
    const a = asOf - from;
    const b = deadlineDay - from;
    if (a >= 0 && a < trend.length && b > a && b < trend.length) {
      trend[a] = value;
      // The line stops where a share would pass 100 %: at the target, which it reaches.
      trend[b] = percent ? Math.min(forecast, 100) : forecast;
    }
  }
  const shown = [...measured, ...trend, target].filter((v): v is number => v !== null && Number.isFinite(v));
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
    asOfX: dayToMs(asOf) / 1000,
    deadlineX: dayToMs(deadlineDay) / 1000,
    yRange,
  };
}
