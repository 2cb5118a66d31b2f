// Step series against the plainest reading: a day's value is the initial value plus every
// delta dated on or before it. Deltas are integers so that both sums are exact.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyValues, stepsFromDeltas, valueAt } from '../../../src/domain/progress/steps.ts';
import { dayToMs, fromDay, toDay } from '../../../src/domain/progress/days.ts';

const SEED = 20260502;

interface Change {
  day: number;
  delta: number;
}

function naiveValue(initial: number, changes: readonly Change[], day: number): number {
  let value = initial;
  for (const c of changes) if (c.day <= day) value += c.delta;
  return value;
}

const changeArb = fc.record({ day: fc.integer({ min: -40, max: 40 }), delta: fc.integer({ min: -5, max: 5 }) });
/** Changes, some of them repeated with the opposite sign on the same day so that they cancel. */
const changesArb = fc
  .tuple(fc.array(changeArb, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 5 }))
  .map(([changes, picks]) => {
    const out = [...changes];
    for (const p of picks) {
      const c = changes[p % Math.max(1, changes.length)];
      if (c) out.push({ day: c.day, delta: -c.delta });
    }
    return out;
  });

const build = (initial: number, changes: readonly Change[]) =>
  stepsFromDeltas(
    initial,
    changes.map((c) => c.day),
    changes.map((c) => c.delta),
  );

describe('stepsFromDeltas and valueAt', () => {
  it('valueAt equals the naive running sum on every day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), changesArb, (initial, changes) => {
        const series = build(initial, changes);
        for (let day = -45; day <= 45; day++) expect(valueAt(series, day), `day ${day}`).toBe(naiveValue(initial, changes, day));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('keeps only real changes: days strictly increasing, each value differs from the one before', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), changesArb, (initial, changes) => {
        const series = build(initial, changes);
        expect(series.initial).toBe(initial);
        expect(series.values.length).toBe(series.days.length);
        let previous = initial;
        for (let i = 0; i < series.days.length; i++) {
          if (i > 0) expect(series.days[i]!).toBeGreaterThan(series.days[i - 1]!);
          expect(series.values[i]).not.toBe(previous);
          previous = series.values[i]!;
        }
        // Every day whose net change is not zero is a step.
        const net = new Map<number, number>();
        for (const c of changes) net.set(c.day, (net.get(c.day) ?? 0) + c.delta);
        const changed = [...net].filter(([, d]) => d !== 0).map(([day]) => day);
        expect(Array.from(series.days)).toEqual(changed.sort((a, b) => a - b));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('same-day deltas that cancel leave no step', () => {
    const series = stepsFromDeltas(7, [5, 3, 5, 9], [2, 0, -2, 1]);
    expect(Array.from(series.days)).toEqual([9]);
    expect(Array.from(series.values)).toEqual([8]);
    expect(valueAt(series, 5)).toBe(7);
    expect(valueAt(series, 9)).toBe(8);
  });

  it('with no change the value is the initial one on every day', () => {
    const series = stepsFromDeltas(3, [], []);
    expect(valueAt(series, -1e9)).toBe(3);
    expect(valueAt(series, 1e9)).toBe(3);
    expect(Array.from(dailyValues(series, 0, 2))).toEqual([3, 3, 3]);
  });
});

describe('dailyValues', () => {
  it('equals the naive value on each day of the range, and is empty when from > to', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 100 }),
        changesArb,
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -5, max: 60 }),
        (initial, changes, from, length) => {
          const to = from + length - 1;
          const daily = dailyValues(build(initial, changes), from, to);
          expect(daily.length).toBe(Math.max(0, length));
          daily.forEach((v, i) => expect(v, `day ${from + i}`).toBe(naiveValue(initial, changes, from + i)));
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('days', () => {
  it('fromDay and toDay round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDay('1900-01-01'), max: toDay('2200-12-31') }), (day) => {
        const iso = fromDay(day);
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(toDay(iso)).toBe(day);
        expect(dayToMs(day)).toBe(Date.parse(`${iso}T00:00:00Z`));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('counts days from 1970-01-01 and knows leap years', () => {
    expect(toDay('1970-01-01')).toBe(0);
    expect(toDay('1970-01-02')).toBe(1);
    expect(toDay('1969-12-31')).toBe(-1);
    expect(toDay('2021-03-01') - toDay('2021-02-28')).toBe(1);
    expect(toDay('2020-03-01') - toDay('2020-02-28')).toBe(2);
    expect(fromDay(toDay('2020-02-29'))).toBe('2020-02-29');
  });

  const NOT_DAYS = ['2021-02-30', '2021-02-29', '2021-13-01', '2021-00-10', '2021-04-31', '2021-01-00'];
  const NOT_ISO = ['2021-1-5', '2021-01-5', '21-01-05', '2021-01-05T00:00', ' 2021-01-05', '2021/01/05', ''];
  it.each([...NOT_DAYS, ...NOT_ISO])('rejects %j', (iso) => {
    expect(() => toDay(iso)).toThrow();
  });
});
