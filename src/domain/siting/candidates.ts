// candidates.geojson (an extension of contract "Version 2", issue 18 item 6): points of places
// the province can build on. Each feature: a Point, `id` (unique text), optional `name`,
// optional `cost_vnd` (a number ≥ 0 that replaces the computed cost of a site there).
//
// The siting model works on point indexes (hamlets then schools), so the places join the
// dataset as hamlets that weigh nothing (population and students 0): they cover demand but
// are none, and every index-aligned table (levels, costs) is computed on the joined dataset.
// The hamlets indicator counts hamlets, so the target mode does not take candidates.
import type { Dataset, Hamlet, Issue } from '../types.ts';
import { described } from '../messages/codes.ts';
import { isPlainObject } from '../parse/context.ts';
import { IssueList } from '../parse/issues.ts';
import { LEVEL_GOOD } from '../coverage/columns.ts';

export interface CandidatePlace {
  id: string;
  name?: string;
  lon: number;
  lat: number;
  /** Replaces the computed cost of a site here. */
  costVnd?: number;
}

/** `only`: sites only at the candidates; `also`: at the candidates and at the points not good. */
export type CandidateUse = 'only' | 'also';
export const CANDIDATE_USES: readonly CandidateUse[] = ['only', 'also'];

/** The places of a parsed candidates.geojson, or none after an error (the issues say why). */
export function parseCandidates(file: string, value: unknown): { places: CandidatePlace[] | undefined; issues: Issue[] } {
  const issues = new IssueList(file);
  if (!isPlainObject(value) || value['type'] !== 'FeatureCollection' || !Array.isArray(value['features'])) {
    issues.error('candidates-not-collection', {}, described(value));
    return { places: undefined, issues: issues.finish() };
  }
  const places: CandidatePlace[] = [];
  const seen = new Set<string>();
  let ok = true;
  (value['features'] as unknown[]).forEach((feature, featureIndex) => {
    const geometry = isPlainObject(feature) ? feature['geometry'] : undefined;
    const properties = isPlainObject(feature) && isPlainObject(feature['properties']) ? feature['properties'] : {};
    const coordinates = isPlainObject(geometry) && geometry['type'] === 'Point' ? geometry['coordinates'] : undefined;
    const [lon, lat] = Array.isArray(coordinates) ? (coordinates as unknown[]) : [];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) {
      issues.error('candidates-bad-point', { featureIndex, field: 'geometry' }, described(coordinates ?? geometry));
      ok = false;
      return;
    }
    const id = properties['id'];
    if (typeof id !== 'string' || id.trim() === '') {
      issues.error('candidates-bad-id', { featureIndex, field: 'id' }, described(id));
      ok = false;
      return;
    }
    if (seen.has(id)) {
      issues.error('candidates-duplicate-id', { featureIndex, field: 'id', id }, { id });
      ok = false;
      return;
    }
    seen.add(id);
    const place: CandidatePlace = { id, lon, lat };
    const name = properties['name'];
    if (typeof name === 'string' && name.trim() !== '') place.name = name;
    const cost = properties['cost_vnd'];
    if (cost !== undefined && cost !== null) {
      if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0) {
        issues.error('candidates-bad-cost', { featureIndex, field: 'cost_vnd', id }, described(cost));
        ok = false;
        return;
      }
      place.costVnd = cost;
    }
    places.push(place);
  });
  return { places: ok ? places : undefined, issues: issues.finish() };
}

export interface JoinedCandidates {
  /** The dataset with the places as weightless hamlets after its own. */
  dataset: Dataset;
  /** The places' point indexes in the joined dataset. */
  indexes: Int32Array;
}

export function joinCandidates(dataset: Dataset, places: readonly CandidatePlace[]): JoinedCandidates {
  const first = dataset.hamlets.length;
  const extra = places.map((p): Hamlet => ({ id: p.id, name: p.name ?? p.id, lon: p.lon, lat: p.lat, population: 0, students: 0, gridPower: true, synthetic: false }));
  return { dataset: { ...dataset, hamlets: [...dataset.hamlets, ...extra] }, indexes: Int32Array.from(places, (_, j) => first + j) };
}

/** Where sites may go: the places, and with `also` the points not good (`level`: the joined dataset's). */
export function candidateSites(joined: JoinedCandidates, level: Uint8Array, use: CandidateUse): Int32Array {
  if (use === 'only') return joined.indexes;
  const out = Array.from(joined.indexes);
  const firstPlace = joined.indexes[0] ?? -1;
  const places = joined.indexes.length;
  for (let i = 0; i < level.length; i++) if (level[i] !== LEVEL_GOOD && !(i >= firstPlace && i < firstPlace + places)) out.push(i);
  return Int32Array.from(out);
}

/** Each place's own cost (cost_vnd) over the computed one, in the joined dataset's cost table. */
export function applyCostOverrides(cost: Float64Array, joined: JoinedCandidates, places: readonly CandidatePlace[]): void {
  places.forEach((p, j) => {
    if (p.costVnd !== undefined) cost[joined.indexes[j]!] = p.costVnd;
  });
}
