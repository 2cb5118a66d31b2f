// The app's siting answers (modes.ts) with candidates.geojson's places (issue 18 item 6), on
// small random instances against exhaustive search over the places: with `only`, every site
// is a place (marked `candidate`, under its name); the budget mode's exact gain and the target
// mode's exact cost are the best subset's, proven; the places count for no indicator (the
// hamlets indicator counts hamlets only); `also` is never worse than `only`.
import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CandidatePlace, Hamlet } from '../../../src/domain/types.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK } from '../../../src/domain/coverage/columns.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import { DEFAULT_COSTS } from '../../../src/domain/parse/costs.ts';
import { applyCostOverrides, candidateSites, joinCandidates, type CandidateUse } from '../../../src/domain/siting/candidates.ts';
import { siteCostTable } from '../../../src/domain/siting/costs.ts';
import { exactAnswer, greedyAnswer, type SiteScope, type SitingRequest } from '../../../src/domain/siting/modes.ts';
import type { Indicator } from '../../../src/domain/siting/target.ts';

const SEED = 20261205;
console.log(`siting modes with candidates: fast-check seed ${SEED}`);

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const position = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })).map(([x, y]) => [105.1 + x * 0.01, 9.1 + y * 0.01] as const);

const caseArb = fc.record({
  hamlets: fc.array(fc.record({ at: position, population: fc.integer({ min: 0, max: 900 }), level: fc.constantFrom(LEVEL_NONE, LEVEL_WEAK, LEVEL_GOOD) }), { minLength: 1, maxLength: 9 }),
  places: fc.array(fc.record({ at: position, cost: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }) }), { minLength: 1, maxLength: 6 }),
  budget: fc.integer({ min: 0, max: 30 }).map((b) => b * 1e8),
  targetPct: fc.integer({ min: 0, max: 100 }),
  indicator: fc.constantFrom<Indicator>('hamlets', 'population'),
  radiusKm: fc.constantFrom(0.5, 1.2, 2.5),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

// Every computed site costs site_capex (no backhaul, grid power everywhere): 5 × 10⁸; a place's cost_vnd 1..9 × 10⁸.
const COSTS = { ...DEFAULT_COSTS, siteCapex: 5e8, solarCapex: 0, backhaulPerKm: 0 };

function setup(c: Case, use: CandidateUse) {
  const hamlets = c.hamlets.map((h, i): Hamlet => ({ id: `H${i}`, name: `Ấp ${i}`, lon: h.at[0], lat: h.at[1], population: h.population, gridPower: true, synthetic: true }));
  const places = c.places.map((p, j): CandidatePlace => ({ id: `UV${j}`, name: `Nơi ${j}`, lon: p.at[0], lat: p.at[1], ...(p.cost === undefined ? {} : { costVnd: p.cost * 1e8 }) }));
  const joined = joinCandidates({ hamlets, schools: [] }, places);
  // The places' own level does not matter: they weigh nothing.
  const level = Uint8Array.from([...c.hamlets.map((h) => h.level), ...places.map(() => LEVEL_NONE)]);
  const cost = siteCostTable(joined.dataset, new Float64Array(level.length).fill(NaN), COSTS).cost;
  applyCostOverrides(cost, joined, places);
  const scope: SiteScope = { joined, sites: candidateSites(joined, level, use) };
  return { records: joined.dataset, level, cost, scope, placeCost: places.map((p) => p.costVnd ?? COSTS.siteCapex) };
}

const weightOf = (c: Case, i: number, indicator: Indicator | 'population') => (indicator === 'hamlets' ? 1 : c.hamlets[i]!.population);

/** For each subset of the places: its cost and the weight it makes newly good. */
function subsets(c: Case, placeCost: number[], radiusKm: number, indicator: Indicator | 'population') {
  const out: { cost: number; gain: number }[] = [];
  for (let mask = 0; mask < 1 << c.places.length; mask++) {
    const chosen = c.places.flatMap((p, j) => ((mask >> j) & 1 ? [{ at: p.at, cost: placeCost[j]! }] : []));
    let gain = 0;
    c.hamlets.forEach((h, i) => {
      if (h.level !== LEVEL_GOOD && chosen.some((s) => haversineKm(s.at[0], s.at[1], h.at[0], h.at[1]) <= radiusKm)) gain += weightOf(c, i, indicator);
    });
    out.push({ cost: chosen.reduce((sum, s) => sum + s.cost, 0), gain });
  }
  return out;
}

const request = (c: Case, mode: SitingRequest['mode'], use: CandidateUse): SitingRequest => ({
  mode,
  budget: c.budget,
  targetPct: c.targetPct,
  indicator: c.indicator,
  k: 3,
  radiusKm: c.radiusKm,
  weight: 'population',
  costs: COSTS,
  timeLimitS: 10,
  candidateUse: use,
});

describe('siting modes with candidate places', () => {
  it('budget: only places, marked and named; the exact gain is the best subset within the budget', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { records, level, cost, scope, placeCost } = setup(c, 'only');
        const r = { ...request(c, 'budget', 'only'), k: undefined };
        const exact = exactAnswer(highs, records, level, cost, r, {}, scope);
        const greedy = greedyAnswer(records, level, cost, r, {}, scope);
        const best = Math.max(...subsets(c, placeCost, c.radiusKm, 'population').filter((s) => s.cost <= c.budget).map((s) => s.gain));
        expect(exact.optimal).toBe(true);
        expect(exact.gain).toBe(best);
        expect(greedy.gain).toBeLessThanOrEqual(best);
        for (const site of [...exact.sites, ...greedy.sites]) {
          expect(site.kind).toBe('candidate');
          expect(site.name).toBe(`Nơi ${site.atId.slice(2)}`);
          expect(site.cost).toBe(placeCost[Number(site.atId.slice(2))]);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('target: the places count for no indicator; the exact cost is the cheapest subset reaching the target', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { records, level, cost, scope, placeCost } = setup(c, 'only');
        const r = { ...request(c, 'target', 'only'), k: undefined };
        const exact = exactAnswer(highs, records, level, cost, r, {}, scope);
        const weights = c.hamlets.map((_, i) => weightOf(c, i, c.indicator));
        const total = weights.reduce((a, b) => a + b, 0);
        const baseline = c.hamlets.reduce((sum, h, i) => (h.level === LEVEL_GOOD ? sum + weights[i]! : sum), 0);
        expect(exact.totalWeight).toBe(total);
        expect(exact.baselineGood).toBe(baseline);
        const reaching = subsets(c, placeCost, c.radiusKm, c.indicator).filter((s) => (baseline + s.gain) * 100 >= c.targetPct * total);
        expect(exact.feasible).toBe(reaching.length > 0);
        if (reaching.length === 0) return;
        const cheapest = Math.min(...reaching.map((s) => s.cost));
        expect(exact.optimal).toBe(true);
        expect(exact.totalCost).toBeCloseTo(cheapest, 0);
        for (const site of exact.sites) expect(site.kind).toBe('candidate');
        const greedy = greedyAnswer(records, level, cost, r, {}, scope);
        if (greedy.feasible) expect(greedy.totalCost).toBeGreaterThanOrEqual(cheapest - 1e-6);
        for (const site of greedy.sites) expect(site.kind).toBe('candidate');
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('k: the greedy picks only places; with `also` the points not good join and the budget answer is never worse', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const only = setup(c, 'only');
        const k = greedyAnswer(only.records, only.level, only.cost, request(c, 'k', 'only'), {}, only.scope);
        for (const site of k.sites) expect(site.kind).toBe('candidate');
        const also = setup(c, 'also');
        const notGood = c.hamlets.filter((h) => h.level !== LEVEL_GOOD).length;
        expect(also.scope.sites.length).toBe(c.places.length + notGood);
        const r = { ...request(c, 'budget', 'also'), k: undefined };
        const withAlso = exactAnswer(highs, also.records, also.level, also.cost, r, {}, also.scope);
        const withOnly = exactAnswer(highs, only.records, only.level, only.cost, { ...r, candidateUse: 'only' }, {}, only.scope);
        expect(withAlso.gain).toBeGreaterThanOrEqual(withOnly.gain);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
