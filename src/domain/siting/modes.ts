// The app's siting questions (issue 18): "the best K sites", "what a budget buys" and "the
// cheapest way to a target", each answered twice: at once by a lazy greedy (greedyAnswer), then
// exactly by HiGHS with a proven bound (exactAnswer, run off the engine's thread). Both price
// every site (costs.ts) and give the cost–coverage curve: what each amount of money buys,
// greedily (the ratio greedy's running sums) and exactly (the budget model at a few amounts).
import type { Highs } from 'highs';
import type { Costs, Dataset } from '../types.ts';
import { greedyBudget, type BudgetProblem } from './budget.ts';
import { solveBudget } from './exact.ts';
import { buildInstance, type SitingControl, type SitingInstance, type SitingWeight } from './instance.ts';
import { chooseSites } from './siting.ts';
import { chooseSitesForTarget, greedyTarget, indicatorWeights, neededGain, ratioGreedy, type Indicator } from './target.ts';
import { chooseSitesWithinBudget, plan, type BudgetSite } from './within-budget.ts';
import { markPlaces, placeWeightless, type CandidateUse, type JoinedCandidates } from './candidates.ts';

export type SitingMode = 'k' | 'budget' | 'target';
export const SITING_MODES: readonly SitingMode[] = ['k', 'budget', 'target'];

export interface SitingRequest {
  mode: SitingMode;
  /** K mode: how many sites; budget and target modes: an optional cap (undefined: none). */
  k?: number;
  /** Budget mode: most money, in the costs' currency. */
  budget?: number;
  /** Target mode: the indicator and the percentage to reach. */
  targetPct?: number;
  indicator?: Indicator;
  radiusKm: number;
  /** What the K and budget modes weigh (the target mode weighs its indicator). */
  weight: SitingWeight;
  /** The costs as edited in the panel (costs.json's, else the contract's defaults). */
  costs: Costs;
  /** Seconds HiGHS may search for the answer (the curve's points get less each). */
  timeLimitS: number;
  /**
   * Where sites may go: absent, every point not good; `only`, candidates.geojson's places;
   * `also`, the places and the points not good (the caller's SiteScope).
   */
  candidateUse?: CandidateUse;
}

/** Sites only at `sites` (point indexes of `joined.dataset`): the places of candidates.geojson, see candidates.ts. */
export interface SiteScope {
  joined: JoinedCandidates<Pick<Dataset, 'hamlets' | 'schools'>>;
  sites: Int32Array;
}

/** One point of the cost–coverage curve: money spent and the share of the weight then good (%). */
export interface CurvePoint {
  cost: number;
  pct: number;
}

/** An exact point: the most the budget can buy, proven (optimal) or with the bound's share. */
export interface ExactCurvePoint extends CurvePoint {
  budget: number;
  optimal: boolean;
  boundPct: number;
}

export interface SitingAnswer {
  mode: SitingMode;
  /** The weight (or indicator) good already, and in all. */
  baselineGood: number;
  totalWeight: number;
  candidateCount: number;
  /** Listed by gain (each the largest given those before), each with its cost. */
  sites: BudgetSite[];
  gain: number;
  totalCost: number;
  /** Target mode: the newly good weight the target needs (0 elsewhere). */
  needed: number;
  /** False when the target is not reached (always true in the other modes). */
  feasible: boolean;
  /** The greedy's cost–coverage curve, from (0, baseline). */
  curve: CurvePoint[];
}

export interface ExactAnswer extends Omit<SitingAnswer, 'curve'> {
  /** Proven: in K and budget modes no choice gains more; in target mode none reaching it costs less. */
  optimal: boolean;
  /** K and budget modes: a proven upper bound on the gain; target mode: a proven lower bound on the cost. */
  bound: number;
  /** How HiGHS ended, in its words. */
  status: string;
  /** Exact points of the cost–coverage curve. */
  exactCurve: ExactCurvePoint[];
}

type Points = Pick<Dataset, 'hamlets' | 'schools'>;

const share = (good: number, total: number): number => (total > 0 ? (100 * good) / total : 100);

/** The instance and problem every answer of `request` uses: its weights, twins merged by cost. */
function problemOf(dataset: Points, level: Uint8Array, cost: Float64Array, request: SitingRequest, control: SitingControl, scope?: SiteScope): { instance: SitingInstance; problem: BudgetProblem } {
  const instance = buildInstance(dataset, level, {
    radiusKm: request.radiusKm,
    weight: request.weight,
    ...(request.mode === 'target' ? { pointWeights: targetWeights(dataset, request, scope) } : {}),
    ...(scope ? { candidates: scope.sites } : {}),
    siteKey: (p) => cost[p]!,
    ...(control.shouldStop ? { shouldStop: control.shouldStop } : {}),
    // K mode's greedy builds its own instance after this one and tells its progress there.
    ...(control.onProgress && request.mode !== 'k' ? { onProgress: control.onProgress } : {}),
  });
  const slotCost = Float64Array.from(instance.sites, (p) => cost[p]!);
  const budget = request.mode === 'budget' ? (request.budget ?? 0) : slotCost.reduce((a, b) => a + b, 0);
  return { instance, problem: { instance, cost: slotCost, budget, k: request.k ?? Infinity } };
}

/** Each point's share of the target's indicator; candidate places have none. */
function targetWeights(dataset: Points, request: SitingRequest, scope: SiteScope | undefined): Float64Array {
  const weights = indicatorWeights(dataset, request.indicator ?? 'population');
  return scope ? placeWeightless(weights, scope.joined) : weights;
}

/** The sites with the places among them marked as such. */
const marked = <S extends BudgetSite>(sites: S[], scope: SiteScope | undefined): S[] => (scope ? markPlaces(sites, scope.joined) : sites);

/** What each amount of money buys by the ratio greedy: its running sums from nothing spent. */
function greedyCurve(problem: BudgetProblem): CurvePoint[] {
  const { instance, cost } = problem;
  const { slots, gains } = ratioGreedy({ ...problem, k: Infinity }, Infinity);
  const out: CurvePoint[] = [{ cost: 0, pct: share(instance.baselineGood, instance.totalWeight) }];
  let spent = 0;
  let good = instance.baselineGood;
  slots.forEach((s, j) => {
    spent += cost[s]!;
    good += gains[j]!;
    out.push({ cost: spent, pct: share(good, instance.totalWeight) });
  });
  return out;
}

/**
 * The instant answer (lazy greedy) to `request`; `level` and `cost` per point, hamlets then
 * schools, in `planned`; `scope`: where sites may go when not at every point not good.
 */
export function greedyAnswer(dataset: Points, level: Uint8Array, cost: Float64Array, request: SitingRequest, control: SitingControl = {}, scope?: SiteScope): SitingAnswer {
  const { instance, problem } = problemOf(dataset, level, cost, request, control, scope);
  const base = { mode: request.mode, baselineGood: instance.baselineGood, totalWeight: instance.totalWeight, candidateCount: instance.candidateCount, curve: greedyCurve(problem) };
  if (request.mode === 'k') {
    const result = chooseSites(dataset, level, { k: request.k ?? 0, radiusKm: request.radiusKm, weight: request.weight, ...control, ...(scope ? { candidates: scope.sites } : {}) });
    const sites = marked(result.sites.map((site) => ({ ...site, cost: cost[site.point]! })), scope);
    const gain = sites.at(-1)?.cumulative ?? 0;
    return { ...base, sites, gain, totalCost: sites.reduce((sum, s) => sum + s.cost, 0), needed: 0, feasible: true };
  }
  if (request.mode === 'budget') {
    const answer = plan(dataset, instance, problem.cost, greedyBudget(problem, control));
    return { ...base, ...answer, sites: marked(answer.sites, scope), needed: 0, feasible: true };
  }
  const needed = neededGain(instance.baselineGood, instance.totalWeight, request.targetPct ?? 100);
  const answer = plan(dataset, instance, problem.cost, greedyTarget(problem, needed));
  return { ...base, ...answer, sites: marked(answer.sites, scope), needed, feasible: answer.gain >= needed };
}

export interface ExactControl extends SitingControl {
  /** HiGHS's best gain (or cost) and bound as they improve. */
  onBounds?: (value: number, bound: number) => void;
  /** The curve's exact points done, out of their count. */
  onCurve?: (done: number, total: number) => void;
}

/** How many exact points the cost–coverage curve gets, spread over the greedy's whole spend. */
export const EXACT_CURVE_POINTS = 5;

/** The exact answer to `request` (HiGHS, proven or with a bound), then the curve's exact points. */
export function exactAnswer(highs: Highs, dataset: Points, level: Uint8Array, cost: Float64Array, request: SitingRequest, control: ExactControl = {}, scope?: SiteScope): ExactAnswer {
  const { instance, problem } = problemOf(dataset, level, cost, request, control, scope);
  const within = scope ? { candidates: scope.sites } : {};
  const stop = control.shouldStop ? { shouldStop: control.shouldStop } : {};
  const head = { mode: request.mode, baselineGood: instance.baselineGood, totalWeight: instance.totalWeight, candidateCount: instance.candidateCount };
  let main: Omit<ExactAnswer, 'exactCurve'>;
  if (request.mode === 'target') {
    const result = chooseSitesForTarget(highs, dataset, level, {
      indicator: request.indicator ?? 'population',
      targetPct: request.targetPct ?? 100,
      ...(request.k === undefined ? {} : { k: request.k }),
      radiusKm: request.radiusKm,
      cost,
      timeLimitS: request.timeLimitS,
      ...within,
      ...(scope ? { pointWeights: targetWeights(dataset, request, scope) } : {}),
      ...stop,
    });
    const bound = Number.isFinite(result.lowerBound) ? result.lowerBound : Infinity;
    main = { ...head, sites: marked(result.sites, scope), gain: result.gain, totalCost: result.totalCost, needed: result.needed, feasible: result.feasible, optimal: result.optimal, bound, status: result.status };
  } else {
    // K mode is the budget model with the whole spend allowed and the count capped.
    const result = chooseSitesWithinBudget(highs, dataset, level, {
      budget: problem.budget,
      ...(request.k === undefined ? {} : { k: request.k }),
      radiusKm: request.radiusKm,
      weight: request.weight,
      cost,
      timeLimitS: request.timeLimitS,
      ...within,
      ...stop,
      ...(control.onBounds ? { onBounds: control.onBounds } : {}),
    });
    main = { ...head, sites: marked(result.sites, scope), gain: result.gain, totalCost: result.totalCost, needed: 0, feasible: true, optimal: result.optimal, bound: result.upperBound, status: result.status };
  }
  // The curve's exact points: what each of a few amounts buys at best, up to the greedy's full spend.
  const full = greedyCurve(problem).at(-1)?.cost ?? 0;
  const exactCurve: ExactCurvePoint[] = [];
  const perPoint = Math.max(0.5, Math.min(2, request.timeLimitS / 4));
  for (let j = 1; full > 0 && j <= EXACT_CURVE_POINTS; j++) {
    const budget = (full * j) / EXACT_CURVE_POINTS;
    const answer = solveBudget(highs, { ...problem, budget, k: Infinity }, { timeLimitS: perPoint, ...stop });
    const good = instance.baselineGood + answer.choice.gain;
    exactCurve.push({
      budget,
      cost: answer.choice.totalCost,
      pct: share(good, instance.totalWeight),
      optimal: answer.optimal,
      boundPct: share(instance.baselineGood + answer.upperBound, instance.totalWeight),
    });
    control.onCurve?.(j, EXACT_CURVE_POINTS);
  }
  return { ...main, exactCurve };
}
