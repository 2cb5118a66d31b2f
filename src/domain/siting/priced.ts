// What a siting run works on (worker/siting-helper.ts): each point's level in `planned` with
// the plan and its price as a site; with candidates.geojson's places, those joined among the
// points (candidates.ts) and the sites limited as the request asks.
import type { Dataset } from '../types.ts';
import { applyCostOverrides, candidateSites, joinCandidates } from './candidates.ts';
import { siteCostTable } from './costs.ts';
import type { SiteScope, SitingRequest } from './modes.ts';

type Points = Pick<Dataset, 'hamlets' | 'schools'>;

/** The data set's points, and candidates.geojson's places when it has them. */
export type SitingPoints = Points & Pick<Dataset, 'candidates'>;

/**
 * Each point's level and km to the nearest 4G/5G tower in `planned`, with the plan; with
 * `request.candidateUse`, the places' between the hamlets' and the schools' (joinCandidates' order).
 */
export interface PlannedLevels {
  level: Uint8Array;
  nearest4gKm: Float64Array;
}

export interface PricedSites {
  /** The points sited on: with the places joined after the hamlets when the request uses them. */
  records: Points;
  level: Uint8Array;
  /** Each record's cost as a site (siteCostTable); a place's own cost_vnd wins. */
  cost: Float64Array;
  scope?: SiteScope;
}

/** Each point's level and site cost; with `request.candidateUse` the places joined and the scope. */
export function pricedSites(points: SitingPoints, { level, nearest4gKm }: PlannedLevels, request: SitingRequest): PricedSites {
  const { hamlets, schools, candidates: places } = points;
  if (request.candidateUse === undefined) return { records: { hamlets, schools }, level, cost: siteCostTable({ hamlets, schools }, nearest4gKm, request.costs).cost };
  if (!places || places.length === 0) throw new Error('no candidate places to site on');
  const joined = joinCandidates({ hamlets, schools }, places);
  const cost = siteCostTable(joined.dataset, nearest4gKm, request.costs).cost;
  applyCostOverrides(cost, joined, places);
  return { records: joined.dataset, level, cost, scope: { joined, sites: candidateSites(joined, level, request.candidateUse) } };
}
