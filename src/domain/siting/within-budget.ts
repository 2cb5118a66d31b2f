// Budget mode on a dataset: the instance (instance.ts), each site's cost (costs.ts), then the
// greedy and exact answers (budget.ts, exact.ts), as sites the way chooseSites gives them.
import type { Highs } from 'highs';
import type { Dataset } from '../types.ts';
import type { Choice } from './budget.ts';
import { solveBudget } from './exact.ts';
import { buildInstance, type SitingControl, type SitingInstance, type SitingWeight } from './instance.ts';
import type { Site } from './siting.ts';

export interface BudgetOptions extends SitingControl {
  /** Most money to spend, in the costs' currency (≥ 0). */
  budget: number;
  /** Most sites (an integer ≥ 0); undefined for no cap. */
  k?: number;
  radiusKm: number;
  weight: SitingWeight;
  /** Each point's cost as a site (siteCostTable), hamlets then schools. */
  cost: Float64Array;
  /** Seconds the whole run (instance included) may take before it reports its best answer and bound. */
  timeLimitS: number;
  candidates?: Int32Array;
  onBounds?: (gain: number, bound: number) => void;
}

export interface BudgetSite extends Site {
  cost: number;
}

export interface BudgetPlan {
  sites: BudgetSite[];
  gain: number;
  totalCost: number;
}

export interface BudgetResult extends BudgetPlan {
  baselineGood: number;
  totalWeight: number;
  candidateCount: number;
  /** True only when proven: no choice within the budget (and k) gains more. */
  optimal: boolean;
  /** A proven bound on the best gain within the budget (and k). */
  upperBound: number;
  /** The instant answer: lazy greedy by gain per cost, or the best single site. */
  greedy: BudgetPlan;
  /** How the exact search ended, in HiGHS's words. */
  status: string;
  /** Model size after grouping demand with the same covering sites. */
  rows: number;
  columns: number;
}

/** `cost`: each slot's. */
export function plan(dataset: Pick<Dataset, 'hamlets' | 'schools'>, instance: SitingInstance, cost: Float64Array, choice: Choice): BudgetPlan {
  const { hamlets, schools } = dataset;
  let cumulative = 0;
  const sites = choice.slots.map((s, j): BudgetSite => {
    const p = instance.sites[s]!;
    const isHamlet = p < hamlets.length;
    const place = isHamlet ? hamlets[p]! : schools[p - hamlets.length]!;
    cumulative += choice.gains[j]!;
    return {
      point: p,
      atId: place.id,
      kind: isHamlet ? 'hamlet' : 'school',
      lon: place.lon,
      lat: place.lat,
      gain: choice.gains[j]!,
      cumulative,
      gridPower: isHamlet ? hamlets[p]!.gridPower : true,
      cost: cost[s]!,
    };
  });
  // Summed in the order shown, as a reader of the output would.
  const totalCost = sites.reduce((sum, site) => sum + site.cost, 0);
  return { sites, gain: choice.gain, totalCost };
}

/**
 * The sites within `options.budget` (and k) that make the most weight newly good, proven
 * optimal or with a proven bound (see exact.ts). `level`: each point's LEVEL_* code in
 * `planned`. Twins (same place and cost) count once, the first in point order.
 */
export function chooseSitesWithinBudget(
  highs: Highs,
  dataset: Pick<Dataset, 'hamlets' | 'schools'>,
  level: Uint8Array,
  options: BudgetOptions,
): BudgetResult {
  const startedAt = Date.now();
  const { budget, cost } = options;
  const k = options.k ?? Infinity;
  if (!(budget >= 0) || !Number.isFinite(budget)) throw new RangeError(`budget must be a finite number ≥ 0, not ${budget}`);
  if (k !== Infinity && (!Number.isInteger(k) || k < 0)) throw new RangeError(`k must be an integer ≥ 0, not ${k}`);
  if (cost.length !== level.length) throw new RangeError(`cost has ${cost.length} entries for ${level.length} points`);
  const instance = buildInstance(dataset, level, {
    radiusKm: options.radiusKm,
    weight: options.weight,
    siteKey: (p) => cost[p]!,
    ...(options.candidates ? { candidates: options.candidates } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
  });
  const slotCost = Float64Array.from(instance.sites, (p) => cost[p]!);
  const answer = solveBudget(highs, { instance, cost: slotCost, budget, k }, { ...options, startedAt });
  const best = plan(dataset, instance, slotCost, answer.choice);
  return {
    ...best,
    baselineGood: instance.baselineGood,
    totalWeight: instance.totalWeight,
    candidateCount: instance.candidateCount,
    optimal: answer.optimal,
    upperBound: answer.upperBound,
    greedy: plan(dataset, instance, slotCost, answer.greedy),
    status: answer.status,
    rows: answer.rows,
    columns: answer.columns,
  };
}
