// `npm run siting -- … --budget AMOUNT`: the report of the budget mode (contract "Version 2").
// The contract's fields: per site `cost`; at the top `budget`, `total_cost`, `optimal`,
// `upper_bound`. Extensions: `currency`, `gain` (the total newly good weight), per site
// `backhaul_km` (null when no 4G/5G tower is on air), `backhaul_priced`, `greedy` (the instant
// answer and its gap to the bound) and `solver`.
import type { Highs } from 'highs';
import { onAirTowers, pointColumns } from '../domain/coverage/columns.ts';
import { classify } from '../domain/coverage/classify.ts';
import { DEFAULT_COSTS } from '../domain/parse/costs.ts';
import { siteCostTable } from '../domain/siting/costs.ts';
import type { SitingWeight } from '../domain/siting/instance.ts';
import { chooseSitesWithinBudget } from '../domain/siting/within-budget.ts';
import type { Dataset } from '../domain/types.ts';
import type { CommandIo } from './json-command.ts';

export const DEFAULT_TIME_LIMIT_S = 10;

export interface BudgetArgs {
  /** NaN for no cap. */
  k: number;
  radiusKm: number;
  weight: SitingWeight;
  budget: number;
  timeLimitS: number;
}

export interface BudgetReport {
  scenario: 'planned';
  /** Null when --k was not given (no cap on the count). */
  k: number | null;
  radius_km: number;
  weight: SitingWeight;
  baseline_good: number;
  total_weight: number;
  candidates: number;
  budget: number;
  currency: string;
  total_cost: number;
  gain: number;
  optimal: boolean;
  upper_bound: number;
  backhaul_priced: boolean;
  greedy: { gain: number; total_cost: number; gap_to_bound: number; sites: string[] };
  solver: { name: string; status: string; time_limit_s: number; rows: number; columns: number };
  sites: {
    at_id: string;
    lon: number;
    lat: number;
    gain: number;
    cumulative: number;
    cost: number;
    kind: 'hamlet' | 'school';
    grid_power: boolean;
    backhaul_km: number | null;
  }[];
}

/** The budget report: levels and nearest 4G/5G in `planned` by the engine, costs, then greedy and HiGHS. */
export function budgetReport(highs: Highs, dataset: Dataset, args: BudgetArgs, io: CommandIo): BudgetReport {
  const { level, nearest4gKm } = classify(pointColumns(dataset.hamlets, dataset.schools), onAirTowers(dataset.towers, 'planned'));
  const costs = dataset.costs ?? DEFAULT_COSTS;
  const table = siteCostTable(dataset, nearest4gKm, costs);
  if (!table.backhaulKnown && costs.backhaulPerKm > 0) {
    io.err('warning: no 4G/5G tower is on air in the planned scenario, so backhaul has no distance to price: site costs leave it out (backhaul_priced: false)');
  }
  const result = chooseSitesWithinBudget(highs, dataset, level, {
    budget: args.budget,
    ...(Number.isNaN(args.k) ? {} : { k: args.k }),
    radiusKm: args.radiusKm,
    weight: args.weight,
    cost: table.cost,
    timeLimitS: args.timeLimitS,
  });
  const gap = result.upperBound > 0 ? (result.upperBound - result.greedy.gain) / result.upperBound : 0;
  return {
    scenario: 'planned',
    k: Number.isNaN(args.k) ? null : args.k,
    radius_km: args.radiusKm,
    weight: args.weight,
    baseline_good: result.baselineGood,
    total_weight: result.totalWeight,
    candidates: result.candidateCount,
    budget: args.budget,
    currency: costs.currency,
    total_cost: result.totalCost,
    gain: result.gain,
    optimal: result.optimal,
    upper_bound: result.upperBound,
    backhaul_priced: table.backhaulKnown,
    greedy: { gain: result.greedy.gain, total_cost: result.greedy.totalCost, gap_to_bound: gap, sites: result.greedy.sites.map((s) => s.atId) },
    solver: { name: `HiGHS ${highs.version.string}`, status: result.status, time_limit_s: args.timeLimitS, rows: result.rows, columns: result.columns },
    sites: result.sites.map((site) => {
      const km = table.backhaulKm[site.point]!;
      return {
        at_id: site.atId,
        lon: site.lon,
        lat: site.lat,
        gain: site.gain,
        cumulative: site.cumulative,
        cost: site.cost,
        kind: site.kind,
        grid_power: site.gridPower,
        backhaul_km: Number.isNaN(km) ? null : km,
      };
    }),
  };
}
