// The fast greedy (buildInstance's merged, CSR coverage and the lazy heap) against the same
// greedy written the simple way on the raw points: every round, every candidate's gain by
// haversine over every point, the best gain per cost (ties to the lowest point index). Random
// instances on a lattice so that places repeat, with costs that sometimes differ between
// twins; the picks and their gains must be identical.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hamlet } from '../../../src/domain/types.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK } from '../../../src/domain/coverage/columns.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import { greedyBudget } from '../../../src/domain/siting/budget.ts';
import { buildInstance } from '../../../src/domain/siting/instance.ts';
import { chooseSites } from '../../../src/domain/siting/siting.ts';

const SEED = 20261204;
console.log(`fast greedy property tests: fast-check seed ${SEED}`);

interface Case {
  hamlets: Hamlet[];
  level: Uint8Array;
  cost: Float64Array;
  budget: number;
  radiusKm: number;
  candidates: Int32Array | undefined;
}

const position = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })).map(([x, y]) => [105.1 + x * 0.01, 9.1 + y * 0.01] as const);

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    points: fc.array(
      fc.record({
        at: position,
        population: fc.integer({ min: 0, max: 500 }),
        level: fc.constantFrom(LEVEL_NONE, LEVEL_WEAK, LEVEL_GOOD),
        cost: fc.constantFrom(1, 2, 3, 5, 1_500_000_000, 1_900_000_000),
        candidate: fc.boolean(),
      }),
      { minLength: 1, maxLength: 60 },
    ),
    budgetShare: fc.double({ min: 0, max: 0.6, noNaN: true }),
    radiusKm: fc.constantFrom(0.5, 1.2, 2.5),
    restrict: fc.boolean(),
  })
  .map(({ points, budgetShare, radiusKm, restrict }) => {
    const hamlets = points.map((p, i): Hamlet => ({ id: `H${i}`, name: `Ấp ${i}`, lon: p.at[0], lat: p.at[1], population: p.population, gridPower: true, synthetic: true }));
    const cost = Float64Array.from(points, (p) => p.cost);
    const budget = budgetShare * cost.reduce((a, b) => a + b, 0);
    const chosen = points.flatMap((p, i) => (p.candidate ? [i] : []));
    return { hamlets, level: Uint8Array.from(points, (p) => p.level), cost, budget, radiusKm, candidates: restrict ? Int32Array.from(chosen) : undefined };
  });

function candidateList(c: Case): number[] {
  const all = c.candidates ? [...new Set(c.candidates)].sort((a, b) => a - b) : [...c.hamlets.keys()].filter((i) => c.level[i] !== LEVEL_GOOD);
  return all;
}

/** Weight newly good if `site` is added to `covered` (point flags). */
function simpleGain(c: Case, site: number, covered: boolean[]): number {
  const s = c.hamlets[site]!;
  let gain = 0;
  c.hamlets.forEach((h, i) => {
    if (c.level[i] !== LEVEL_GOOD && !covered[i] && haversineKm(s.lon, s.lat, h.lon, h.lat) <= c.radiusKm) gain += h.population;
  });
  return gain;
}

function simpleCover(c: Case, site: number, covered: boolean[]): void {
  const s = c.hamlets[site]!;
  c.hamlets.forEach((h, i) => {
    if (haversineKm(s.lon, s.lat, h.lon, h.lat) <= c.radiusKm) covered[i] = true;
  });
}

/** Budget greedy by gain per cost, or the best single site if it gains more: picks as points. */
function simpleBudgetGreedy(c: Case): { points: number[]; gain: number } {
  const candidates = candidateList(c).filter((p) => c.cost[p]! <= c.budget);
  const covered = c.hamlets.map(() => false);
  const picked: number[] = [];
  let gain = 0;
  let left = c.budget;
  for (;;) {
    let best = -1;
    let bestRatio = -1;
    for (const p of candidates) {
      if (c.cost[p]! > left || picked.includes(p)) continue;
      const g = simpleGain(c, p, covered);
      if (!(g > 0)) continue;
      const ratio = g / c.cost[p]!;
      if (ratio > bestRatio) [best, bestRatio] = [p, ratio];
    }
    if (best < 0) break;
    gain += simpleGain(c, best, covered);
    simpleCover(c, best, covered);
    picked.push(best);
    left -= c.cost[best]!;
  }
  let single = -1;
  let singleGain = 0;
  const none = c.hamlets.map(() => false);
  for (const p of candidates) {
    const g = simpleGain(c, p, none);
    if (g > singleGain) [single, singleGain] = [p, g];
  }
  if (single >= 0 && singleGain > gain) return { points: [single], gain: singleGain };
  return { points: keepGaining(c, picked), gain };
}

/** The answer as reported: by marginal gain, largest first, leaving out picks that then gain nothing. */
function keepGaining(c: Case, picked: readonly number[]): number[] {
  const covered = c.hamlets.map(() => false);
  const left = [...picked].sort((a, b) => a - b);
  const kept: number[] = [];
  while (left.length > 0) {
    const gains = left.map((p) => simpleGain(c, p, covered));
    const best = gains.indexOf(Math.max(...gains));
    const [p] = left.splice(best, 1);
    if (gains[best]! > 0) {
      simpleCover(c, p!, covered);
      kept.push(p!);
    }
  }
  return kept.sort((a, b) => a - b);
}

/** The plain greedy of chooseSites: the largest gain, ties to the lowest index, up to k. */
function simplePlainGreedy(c: Case, k: number): [number, number][] {
  const covered = c.hamlets.map(() => false);
  const out: [number, number][] = [];
  const candidates = candidateList(c);
  while (out.length < k) {
    let best = -1;
    let bestGain = 0;
    for (const p of candidates) {
      const g = simpleGain(c, p, covered);
      if (g > bestGain) [best, bestGain] = [p, g];
    }
    if (best < 0) break;
    simpleCover(c, best, covered);
    out.push([best, bestGain]);
  }
  return out;
}

describe('fast greedy against the simple one', () => {
  it('budget mode: the same sites and gain on random instances with repeated places', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const instance = buildInstance({ hamlets: c.hamlets, schools: [] }, c.level, {
          radiusKm: c.radiusKm,
          weight: 'population',
          siteKey: (p) => c.cost[p]!,
          ...(c.candidates ? { candidates: c.candidates } : {}),
        });
        const slotCost = Float64Array.from(instance.sites, (p) => c.cost[p]!);
        const fast = greedyBudget({ instance, cost: slotCost, budget: c.budget, k: Infinity });
        const expected = simpleBudgetGreedy(c);
        expect(fast.gain).toBe(expected.gain);
        expect(fast.slots.map((s) => instance.sites[s]!).sort((a, b) => a - b)).toEqual(expected.points);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('plain mode (chooseSites): the same picks in the same order with the same gains', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 6 }), (c, k) => {
        const fast = chooseSites({ hamlets: c.hamlets, schools: [] }, c.level, {
          k,
          radiusKm: c.radiusKm,
          weight: 'population',
          ...(c.candidates ? { candidates: c.candidates } : {}),
        });
        expect(fast.sites.map((s) => [s.point, s.gain])).toEqual(simplePlainGreedy(c, k));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
