// Siting (shared/data-contract.md, "Command line", `siting`): choose up to k new 4G sites
// among candidate points to make the most not-yet-good weight good.
//
// Greedy, lazily evaluated, on the instance of instance.ts (identical positions handled once).
// A site's gain (the demand weight it newly covers) can only shrink as other sites are chosen
// (coverage is submodular), so last round's gain is an upper bound on this round's. Each
// candidate sits in a binary max-heap keyed by (bound desc, point index asc). Pop the top,
// recompute its exact gain; if (gain, index) still beats the next top's (bound, index), no
// other candidate can beat it (their true gains are at most their bounds), so it is the naive
// argmax with ties to the lowest index; else it goes back with the fresh bound. Usually a
// handful of recomputations per round instead of one per candidate.
import type { Dataset } from '../types.ts';
import { buildInstance, checkStop, cover, gainOf, type InstanceOptions, type SitingControl, type SitingWeight } from './instance.ts';
import { LazyHeap } from './lazy-heap.ts';

export { SitingCancelled, SITING_WEIGHTS, sitingWeights, type SitingControl, type SitingWeight } from './instance.ts';

export interface SitingOptions extends SitingControl {
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
  /** `candidate`: a place of candidates.geojson (candidates.ts). */
  kind: 'hamlet' | 'school' | 'candidate';
  /** A candidate place's name (its id when it has none). */
  name?: string;
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
  const { k } = options;
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be an integer ≥ 0, not ${k}`);
  // Progress: the coverage lists (one unit per distinct candidate place), then one per pick.
  const { onProgress } = options;
  let places = 0;
  const instanceOptions: InstanceOptions = { radiusKm: options.radiusKm, weight: options.weight };
  if (options.candidates) instanceOptions.candidates = options.candidates;
  if (options.shouldStop) instanceOptions.shouldStop = options.shouldStop;
  if (onProgress) {
    instanceOptions.onProgress = (done, total) => {
      places = total;
      onProgress(done, total + k);
    };
  }
  const instance = buildInstance(dataset, level, instanceOptions);
  const result: SitingResult = {
    baselineGood: instance.baselineGood,
    totalWeight: instance.totalWeight,
    candidateCount: instance.candidateCount,
    sites: [],
  };
  const c = instance.sites.length;
  // Slots are in point order, so the heap's slot tie-break is the point index's.
  const bound = new Float64Array(c);
  const covered = new Uint8Array(instance.demandWeight.length);
  const live: number[] = [];
  for (let s = 0; s < c; s++) {
    bound[s] = gainOf(instance, s, covered);
    if (bound[s]! > 0) live.push(s); // candidates that cover nothing stay out
  }
  const heap = new LazyHeap(bound, live);
  let cumulative = 0;
  while (result.sites.length < k && heap.size > 0) {
    const s = heap.pop();
    const gain = gainOf(instance, s, covered);
    if (!(gain > 0)) continue; // bounds only fall: it can never gain again
    bound[s] = gain;
    if (heap.size > 0 && heap.above(heap.top(), s)) {
      heap.push(s);
      continue;
    }
    cover(instance, s, covered);
    cumulative += gain;
    const p = instance.sites[s]!;
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
    checkStop(options);
    onProgress?.(places + result.sites.length, places + k);
  }
  onProgress?.(places + k, places + k);
  return result;
}
