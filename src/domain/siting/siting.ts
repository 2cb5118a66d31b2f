// Siting (shared/data-contract.md, "Command line", `siting`): choose up to k new 4G sites
// among candidate points to make the most not-yet-good weight good.
//
// Greedy, lazily evaluated. A site's gain (the demand weight it newly covers) can only shrink
// as other sites are chosen (coverage is submodular), so last round's gain is an upper bound
// on this round's. Each candidate sits in a binary max-heap keyed by (bound desc, point index
// asc). Pop the top, recompute its exact gain; if (gain, index) still beats the next top's
// (bound, index), no other candidate can beat it (their true gains are at most their
// bounds), so it is the naive argmax with ties to the lowest index; else it goes back with
// the fresh bound. Usually a handful of recomputations per round instead of one per
// candidate.
//
// Exactness: coverage is the contract's haversine ≤ radius (inclusive, forPointsWithin's
// exact test). Each coverage list is kept in ascending point order, so a gain is summed in
// the same order as a plain loop over the points; with the contract's integer weights every
// sum is exact anyway.
import type { Dataset } from '../types.ts';
import { LEVEL_GOOD } from '../coverage/columns.ts';
import { buildPointGrid, forPointsWithin, type PointCoordinates } from '../coverage/point-grid.ts';

export type SitingWeight = 'population' | 'students' | 'students_in_need';
export const SITING_WEIGHTS: readonly SitingWeight[] = ['population', 'students', 'students_in_need'];

export interface SitingOptions {
  /** Most sites to choose (an integer ≥ 0). Fewer come back when no site would gain. */
  k: number;
  /** A new site covers the points within this haversine distance (km, boundary included). */
  radiusKm: number;
  weight: SitingWeight;
  /**
   * Restrict the sites to these point indexes (hamlets then schools); duplicates are
   * ignored. Default: every point whose level is not good.
   */
  candidates?: Int32Array;
}

export interface Site {
  /** Index of the point: hamlets first, then schools. */
  point: number;
  /** The hamlet's or school's id. */
  atId: string;
  kind: 'hamlet' | 'school';
  lon: number;
  lat: number;
  /** Weight newly made good by this site, given the sites before it. */
  gain: number;
  /** Sum of the gains up to and including this site. */
  cumulative: number;
  /** False only for a hamlet with `grid_power: false` (a site there needs its own power). */
  gridPower: boolean;
}

export interface SitingResult {
  /** Sum of the weights of the points already good. */
  baselineGood: number;
  /** Sum of all the points' weights. */
  totalWeight: number;
  /** Candidate sites considered. */
  candidateCount: number;
  sites: Site[];
}

/**
 * Each point's weight, index-aligned with pointColumns (hamlets then schools):
 * `population` and `students` are the hamlets' (schools 0; a missing `students` is 0),
 * `students_in_need` the schools' (hamlets 0; missing is 0).
 */
export function sitingWeights(dataset: Pick<Dataset, 'hamlets' | 'schools'>, weight: SitingWeight): Float64Array {
  const { hamlets, schools } = dataset;
  const out = new Float64Array(hamlets.length + schools.length);
  if (weight === 'population') hamlets.forEach((h, i) => (out[i] = h.population));
  else if (weight === 'students') hamlets.forEach((h, i) => (out[i] = h.students ?? 0));
  else if (weight === 'students_in_need') schools.forEach((s, j) => (out[hamlets.length + j] = s.studentsInNeed ?? 0));
  else throw new RangeError(`unknown siting weight ${JSON.stringify(weight)}: use ${SITING_WEIGHTS.join(', ')}`);
  return out;
}

/** The candidate point indexes: the given ones sorted without duplicates, else every point not good. */
function candidateIndexes(level: Uint8Array, given: Int32Array | undefined): Int32Array {
  const n = level.length;
  if (given === undefined) {
    let count = 0;
    for (let i = 0; i < n; i++) if (level[i] !== LEVEL_GOOD) count++;
    const out = new Int32Array(count);
    let m = 0;
    for (let i = 0; i < n; i++) if (level[i] !== LEVEL_GOOD) out[m++] = i;
    return out;
  }
  const sorted = Int32Array.from(given).sort();
  let m = 0;
  for (let q = 0; q < sorted.length; q++) {
    const p = sorted[q]!;
    if (!(p >= 0 && p < n)) throw new RangeError(`candidate ${p} is not a point index (0 .. ${n - 1})`);
    if (m === 0 || sorted[m - 1] !== p) sorted[m++] = p;
  }
  return sorted.slice(0, m);
}

/**
 * Greedy choice of up to `options.k` sites (see the top of the file): each round the
 * candidate with the largest gain, ties to the lowest point index; stops early once the best
 * gain is 0. `level` holds each point's LEVEL_* code in the scenario (hamlets then schools).
 */
export function chooseSites(
  dataset: Pick<Dataset, 'hamlets' | 'schools'>,
  level: Uint8Array,
  options: SitingOptions,
): SitingResult {
  const { hamlets, schools } = dataset;
  const n = hamlets.length + schools.length;
  const { k, radiusKm } = options;
  if (level.length !== n) throw new RangeError(`level has ${level.length} entries for ${n} points`);
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be an integer ≥ 0, not ${k}`);
  if (!(radiusKm >= 0) || !Number.isFinite(radiusKm)) throw new RangeError(`radiusKm must be a finite number ≥ 0, not ${radiusKm}`);
  const weight = sitingWeights(dataset, options.weight);
  const lonOf = (i: number): number => (i < hamlets.length ? hamlets[i]!.lon : schools[i - hamlets.length]!.lon);
  const latOf = (i: number): number => (i < hamlets.length ? hamlets[i]!.lat : schools[i - hamlets.length]!.lat);

  // Totals, and the demand: points with weight that are not good yet, in point order.
  let totalWeight = 0;
  let baselineGood = 0;
  let demandCount = 0;
  for (let i = 0; i < n; i++) {
    const w = weight[i]!;
    totalWeight += w;
    if (level[i] === LEVEL_GOOD) baselineGood += w;
    else if (w > 0) demandCount++;
  }
  const demand: PointCoordinates = { count: demandCount, lon: new Float64Array(demandCount), lat: new Float64Array(demandCount) };
  const demandWeight = new Float64Array(demandCount);
  for (let i = 0, d = 0; i < n; i++) {
    const w = weight[i]!;
    if (level[i] === LEVEL_GOOD || !(w > 0)) continue;
    demand.lon[d] = lonOf(i);
    demand.lat[d] = latOf(i);
    demandWeight[d++] = w;
  }

  const candidates = candidateIndexes(level, options.candidates);
  const c = candidates.length;
  const result: SitingResult = { baselineGood, totalWeight, candidateCount: c, sites: [] };
  if (k === 0 || demandCount === 0 || c === 0) return result;

  // Coverage lists (CSR): the demand points within radiusKm of each candidate, ascending.
  const grid = buildPointGrid(demand, radiusKm);
  const covStart = new Int32Array(c + 1);
  let covItems = new Int32Array(Math.max(1024, 4 * c));
  let used = 0;
  let listStart = 0;
  const visit = (d: number): void => {
    if (used === covItems.length) {
      const grown = new Int32Array(covItems.length * 2);
      grown.set(covItems);
      covItems = grown;
    }
    covItems[used++] = d;
  };
  const bound = new Float64Array(c);
  for (let s = 0; s < c; s++) {
    const p = candidates[s]!;
    listStart = used;
    forPointsWithin(grid, demand, lonOf(p), latOf(p), radiusKm, visit);
    if (used - listStart > 1) covItems.subarray(listStart, used).sort();
    let g = 0;
    for (let q = listStart; q < used; q++) g += demandWeight[covItems[q]!]!;
    bound[s] = g;
    covStart[s + 1] = used;
  }

  // Max-heap of candidate slots by (bound desc, slot asc); slots are in point order, so the
  // slot breaks ties exactly as the point index does. Candidates that cover nothing stay out.
  const heap = new Int32Array(c);
  let size = 0;
  const above = (a: number, b: number): boolean => bound[a]! > bound[b]! || (bound[a] === bound[b] && a < b);
  const siftDown = (from: number): void => {
    let at = from;
    const item = heap[at]!;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && above(heap[right]!, heap[left]!) ? right : left;
      if (!above(heap[child]!, item)) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = item;
  };
  const siftUp = (from: number): void => {
    let at = from;
    const item = heap[at]!;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!above(item, heap[parent]!)) break;
      heap[at] = heap[parent]!;
      at = parent;
    }
    heap[at] = item;
  };
  for (let s = 0; s < c; s++) if (bound[s]! > 0) heap[size++] = s;
  for (let at = (size >> 1) - 1; at >= 0; at--) siftDown(at);

  const covered = new Uint8Array(demandCount);
  let cumulative = 0;
  while (result.sites.length < k && size > 0) {
    const s = heap[0]!;
    size--;
    if (size > 0) {
      heap[0] = heap[size]!;
      siftDown(0);
    }
    let gain = 0;
    const end = covStart[s + 1]!;
    for (let q = covStart[s]!; q < end; q++) {
      const d = covItems[q]!;
      if (covered[d] === 0) gain += demandWeight[d]!;
    }
    if (!(gain > 0)) continue; // bounds only fall: it can never gain again
    bound[s] = gain;
    if (size > 0 && above(heap[0]!, s)) {
      heap[size++] = s;
      siftUp(size - 1);
      continue;
    }
    for (let q = covStart[s]!; q < end; q++) covered[covItems[q]!] = 1;
    cumulative += gain;
    const p = candidates[s]!;
    const isHamlet = p < hamlets.length;
    const place = isHamlet ? hamlets[p]! : schools[p - hamlets.length]!;
    result.sites.push({
      point: p,
      atId: place.id,
      kind: isHamlet ? 'hamlet' : 'school',
      lon: place.lon,
      lat: place.lat,
      gain,
      cumulative,
      gridPower: isHamlet ? hamlets[p]!.gridPower : true,
    });
  }
  return result;
}
