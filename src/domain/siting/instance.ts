// The coverage instance every siting mode works on: which demand each candidate site covers.
//
// Identical positions are handled once (issue 13 item 7: geocoding puts many points on a
// commune centre). Demand points at one position become one demand entry with their weights
// summed. Candidates at one position cover the same demand in every round, so only the first
// in point order can ever be chosen: the plain greedy breaks ties to the lowest index, and once
// it is chosen the others gain nothing; for the budget and target modes its twins are the same
// set at the same cost (the cost depends on the place and the hamlet's grid power, so twins are
// only merged when their costs agree, see `siteKey`). Without this, 100k points at one place
// build 100k coverage lists of 100k entries each.
//
// Exactness: coverage is the contract's haversine ≤ radius (inclusive, forPointsWithin's exact
// test). The contract's weights are integers, so every sum is exact in any order.
import type { Dataset } from '../types.ts';
import { LEVEL_GOOD } from '../coverage/columns.ts';
import { buildPointGrid, forPointsWithin, type PointCoordinates } from '../coverage/point-grid.ts';

export type SitingWeight = 'population' | 'students' | 'students_in_need';
export const SITING_WEIGHTS: readonly SitingWeight[] = ['population', 'students', 'students_in_need'];

/** Thrown by a siting run whose `shouldStop` said yes. */
export class SitingCancelled extends Error {
  constructor() {
    super('siting cancelled');
    this.name = 'SitingCancelled';
  }
}

/** Progress and cancellation for a long run (the app's worker passes them). */
export interface SitingControl {
  /** Called now and then with work done out of the total (units are the run's own). */
  onProgress?: (done: number, total: number) => void;
  /** Asked now and then; true stops the run with SitingCancelled. */
  shouldStop?: () => boolean;
}

export interface InstanceOptions extends SitingControl {
  /** A new site covers the points within this haversine distance (km, boundary included). */
  radiusKm: number;
  weight: SitingWeight;
  /**
   * Restrict the sites to these point indexes (hamlets then schools); duplicates are
   * ignored. Default: every point whose level is not good.
   */
  candidates?: Int32Array;
  /** Each point's weight (hamlets then schools) instead of `weight`'s, e.g. 1 per hamlet. */
  pointWeights?: Float64Array;
  /**
   * Optional per-point key (e.g. its cost): candidates at one position are merged only when
   * their keys are equal too, so the first of each (position, key) stays.
   */
  siteKey?: (point: number) => number;
}

export interface SitingInstance {
  /** Sum of the weights of the points already good. */
  baselineGood: number;
  /** Sum of all the points' weights. */
  totalWeight: number;
  /** Candidate points considered (before merging twins). */
  candidateCount: number;
  /** One point index per distinct candidate place, ascending: the first of its twins. */
  sites: Int32Array;
  /** Weight of each demand entry (a distinct position of not-good points with weight). */
  demandWeight: Float64Array;
  /** Site s covers demand entries covItems[covStart[s] .. covStart[s + 1]), ascending. */
  covStart: Int32Array;
  covItems: Int32Array;
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
 * Distinct places in first-seen order: a place is (lon, lat) and an optional number (a site's
 * cost). An open-addressing hash on the numbers' bits in typed arrays sized once (a Map of
 * chains took ~100 ms per 100k points, the largest share of building an instance). -0 and 0
 * are one place, as for haversine (`+ 0` turns -0 into 0 before hashing; === agrees).
 */
class Places {
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  private readonly extra: Float64Array;
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly bits = new Float64Array(3);
  private readonly words = new Int32Array(this.bits.buffer);
  count = 0;

  /** `capacity`: the most places that will be added. */
  constructor(capacity: number) {
    this.lon = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.extra = new Float64Array(capacity);
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** The place's slot; a new place gets the next one (== the count before the call). */
  slot(lon: number, lat: number, extra = 0): number {
    const { bits, words, table, mask } = this;
    bits[0] = lon + 0;
    bits[1] = lat + 0;
    bits[2] = extra + 0;
    let h = 0x811c9dc5;
    for (let w = 0; w < 6; w++) h = Math.imul(h ^ words[w]!, 0x01000193);
    h ^= h >>> 15;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const slot = table[at]!;
      if (slot < 0) {
        const added = this.count++;
        this.lon[added] = lon;
        this.lat[added] = lat;
        this.extra[added] = extra;
        table[at] = added;
        return added;
      }
      if (this.lon[slot] === lon && this.lat[slot] === lat && this.extra[slot] === extra) return slot;
    }
  }
}

/** How often (in candidates) the coverage lists report progress and ask whether to stop. */
const CHECK_EVERY = 512;

export function checkStop(control: SitingControl): void {
  if (control.shouldStop?.() === true) throw new SitingCancelled();
}

/**
 * The instance for `level` (each point's LEVEL_* code, hamlets then schools). Progress counts
 * candidates whose coverage list is built, out of the distinct candidate places.
 */
export function buildInstance(
  dataset: Pick<Dataset, 'hamlets' | 'schools'>,
  level: Uint8Array,
  options: InstanceOptions,
): SitingInstance {
  const { hamlets, schools } = dataset;
  const n = hamlets.length + schools.length;
  const { radiusKm } = options;
  if (level.length !== n) throw new RangeError(`level has ${level.length} entries for ${n} points`);
  if (!(radiusKm >= 0) || !Number.isFinite(radiusKm)) throw new RangeError(`radiusKm must be a finite number ≥ 0, not ${radiusKm}`);
  const weight = options.pointWeights ?? sitingWeights(dataset, options.weight);
  if (weight.length !== n) throw new RangeError(`pointWeights has ${weight.length} entries for ${n} points`);
  // Coordinates copied once into typed arrays: the loops below read them many times.
  const lons = new Float64Array(n);
  const lats = new Float64Array(n);
  hamlets.forEach((h, i) => ((lons[i] = h.lon), (lats[i] = h.lat)));
  schools.forEach((s, j) => ((lons[hamlets.length + j] = s.lon), (lats[hamlets.length + j] = s.lat)));

  // Totals, and the demand: one entry per distinct position of not-good points with weight.
  let totalWeight = 0;
  let baselineGood = 0;
  const places = new Places(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = weight[i]!;
    totalWeight += w;
    if (level[i] === LEVEL_GOOD) {
      baselineGood += w;
      continue;
    }
    if (!(w > 0)) continue;
    weights[places.slot(lons[i]!, lats[i]!)]! += w;
  }
  const demandCount = places.count;
  const demand: PointCoordinates = { count: demandCount, lon: places.lon.subarray(0, demandCount), lat: places.lat.subarray(0, demandCount) };
  const demandWeight = weights.slice(0, demandCount);

  // Distinct candidate places: the first candidate of each (position, key).
  const candidates = candidateIndexes(level, options.candidates);
  const sitePlaces = new Places(candidates.length);
  const firsts = new Int32Array(candidates.length);
  for (const p of candidates) {
    const before = sitePlaces.count;
    if (sitePlaces.slot(lons[p]!, lats[p]!, options.siteKey?.(p) ?? 0) === before) firsts[before] = p;
  }
  const sites = firsts.slice(0, sitePlaces.count);
  const c = sites.length;

  // Coverage lists (CSR): the demand entries within radiusKm of each site, ascending.
  const covStart = new Int32Array(c + 1);
  let covItems = new Int32Array(Math.max(1024, 4 * c));
  let used = 0;
  const visit = (d: number): void => {
    if (used === covItems.length) {
      const grown = new Int32Array(covItems.length * 2);
      grown.set(covItems);
      covItems = grown;
    }
    covItems[used++] = d;
  };
  if (demandCount > 0) {
    const grid = buildPointGrid(demand, radiusKm);
    for (let s = 0; s < c; s++) {
      if (s % CHECK_EVERY === 0) {
        checkStop(options);
        options.onProgress?.(s, c);
      }
      const p = sites[s]!;
      const listStart = used;
      forPointsWithin(grid, demand, lons[p]!, lats[p]!, radiusKm, visit);
      if (used - listStart > 1) covItems.subarray(listStart, used).sort();
      covStart[s + 1] = used;
    }
  }
  options.onProgress?.(c, c);
  return { baselineGood, totalWeight, candidateCount: candidates.length, sites, demandWeight, covStart, covItems: covItems.slice(0, used) };
}

/** Site s's coverage: the sum of the weights of the demand entries it covers that `covered` does not mark. */
export function gainOf(instance: SitingInstance, s: number, covered: Uint8Array): number {
  const { covStart, covItems, demandWeight } = instance;
  let gain = 0;
  for (let q = covStart[s]!, end = covStart[s + 1]!; q < end; q++) {
    const d = covItems[q]!;
    if (covered[d] === 0) gain += demandWeight[d]!;
  }
  return gain;
}

/** Marks site s's demand covered. */
export function cover(instance: SitingInstance, s: number, covered: Uint8Array): void {
  const { covStart, covItems } = instance;
  for (let q = covStart[s]!, end = covStart[s + 1]!; q < end; q++) covered[covItems[q]!] = 1;
}
