// `npm run siting -- … --budget AMOUNT`: the report of the budget mode (contract "Version 2"),
// and of the target mode (`--target-pct P --indicator …`, an extension) below it.
// The contract's fields: per site `cost`; at the top `budget`, `total_cost`, `optimal`,
// `upper_bound`. Extensions: `currency`, `gain` (the total newly good weight), per site
// `backhaul_km` (null when no 4G/5G tower is on air), `backhaul_priced`, `greedy` (the instant
// answer and its gap to the bound) and `solver`.
import type { Highs } from 'highs';
import { onAirTowers } from '../domain/coverage/columns.ts';
import { classify } from '../domain/coverage/classify.ts';
import { effectiveModel } from '../domain/coverage/report.ts';
import { coveragePoints } from '../domain/coverage/scenario-levels.ts';
import { DEFAULT_COSTS } from '../domain/parse/costs.ts';
import { siteCostTable } from '../domain/siting/costs.ts';
import { applyCostOverrides, candidateSites, joinCandidates, placeWeightless, type CandidatePlace, type CandidateUse } from '../domain/siting/candidates.ts';
import type { SitingWeight } from '../domain/siting/instance.ts';
import { chooseSitesForTarget, indicatorWeights, type Indicator } from '../domain/siting/target.ts';
import { chooseSitesWithinBudget, type BudgetSite } from '../domain/siting/within-budget.ts';
import type { Dataset } from '../domain/types.ts';
import type { CommandIo } from './json-command.ts';
import type { NetworkOptions } from './network-options.ts';

export const DEFAULT_TIME_LIMIT_S = 10;

export interface BudgetArgs {
  /** NaN for no cap. */
  k: number;
  radiusKm: number;
  weight: SitingWeight;
  budget: number;
  timeLimitS: number;
  /** --radius-model and --operator (rules 8-9): the planned levels and the backhaul's nearest tower. */
  network?: NetworkOptions;
  /** candidates.geojson's places and how they are used (siting/candidates.ts). */
  candidates?: { places: readonly CandidatePlace[]; use: CandidateUse };
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
    /** `candidate`: a place of candidates.geojson. */
    kind: 'hamlet' | 'school' | 'candidate';
    grid_power: boolean;
    backhaul_km: number | null;
  }[];
}

type ReportSite = BudgetReport['sites'][number];

/**
 * Levels and nearest 4G/5G in `planned` by the engine, under the radius model and with only
 * the operator's towers when asked (rule 9: only they count, for the backhaul too), and each
 * point's cost as a site.
 */
function pricedLevels(dataset: Dataset, io: CommandIo, network: NetworkOptions = {}, placeIds: ReadonlySet<string> = new Set()) {
  const model = effectiveModel(dataset, network.radiusModel);
  const towers = onAirTowers(dataset.towers, 'planned', network.operator === undefined ? { model } : { model, operator: network.operator });
  const { level, nearest4gKm } = classify(coveragePoints(dataset), towers);
  const costs = dataset.costs ?? DEFAULT_COSTS;
  const table = siteCostTable(dataset, nearest4gKm, costs);
  if (!table.backhaulKnown && costs.backhaulPerKm > 0) {
    io.err('warning: no 4G/5G tower is on air in the planned scenario, so backhaul has no distance to price: site costs leave it out (backhaul_priced: false)');
  }
  const firstPlace = dataset.hamlets.length - placeIds.size;
  const site = (s: BudgetSite): ReportSite => {
    const km = table.backhaulKm[s.point]!;
    return {
      at_id: s.atId,
      lon: s.lon,
      lat: s.lat,
      gain: s.gain,
      cumulative: s.cumulative,
      cost: s.cost,
      kind: s.kind === 'hamlet' && s.point >= firstPlace && placeIds.has(s.atId) ? 'candidate' : s.kind,
      grid_power: s.gridPower,
      backhaul_km: Number.isNaN(km) ? null : km,
    };
  };
  return { level, costs, table, site };
}

/** The data set with candidates.geojson's places joined (when given), priced; a place's own cost wins. */
function pricedWithCandidates(given: Dataset, args: Pick<BudgetArgs, 'network' | 'candidates'>, io: CommandIo) {
  const joined = args.candidates ? joinCandidates(given, args.candidates.places) : undefined;
  const dataset = joined?.dataset ?? given;
  const placeIds = new Set(args.candidates?.places.map((p) => p.id));
  const priced = pricedLevels(dataset, io, args.network, placeIds);
  if (joined && args.candidates) applyCostOverrides(priced.table.cost, joined, args.candidates.places);
  return { joined, dataset, ...priced };
}

/** The budget report: levels and costs, then greedy and HiGHS. */
export function budgetReport(highs: Highs, given: Dataset, args: BudgetArgs, io: CommandIo): BudgetReport {
  const { joined, dataset, level, costs, table, site } = pricedWithCandidates(given, args, io);
  const result = chooseSitesWithinBudget(highs, dataset, level, {
    ...(joined && args.candidates ? { candidates: candidateSites(joined, level, args.candidates.use) } : {}),
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
    sites: result.sites.map(site),
  };
}

export interface TargetArgs {
  /** NaN for no cap. */
  k: number;
  radiusKm: number;
  indicator: Indicator;
  targetPct: number;
  timeLimitS: number;
  network?: NetworkOptions;
  /** candidates.geojson's places and how they are used; the places count for no indicator. */
  candidates?: { places: readonly CandidatePlace[]; use: CandidateUse };
}

export interface TargetReport {
  scenario: 'planned';
  mode: 'target';
  indicator: Indicator;
  target_pct: number;
  k: number | null;
  radius_km: number;
  /** The indicator's weight good already and in all (hamlets, people or schools). */
  baseline_good: number;
  total: number;
  baseline_pct: number;
  /** Newly good weight the target needs. */
  needed: number;
  /** The most any choice (within k) could reach, in %. */
  reachable_pct: number;
  /** False when no choice reaching the target was found (see `optimal`). */
  feasible: boolean;
  /** With `feasible`: no cheaper choice reaches the target; without: none can at all. */
  optimal: boolean;
  currency: string;
  total_cost: number;
  /** A proven lower bound on the cost of reaching the target. */
  lower_bound: number | null;
  gain: number;
  reached_pct: number;
  backhaul_priced: boolean;
  greedy: { gain: number; total_cost: number; sites: string[] };
  solver: { name: string; status: string; time_limit_s: number };
  sites: ReportSite[];
}

const pct = (part: number, whole: number): number => (whole > 0 ? (100 * part) / whole : 100);

/** The target report: the cheapest sites bringing the indicator to the target, or why not. */
export function targetReport(highs: Highs, given: Dataset, args: TargetArgs, io: CommandIo): TargetReport {
  const { joined, dataset, level, costs, table, site } = pricedWithCandidates(given, args, io);
  const result = chooseSitesForTarget(highs, dataset, level, {
    ...(joined && args.candidates
      ? { candidates: candidateSites(joined, level, args.candidates.use), pointWeights: placeWeightless(indicatorWeights(dataset, args.indicator), joined) }
      : {}),
    indicator: args.indicator,
    targetPct: args.targetPct,
    ...(Number.isNaN(args.k) ? {} : { k: args.k }),
    radiusKm: args.radiusKm,
    cost: table.cost,
    timeLimitS: args.timeLimitS,
  });
  const reachablePct = pct(result.baselineGood + result.reachable, result.totalWeight);
  if (!result.feasible) {
    io.err(
      result.optimal
        ? `note: ${args.indicator} good cannot reach ${args.targetPct} % with new sites of ${args.radiusKm} km${Number.isNaN(args.k) ? '' : ` (at most ${args.k})`}: at most ${reachablePct.toFixed(1)} %`
        : `note: no choice of sites reaching ${args.targetPct} % was found within ${args.timeLimitS} s; try a longer --time-limit`,
    );
  }
  return {
    scenario: 'planned',
    mode: 'target',
    indicator: args.indicator,
    target_pct: args.targetPct,
    k: Number.isNaN(args.k) ? null : args.k,
    radius_km: args.radiusKm,
    baseline_good: result.baselineGood,
    total: result.totalWeight,
    baseline_pct: pct(result.baselineGood, result.totalWeight),
    needed: result.needed,
    reachable_pct: reachablePct,
    feasible: result.feasible,
    optimal: result.optimal,
    currency: costs.currency,
    total_cost: result.totalCost,
    lower_bound: Number.isFinite(result.lowerBound) ? result.lowerBound : null,
    gain: result.gain,
    reached_pct: pct(result.baselineGood + result.gain, result.totalWeight),
    backhaul_priced: table.backhaulKnown,
    greedy: { gain: result.greedy.gain, total_cost: result.greedy.totalCost, sites: result.greedy.sites.map((s) => s.atId) },
    solver: { name: `HiGHS ${highs.version.string}`, status: result.status, time_limit_s: args.timeLimitS },
    sites: result.sites.map(site),
  };
}
