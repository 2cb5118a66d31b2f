// The verdicts' grid (test-grid.ts) held to the oracle where verdict.test.ts's 2 km square
// cannot reach: points and tests spread over many cells, a grid coarsened by its cap on
// cells per axis, many tests to a point (odd and even counts), radius_m taken from a pair's
// exact distance (the boundary itself, inclusive), and dates on both sides of the window's
// first day; through the CLI's path and through the worker's session.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointColumns } from '../../../src/domain/coverage/columns.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import { measuredRecords, measureScenario } from '../../../src/domain/evidence/measured.ts';
import type { Hamlet, Measurement } from '../../../src/domain/types.ts';
import { DEFAULT_RADIO_MODEL } from '../../../src/domain/coverage/radio-model.ts';
import { EvidenceSession } from '../../../src/worker/evidence.ts';
import { rng } from '../../bench/data.ts';
import { daysBefore, KM_PER_DEGREE, oracleMeasured } from './oracle.ts';

const hamlet = (i: number, lon: number, lat: number): Hamlet => ({ id: `h${i}`, name: `h${i}`, lon, lat, population: 1, gridPower: true, synthetic: true });
const END = '2024-03-01';

const arbitraryCase = fc.record({
  origin: fc.record({ lon: fc.double({ min: 102, max: 109, noNaN: true }), lat: fc.double({ min: 8, max: 23, noNaN: true }) }),
  // The area's side in degrees: 0.3° is ~60 cells of 500 m; 30° forces the 2048-cell cap.
  spanDeg: fc.constantFrom(0.02, 0.3, 30),
  points: fc.array(fc.record({ x: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 30 }),
  // Tests around a point, up to 1.5 radii away in each axis: many land inside, many near the edge.
  near: fc.array(
    fc.record({
      point: fc.nat(),
      // Thousandths of a radius (integers: fast-check's doubles crowd at the ends of a range).
      dx: fc.integer({ min: -1500, max: 1500 }),
      dy: fc.integer({ min: -1500, max: 1500 }),
      daysBack: fc.integer({ min: -1, max: 6 }),
      mbps: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 40, noNaN: true })),
      operator: fc.constantFrom('A', 'B', 'Á'),
    }),
    { maxLength: 150 },
  ),
  far: fc.array(fc.record({ x: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.double({ min: 0, max: 1, noNaN: true }), mbps: fc.integer({ min: 0, max: 20 }) }), { maxLength: 30 }),
  radiusM: fc.constantFrom(0, 150, 500, 1000, 2500),
  // When set, radius_m becomes the exact distance (m) of one near test to its point.
  radiusFromPair: fc.option(fc.nat(), { nil: undefined }),
  minTests: fc.integer({ min: 1, max: 5 }),
  goodMbps: fc.constantFrom(5, 10, 10.5),
  windowDays: fc.integer({ min: 1, max: 5 }),
  scenario: fc.constantFrom('current', END),
  operator: fc.option(fc.constantFrom('A', 'B', 'Z'), { nil: undefined }),
});

describe('radius_m is metres (rule 10: "within radius_m metres", inclusive)', () => {
  it('counts a test whose distance in metres is exactly radius_m, also where km ≠ (km × 1000) / 1000 in doubles', () => {
    const random = rng(10);
    let roundTripsDiffer = 0;
    for (let i = 0; i < 400; i++) {
      const p = hamlet(0, 105 + random(), 9 + random() * 10);
      const t: Measurement = { date: END, lon: p.lon + (random() - 0.5) * 0.02, lat: p.lat + (random() - 0.5) * 0.02, operator: 'A', downloadMbps: 7 };
      const km = haversineKm(p.lon, p.lat, t.lon, t.lat);
      const params = { radiusM: km * 1000, minTests: 1, goodMbps: 5, windowDays: 1 };
      if ((km * 1000) / 1000 !== km) roundTripsDiffer++;
      const fast = measuredRecords(measureScenario(pointColumns([p], []), [t], 'current', params));
      expect(fast, `pair ${i}`).toEqual(oracleMeasured([p], [t], 'current', params));
      expect(fast[0]?.tests).toBe(1);
    }
    expect(roundTripsDiffer).toBeGreaterThan(3);
  });
});

describe('measured over many grid cells, against the oracle', () => {
  it('matches every point against every test: cell edges, the cell cap, radius and window edges', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const { origin, spanDeg } = c;
        const hamlets = c.points.map((p, i) => hamlet(i, origin.lon + p.x * spanDeg, origin.lat + p.y * spanDeg));
        const rDeg = Math.max(c.radiusM, 50) / 1000 / KM_PER_DEGREE;
        const tests: Measurement[] = c.near.map((t) => {
          const p = hamlets[t.point % hamlets.length] as Hamlet;
          const date = daysBefore(END, t.daysBack);
          return { date, lon: p.lon + (t.dx * rDeg) / 1000 / Math.cos((p.lat * Math.PI) / 180), lat: p.lat + (t.dy * rDeg) / 1000, operator: t.operator, downloadMbps: t.mbps };
        });
        for (const f of c.far) tests.push({ date: END, lon: origin.lon + f.x * spanDeg, lat: origin.lat + f.y * spanDeg, operator: 'A', downloadMbps: f.mbps });
        let radiusM = c.radiusM;
        if (c.radiusFromPair !== undefined && c.near.length > 0) {
          const k = c.radiusFromPair % c.near.length;
          const p = hamlets[(c.near[k] as { point: number }).point % hamlets.length] as Hamlet;
          const t = tests[k] as Measurement;
          radiusM = haversineKm(p.lon, p.lat, t.lon, t.lat) * 1000;
        }
        const params = { radiusM, minTests: c.minTests, goodMbps: c.goodMbps, windowDays: c.windowDays };
        const points = pointColumns(hamlets, []);
        const oracle = oracleMeasured(hamlets, tests, c.scenario, params, c.operator);
        // The CLI's path (a grid of the selected tests) and the worker's (one grid of every
        // test, the scenario's and the network's picked out per answer).
        expect(measuredRecords(measureScenario(points, tests, c.scenario, params, c.operator))).toEqual(oracle);
        const session = EvidenceSession.of({ measurements: tests, model: { ...DEFAULT_RADIO_MODEL, evidence: params } }, points);
        const answer = session?.answer(c.scenario, new Uint8Array(points.count), c.operator);
        expect(answer && measuredRecords(answer)).toEqual(oracle);
      }),
      { numRuns: 400, seed: 1616 },
    );
  });
});
