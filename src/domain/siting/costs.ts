// What a candidate site costs (contract "Version 2", `siting --budget`): `site_capex`, plus
// `solar_capex` at a hamlet with `grid_power: false`, plus `backhaul_per_km` × the haversine km
// to the nearest 4G/5G tower on air in `planned` (rule 6's `nearest_4g_km`).
//
// With no 4G/5G tower on air at all there is no distance to price: the backhaul part is
// counted as 0 and `backhaulKnown` is false, so callers say that totals leave backhaul out
// (refusing would leave a province without 4G no budget answer at all).
import type { Costs, Dataset } from '../types.ts';

export interface SiteCostTable {
  /** Each point's cost as a site, hamlets then schools, in the costs' currency. */
  cost: Float64Array;
  /** Each point's km to the nearest 4G/5G tower on air; NaN when there is none. */
  backhaulKm: Float64Array;
  /** False when no point has a nearest 4G/5G tower (and backhaul is priced 0). */
  backhaulKnown: boolean;
}

/** One site's cost, summed in the contract's order (site, solar, backhaul). */
export function siteCost(costs: Costs, gridPower: boolean, backhaulKm: number): number {
  const solar = gridPower ? 0 : costs.solarCapex;
  const backhaul = Number.isNaN(backhaulKm) ? 0 : costs.backhaulPerKm * backhaulKm;
  return costs.siteCapex + solar + backhaul;
}

/**
 * Every point's cost as a site. `nearest4gKm`: the engine's classification in `planned`
 * (NaN when no 4G/5G tower is on air), index-aligned with hamlets then schools. Schools
 * have no `grid_power` in the contract, so they never pay for solar.
 */
export function siteCostTable(dataset: Pick<Dataset, 'hamlets' | 'schools'>, nearest4gKm: Float64Array, costs: Costs): SiteCostTable {
  const { hamlets, schools } = dataset;
  const n = hamlets.length + schools.length;
  if (nearest4gKm.length !== n) throw new RangeError(`nearest4gKm has ${nearest4gKm.length} entries for ${n} points`);
  const cost = new Float64Array(n);
  let backhaulKnown = n === 0;
  for (let i = 0; i < n; i++) {
    const km = nearest4gKm[i]!;
    if (!Number.isNaN(km)) backhaulKnown = true;
    cost[i] = siteCost(costs, i < hamlets.length ? hamlets[i]!.gridPower : true, km);
  }
  return { cost, backhaulKm: nearest4gKm, backhaulKnown };
}
