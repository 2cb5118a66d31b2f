// The budget mode's integer program (budget.ts) solved by HiGHS, passed in already loaded so
// that Node and a web worker each load the WebAssembly their own way (`highs` is MIT, a
// well-kept branch-and-cut MIP solver; its WebAssembly build runs in both).
//
// What is proven and how:
// - Weights are the contract's integers, so with `mip_abs_gap` 0.99 HiGHS reports "Optimal"
//   only when no answer can gain one more (0.01 left for its own rounding): then it is exact.
//   Otherwise the bound is HiGHS's dual bound, rounded down to an integer after a relative
//   1e-6 margin for its tolerances, and never above the weight any affordable site reaches.
// - HiGHS checks the budget row within its feasibility tolerance (relative to the budget: a
//   1 đồng overshoot on 1.5 billion passes), so the answer is re-checked here in exact sums.
//   One that overshoots is cut off by an extended cover inequality (extendedCover), which
//   removes no true answer and so keeps every proof valid, and the model is solved again.
// - The greedy's answer is given to HiGHS as a start, and kept if HiGHS finds nothing better.
import type { Highs } from 'highs';
import { affordable, coverableWeight, greedyBudget, groupDemand, orderByGain, submodularBound, type BudgetProblem, type Choice, type Groups } from './budget.ts';
import { dropDominated } from './dominated.ts';
import { SitingCancelled, type SitingControl } from './instance.ts';

export interface ExactOptions extends SitingControl {
  /** Seconds the whole run may take (from `startedAt`) before it reports its best answer and bound. */
  timeLimitS: number;
  /** When the run began (Date.now()), if before solveBudget (e.g. building the instance); default: on entry. */
  startedAt?: number;
  /** The solver's best gain and bound as they improve (its own figures, before the checks here). */
  onBounds?: (gain: number, bound: number) => void;
}

export interface BudgetAnswer {
  choice: Choice;
  /** The instant greedy answer (also a start for the solver). */
  greedy: Choice;
  /** True only when no choice within the budget (and k) gains more. */
  optimal: boolean;
  /** No choice within the budget (and k) gains more than this. */
  upperBound: number;
  /** HiGHS's model status in words ("Optimal", "Time limit reached", …), or why it did not run. */
  status: string;
  /** Rows and columns of the model after grouping (before HiGHS's presolve). */
  rows: number;
  columns: number;
}

const STATUS_WORDS: Record<number, string> = {
  7: 'Optimal',
  8: 'Infeasible',
  13: 'Time limit reached',
  14: 'Iteration limit reached',
  15: 'Unknown',
  17: 'Interrupted',
};

function integral(values: Float64Array): boolean {
  for (const v of values) if (!Number.isInteger(v)) return false;
  return true;
}

/** The model's arrays: x (one per affordable slot) then y (one per group); cover rows, then budget and count rows. */
/** Σ x over `columns` ≤ `limit`. */
interface Cut {
  columns: number[];
  limit: number;
}

function modelData(highs: Highs, problem: BudgetProblem, groups: Groups, cuts: readonly Cut[]) {
  const m = groups.slots.length;
  const g = groups.weight.length;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowUpper: number[] = [];
  for (let row = 0; row < g; row++) {
    indices.push(m + row);
    values.push(1);
    for (let q = groups.start[row]!; q < groups.start[row + 1]!; q++) {
      indices.push(groups.columns[q]!);
      values.push(-1);
    }
    starts.push(indices.length);
    rowUpper.push(0);
  }
  // The budget row, scaled to a right-hand side of 1 so HiGHS's tolerances are relative to it.
  let costSum = 0;
  for (const s of groups.slots) costSum += problem.cost[s]!;
  if (costSum > problem.budget && problem.budget > 0) {
    groups.slots.forEach((s, column) => {
      if (problem.cost[s]! > 0) {
        indices.push(column);
        values.push(problem.cost[s]! / problem.budget);
      }
    });
    starts.push(indices.length);
    rowUpper.push(1);
  }
  if (problem.k < m) {
    for (let column = 0; column < m; column++) {
      indices.push(column);
      values.push(1);
    }
    starts.push(indices.length);
    rowUpper.push(problem.k);
  }
  for (const cut of cuts) {
    for (const column of [...cut.columns].sort((a, b) => a - b)) {
      indices.push(column);
      values.push(1);
    }
    starts.push(indices.length);
    rowUpper.push(cut.limit);
  }
  const numRows = rowUpper.length;
  const numCols = m + g;
  return {
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from({ length: numCols }, (_, j) => (j < m ? 0 : groups.weight[j - m]!)),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: new Float64Array(numRows).fill(-highs.infinity),
    rowUpper: Float64Array.from(rowUpper),
    matrix: { format: 'csr' as const, numRows, numCols, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: Int32Array.from({ length: numCols }, (_, j) => (j < m ? 1 : 0)) as Int32Array,
  };
}

interface Run {
  chosen: number[];
  status: number;
  dualBound: number;
  rows: number;
}

function runOnce(
  highs: Highs,
  problem: BudgetProblem,
  groups: Groups,
  start: readonly number[],
  cuts: readonly Cut[],
  wholeWeights: boolean,
  options: ExactOptions,
): Run {
  const data = modelData(highs, problem, groups, cuts);
  const m = groups.slots.length;
  const model = highs.createModel(data);
  try {
    model.options.set({
      output_flag: false,
      time_limit: options.timeLimitS,
      mip_rel_gap: 0,
      mip_abs_gap: wholeWeights ? 0.99 : 1e-9,
      // Off: HiGHS 1.15's presolve called a model optimal one below its optimum when the budget
      // row mixed costs of 1.5e9 and 3, and at 100k points it spent the whole time limit.
      presolve: 'off',
      primal_feasibility_tolerance: 1e-9,
      mip_feasibility_tolerance: 1e-9,
    });
    // The greedy's answer as the first incumbent (a dropped site's place taken by its dominator).
    const columnOf = new Map<number, number>();
    groups.slots.forEach((s, column) => columnOf.set(s, column));
    const colValue = new Float64Array(data.numCols);
    for (const s of start) colValue[columnOf.get(s)!] = 1;
    for (let row = 0; row < groups.weight.length; row++) {
      for (let q = groups.start[row]!; q < groups.start[row + 1]!; q++) if (colValue[groups.columns[q]!] === 1) colValue[m + row] = 1;
    }
    model.setSolution({ colValue });
    let cancelled = false;
    const C = highs.constants.callbackType;
    model.run({
      [C.mipInterrupt](event) {
        if (options.shouldStop?.() === true) {
          cancelled = true;
          event.interrupt();
        }
      },
      [C.mipImprovingSolution](event) {
        const { mip_primal_bound: gain, mip_dual_bound: bound } = event.data;
        if (gain !== undefined && bound !== undefined) options.onBounds?.(gain, bound);
      },
    });
    if (cancelled) throw new SitingCancelled();
    const status = model.getModelStatus();
    const dual = Number(model.info.get('mip_dual_bound'));
    const feasible = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const chosen: number[] = [];
    if (feasible) {
      const x = model.getSolution().colValue;
      for (let column = 0; column < m; column++) if (x[column]! > 0.5) chosen.push(groups.slots[column]!);
    }
    return { chosen, status, dualBound: dual, rows: data.numRows };
  } finally {
    model.dispose();
  }
}

/** The share of the time left given to HiGHS as its own limit. */
const TIME_SHARE = 0.75;

/** Solves at most this many times, each after a cover cut (see the top of the file). */
const MAX_SOLVES = 40;

/**
 * An extended cover of an over-budget choice: C, the dearest of `chosen` until they cost more
 * than the budget, then every affordable site costing at least C's dearest. Any |C| of them
 * cost at least what C costs, so at most |C| − 1 of them fit: Σ x ≤ |C| − 1 cuts off no
 * true answer, and one cut rules out many near-twins at once.
 */
function extendedCover(problem: BudgetProblem, groups: Groups, chosen: readonly number[]): { slots: number[]; size: number } {
  const byCost = [...chosen].sort((a, b) => problem.cost[b]! - problem.cost[a]! || a - b);
  const cover: number[] = [];
  let total = 0;
  for (const s of byCost) {
    if (total > problem.budget) break;
    cover.push(s);
    total += problem.cost[s]!;
  }
  const dearest = problem.cost[cover[0]!]!;
  const inCover = new Set(cover);
  const extended = [...groups.slots].filter((s) => inCover.has(s) || problem.cost[s]! >= dearest);
  return { slots: extended, size: cover.length };
}

/** Budget mode, greedy then exact (see the top of budget.ts and of this file). */
export function solveBudget(highs: Highs, problem: BudgetProblem, options: ExactOptions): BudgetAnswer {
  const started = options.startedAt ?? Date.now();
  const greedy = greedyBudget(problem, options);
  // The model without dominated sites (dominated.ts), demand grouped by the sites kept.
  const kept = dropDominated(problem, affordable(problem));
  const groups = groupDemand(problem, kept.slots);
  const startOf = (choice: Choice): number[] => [...new Set(choice.slots.map((s) => kept.keptFor[s]!))];
  // Bounds that need no solver: the weight any affordable site reaches, and submodularity's.
  const wholeWeights = integral(problem.instance.demandWeight);
  const margin = (v: number): number => v + 1e-9 * Math.max(1, Math.abs(v));
  const submodular = margin(submodularBound(problem, greedy.slots));
  const reachable = Math.min(coverableWeight(problem), wholeWeights ? Math.floor(submodular) : submodular);
  const columns = groups.slots.length + groups.weight.length;
  const answer = (choice: Choice, optimal: boolean, upperBound: number, status: string, rows: number, columns: number): BudgetAnswer => ({
    choice,
    greedy,
    optimal,
    upperBound: optimal ? choice.gain : Math.max(choice.gain, upperBound),
    status,
    rows,
    columns,
  });
  // Every reachable entry covered by the greedy: nothing can gain more.
  if (greedy.gain >= reachable) return answer(greedy, true, reachable, 'Solved without the solver', 0, 0);

  const cuts: Cut[] = [];
  const columnOf = new Map<number, number>();
  groups.slots.forEach((s, column) => columnOf.set(s, column));
  let last: Run | undefined;
  let best = greedy;
  let proven = false;
  for (let attempt = 0; attempt < MAX_SOLVES; attempt++) {
    // HiGHS stops a little after its limit and the model takes time to build: keep a reserve.
    const leftS = Math.max(0.2, TIME_SHARE * (options.timeLimitS - (Date.now() - started) / 1000));
    last = runOnce(highs, problem, groups, startOf(best), cuts, wholeWeights, { ...options, timeLimitS: leftS });
    const choice = orderByGain(problem, last.chosen);
    if (choice.totalCost <= problem.budget) {
      if (choice.gain > best.gain || (choice.gain === best.gain && last.status === 7)) best = choice;
      proven = last.status === 7 && best === choice;
      break;
    }
    const cut = extendedCover(problem, groups, last.chosen);
    cuts.push({ columns: cut.slots.map((s) => columnOf.get(s)!), limit: cut.size - 1 });
  }
  const dual = last!.dualBound;
  let bound = reachable;
  if (Number.isFinite(dual)) {
    const margin = 1e-6 * Math.max(1, Math.abs(dual));
    bound = Math.min(bound, wholeWeights ? Math.floor(dual + margin) : dual + margin);
  }
  const optimal = proven || (wholeWeights ? best.gain >= bound : best.gain >= bound * (1 - 1e-9));
  return answer(best, optimal, bound, STATUS_WORDS[last!.status] ?? `HiGHS status ${last!.status}`, last!.rows, columns);
}
