// Budget mode (chooseSitesWithinBudget: greedy, then HiGHS) against exhaustive search on small
// random instances: every subset of the candidate points within the budget and k, coverage by
// haversine written out here.
import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hamlet } from '../../../src/domain/types.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK } from '../../../src/domain/coverage/columns.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import { SitingCancelled } from '../../../src/domain/siting/instance.ts';
import { chooseSitesWithinBudget, type BudgetResult } from '../../../src/domain/siting/within-budget.ts';

const SEED = 20261203;
console.log(`budget property tests: fast-check seed ${SEED}`);
const run = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true });

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

interface Case {
  hamlets: Hamlet[];
  level: Uint8Array;
  cost: Float64Array;
  budget: number;
  k: number | undefined;
  radiusKm: number;
}

/** A lattice (~1.1 km steps, so places repeat) near a town. */
const position = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).map(([x, y]) => [105.1 + x * 0.01, 9.1 + y * 0.01] as const);

/** Costs like the contract's (1.5e9 + solar + 5e7 × km, fractional) or small whole numbers. */
const costArb = fc.oneof(
  fc.tuple(fc.boolean(), fc.double({ min: 0, max: 20, noNaN: true })).map(([solar, km]) => 1_500_000_000 + (solar ? 400_000_000 : 0) + 50_000_000 * km),
  fc.integer({ min: 0, max: 9 }),
  // Near-twins: sums that pass a budget by a few đồng, which HiGHS's relative tolerance lets by.
  fc.integer({ min: 0, max: 20 }).map((x) => 1_000_000_000 + x),
);

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    points: fc.array(fc.record({ at: position, population: fc.integer({ min: 0, max: 900 }), level: fc.constantFrom(LEVEL_NONE, LEVEL_WEAK, LEVEL_GOOD), cost: costArb }), {
      minLength: 1,
      maxLength: 13,
    }),
    budgetShare: fc.double({ min: 0, max: 1.1, noNaN: true }),
    exactBudget: fc.constantFrom(false, false, 'at', 'below'),
    k: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    radiusKm: fc.constantFrom(0.5, 1.2, 2.5),
  })
  .map(({ points, budgetShare, exactBudget, k, radiusKm }) => {
    const hamlets = points.map((p, i): Hamlet => ({ id: `H${i}`, name: `Ấp ${i}`, lon: p.at[0], lat: p.at[1], population: p.population, gridPower: true, synthetic: true }));
    const cost = Float64Array.from(points, (p) => p.cost);
    const total = cost.reduce((a, b) => a + b, 0);
    // Sometimes a budget exactly at (or 1 below) the cost of the first two candidates: the edge.
    const pair = cost[0]! + (cost[1] ?? 0);
    const budget = exactBudget === 'at' ? pair : exactBudget === 'below' ? Math.max(0, pair - 1) : budgetShare * total;
    return { hamlets, level: Uint8Array.from(points, (p) => p.level), cost, budget, k, radiusKm };
  });

/** The best gain over every subset of candidates within budget and k. */
function exhaustive(c: Case): number {
  const n = c.hamlets.length;
  const candidates = [...Array(n).keys()].filter((i) => c.level[i] !== LEVEL_GOOD);
  const demand = [...Array(n).keys()].filter((i) => c.level[i] !== LEVEL_GOOD && c.hamlets[i]!.population > 0);
  let best = 0;
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const chosen = candidates.filter((_, j) => (mask >> j) & 1);
    if (c.k !== undefined && chosen.length > c.k) continue;
    if (chosen.reduce((sum, p) => sum + c.cost[p]!, 0) > c.budget) continue;
    best = Math.max(best, gainOf(c, chosen, demand));
  }
  return best;
}

function gainOf(c: Case, sites: readonly number[], demand: readonly number[]): number {
  let gain = 0;
  for (const d of demand) {
    const h = c.hamlets[d]!;
    if (sites.some((s) => haversineKm(c.hamlets[s]!.lon, c.hamlets[s]!.lat, h.lon, h.lat) <= c.radiusKm)) gain += h.population;
  }
  return gain;
}

function solve(c: Case): BudgetResult {
  return chooseSitesWithinBudget(highs, { hamlets: c.hamlets, schools: [] }, c.level, {
    budget: c.budget,
    ...(c.k === undefined ? {} : { k: c.k }),
    radiusKm: c.radiusKm,
    weight: 'population',
    cost: c.cost,
    timeLimitS: 20,
  });
}

describe('chooseSitesWithinBudget against exhaustive search', () => {
  it('is optimal, proven, within budget and k, with a bound ≥ every feasible gain and exact per-site gains and costs', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const got = solve(c);
        const best = exhaustive(c);
        expect(got.gain).toBe(best);
        expect(got.optimal).toBe(true);
        expect(got.upperBound).toBeGreaterThanOrEqual(best);
        expect(got.totalCost).toBeLessThanOrEqual(c.budget);
        if (c.k !== undefined) expect(got.sites.length).toBeLessThanOrEqual(c.k);
        const demand = [...Array(c.hamlets.length).keys()].filter((i) => c.level[i] !== LEVEL_GOOD && c.hamlets[i]!.population > 0);
        let cumulative = 0;
        got.sites.forEach((site, j) => {
          expect(c.level[site.point]).not.toBe(LEVEL_GOOD);
          expect(site.cost).toBe(c.cost[site.point]);
          const before = got.sites.slice(0, j).map((s) => s.point);
          expect(site.gain).toBe(gainOf(c, [...before, site.point], demand) - gainOf(c, before, demand));
          expect(site.gain).toBeGreaterThan(0);
          cumulative += site.gain;
          expect(site.cumulative).toBe(cumulative);
        });
        expect(got.sites.reduce((a, s) => a + s.cost, 0)).toBe(got.totalCost);
      }),
      run(250),
    );
  });

  it('the greedy answer is feasible, never above the optimum, and within ½(1 − 1/e) of it without a count cap', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const got = solve({ ...c, k: undefined });
        const best = exhaustive({ ...c, k: undefined });
        expect(got.greedy.totalCost).toBeLessThanOrEqual(c.budget);
        expect(got.greedy.gain).toBeLessThanOrEqual(best);
        expect(got.greedy.gain).toBeGreaterThanOrEqual(0.5 * (1 - 1 / Math.E) * best - 1e-9);
      }),
      run(100),
    );
  });
});

describe('chooseSitesWithinBudget, by hand', () => {
  const at = (i: number, lon: number, population: number): Hamlet => ({ id: `H${i}`, name: `H${i}`, lon, lat: 9, population, gridPower: true, synthetic: true });

  it('beats the ratio greedy where it must: one dear site worth more than two cheap ones', () => {
    // Budget 10: A (cost 10, 100 people) against B and C (cost 1 each, 15 people each).
    const hamlets = [at(0, 105, 100), at(1, 106, 15), at(2, 107, 15)];
    const level = new Uint8Array(3).fill(LEVEL_NONE);
    const got = chooseSitesWithinBudget(highs, { hamlets, schools: [] }, level, {
      budget: 10,
      radiusKm: 1,
      weight: 'population',
      cost: Float64Array.of(10, 1, 1),
      timeLimitS: 5,
    });
    expect(got.sites.map((s) => [s.atId, s.gain, s.cost])).toEqual([['H0', 100, 10]]);
    expect(got).toMatchObject({ gain: 100, totalCost: 10, optimal: true, upperBound: 100 });
  });

  it('nothing affordable: no site, proven', () => {
    const got = chooseSitesWithinBudget(highs, { hamlets: [at(0, 105, 100)], schools: [] }, Uint8Array.of(LEVEL_NONE), {
      budget: 5,
      radiusKm: 1,
      weight: 'population',
      cost: Float64Array.of(6),
      timeLimitS: 5,
    });
    expect(got).toMatchObject({ sites: [], gain: 0, totalCost: 0, optimal: true, upperBound: 0 });
  });

  it('stops with SitingCancelled when asked', () => {
    const hamlets = Array.from({ length: 2000 }, (_, i) => at(i, 105 + i * 0.003, 10));
    expect(() =>
      chooseSitesWithinBudget(highs, { hamlets, schools: [] }, new Uint8Array(2000).fill(LEVEL_NONE), {
        budget: 50,
        radiusKm: 1,
        weight: 'population',
        cost: new Float64Array(2000).fill(1),
        timeLimitS: 5,
        shouldStop: () => true,
      }),
    ).toThrow(SitingCancelled);
  });
});
