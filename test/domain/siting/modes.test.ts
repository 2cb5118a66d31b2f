// The app's siting answers (modes.ts) against exhaustive search on small random instances:
// the K and budget modes' exact answers and every exact point of the cost–coverage curve are
// the best subset's gain, proven; the greedy answers and curve never beat them and keep the
// budget; every site carries its own cost.
import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hamlet } from '../../../src/domain/types.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK } from '../../../src/domain/coverage/columns.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import { DEFAULT_COSTS } from '../../../src/domain/parse/costs.ts';
import { exactAnswer, greedyAnswer, type SitingRequest } from '../../../src/domain/siting/modes.ts';

const SEED = 20261204;
console.log(`siting modes property tests: fast-check seed ${SEED}`);

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const position = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })).map(([x, y]) => [105.1 + x * 0.01, 9.1 + y * 0.01] as const);

const caseArb = fc.record({
  points: fc.array(
    fc.record({
      at: position,
      population: fc.integer({ min: 0, max: 900 }),
      level: fc.constantFrom(LEVEL_NONE, LEVEL_WEAK, LEVEL_GOOD),
      cost: fc.integer({ min: 1, max: 9 }).map((c) => c * 1e8),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  mode: fc.constantFrom<'k' | 'budget'>('k', 'budget'),
  k: fc.integer({ min: 1, max: 4 }),
  budget: fc.integer({ min: 0, max: 30 }).map((b) => b * 1e8),
  radiusKm: fc.constantFrom(0.5, 1.2, 2.5),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function setup(c: Case) {
  const hamlets = c.points.map((p, i): Hamlet => ({ id: `H${i}`, name: `Ấp ${i}`, lon: p.at[0], lat: p.at[1], population: p.population, gridPower: true, synthetic: true }));
  const level = Uint8Array.from(c.points, (p) => p.level);
  const cost = Float64Array.from(c.points, (p) => p.cost);
  return { hamlets, level, cost };
}

/** The best gain over every subset of candidates costing ≤ budget with at most k sites. */
function exhaustive(c: Case, budget: number, k: number): number {
  const n = c.points.length;
  const candidates = [...Array(n).keys()].filter((i) => c.points[i]!.level !== LEVEL_GOOD);
  const demand = [...Array(n).keys()].filter((i) => c.points[i]!.level !== LEVEL_GOOD);
  let best = 0;
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const chosen = candidates.filter((_, j) => (mask >> j) & 1);
    if (chosen.length > k || chosen.reduce((s, p) => s + c.points[p]!.cost, 0) > budget) continue;
    let gain = 0;
    for (const d of demand) {
      const [lon, lat] = c.points[d]!.at;
      if (chosen.some((s) => haversineKm(c.points[s]!.at[0], c.points[s]!.at[1], lon, lat) <= c.radiusKm)) gain += c.points[d]!.population;
    }
    best = Math.max(best, gain);
  }
  return best;
}

describe('siting modes against exhaustive search', () => {
  it('exact answers and exact curve points are the optimum, proven; greedy ones never above, within the budget', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { hamlets, level, cost } = setup(c);
        const dataset = { hamlets, schools: [] };
        const request: SitingRequest = { mode: c.mode, radiusKm: c.radiusKm, weight: 'population', costs: DEFAULT_COSTS, timeLimitS: 10 };
        if (c.mode === 'k') request.k = c.k;
        else request.budget = c.budget;
        const budget = c.mode === 'budget' ? c.budget : Infinity;
        const k = c.mode === 'k' ? c.k : Infinity;
        const best = exhaustive(c, budget, k);
        const quick = greedyAnswer(dataset, level, cost, request);
        const exact = exactAnswer(highs, dataset, level, cost, request);
        expect(exact.gain).toBe(best);
        expect(exact.optimal).toBe(true);
        expect(exact.bound).toBeGreaterThanOrEqual(best);
        expect(quick.gain).toBeLessThanOrEqual(best);
        for (const answer of [quick, exact]) {
          expect(answer.totalCost).toBeLessThanOrEqual(budget);
          expect(answer.sites.length).toBeLessThanOrEqual(k);
          for (const site of answer.sites) expect(site.cost).toBe(cost[site.point]);
          expect(answer.totalCost).toBe(answer.sites.reduce((s, site) => s + site.cost, 0));
        }
        // The curve: from the baseline, rising in cost and share; exact points are the optimum at their budget.
        const total = hamlets.reduce((s, h) => s + h.population, 0);
        const share = (good: number) => (total > 0 ? (100 * good) / total : 100);
        expect(quick.curve[0]).toEqual({ cost: 0, pct: share(quick.baselineGood) });
        for (let j = 1; j < quick.curve.length; j++) {
          expect(quick.curve[j]!.cost).toBeGreaterThan(quick.curve[j - 1]!.cost);
          expect(quick.curve[j]!.pct).toBeGreaterThan(quick.curve[j - 1]!.pct);
        }
        for (const point of exact.exactCurve) {
          expect(point.optimal).toBe(true);
          expect(point.cost).toBeLessThanOrEqual(point.budget);
          expect(point.pct).toBeCloseTo(share(quick.baselineGood + exhaustive(c, point.budget, Infinity)), 9);
          // The greedy's spend up to that budget buys no more.
          const greedyThere = quick.curve.filter((q) => q.cost <= point.budget).at(-1)!;
          expect(greedyThere.pct).toBeLessThanOrEqual(point.pct + 1e-9);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
