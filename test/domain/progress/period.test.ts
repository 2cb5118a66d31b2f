import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDay } from '../../../src/domain/progress/days.ts';
import { HISTORY_STEP_DAYS, programmeStartDay, timeScale } from '../../../src/domain/progress/period.ts';

const target = (deadline: string) => ({ id: deadline, metric: 'hamlets_good_pct' as const, target: 100, deadline, labelVi: '', labelEn: '' });

describe('programmeStartDay', () => {
  const first = toDay('2004-03-23');
  it('takes programme.json start, else 1 January of the first deadline year, never before the data', () => {
    expect(programmeStartDay({ start: '2021-06-01', targets: [] }, first)).toBe(toDay('2021-06-01'));
    expect(programmeStartDay({ targets: [target('2021-12-31'), target('2021-10-15'), target('2022-09-05')] }, first)).toBe(toDay('2021-01-01'));
    expect(programmeStartDay({ targets: [target('2021-10-15')] }, toDay('2021-05-01'))).toBe(toDay('2021-05-01'));
    expect(programmeStartDay(undefined, first)).toBe(first);
  });
});

describe('timeScale', () => {
  it('gives the programme one position a day and older history one a month', () => {
    const s = timeScale(toDay('2004-03-23'), toDay('2021-01-01'), toDay('2022-12-14'));
    const programmeDays = toDay('2022-12-14') - toDay('2021-01-01') + 1;
    expect(s.positions).toBe(Math.ceil((toDay('2021-01-01') - toDay('2004-03-23')) / HISTORY_STEP_DAYS) + programmeDays);
    // The programme's two years take most of the axis, not a tenth of it.
    expect(programmeDays / s.positions).toBeGreaterThan(0.7);
    expect(s.toDay(s.toPosition(toDay('2021-10-15')))).toBe(toDay('2021-10-15'));
    expect(s.toDay(0)).toBe(toDay('2004-03-23'));
    expect(s.toDay(s.positions - 1)).toBe(toDay('2022-12-14'));
  });

  it('maps every position to a day and back, monotonic, every programme day reachable', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 800 }), (first, startAfter, span) => {
        const firstDay = 10_000 + first;
        const startDay = firstDay + startAfter;
        const lastDay = startDay + span;
        const s = timeScale(firstDay, startDay, lastDay);
        let previous = -Infinity;
        for (let p = 0; p < s.positions; p++) {
          const day = s.toDay(p);
          expect(day).toBeGreaterThan(previous);
          expect(day).toBeGreaterThanOrEqual(firstDay);
          expect(day).toBeLessThanOrEqual(lastDay);
          expect(s.toPosition(day)).toBe(p);
          previous = day;
        }
        for (let day = startDay; day <= lastDay; day++) expect(s.toDay(s.toPosition(day))).toBe(day);
        // Any day before the programme lands on a nearby position, never past the start.
        for (let day = firstDay; day < startDay; day += 7) expect(Math.abs(s.toDay(s.toPosition(day)) - day)).toBeLessThan(HISTORY_STEP_DAYS);
      }),
      { numRuns: 60 },
    );
  });
});
