// Target status: the trend (DailySeries.slope) against a naive least squares, the rule of
// assess() case by case, TargetTrack's "since" against the walk-back oracle statusSince, and
// the order in which worstStatus rolls statuses up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Metric } from '../../../src/domain/types.ts';
import { fromDay, toDay } from '../../../src/domain/progress/days.ts';
import { targetTracks, TargetTrack } from '../../../src/domain/progress/snapshot.ts';
import {
  assess,
  DailySeries,
  GRACE_DAYS,
  STATUSES,
  statusSince,
  TREND_WINDOW_DAYS,
  worstStatus,
  type Status,
} from '../../../src/domain/progress/status.ts';
import { stepsFromDeltas } from '../../../src/domain/progress/steps.ts';
import { buildTimeline, COUNT_KEYS, TOTAL_KEYS, type Timeline } from '../../../src/domain/progress/timeline.ts';
import { fixture } from './fixture.ts';

const SEED = 20260503;

/** Least squares the schoolbook way: centred sums over the finite values of `from .. to`. */
function naiveSlope(values: Float64Array, firstDay: number, from: number, to: number): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let day = from; day <= to; day++) {
    const y = values[day - firstDay];
    if (y !== undefined && Number.isFinite(y)) {
      xs.push(day);
      ys.push(y);
    }
  }
  if (xs.length < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
  });
  return sxy / sxx;
}

describe('DailySeries.slope', () => {
  it('equals a naive least-squares slope over any window, skipping NaN gaps', () => {
    const value = fc.oneof(
      fc.double({ min: -1000, max: 1000, noNaN: true }),
      fc.constant(NaN),
      fc.integer({ min: 0, max: 100 }),
    );
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 300 }),
        fc.integer({ min: 18_000, max: 20_000 }),
        fc.integer({ min: -30, max: 330 }),
        fc.integer({ min: -5, max: 120 }),
        (raw, firstDay, start, length) => {
          const values = Float64Array.from(raw);
          const series = new DailySeries(values, firstDay);
          const from = firstDay + start;
          const to = from + length - 1;
          const want = naiveSlope(values, firstDay, from, to);
          const scale = 1 + raw.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0);
          expect(Math.abs(series.slope(from, to) - want)).toBeLessThanOrEqual(1e-7 * scale);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('is exactly 1 on a ramp, 0 on a flat run, and 0 with fewer than two values', () => {
    const ramp = new DailySeries(Float64Array.from({ length: 50 }, (_, i) => 3 * i + 7), 100);
    expect(ramp.slope(100, 149)).toBe(3);
    expect(ramp.slope(90, 110)).toBe(3);
    expect(new DailySeries(new Float64Array(20).fill(42), 0).slope(0, 19)).toBe(0);
    expect(new DailySeries(Float64Array.of(1, NaN, NaN, 9), 0).slope(0, 2)).toBe(0);
    expect(new DailySeries(Float64Array.of(1, 5), 0).slope(1, 1)).toBe(0);
    expect(new DailySeries(Float64Array.of(1, NaN, 5), 0).slope(0, 2)).toBe(2);
  });
});

describe('assess', () => {
  // A ramp: the value is i on day FIRST + i, for 200 days; the slope is exactly 1 per day.
  const FIRST = toDay('2021-01-01');
  const ramp = new DailySeries(Float64Array.from({ length: 200 }, (_, i) => i), FIRST);
  const DEADLINE = FIRST + 100;
  const on = (i: number, target: number, series = ramp, deadline = DEADLINE) => assess(series, FIRST + i, target, deadline);

  it('uses a 90-day trend window and 30 grace days', () => {
    expect(TREND_WINDOW_DAYS).toBe(90);
    expect(GRACE_DAYS).toBe(30);
  });

  it('met: the value has reached the target before the deadline', () => {
    expect(on(50, 40)).toEqual({
      value: 50,
      target: 40,
      deadlineDay: DEADLINE,
      daysLeft: 50,
      slopePerDay: 1,
      forecast: 100,
      status: 'met',
    });
    expect(on(50, 50).status).toBe('met');
  });

  it('on_track: the trend reaches the target by the deadline (50 + 1·50 = 100)', () => {
    expect(on(50, 100)).toMatchObject({ forecast: 100, status: 'on_track' });
    expect(on(50, 99).status).toBe('on_track');
  });

  it('at_risk: the trend reaches the target only within the grace days after the deadline', () => {
    expect(on(50, 101)).toMatchObject({ forecast: 100, status: 'at_risk' });
    expect(on(50, 50 + 50 + GRACE_DAYS).status).toBe('at_risk');
  });

  it('behind: not even within the grace days', () => {
    expect(on(50, 50 + 50 + GRACE_DAYS + 1).status).toBe('behind');
    // Steep long ago, flat over the last 90 days: the trend is 0, so behind.
    const stalled = new DailySeries(Float64Array.from({ length: 200 }, (_, i) => Math.min(i, 50)), FIRST);
    expect(on(150, 60, stalled, FIRST + 190)).toMatchObject({ value: 50, slopePerDay: 0, forecast: 50, status: 'behind' });
  });

  it('the deadline day itself is before the deadline: daysLeft 0, never overdue', () => {
    expect(on(100, 120)).toMatchObject({ daysLeft: 0, forecast: 100, status: 'at_risk' });
    expect(on(100, 100 + GRACE_DAYS + 1)).toMatchObject({ daysLeft: 0, status: 'behind' });
    expect(on(100, 100)).toMatchObject({ daysLeft: 0, status: 'met' });
  });

  it('overdue: after the deadline, unmet; met late when reached after the deadline', () => {
    expect(on(101, 120)).toMatchObject({ value: 101, daysLeft: -1, forecast: null, status: 'overdue' });
    expect(on(199, 200).status).toBe('overdue');
    // The ramp reaches 101 on day 101, a day after the deadline (day 100).
    expect(on(101, 101)).toMatchObject({ daysLeft: -1, forecast: null, status: 'met_late', daysLate: 1 });
    expect(on(150, 120)).toMatchObject({ status: 'met_late', daysLate: 20 });
    // Reached by the deadline, it stays plainly met afterwards.
    expect(on(150, 100)).toMatchObject({ status: 'met' });
    expect(on(150, 100).daysLate).toBeUndefined();
  });

  it('met late counts from the last time the value reached the target', () => {
    // Met on day 5, fell below on day 10, met again on day 20; deadline day 15.
    const values = Float64Array.from({ length: 30 }, (_, i) => (i >= 5 && i < 10) || i >= 20 ? 10 : 0);
    const series = new DailySeries(values, FIRST);
    expect(assess(series, FIRST + 7, 10, FIRST + 15).status).toBe('met');
    expect(assess(series, FIRST + 12, 10, FIRST + 15).status).toBe('behind');
    expect(assess(series, FIRST + 25, 10, FIRST + 15)).toMatchObject({ status: 'met_late', daysLate: 5 });
  });

  it('no_data: outside the series, or where the value is undefined (NaN)', () => {
    expect(on(-1, 10)).toMatchObject({ value: null, forecast: null, status: 'no_data' });
    expect(on(200, 10)).toMatchObject({ value: null, forecast: null, status: 'no_data' });
    const gap = new DailySeries(Float64Array.of(1, 2, NaN, 4), FIRST);
    expect(assess(gap, FIRST + 2, 3, FIRST + 10).status).toBe('no_data');
    expect(assess(gap, FIRST + 3, 3, FIRST + 10).status).toBe('met');
  });
});

describe('TargetTrack on the fixture', () => {
  const dataset = fixture();
  const timeline = buildTimeline(dataset);
  const tracks = targetTracks(timeline, dataset.programme);
  const track = (id: string) => tracks.find((t) => t.target.id === id)!;
  const card = (id: string, iso: string) => {
    const c = track(id).card(toDay(iso));
    return { status: c.assessment.status, since: fromDay(c.since) };
  };

  it('one track per target, over firstDay .. lastDay', () => {
    expect(tracks.map((t) => t.target.id)).toEqual(dataset.programme.targets.map((t) => t.id));
    for (const t of tracks) {
      expect(t.series.firstDay).toBe(timeline.firstDay);
      expect(t.series.lastDay).toBe(timeline.lastDay);
    }
  });

  it('hand-checked cards', () => {
    // 60 % of hamlets good from 2021-06-01 (target 60 by 2021-12-31), and it stays met after the deadline.
    expect(card('TG-HAM', '2021-05-31').status).not.toBe('met');
    expect(card('TG-HAM', '2021-06-01')).toEqual({ status: 'met', since: '2021-06-01' });
    expect(card('TG-HAM', '2022-01-15')).toEqual({ status: 'met', since: '2021-06-01' });
    // 5 data SIMs of 10 by 2021-06-30: overdue from the day after the deadline.
    expect(card('TG-SIM', '2021-06-30').status).not.toBe('overdue');
    expect(card('TG-SIM', '2021-08-01')).toEqual({ status: 'overdue', since: '2021-07-01' });
    // 17 computers of 20 by 2021-12-31.
    expect(card('TG-CMP', '2022-03-01')).toEqual({ status: 'overdue', since: '2022-01-01' });
    // Every school good from 2021-09-01; every student in need equipped from 2021-05-01.
    expect(card('TG-SCH', '2021-09-15')).toEqual({ status: 'met', since: '2021-09-01' });
    expect(card('TG-EQP', '2021-12-01')).toEqual({ status: 'met', since: '2021-05-01' });
    // Before the data's first day there is nothing to assess.
    expect(card('TG-POP', '2021-02-15')).toEqual({ status: 'no_data', since: '2021-02-15' });
  });

  it('card(day).since equals statusSince on every day of the range and before it', () => {
    for (const t of tracks) {
      for (let day = timeline.firstDay - 10; day <= timeline.lastDay; day++) {
        const want = statusSince(t.series, day, t.target.target, t.deadlineDay);
        expect(t.card(day).since, `${t.target.id} on ${fromDay(day)}`).toBe(want);
      }
    }
  });
});

/** A timeline of one scope (the province) whose only moving figure is `count`. */
function oneSeriesTimeline(
  count: 'hamlets_good' | 'computers',
  total: number,
  steps: { initial: number; days: number[]; deltas: number[] },
  firstDay: number,
  lastDay: number,
): Timeline {
  const series = Object.fromEntries(COUNT_KEYS.map((k) => [k, [stepsFromDeltas(0, [], [])]])) as Timeline['series'];
  series[count] = [stepsFromDeltas(steps.initial, steps.days, steps.deltas)];
  const totals = Object.fromEntries(TOTAL_KEYS.map((k) => [k, Float64Array.of(0)])) as Timeline['totals'];
  totals.hamlets = Float64Array.of(total);
  return { districtCount: 0, communeCount: 0, scopeCount: 1, totals, series, firstDay, lastDay };
}

describe('TargetTrack on random series', () => {
  it('card(day).since equals statusSince', () => {
    const FIRST = toDay('2021-01-01');
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 10 }),
        fc.array(fc.tuple(fc.integer({ min: -20, max: 320 }), fc.integer({ min: -2, max: 4 })), { maxLength: 25 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: -40, max: 340 }),
        fc.integer({ min: 0, max: 120 }),
        fc.array(fc.integer({ min: -20, max: 300 }), { minLength: 1, maxLength: 20 }),
        (percent, total, initial, changes, length, deadlineAt, targetValue, picks) => {
          const metric: Metric = percent ? 'hamlets_good_pct' : 'computers_delivered';
          const timeline = oneSeriesTimeline(
            percent ? 'hamlets_good' : 'computers',
            total,
            { initial, days: changes.map(([d]) => FIRST + d), deltas: changes.map(([, delta]) => delta) },
            FIRST,
            FIRST + length,
          );
          const deadline = fromDay(FIRST + deadlineAt);
          const track = new TargetTrack(timeline, { id: 'T', metric, target: targetValue, deadline, labelVi: 'T', labelEn: 'T' });
          const deadlineDays = [deadlineAt - 1, deadlineAt, deadlineAt + 1];
          const days = [0, length, ...deadlineDays, ...picks].map((d) => FIRST + d);
          // Up to the last day only: past it card() answers since = asOf, statusSince lastDay + 1.
          for (const day of days.filter((d) => d <= FIRST + length)) {
            expect(track.card(day).since, fromDay(day)).toBe(statusSince(track.series, day, targetValue, track.deadlineDay));
            // The track's kept "reached" day gives what the slow walk gives.
            expect(track.card(day).assessment, fromDay(day)).toEqual(assess(track.series, day, targetValue, track.deadlineDay));
          }
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('worstStatus', () => {
  const WORST_LAST: Status[] = ['no_data', 'met', 'on_track', 'met_late', 'at_risk', 'behind', 'overdue'];

  it('overdue > behind > at_risk > met_late > on_track > met > no_data, for every pair in either order', () => {
    expect([...STATUSES].sort()).toEqual([...WORST_LAST].sort());
    for (const a of WORST_LAST) {
      for (const b of WORST_LAST) {
        const want = WORST_LAST.indexOf(a) >= WORST_LAST.indexOf(b) ? a : b;
        expect(worstStatus([a, b]), `${a}, ${b}`).toBe(want);
      }
    }
  });

  it('no statuses at all roll up to no_data; one status to itself', () => {
    expect(worstStatus([])).toBe('no_data');
    for (const s of WORST_LAST) expect(worstStatus([s])).toBe(s);
    expect(worstStatus(['met', 'at_risk', 'on_track', 'met'])).toBe('at_risk');
  });
});
