// candidates.geojson (an extension of contract "Version 2", issue 18 item 6): points of places
// the province can build on. Each feature: a Point, `id` (unique text), optional `name`,
// optional `cost_vnd` (a number ≥ 0 that replaces the computed cost of a site there).
// One parser for the command line (`--candidates`, or the data folder's file) and the app's
// importer (kind `candidates`); siting/candidates.ts puts the places to use.
import type { CandidatePlace } from '../types.ts';
import { described } from '../messages/codes.ts';
import { isPlainObject } from './context.ts';
import type { IssueList } from './issues.ts';

/** The places of a parsed candidates.geojson; its problems go to `issues` (any error withholds the file). */
export function parseCandidates(issues: IssueList, value: unknown): CandidatePlace[] {
  if (!isPlainObject(value) || value['type'] !== 'FeatureCollection' || !Array.isArray(value['features'])) {
    issues.error('candidates-not-collection', {}, described(value));
    return [];
  }
  const places: CandidatePlace[] = [];
  const seen = new Set<string>();
  (value['features'] as unknown[]).forEach((feature, featureIndex) => {
    const geometry = isPlainObject(feature) ? feature['geometry'] : undefined;
    const properties = isPlainObject(feature) && isPlainObject(feature['properties']) ? feature['properties'] : {};
    const coordinates = isPlainObject(geometry) && geometry['type'] === 'Point' ? geometry['coordinates'] : undefined;
    const [lon, lat] = Array.isArray(coordinates) ? (coordinates as unknown[]) : [];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) {
      issues.error('candidates-bad-point', { featureIndex, field: 'geometry' }, described(coordinates ?? geometry));
      return;
    }
    const id = properties['id'];
    if (typeof id !== 'string' || id.trim() === '') {
      issues.error('candidates-bad-id', { featureIndex, field: 'id' }, described(id));
      return;
    }
    if (seen.has(id)) {
      issues.error('candidates-duplicate-id', { featureIndex, field: 'id', id }, { id });
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
        return;
      }
      place.costVnd = cost;
    }
    places.push(place);
  });
  return places;
}
