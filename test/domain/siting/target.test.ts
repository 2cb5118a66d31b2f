// Target mode (chooseSitesForTarget) against exhaustive search: the cheapest subset of
// candidates (within k) whose newly good indicator weight reaches the target.
import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hamlet, School } from '../../../src/domain/types.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK } from '../../../src/domain/coverage/columns.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import { chooseSitesForTarget, indicatorWeights, neededGain, type Indicator } from '../../../src/domain/siting/target.ts';

const SEED = 20261204;
console.log(`target property tests: fast-check seed ${SEED}`);

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const position = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).map(([x, y]) => [105.1 + x * 0.01, 9.1 + y * 0.01] as const);
const pointArb = fc.record({
  at: position,
  population: fc.integer({ min: 0, max: 900 }),
  level: fc.constantFrom(LEVEL_NONE, LEVEL_WEAK, LEVEL_GOOD),
  cost: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.double({ min: 1, max: 40, noNaN: true }).map((km) => 1.5e9 + 5e7 * km)),
});

describe('chooseSitesForTarget against exhaustive search', () => {
  it('the cheapest set reaching the target, proven; or out of reach, proven', () => {
    fc.assert(
      fc.property(
        fc.array(pointArb, { minLength: 1, maxLength: 9 }),
        fc.array(pointArb, { maxLength: 3 }),
        fc.constantFrom<Indicator>('hamlets', 'population', 'schools'),
        fc.oneof(fc.constantFrom(0, 50, 90, 100), fc.double({ min: 0, max: 100, noNaN: true })),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        (hs, ss, indicator, targetPct, k) => {
          const hamlets = hs.map((p, i): Hamlet => ({ id: `H${i}`, name: `H${i}`, lon: p.at[0], lat: p.at[1], population: p.population, gridPower: true, synthetic: true }));
          const schools = ss.map((p, j): School => ({ id: `S${j}`, name: `S${j}`, lon: p.at[0], lat: p.at[1], level: 'primary', students: 10, fixedBroadband: false, synthetic: true }));
          const all = [...hs, ...ss];
          const level = Uint8Array.from(all, (p) => p.level);
          const cost = Float64Array.from(all, (p) => p.cost);
          const data = { hamlets, schools };
          const got = chooseSitesForTarget(highs, data, level, { indicator, targetPct, radiusKm: 1.2, cost, timeLimitS: 20, ...(k === undefined ? {} : { k }) });

          const w = indicatorWeights(data, indicator);
          const places = [...hamlets, ...schools];
          const total = w.reduce((a, b) => a + b, 0);
          const baseline = w.reduce((a, b, i) => (level[i] === LEVEL_GOOD ? a + b : a), 0);
          const needed = neededGain(baseline, total, targetPct);
          const candidates = places.map((_, i) => i).filter((i) => level[i] !== LEVEL_GOOD);
          const gainOf = (sites: number[]): number =>
            places.reduce((sum, p, d) => {
              if (level[d] === LEVEL_GOOD || !(w[d]! > 0)) return sum;
              return sites.some((s) => haversineKm(places[s]!.lon, places[s]!.lat, p.lon, p.lat) <= 1.2) ? sum + w[d]! : sum;
            }, 0);
          let cheapest = Infinity;
          for (let mask = 0; mask < 1 << candidates.length; mask++) {
            const sites = candidates.filter((_, j) => (mask >> j) & 1);
            if (k !== undefined && sites.length > k) continue;
            const c = sites.reduce((sum, s) => sum + cost[s]!, 0);
            if (c < cheapest && gainOf(sites) >= needed) cheapest = c;
          }
          expect(got.needed).toBe(needed);
          expect(got.feasible).toBe(cheapest < Infinity);
          expect(got.optimal).toBe(true);
          if (cheapest === Infinity) return;
          expect(got.gain).toBeGreaterThanOrEqual(needed);
          expect(gainOf(got.sites.map((s) => s.point))).toBe(got.gain);
          expect(Math.abs(got.totalCost - cheapest)).toBeLessThanOrEqual(1e-9 * cheapest);
          // Sums of the same costs in another order may differ in the last bit.
          expect(got.lowerBound).toBeLessThanOrEqual(cheapest * (1 + 1e-12));
          if (k !== undefined) expect(got.sites.length).toBeLessThanOrEqual(k);
          expect(100 * (baseline + got.gain)).toBeGreaterThanOrEqual(targetPct * total);
        },
      ),
      { seed: SEED, numRuns: 120, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true },
    );
  });

  it('neededGain compares exactly: 95.5 % of 200 needs 191, of 1000 with 900 good needs 55', () => {
    expect(neededGain(0, 200, 95.5)).toBe(191);
    expect(neededGain(900, 1000, 95.5)).toBe(55);
    expect(neededGain(10, 10, 100)).toBe(0);
    expect(neededGain(0, 0, 50)).toBe(0);
    expect(neededGain(1, 3, 100 / 3)).toBe(0);
  });
});
