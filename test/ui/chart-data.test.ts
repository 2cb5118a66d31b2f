// The series a target's chart draws, on the hand-made fixture: what was measured up to the
// as-of day and nothing after, a two-point trend to the deadline only while the target is
// unmet and the deadline ahead, and a y range that holds what is drawn.
import { describe, expect, it } from 'vitest';
import { isPercentMetric } from '../../src/domain/progress/indicators.ts';
import { dayToMs, toDay } from '../../src/domain/progress/days.ts';
import { targetTracks, type TargetTrack } from '../../src/domain/progress/snapshot.ts';
import { buildTimeline } from '../../src/domain/progress/timeline.ts';
import { chartData, chartWindow, scheduleReach, windowWithSchedule } from '../../src/ui/dashboard/chart-data.ts';
import type { ScheduleForecast } from '../../src/state/siting-forecast.ts';
import { FIRST_DATE, fixture, LAST_DATE } from '../domain/progress/fixture.ts';

const dataset = fixture();
const timeline = buildTimeline(dataset);
const tracks = targetTracks(timeline, dataset.programme);
const FIRST = toDay(FIRST_DATE);
const LAST = toDay(LAST_DATE);
const deadlines = tracks.map((t) => t.deadlineDay);

function track(id: string): TargetTrack {
  const found = tracks.find((t) => t.target.id === id);
  if (!found) throw new Error(`no target ${id}`);
  return found;
}

/** The chart of a target on an as-of day, in the window the cards use. */
function chartOn(id: string, asOfIso: string) {
  const t = track(id);
  const asOf = toDay(asOfIso);
  const card = t.card(asOf);
  const window = chartWindow(timeline.firstDay, timeline.lastDay, deadlines, asOf);
  return { t, card, asOf, window, data: chartData(t, card, window, isPercentMetric(t.target.metric)) };
}

/** Indices of the non-null entries. */
const present = (values: readonly (number | null)[]) => values.flatMap((v, i) => (v === null ? [] : [i]));

describe('chartWindow', () => {
  it('runs from a year before the first deadline, no earlier than the first data day, to the last day', () => {
    expect(timeline.firstDay).toBe(FIRST);
    expect(timeline.lastDay).toBe(LAST);
    // The first deadline (2021-06-30) less a year is before the data: the window starts with it.
    expect(chartWindow(FIRST, LAST, deadlines, toDay('2021-10-15'))).toEqual([FIRST, LAST]);
    // A deadline far from the data's start: a year before it.
    const late = toDay('2023-06-30');
    expect(chartWindow(FIRST, LAST, [late], toDay('2022-12-01'))).toEqual([late - 365, late]);
  });

  it('always holds the as-of day and every deadline', () => {
    const early = toDay('2020-12-01');
    expect(chartWindow(FIRST, LAST, deadlines, early)).toEqual([early, LAST]);
    expect(chartWindow(FIRST, LAST, [...deadlines, toDay('2023-01-31')], LAST)).toEqual([FIRST, toDay('2023-01-31')]);
    expect(chartWindow(FIRST, LAST, [], toDay('2021-10-15'))).toEqual([FIRST, LAST]);
  });
});

describe('chartData', () => {
  it('has one x per day of the window, in seconds, and the target on each', () => {
    const { data, window, t } = chartOn('TG-HAM', '2021-04-15');
    const [from, to] = window;
    expect(data.x).toHaveLength(to - from + 1);
    expect(data.x[0]).toBe(dayToMs(from) / 1000);
    expect(data.x.at(-1)).toBe(dayToMs(to) / 1000);
    expect(data.x[1]! - data.x[0]!).toBe(86_400);
    expect(data.measured).toHaveLength(data.x.length);
    expect(data.trend).toHaveLength(data.x.length);
    expect(data.target).toEqual(data.x.map(() => 60));
    expect(data.asOfX).toBe(dayToMs(toDay('2021-04-15')) / 1000);
    expect(data.deadlineX).toBe(dayToMs(t.deadlineDay) / 1000);
  });

  it("shows the track's values up to the as-of day and nothing after it", () => {
    const { data, window, asOf, t } = chartOn('TG-HAM', '2021-07-10');
    const [from] = window;
    data.measured.forEach((v, i) => {
      const day = from + i;
      if (day <= asOf) expect(v, `day ${day}`).toBe(t.series.valueOn(day));
      else expect(v, `day ${day}`).toBeNull();
    });
    // The fixture's steps: 40 % from the first day, 60 % from 2021-06-01.
    expect(data.measured[toDay('2021-05-31') - from]).toBe(40);
    expect(data.measured[toDay('2021-06-01') - from]).toBe(60);
    expect(data.measured[asOf - from]).toBe(60);
    expect(data.measured[asOf + 1 - from]).toBeNull();
  });

  it('draws the trend from the value on the as-of day to the forecast on the deadline when unmet and ahead', () => {
    // Computers on 2021-04-15: 4 delivered of 20, on track, the deadline 260 days ahead.
    const { data, card, window, asOf, t } = chartOn('TG-CMP', '2021-04-15');
    expect(card.assessment.status).toBe('on_track');
    const a = asOf - window[0];
    const b = t.deadlineDay - window[0];
    expect(present(data.trend)).toEqual([a, b]);
    expect(data.trend[a]).toBe(4);
    expect(data.trend[b]).toBe(card.assessment.forecast);
    expect(data.trend[b]).toBeGreaterThan(20);

    // Hamlets on the same day: behind at a flat 40 %, the forecast 40 % too.
    const hamlets = chartOn('TG-HAM', '2021-04-15');
    expect(hamlets.card.assessment.status).toBe('behind');
    expect(present(hamlets.data.trend)).toEqual([asOf - hamlets.window[0], hamlets.t.deadlineDay - hamlets.window[0]]);
    expect(hamlets.data.trend.filter((v) => v !== null)).toEqual([40, 40]);
  });

  it('draws no trend once the target is met, even before the deadline', () => {
    const { data, card } = chartOn('TG-HAM', '2021-06-15');
    expect(card.assessment.status).toBe('met');
    expect(card.assessment.daysLeft).toBeGreaterThan(0);
    expect(card.assessment.forecast).not.toBeNull();
    expect(present(data.trend)).toEqual([]);
  });

  it('draws no trend once the deadline has passed, met or not, nor on the deadline itself', () => {
    const overdue = chartOn('TG-SIM', '2021-08-15');
    expect(overdue.card.assessment.status).toBe('overdue');
    expect(present(overdue.data.trend)).toEqual([]);
    const metLate = chartOn('TG-EQP', '2021-08-15');
    expect(metLate.card.assessment.status).toBe('met');
    expect(present(metLate.data.trend)).toEqual([]);
    // Computers on their deadline: 17 of 20, no days left, nothing to draw a line over.
    const dueToday = chartOn('TG-CMP', '2021-12-31');
    expect(dueToday.card.assessment.daysLeft).toBe(0);
    expect(dueToday.card.assessment.value).toBe(17);
    expect(present(dueToday.data.trend)).toEqual([]);
  });

  it('fits the y range to the values: percentages in [0, 101], counts from 0', () => {
    expect(chartOn('TG-HAM', '2021-04-15').data.yRange).toEqual([35, 61]);
    // The equipped share's forecast (127 %) is past 100: the range stops at 101.
    const equipped = chartOn('TG-EQP', '2021-04-15');
    expect(equipped.card.assessment.forecast).toBeGreaterThan(100);
    expect(equipped.data.yRange).toEqual([0, 101]);
    // Counts: 8 % headroom over the highest value shown (here the trend's 33.8).
    const computers = chartOn('TG-CMP', '2021-04-15');
    expect(computers.data.yRange).toEqual([0, Math.ceil(computers.card.assessment.forecast! * 1.08)]);
    expect(chartOn('TG-SIM', '2021-03-01').data.yRange).toEqual([0, 11]);
  });

  it('keeps its rules on every week of the data, for every target', () => {
    for (let asOf = FIRST; asOf <= LAST; asOf += 7) {
      const window = chartWindow(timeline.firstDay, timeline.lastDay, deadlines, asOf);
      const [from] = window;
      for (const t of tracks) {
        const card = t.card(asOf);
        const percent = isPercentMetric(t.target.metric);
        const data = chartData(t, card, window, percent);
        const what = `${t.target.id} on day ${asOf}`;
        expect(data.measured, what).toEqual(data.x.map((_, i) => (from + i <= asOf ? t.series.valueOn(from + i) : null)));
        const { value, forecast, status, daysLeft } = card.assessment;
        const trendShown = value !== null && forecast !== null && value < t.target.target && daysLeft > 0;
        if (status === 'met' || status === 'overdue' || status === 'no_data') expect(trendShown, what).toBe(false);
        expect(present(data.trend), what).toEqual(trendShown ? [asOf - from, t.deadlineDay - from] : []);
        const [lo, hi] = data.yRange;
        expect(lo, what).toBeLessThan(hi);
        const drawn = [...data.measured, t.target.target, ...data.trend].filter((v): v is number => v !== null);
        expect(Math.min(...drawn), what).toBeGreaterThanOrEqual(lo);
        // A percentage's trend may run past 100 %: the chart stops at 101.
        const top = Math.max(...drawn.filter((v) => !percent || v <= 100));
        expect(top, what).toBeLessThanOrEqual(hi);
        if (percent) {
          expect(lo, what).toBeGreaterThanOrEqual(0);
          expect(hi, what).toBeLessThanOrEqual(101);
        } else {
          expect(lo, what).toBe(0);
        }
      }
    }
  });
});

describe('the build schedule forecast (issue 18 item 4)', () => {
  const forecast: ScheduleForecast = {
    metric: 'hamlets_good_pct',
    start: '2021-05',
    startPct: 80,
    months: [
      { month: '2021-05', pct: 85 },
      { month: '2021-06', pct: 92 },
      { month: '2021-07', pct: 100 },
    ],
  };

  it("is drawn on its metric's card: the start month's first day, then each month's last day", () => {
    const t = track('TG-HAM');
    const asOf = toDay('2021-04-15');
    const card = t.card(asOf);
    const window = windowWithSchedule(chartWindow(timeline.firstDay, timeline.lastDay, deadlines, asOf), forecast);
    const data = chartData(t, card, window, true, forecast);
    const days = present(data.schedule).map((i) => window[0] + i);
    expect(days).toEqual(['2021-05-01', '2021-05-31', '2021-06-30', '2021-07-31'].map(toDay));
    expect(present(data.schedule).map((i) => data.schedule[i])).toEqual([80, 85, 92, 100]);
    expect(data.x[present(data.schedule)[0]!]).toBe(dayToMs(toDay('2021-05-01')) / 1000);
  });

  it("is not drawn on another metric's card, nor without a schedule", () => {
    const t = track('TG-CMP');
    const asOf = toDay('2021-04-15');
    const window = chartWindow(timeline.firstDay, timeline.lastDay, deadlines, asOf);
    expect(present(chartData(t, t.card(asOf), window, false, forecast).schedule)).toEqual([]);
    const ham = track('TG-HAM');
    expect(present(chartData(ham, ham.card(asOf), window, true).schedule)).toEqual([]);
  });

  it('says the first month whose end reaches the target, or none', () => {
    expect(scheduleReach(forecast, 90)).toBe('2021-06');
    expect(scheduleReach(forecast, 100)).toBe('2021-07');
    expect(scheduleReach(forecast, 75)).toBe('2021-05');
    expect(scheduleReach({ ...forecast, months: forecast.months.slice(0, 2) }, 95)).toBeNull();
  });

  it('widens the window to hold the whole schedule', () => {
    expect(windowWithSchedule([toDay('2021-06-01'), toDay('2021-06-30')], forecast)).toEqual([toDay('2021-05-01'), toDay('2021-07-31')]);
    expect(windowWithSchedule([1, 2], undefined)).toEqual([1, 2]);
  });
});
