// Target mode (issue 18 item 3, an extension of the contract): the cheapest set of sites that
// brings an indicator (hamlets, population or schools with good signal, in `planned`) to a
// chosen percentage, or the word that it cannot. The same grouped model as the budget mode
// (budget.ts) with the roles swapped:
//
//   min Σ cost_s x_s   s.t.  y_g ≤ Σ_{s covers g} x_s,  Σ w_g y_g ≥ needed,  Σ x_s ≤ k,
//   x binary, 0 ≤ y ≤ 1.
//
// The greedy by gain per cost until the target is met is the instant answer and HiGHS's start.
// HiGHS proves the cheapest cost to a relative 1e-9 (costs are fractional đồng), and its dual
// bound is a proven lower bound on the cost. The answer is re-checked in exact sums: if
// HiGHS's tolerance left it short of the target, the greedy's answer stands instead.
import type { Highs } from 'highs';
import type { Dataset } from '../types.ts';
import { coverableWeight, groupDemand, orderByGain, type BudgetProblem, type Choice } from './budget.ts';
import { buildInstance, cover, gainOf, SitingCancelled, type SitingControl } from './instance.ts';
import { LazyHeap } from './lazy-heap.ts';
import { plan, type BudgetPlan } from './within-budget.ts';

export type Indicator = 'hamlets' | 'population' | 'schools';
export const INDICATORS: readonly Indicator[] = ['hamlets', 'population', 'schools'];

/** Each point's share of the indicator: 1 per hamlet, its population, or 1 per school. */
export function indicatorWeights(dataset: Pick<Dataset, 'hamlets' | 'schools'>, indicator: Indicator): Float64Array {
  const { hamlets, schools } = dataset;
  const out = new Float64Array(hamlets.length + schools.length);
  if (indicator === 'hamlets') out.fill(1, 0, hamlets.length);
  else if (indicator === 'population') hamlets.forEach((h, i) => (out[i] = h.population));
  else out.fill(1, hamlets.length);
  return out;
}

/** The least newly good weight that makes (baseline + gain) / total ≥ pct %, compared exactly. */
export function neededGain(baseline: number, total: number, pct: number): number {
  const reaches = (gain: number): boolean => (baseline + gain) * 100 >= pct * total;
  let gain = Math.max(0, Math.ceil((pct * total) / 100 - baseline));
  while (gain > 0 && reaches(gain - 1)) gain--;
  while (!reaches(gain)) gain++;
  return gain;
}

export interface TargetOptions extends SitingControl {
  indicator: Indicator;
  /** Percentage to reach, 0..100. */
  targetPct: number;
  /** Most sites; undefined for no cap. */
  k?: number;
  radiusKm: number;
  /** Each point's cost as a site, hamlets then schools. */
  cost: Float64Array;
  timeLimitS: number;
  /** Where sites may go (point indexes); default: every point not good. */
  candidates?: Int32Array;
  /** Each point's share of the indicator instead of indicatorWeights' (candidate places weigh 0). */
  pointWeights?: Float64Array;
}

export interface TargetResult extends BudgetPlan {
  /** Indicator's weight good already, and in all. */
  baselineGood: number;
  totalWeight: number;
  candidateCount: number;
  /** Newly good weight the target needs. */
  needed: number;
  /** The most any choice (within k) could make good: the target is out of reach above it. */
  reachable: number;
  /** False when no choice of sites was found that reaches the target. */
  feasible: boolean;
  /**
   * Proven: with `feasible`, no cheaper choice reaches the target (to HiGHS's relative 1e-9);
   * without, no choice within k reaches it at all (else: none found within the time limit).
   */
  optimal: boolean;
  /** A proven lower bound on the cost of reaching the target. */
  lowerBound: number;
  greedy: BudgetPlan;
  status: string;
}

/**
 * Lazy greedy by gain per cost until `needed` is met (or k sites, or nothing gains): the slots
 * and their gains in the order picked, so that the running sums are what each amount of
 * money buys greedily (the cost–coverage curve).
 */
export function ratioGreedy(problem: BudgetProblem, needed: number): { slots: number[]; gains: number[] } {
  const { instance, cost, k } = problem;
  const covered = new Uint8Array(instance.demandWeight.length);
  const ratio = new Float64Array(instance.sites.length);
  const live: number[] = [];
  for (let s = 0; s < instance.sites.length; s++) {
    const gain = gainOf(instance, s, covered);
    if (gain > 0) {
      ratio[s] = gain / cost[s]!;
      live.push(s);
    }
  }
  const heap = new LazyHeap(ratio, live);
  const slots: number[] = [];
  const gains: number[] = [];
  let total = 0;
  while (total < needed && slots.length < k && heap.size > 0) {
    const s = heap.pop();
    const gain = gainOf(instance, s, covered);
    if (!(gain > 0)) continue;
    ratio[s] = gain / cost[s]!;
    if (heap.size > 0 && heap.above(heap.top(), s)) {
      heap.push(s);
      continue;
    }
    cover(instance, s, covered);
    slots.push(s);
    gains.push(gain);
    total += gain;
  }
  return { slots, gains };
}

/** The target's greedy answer, listed by gain. */
export function greedyTarget(problem: BudgetProblem, needed: number): Choice {
  return orderByGain(problem, ratioGreedy(problem, needed).slots);
}

/** HiGHS on the target model; the chosen slots, status, and dual bound (a lower bound on cost). */
function solveTarget(highs: Highs, problem: BudgetProblem, needed: number, start: Choice | undefined, options: TargetOptions) {
  const groups = groupDemand(problem);
  const m = groups.slots.length;
  const g = groups.weight.length;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const row = (entries: [number, number][], lower: number, upper: number): void => {
    for (const [column, value] of entries.sort((a, b) => a[0] - b[0])) {
      indices.push(column);
      values.push(value);
    }
    starts.push(indices.length);
    rowLower.push(lower);
    rowUpper.push(upper);
  };
  for (let r = 0; r < g; r++) {
    const entries: [number, number][] = [[m + r, 1]];
    for (let q = groups.start[r]!; q < groups.start[r + 1]!; q++) entries.push([groups.columns[q]!, -1]);
    row(entries, -highs.infinity, 0);
  }
  row(Array.from(groups.weight, (w, r): [number, number] => [m + r, w]), needed, highs.infinity);
  if (problem.k < m) row(Array.from({ length: m }, (_, column): [number, number] => [column, 1]), -highs.infinity, problem.k);
  const numRows = rowLower.length;
  const numCols = m + g;
  const model = highs.createModel({
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.minimize,
    colCost: Float64Array.from({ length: numCols }, (_, j) => (j < m ? problem.cost[groups.slots[j]!]! : 0)),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: { format: 'csr', numRows, numCols, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: Int32Array.from({ length: numCols }, (_, j) => (j < m ? 1 : 0)) as Int32Array,
  });
  try {
    // Presolve off, as in exact.ts.
    model.options.set({ output_flag: false, time_limit: options.timeLimitS, mip_rel_gap: 1e-9, presolve: 'off' });
    if (start) {
      const colValue = new Float64Array(numCols);
      const chosen = new Set(start.slots);
      groups.slots.forEach((s, column) => (colValue[column] = chosen.has(s) ? 1 : 0));
      for (let r = 0; r < g; r++) {
        for (let q = groups.start[r]!; q < groups.start[r + 1]!; q++) if (colValue[groups.columns[q]!] === 1) colValue[m + r] = 1;
      }
      model.setSolution({ colValue });
    }
    let cancelled = false;
    model.run({
      [highs.constants.callbackType.mipInterrupt](event) {
        if (options.shouldStop?.() === true) {
          cancelled = true;
          event.interrupt();
        }
      },
    });
    if (cancelled) throw new SitingCancelled();
    const status = model.getModelStatus();
    const chosen: number[] = [];
    if (Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible) {
      const x = model.getSolution().colValue;
      for (let column = 0; column < m; column++) if (x[column]! > 0.5) chosen.push(groups.slots[column]!);
    }
    return { chosen, status, dualBound: Number(model.info.get('mip_dual_bound')) };
  } finally {
    model.dispose();
  }
}

/**
 * The cheapest sites bringing `options.indicator` to `options.targetPct` % in `planned`
 * (`level`: each point's LEVEL_* code), or `feasible: false` when no choice within k can.
 */
export function chooseSitesForTarget(highs: Highs, dataset: Pick<Dataset, 'hamlets' | 'schools'>, level: Uint8Array, options: TargetOptions): TargetResult {
  const { cost, targetPct } = options;
  if (!(targetPct >= 0 && targetPct <= 100)) throw new RangeError(`targetPct must be within 0..100, not ${targetPct}`);
  const k = options.k ?? Infinity;
  const instance = buildInstance(dataset, level, {
    radiusKm: options.radiusKm,
    weight: 'population',
    pointWeights: options.pointWeights ?? indicatorWeights(dataset, options.indicator),
    siteKey: (p) => cost[p]!,
    ...(options.candidates ? { candidates: options.candidates } : {}),
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const slotCost = Float64Array.from(instance.sites, (p) => cost[p]!);
  const problem: BudgetProblem = { instance, cost: slotCost, budget: Infinity, k };
  const needed = neededGain(instance.baselineGood, instance.totalWeight, targetPct);
  // Within k, at most the k largest single gains; and never more than all reachable demand.
  const singles = Array.from(instance.sites, (_, s) => gainOf(instance, s, new Uint8Array(instance.demandWeight.length))).sort((a, b) => b - a);
  const reachable = Math.min(coverableWeight(problem), k < singles.length ? singles.slice(0, k).reduce((a, b) => a + b, 0) : Infinity);
  const base = { baselineGood: instance.baselineGood, totalWeight: instance.totalWeight, candidateCount: instance.candidateCount, needed, reachable };
  const none: BudgetPlan = { sites: [], gain: 0, totalCost: 0 };
  if (needed === 0) return { ...base, ...none, feasible: true, optimal: true, lowerBound: 0, greedy: none, status: 'Reached already' };
  if (reachable < needed) return { ...base, ...none, feasible: false, optimal: true, lowerBound: Infinity, greedy: none, status: 'Out of reach' };

  const greedy = greedyTarget(problem, needed);
  const greedyOk = greedy.gain >= needed;
  const run = solveTarget(highs, problem, needed, greedyOk ? greedy : undefined, options);
  const exact = orderByGain(problem, run.chosen);
  const exactOk = exact.gain >= needed && exact.slots.length <= k;
  const best = exactOk && (!greedyOk || exact.totalCost <= greedy.totalCost) ? exact : greedy;
  const feasible = exactOk || greedyOk;
  const dual = Number.isFinite(run.dualBound) ? run.dualBound * (1 - 1e-9) : 0;
  const status = ({ 7: 'Optimal', 8: 'Infeasible', 13: 'Time limit reached' } as Record<number, string>)[run.status] ?? `HiGHS status ${run.status}`;
  if (!feasible) {
    // HiGHS proved it out of reach (within k), or no answer was found within the time limit.
    return { ...base, ...none, feasible: false, optimal: run.status === 8, lowerBound: run.status === 8 ? Infinity : dual, greedy: none, status };
  }
  const optimal = run.status === 7 && best === exact;
  return {
    ...base,
    ...plan(dataset, instance, slotCost, best),
    feasible: true,
    optimal,
    lowerBound: Math.min(optimal ? best.totalCost : dual, best.totalCost),
    greedy: greedyOk ? plan(dataset, instance, slotCost, greedy) : none,
    status,
  };
}
