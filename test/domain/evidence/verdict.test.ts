import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointColumns } from '../../../src/domain/coverage/columns.ts';
import { measuredRecords, measureScenario } from '../../../src/domain/evidence/measured.ts';
import { selectTests, scenarioDay, testColumns, dayOf } from '../../../src/domain/evidence/tests.ts';
import {
  agreementOf,
  agreements,
  AGREEMENT_NAMES,
  medianOf,
  MEASURED_GOOD,
  MEASURED_POOR,
  UNVERIFIED,
} from '../../../src/domain/evidence/verdict.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK } from '../../../src/domain/coverage/columns.ts';
import type { Hamlet, Measurement } from '../../../src/domain/types.ts';
import { daysBefore, KM_PER_DEGREE, oracleMeasured, type OracleParams } from './oracle.ts';

const LON = 105;
const LAT = 9;
const hamlet = (i: number, lon: number, lat: number): Hamlet => ({ id: `h${i}`, name: `h${i}`, lon, lat, population: 1, gridPower: true, synthetic: true });
const test = (date: string, lon: number, lat: number, downloadMbps: number, operator = 'A'): Measurement => ({ date, lon, lat, operator, downloadMbps });
const PARAMS: OracleParams = { radiusM: 500, minTests: 3, goodMbps: 10, windowDays: 365 };

function fast(hamlets: Hamlet[], tests: Measurement[], scenario: string, params: OracleParams, operator?: string) {
  return measuredRecords(measureScenario(pointColumns(hamlets, []), tests, scenario, params, operator));
}

describe('medianOf', () => {
  it('is the middle value for an odd count and the mean of the two middle values for an even one', () => {
    expect(medianOf(Float64Array.of(5, 1, 3), 3)).toBe(3);
    expect(medianOf(Float64Array.of(8, 30, 12.5, 3), 4)).toBe(10.25);
    expect(medianOf(Float64Array.of(7), 1)).toBe(7);
    expect(medianOf(new Float64Array(0), 0)).toBeNaN();
    // Numeric order, not text order: 100 after 9.
    expect(medianOf(Float64Array.of(100, 9, 20), 3)).toBe(20);
  });
});

describe('the window (contract rule 10)', () => {
  it('counts D − window_days < date ≤ D, with D the latest test date for current and planned', () => {
    const tests = testColumns([
      test('2024-01-01', LON, LAT, 1),
      test('2024-01-02', LON, LAT, 1),
      test('2024-12-31', LON, LAT, 1),
      test('2024-12-30', LON, LAT, 1, 'B'),
    ]);
    expect(scenarioDay(tests, 'current')).toBe(dayOf('2024-12-31'));
    expect(scenarioDay(tests, 'planned')).toBe(dayOf('2024-12-31'));
    // 2024 is a leap year: 2024-12-31 − 365 days = 2024-01-01, excluded; 2024-01-02 included.
    expect(Array.from(selectTests(tests, { endDay: dayOf('2024-12-31'), windowDays: 365 }))).toEqual([1, 2, 3]);
    expect(Array.from(selectTests(tests, { endDay: dayOf('2024-12-30'), windowDays: 365 }))).toEqual([0, 1, 3]);
    expect(Array.from(selectTests(tests, { endDay: dayOf('2024-12-31'), windowDays: 365, operator: 'B' }))).toEqual([3]);
    expect(Array.from(selectTests(tests, { endDay: dayOf('2024-12-31'), windowDays: 1 }))).toEqual([2]);
    expect(Array.from(selectTests(tests, { endDay: dayOf('2024-12-31'), windowDays: 365, operator: 'Z' }))).toEqual([]);
    expect(scenarioDay(testColumns([]), 'current')).toBeUndefined();
  });

  it('a dated scenario ends the window on that date, tests after it never count', () => {
    const hamlets = [hamlet(0, LON, LAT)];
    const tests = [test('2024-03-01', LON, LAT, 20), test('2024-03-02', LON, LAT, 20), test('2024-03-03', LON, LAT, 1)];
    expect(fast(hamlets, tests, '2024-03-02', PARAMS)[0]).toEqual({ tests: 2, median_mbps: 20, verdict: 'unverified' });
    expect(fast(hamlets, tests, 'current', PARAMS)[0]).toEqual({ tests: 3, median_mbps: 20, verdict: 'measured_good' });
    expect(fast(hamlets, tests, '2024-03-03', { ...PARAMS, windowDays: 1 })[0]).toEqual({ tests: 1, median_mbps: 1, verdict: 'unverified' });
  });
});

describe('the radius (haversine, inclusive)', () => {
  it('counts a test 3 mm inside radius_m and not one 3 mm outside, along a meridian and a parallel', () => {
    const at = (m: number) => LAT + m / 1000 / KM_PER_DEGREE;
    const hamlets = [hamlet(0, LON, LAT)];
    const inside = [at(499.997), at(499.997), at(499.997)].map((lat) => test('2024-01-01', LON, lat, 12));
    const outside = [at(500.003), at(500.003)].map((lat) => test('2024-01-01', LON, lat, 1));
    expect(fast(hamlets, [...inside, ...outside], 'current', PARAMS)[0]).toEqual({ tests: 3, median_mbps: 12, verdict: 'measured_good' });
    // East: a degree of longitude is cos(lat) shorter.
    const east = (m: number) => LON + m / 1000 / (KM_PER_DEGREE * Math.cos((LAT * Math.PI) / 180));
    const tests = [east(499.99), east(500.01)].map((lon) => test('2024-01-01', lon, LAT, 5));
    expect(fast(hamlets, tests, 'current', PARAMS)[0]?.tests).toBe(1);
  });

  it('with radius_m 0 counts only tests at the very point', () => {
    const hamlets = [hamlet(0, LON, LAT)];
    const tests = [test('2024-01-01', LON, LAT, 5), test('2024-01-01', LON, LAT + 1e-9, 5)];
    expect(fast(hamlets, tests, 'current', { ...PARAMS, radiusM: 0, minTests: 1 })[0]).toEqual({ tests: 1, median_mbps: 5, verdict: 'measured_poor' });
  });

  it('gives every point without tests null and unverified, also with no test in the window at all', () => {
    expect(fast([hamlet(0, LON, LAT)], [], 'current', PARAMS)).toEqual([{ tests: 0, median_mbps: null, verdict: 'unverified' }]);
  });
});

// Random points and tests in a 2 km square, plus tests placed a few millimetres either side
// of radius_m and on either side of the window's start: the fast path must answer exactly as
// the oracle (every point against every test).
const DAYS = ['2024-02-26', '2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02', '2024-03-03'];
const arbitraryCase = fc.record({
  points: fc.array(fc.record({ x: fc.double({ min: 0, max: 0.02, noNaN: true }), y: fc.double({ min: 0, max: 0.02, noNaN: true }) }), { maxLength: 25 }),
  tests: fc.array(
    fc.record({
      x: fc.double({ min: 0, max: 0.02, noNaN: true }),
      y: fc.double({ min: 0, max: 0.02, noNaN: true }),
      day: fc.constantFrom(...DAYS),
      mbps: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 40, noNaN: true })),
      operator: fc.constantFrom('A', 'B', 'Á'),
    }),
    { maxLength: 80 },
  ),
  edges: fc.array(
    fc.record({ point: fc.nat(), mm: fc.constantFrom(-3, -1, 1, 3), bearing: fc.constantFrom('n', 's', 'e', 'w'), day: fc.constantFrom(...DAYS), mbps: fc.integer({ min: 0, max: 20 }) }),
    { maxLength: 20 },
  ),
  radiusM: fc.constantFrom(0, 150, 500, 1000),
  minTests: fc.integer({ min: 1, max: 4 }),
  goodMbps: fc.constantFrom(5, 10, 10.5),
  windowDays: fc.integer({ min: 1, max: 5 }),
  scenario: fc.constantFrom('current', 'planned', ...DAYS, '2025-01-01'),
  operator: fc.option(fc.constantFrom('A', 'B', 'Z'), { nil: undefined }),
});

describe('measured, against the oracle', () => {
  it('matches every point against every test, at radius and window edges, odd and even counts', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const hamlets = c.points.map((p, i) => hamlet(i, LON + p.x, LAT + p.y));
        const tests = c.tests.map((t) => test(t.day, LON + t.x, LAT + t.y, t.mbps, t.operator));
        if (hamlets.length > 0) {
          for (const e of c.edges) {
            const p = hamlets[e.point % hamlets.length] as Hamlet;
            const km = (c.radiusM + e.mm / 1000) / 1000;
            if (km < 0) continue;
            const dLat = km / KM_PER_DEGREE;
            const dLon = dLat / Math.cos((p.lat * Math.PI) / 180);
            const [lon, lat] = { n: [p.lon, p.lat + dLat], s: [p.lon, p.lat - dLat], e: [p.lon + dLon, p.lat], w: [p.lon - dLon, p.lat] }[e.bearing] as [number, number];
            tests.push(test(e.day, lon, lat, e.mbps, 'A'));
          }
        }
        const params = { radiusM: c.radiusM, minTests: c.minTests, goodMbps: c.goodMbps, windowDays: c.windowDays };
        expect(fast(hamlets, tests, c.scenario, params, c.operator)).toEqual(oracleMeasured(hamlets, tests, c.scenario, params, c.operator));
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('the window ending on 2024-03-01 starts after 2024-02-26 with 4 days (leap February)', () => {
    expect(daysBefore('2024-03-01', 4)).toBe('2024-02-26');
  });
});

describe('agreement with the modelled level', () => {
  it('confirmed, contradicted (modelled good, measured poor), understated (modelled not good, measured good)', () => {
    const name = (levelGood: boolean, verdict: number) => AGREEMENT_NAMES[agreementOf(levelGood, verdict)];
    expect(name(true, MEASURED_GOOD)).toBe('confirmed');
    expect(name(false, MEASURED_POOR)).toBe('confirmed');
    expect(name(true, MEASURED_POOR)).toBe('contradicted');
    expect(name(false, MEASURED_GOOD)).toBe('understated');
    expect(name(true, UNVERIFIED)).toBe('unverified');
    const levels = Uint8Array.of(LEVEL_GOOD, LEVEL_WEAK, LEVEL_NONE, LEVEL_GOOD);
    const verdicts = Uint8Array.of(MEASURED_POOR, MEASURED_GOOD, MEASURED_POOR, UNVERIFIED);
    expect(Array.from(agreements(levels, verdicts), (a) => AGREEMENT_NAMES[a])).toEqual(['contradicted', 'understated', 'confirmed', 'unverified']);
  });
});

describe('medianOf, against a sort', () => {
  it('gives the sorted middle (mean of two for an even count) on random arrays with ties', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ min: 0, max: 1000, noNaN: true })), { maxLength: 300 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const n = sorted.length;
        const expected = n === 0 ? NaN : n % 2 === 1 ? sorted[(n - 1) / 2] : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
        expect(medianOf(Float64Array.from(values), n)).toBe(expected);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
