// The programme's own period, and a time axis that gives it most of the room. The data's dates
// reach back years before the programme (towers on air since 2004), so a plain slider spent
// nine tenths of its length before 2021 and a card could say "behind since 2004".
import { toDay } from './days.ts';
import type { Programme } from '../types.ts';

/**
 * The day the programme began: `start` in programme.json, else 1 January of the year of its
 * earliest deadline; never before the data's first day.
 */
export function programmeStartDay(programme: Pick<Programme, 'start' | 'targets'> | undefined, firstDay: number): number {
  let start: number | undefined;
  if (programme?.start) start = toDay(programme.start);
  else {
    const years = (programme?.targets ?? []).map((t) => Number(t.deadline.slice(0, 4)));
    if (years.length > 0) start = toDay(`${String(Math.min(...years)).padStart(4, '0')}-01-01`);
  }
  return start === undefined ? firstDay : Math.max(firstDay, start);
}

/** Days per step of the axis before the programme: a month, so older history takes little room. */
export const HISTORY_STEP_DAYS = 30;

/**
 * Positions along the time axis: one per HISTORY_STEP_DAYS before `startDay`, one per day from
 * it to `lastDay`. Whole numbers, so a range input's arrow keys step a day in the programme.
 */
export interface TimeScale {
  positions: number;
  toPosition: (day: number) => number;
  toDay: (position: number) => number;
}

export function timeScale(firstDay: number, startDay: number, lastDay: number): TimeScale {
  const start = Math.min(Math.max(startDay, firstDay), lastDay);
  const historySteps = Math.ceil((start - firstDay) / HISTORY_STEP_DAYS);
  return {
    positions: historySteps + (lastDay - start) + 1,
    toPosition: (day) => {
      const d = Math.min(Math.max(day, firstDay), lastDay);
      if (d >= start) return historySteps + (d - start);
      return historySteps - Math.ceil((start - d) / HISTORY_STEP_DAYS);
    },
    toDay: (position) => {
      const p = Math.min(Math.max(Math.round(position), 0), historySteps + (lastDay - start));
      if (p >= historySteps) return start + (p - historySteps);
      return Math.max(firstDay, start - (historySteps - p) * HISTORY_STEP_DAYS);
    },
  };
}
