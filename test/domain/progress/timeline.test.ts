// The fixture's timeline, read with indicatorAt on the day before, on and after every dated
// event, in every scope, against the figures worked out by hand in fixture.ts.
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../src/domain/types.ts';
import { fromDay, toDay } from '../../../src/domain/progress/days.ts';
import { indicatorAt, indicatorChangeDays, indicatorDaily } from '../../../src/domain/progress/indicators.ts';
import { valueAt } from '../../../src/domain/progress/steps.ts';
import { levelChanges } from '../../../src/domain/progress/level-changes.ts';
import { buildTimeline, communeScope, districtScope, levelInputs, PROVINCE_SCOPE, TOTAL_KEYS } from '../../../src/domain/progress/timeline.ts';
import { EVENT_DATES, EXPECTED, expectedOn, FIRST_DATE, fixture, LAST_DATE, SCOPES, TOTALS, type ScopeName } from './fixture.ts';

const timeline = buildTimeline(fixture());
const SCOPE_NAMES = Object.keys(SCOPES) as ScopeName[];

/** Each event's eve, day and morrow, and two days far from everything. */
const CHECK_DAYS = [
  toDay('2000-01-01'),
  ...EVENT_DATES.flatMap((iso) => [toDay(iso) - 1, toDay(iso), toDay(iso) + 1]),
  toDay('2030-01-01'),
];

function expectFigure(got: number | null, want: number | null, what: string): void {
  if (want === null) expect(got, what).toBeNull();
  else expect(got, what).toBeCloseTo(want, 10);
}

describe('buildTimeline on the fixture', () => {
  it('has the province, one district and two communes as scopes', () => {
    expect(timeline.districtCount).toBe(1);
    expect(timeline.communeCount).toBe(2);
    expect(timeline.scopeCount).toBe(4);
    expect([PROVINCE_SCOPE, districtScope(0), communeScope(timeline, 0), communeScope(timeline, 1)]).toEqual([
      SCOPES.province,
      SCOPES.district,
      SCOPES.west,
      SCOPES.east,
    ]);
  });

  it('totals: every point counts in the province, inside or outside the district', () => {
    for (const key of TOTAL_KEYS) expect(Array.from(timeline.totals[key]), key).toEqual(TOTALS[key]);
  });

  it('firstDay and lastDay are the earliest and latest dates the data names', () => {
    expect(fromDay(timeline.firstDay)).toBe(FIRST_DATE);
    expect(fromDay(timeline.lastDay)).toBe(LAST_DATE);
  });

  it('students_good: S2 (150, fixed broadband) always, S1 (50) from 2021-09-01', () => {
    const series = timeline.series.students_good[SCOPES.province]!;
    expect(valueAt(series, toDay('2021-08-31'))).toBe(150);
    expect(valueAt(series, toDay('2021-09-01'))).toBe(200);
    expect(valueAt(timeline.series.students_good[SCOPES.west]!, toDay('2030-01-01'))).toBe(0);
  });

  it('H3 goes from weak to none on the upgrade: it never counts as good, so nothing changes for it', () => {
    // West hamlets good: H1 from 03-01, H2 from 06-01 — H3 adds no step of its own.
    expect(Array.from(timeline.series.hamlets_good[SCOPES.west]!.days).map(fromDay)).toEqual(['2021-03-01', '2021-06-01']);
  });
});

describe.each(METRICS)('indicatorAt %s', (metric) => {
  it.each(SCOPE_NAMES)('in the %s scope, on the eve, the day and the morrow of every event', (scope) => {
    const steps = EXPECTED[metric][scope];
    for (const day of CHECK_DAYS) {
      const iso = fromDay(day);
      expectFigure(indicatorAt(timeline, SCOPES[scope], metric, day), expectedOn(steps, iso), `${metric} ${scope} ${iso}`);
    }
  });

  it.each(SCOPE_NAMES)('in the %s scope, changes exactly on the expected days', (scope) => {
    const want = EXPECTED[metric][scope].slice(1).map(([from]) => from);
    expect(Array.from(indicatorChangeDays(timeline, SCOPES[scope], metric)).map(fromDay)).toEqual(want);
  });
});

describe('indicatorDaily', () => {
  it('agrees with indicatorAt day by day, NaN where indicatorAt is null', () => {
    const from = toDay('2021-02-20');
    const to = toDay('2021-09-10');
    for (const metric of METRICS) {
      for (const scope of SCOPE_NAMES) {
        const daily = indicatorDaily(timeline, SCOPES[scope], metric, from, to);
        expect(daily.length).toBe(to - from + 1);
        daily.forEach((v, i) => {
          const at = indicatorAt(timeline, SCOPES[scope], metric, from + i);
          expect(Number.isNaN(v) ? null : v, `${metric} ${scope} ${fromDay(from + i)}`).toBe(at);
        });
      }
    }
  });
});

describe('a timeline from level changes computed elsewhere', () => {
  it('is the same timeline, and refuses changes of another data set', () => {
    const data = fixture();
    const { points, states } = levelInputs(data);
    expect(buildTimeline(data, undefined, levelChanges(points, states))).toEqual(timeline);
    const fewer = levelInputs({ ...data, hamlets: data.hamlets.slice(1) });
    expect(() => buildTimeline(data, undefined, levelChanges(fewer.points, fewer.states))).toThrow(/level changes for \d+ points, not \d+/);
  });
});
