// What a siting run works on (priced.ts), checked by hand on a small data set: each point's
// cost (site, solar where off grid, backhaul per km), the places joined after the hamlets with
// their own cost_vnd winning, and the sites the request allows.
import { describe, expect, it } from 'vitest';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK } from '../../../src/domain/coverage/columns.ts';
import { DEFAULT_COSTS } from '../../../src/domain/parse/costs.ts';
import type { SitingRequest } from '../../../src/domain/siting/modes.ts';
import { pricedSites, type SitingPoints } from '../../../src/domain/siting/priced.ts';
import type { CandidatePlace, Hamlet, School } from '../../../src/domain/types.ts';

const hamlet = (id: string, gridPower: boolean): Hamlet => ({ id, name: id, lon: 105, lat: 9, population: 10, gridPower, synthetic: true });
const school: School = { id: 'S0', name: 'S0', lon: 105, lat: 9, level: 'primary', students: 30, fixedBroadband: false, synthetic: true };
const places: CandidatePlace[] = [
  { id: 'UV0', name: 'Nơi 0', lon: 105.1, lat: 9.1, costVnd: 7 },
  { id: 'UV1', lon: 105.2, lat: 9.2 },
];
const points: SitingPoints = { hamlets: [hamlet('H0', true), hamlet('H1', false)], schools: [school], candidates: places };
const request: SitingRequest = { mode: 'budget', budget: 1000, radiusKm: 4, weight: 'population', costs: { ...DEFAULT_COSTS, siteCapex: 100, solarCapex: 50, backhaulPerKm: 10 }, timeLimitS: 5 };

describe('the sites a siting run prices', () => {
  it('prices every point when the request does not use the places: site, solar off grid, backhaul by km', () => {
    const level = Uint8Array.of(LEVEL_NONE, LEVEL_WEAK, LEVEL_GOOD);
    const priced = pricedSites(points, { level, nearest4gKm: Float64Array.of(1, 2, NaN) }, request);
    expect(priced.records).toEqual({ hamlets: points.hamlets, schools: points.schools });
    expect(priced.level).toBe(level);
    expect(Array.from(priced.cost)).toEqual([110, 170, 100]);
    expect(priced.scope).toBeUndefined();
  });

  it('joins the places after the hamlets, their own cost winning, and limits the sites as asked', () => {
    // Levels and km as the engine gives them with the places: hamlets, places, then the school.
    const planned = { level: Uint8Array.of(LEVEL_NONE, LEVEL_GOOD, LEVEL_NONE, LEVEL_NONE, LEVEL_WEAK), nearest4gKm: Float64Array.of(1, 2, 3, 4, 5) };
    const only = pricedSites(points, planned, { ...request, candidateUse: 'only' });
    expect(only.records.hamlets.map((h) => h.id)).toEqual(['H0', 'H1', 'UV0', 'UV1']);
    expect(only.records.hamlets[3]?.population).toBe(0);
    expect(Array.from(only.cost)).toEqual([110, 170, 7, 140, 150]);
    expect(Array.from(only.scope?.sites ?? [])).toEqual([2, 3]);
    const also = pricedSites(points, planned, { ...request, candidateUse: 'also' });
    expect(Array.from(also.scope?.sites ?? [])).toEqual([2, 3, 0, 4]);
  });

  it('refuses to site on places the data set does not have', () => {
    const planned = { level: new Uint8Array(3), nearest4gKm: new Float64Array(3) };
    expect(() => pricedSites({ ...points, candidates: [] }, planned, { ...request, candidateUse: 'only' })).toThrow('no candidate places to site on');
  });
});
