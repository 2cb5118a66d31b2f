// candidates.geojson (an extension of contract "Version 2", issue 18 item 6): points of places
// the province can build on. Each feature: a Point, `id` (unique text), optional `name`,
// optional `cost_vnd` (a number ≥ 0 that replaces the computed cost of a site there).
//
// The siting model works on point indexes (hamlets then schools), so the places join the
// dataset as hamlets that weigh nothing (population and students 0): they cover demand but
// are none, and every index-aligned table (levels, costs) is computed on the joined dataset.
// The hamlets indicator counts hamlets: the target mode gives the places no weight (placeWeightless).
// The file itself is read by parse/candidates.ts.
import type { CandidatePlace, Dataset, Hamlet } from '../types.ts';
import { LEVEL_GOOD } from '../coverage/columns.ts';
import type { Site } from './siting.ts';

export type { CandidatePlace } from '../types.ts';

/** `only`: sites only at the candidates; `also`: at the candidates and at the points not good. */
export type CandidateUse = 'only' | 'also';
export const CANDIDATE_USES: readonly CandidateUse[] = ['only', 'also'];

type Points = Pick<Dataset, 'hamlets' | 'schools'>;

export interface JoinedCandidates<D extends Points = Dataset> {
  /** The dataset with the places as weightless hamlets after its own. */
  dataset: D;
  /** The places' point indexes in the joined dataset. */
  indexes: Int32Array;
}

export function joinCandidates<D extends Points>(dataset: D, places: readonly CandidatePlace[]): JoinedCandidates<D> {
  const first = dataset.hamlets.length;
  const extra = places.map((p): Hamlet => ({ id: p.id, name: p.name ?? p.id, lon: p.lon, lat: p.lat, population: 0, students: 0, gridPower: true, synthetic: false }));
  return { dataset: { ...dataset, hamlets: [...dataset.hamlets, ...extra] }, indexes: Int32Array.from(places, (_, j) => first + j) };
}

/** A per-point column of the data set with the places' values put where joinCandidates puts the places. */
export function afterHamlets<T extends Uint8Array | Float64Array>(points: T, places: T, hamletCount: number): T {
  const out = new (points.constructor as new (length: number) => T)(points.length + places.length);
  out.set(points.subarray(0, hamletCount));
  out.set(places, hamletCount);
  out.set(points.subarray(hamletCount), hamletCount + places.length);
  return out;
}

/** Where sites may go: the places, and with `also` the points not good (`level`: the joined dataset's). */
export function candidateSites(joined: JoinedCandidates<Points>, level: Uint8Array, use: CandidateUse): Int32Array {
  if (use === 'only') return joined.indexes;
  const out = Array.from(joined.indexes);
  const firstPlace = joined.indexes[0] ?? -1;
  const places = joined.indexes.length;
  for (let i = 0; i < level.length; i++) if (level[i] !== LEVEL_GOOD && !(i >= firstPlace && i < firstPlace + places)) out.push(i);
  return Int32Array.from(out);
}

/** Each place's own cost (cost_vnd) over the computed one, in the joined dataset's cost table. */
export function applyCostOverrides(cost: Float64Array, joined: JoinedCandidates<Points>, places: readonly CandidatePlace[]): void {
  places.forEach((p, j) => {
    if (p.costVnd !== undefined) cost[joined.indexes[j]!] = p.costVnd;
  });
}

/** Whether point `point` of the joined dataset is one of the places. */
export function isPlace(joined: JoinedCandidates<Points>, point: number): boolean {
  const first = joined.indexes[0] ?? Infinity;
  return point >= first && point < first + joined.indexes.length;
}

/** The weights with the places' set to 0: they cover demand but are none (the hamlets indicator counts 1 per hamlet). */
export function placeWeightless(weights: Float64Array, joined: JoinedCandidates<Points>): Float64Array {
  const out = Float64Array.from(weights);
  for (const p of joined.indexes) out[p] = 0;
  return out;
}

/** The sites with those at a place marked `candidate`, under the place's name. */
export function markPlaces<S extends Site>(sites: readonly S[], joined: JoinedCandidates<Points>): S[] {
  return sites.map((site) => (isPlace(joined, site.point) ? { ...site, kind: 'candidate', name: joined.dataset.hamlets[site.point]!.name } : site));
}
