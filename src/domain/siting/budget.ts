// Budget mode (contract "Version 2", `siting --budget`): the sites whose total cost is ≤ the
// budget (and at most k of them) that make the most weight newly good. This is budgeted
// maximum coverage, NP-hard, so two answers:
//
// - greedy (instant): a lazy greedy by gain per cost, skipping sites that no longer fit, and
//   the best single site if that gains more. Without a count cap this is within ½(1 − 1/e)
//   of the optimum (Khuller, Moss & Naor 1999).
// - exact: the integer program below, solved by HiGHS (exact.ts), which proves optimality or,
//   at its time limit, gives its best answer and a proven upper bound.
//
//   max Σ w_g y_g   s.t.  y_g ≤ Σ_{s covers g} x_s,  Σ cost_s x_s ≤ budget,  Σ x_s ≤ k,
//   x binary, 0 ≤ y ≤ 1.
//
// Demand entries covered by the same set of affordable sites are one group g (weights
// summed): same constraint, fewer rows.
import type { SitingInstance } from './instance.ts';
import { checkStop, cover, gainOf, type SitingControl } from './instance.ts';
import { LazyHeap } from './lazy-heap.ts';

/** Sites as slots of the instance (its `sites` order), with their costs. */
export interface BudgetProblem {
  instance: SitingInstance;
  /** Cost of each slot (instance.sites[s]'s cost). */
  cost: Float64Array;
  budget: number;
  /** Most sites; Infinity for none. */
  k: number;
}

export interface Choice {
  /** Slots in the order their gains are counted: each the largest marginal gain of those left. */
  slots: number[];
  /** Marginal gain of each slot, given those before it. */
  gains: number[];
  gain: number;
  totalCost: number;
}

/**
 * The slots ordered by marginal gain (largest first, ties to the lower slot), dropping any that
 * gains nothing given the others (it would only cost). The gains then read like the plain
 * greedy's: non-increasing, summing to the set's coverage.
 */
export function orderByGain(problem: BudgetProblem, chosen: readonly number[]): Choice {
  const { instance, cost } = problem;
  const covered = new Uint8Array(instance.demandWeight.length);
  const key = new Float64Array(instance.sites.length);
  for (const s of chosen) key[s] = gainOf(instance, s, covered);
  const heap = new LazyHeap(key, chosen);
  const out: Choice = { slots: [], gains: [], gain: 0, totalCost: 0 };
  while (heap.size > 0) {
    const s = heap.pop();
    const gain = gainOf(instance, s, covered);
    if (!(gain > 0)) continue;
    key[s] = gain;
    if (heap.size > 0 && heap.above(heap.top(), s)) {
      heap.push(s);
      continue;
    }
    cover(instance, s, covered);
    out.slots.push(s);
    out.gains.push(gain);
    out.gain += gain;
    out.totalCost += cost[s]!;
  }
  return out;
}

/** The slots that fit the budget alone and cover something. */
export function affordable(problem: BudgetProblem): number[] {
  const { instance, cost, budget, k } = problem;
  const out: number[] = [];
  if (!(k >= 1)) return out;
  for (let s = 0; s < instance.sites.length; s++) {
    if (cost[s]! <= budget && instance.covStart[s + 1]! > instance.covStart[s]!) out.push(s);
  }
  return out;
}

/**
 * The instant answer: the lazy greedy by gain per cost and the best single site, whichever
 * gains more (ties to the greedy). A site that costs nothing ranks first (gain / 0 = ∞).
 */
export function greedyBudget(problem: BudgetProblem, control: SitingControl = {}): Choice {
  const { instance, cost, budget, k } = problem;
  const slots = affordable(problem);
  const covered = new Uint8Array(instance.demandWeight.length);
  const ratio = new Float64Array(instance.sites.length);
  let best = -1;
  let bestGain = 0;
  for (const s of slots) {
    const gain = gainOf(instance, s, covered);
    ratio[s] = gain / cost[s]!;
    if (gain > bestGain) [best, bestGain] = [s, gain];
  }
  const heap = new LazyHeap(ratio, slots);
  const picked: number[] = [];
  let left = budget;
  while (picked.length < k && heap.size > 0) {
    const s = heap.pop();
    if (cost[s]! > left) continue; // what is left only shrinks: it never fits again
    const gain = gainOf(instance, s, covered);
    if (!(gain > 0)) continue;
    ratio[s] = gain / cost[s]!;
    if (heap.size > 0 && heap.above(heap.top(), s)) {
      heap.push(s);
      continue;
    }
    cover(instance, s, covered);
    picked.push(s);
    left -= cost[s]!;
    checkStop(control);
  }
  const greedy = orderByGain(problem, picked);
  // Floating sums: keep the exact total within the budget even if `left` drifted.
  if (greedy.totalCost > budget) return orderByGain(problem, []);
  return best >= 0 && bestGain > greedy.gain ? orderByGain(problem, [best]) : greedy;
}

/** Every demand entry some affordable site covers: a bound no choice can pass. */
export function coverableWeight(problem: BudgetProblem): number {
  const { instance } = problem;
  const reach = new Uint8Array(instance.demandWeight.length);
  for (const s of affordable(problem)) cover(instance, s, reach);
  let total = 0;
  for (let d = 0; d < reach.length; d++) if (reach[d] === 1) total += instance.demandWeight[d]!;
  return total;
}

export interface Groups {
  /** The affordable slots, the model's x columns in this order. */
  slots: Int32Array;
  /** Weight of each group (demand entries with the same covering slots). */
  weight: Float64Array;
  /** Group g is covered by columns colOf[start[g] .. start[g + 1]) (indexes into `slots`), ascending. */
  start: Int32Array;
  columns: Int32Array;
}

/**
 * Demand entries grouped by the set of `slots` covering them (default: the affordable ones;
 * entries none covers are left out). Lists are matched by a hash of their columns, checked
 * in full on a hit (string keys took ~300 ms on 100k points).
 */
export function groupDemand(problem: BudgetProblem, slots: Int32Array = Int32Array.from(affordable(problem))): Groups {
  const { instance } = problem;
  const demandCount = instance.demandWeight.length;
  // Transpose the slots' coverage: for each demand entry, its covering columns.
  const count = new Int32Array(demandCount + 1);
  for (const s of slots) for (let q = instance.covStart[s]!; q < instance.covStart[s + 1]!; q++) count[instance.covItems[q]! + 1]!++;
  for (let d = 0; d < demandCount; d++) count[d + 1]! += count[d]!;
  const fill = count.slice(0, demandCount);
  const cols = new Int32Array(count[demandCount]!);
  slots.forEach((s, column) => {
    for (let q = instance.covStart[s]!; q < instance.covStart[s + 1]!; q++) cols[fill[instance.covItems[q]!]!++] = column;
  });
  const firstByHash = new Map<number, number>();
  const nextGroup: number[] = [];
  const weights: number[] = [];
  const starts: number[] = [0];
  const columns: number[] = [];
  const sameList = (g: number, from: number, to: number): boolean => {
    if (starts[g + 1]! - starts[g]! !== to - from) return false;
    for (let q = from, r = starts[g]!; q < to; q++, r++) if (cols[q] !== columns[r]) return false;
    return true;
  };
  for (let d = 0; d < demandCount; d++) {
    const from = count[d]!;
    const to = count[d + 1]!;
    if (from === to) continue;
    let h = 0x811c9dc5 ^ (to - from);
    for (let q = from; q < to; q++) h = Math.imul(h ^ cols[q]!, 0x01000193);
    let g = firstByHash.get(h);
    let last = -1;
    while (g !== undefined && g >= 0 && !sameList(g, from, to)) {
      last = g;
      g = nextGroup[g]!;
    }
    if (g !== undefined && g >= 0) {
      weights[g]! += instance.demandWeight[d]!;
      continue;
    }
    const added = weights.length;
    weights.push(instance.demandWeight[d]!);
    nextGroup.push(-1);
    for (let q = from; q < to; q++) columns.push(cols[q]!);
    starts.push(columns.length);
    if (last >= 0) nextGroup[last] = added;
    else firstByHash.set(h, added);
  }
  return { slots, weight: Float64Array.from(weights), start: Int32Array.from(starts), columns: Int32Array.from(columns) };
}

/**
 * A proven bound from submodularity, cheap at any size: for any set S, the optimum is at most
 * f(S) + Σ_{j ∈ OPT} δ_j(S) (δ_j(S): site j's gain given S), and OPT fits the budget and k,
 * so the sum is at most the best fractional knapsack of the δ (by δ per cost) and at most the
 * k largest δ. Taken over S = each prefix of `sequence` (at most `maxSets` of them, spread),
 * the smallest value. Not rounded.
 */
export function submodularBound(problem: BudgetProblem, sequence: readonly number[], maxSets = 48): number {
  const { instance, cost, budget, k } = problem;
  const slots = affordable(problem);
  const covered = new Uint8Array(instance.demandWeight.length);
  const delta = new Float64Array(instance.sites.length);
  const order = slots.slice();
  let best = Infinity;
  let f = 0;
  const step = Math.max(1, Math.ceil((sequence.length + 1) / maxSets));
  for (let t = 0; t <= sequence.length; t++) {
    if (t > 0) {
      const s = sequence[t - 1]!;
      f += gainOf(instance, s, covered);
      cover(instance, s, covered);
    }
    if (t % step !== 0 && t !== sequence.length) continue;
    for (const s of slots) delta[s] = gainOf(instance, s, covered);
    // Fractional knapsack: free sites first, then by gain per cost.
    order.sort((a, b) => {
      const ra = cost[a]! > 0 ? delta[a]! / cost[a]! : Infinity;
      const rb = cost[b]! > 0 ? delta[b]! / cost[b]! : Infinity;
      return rb - ra || a - b;
    });
    let left = budget;
    let knapsack = 0;
    for (const s of order) {
      if (!(delta[s]! > 0)) continue;
      if (cost[s]! <= left) {
        knapsack += delta[s]!;
        left -= cost[s]!;
      } else {
        knapsack += (delta[s]! * left) / cost[s]!;
        break;
      }
    }
    let topK = knapsack;
    if (k < slots.length) {
      const gains = slots.map((s) => delta[s]!).sort((a, b) => b - a);
      topK = 0;
      for (let j = 0; j < k; j++) topK += gains[j]!;
    }
    best = Math.min(best, f + Math.min(knapsack, topK));
  }
  return best;
}
