import type { AreaGeometry, LineGeometry, PolygonCoordinates, Position } from '../types.ts';
import { FORBIDDEN_KEYS, isPlainObject, type FileContext } from './context.ts';
import { described, type IssueCode, type IssueParams } from '../messages/codes.ts';
import { atField, type Place } from './issues.ts';
import { ringCrossing } from '../geo/ring-crossing.ts';

const BOUNDARY_KINDS: ReadonlySet<string> = new Set(['province', 'districts', 'communes']);

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

/** What a JSON value is when it is not a FeatureCollection, or undefined when it is one. */
function notACollection(value: unknown): { field?: string; code: IssueCode; params?: IssueParams } | undefined {
  if (Array.isArray(value)) {
    return { code: 'json-array', params: { length: value.length } };
  }
  if (!isPlainObject(value)) {
    return { code: 'not-feature-collection', params: { reason: 'value', ...described(value) } };
  }
  const features = value['features'];
  const esriFeature = Array.isArray(features) && features.some((f) => isPlainObject(f) && Object.hasOwn(f, 'attributes'));
  if (esriFeature || Object.hasOwn(value, 'spatialReference') || Object.hasOwn(value, 'geometryType')) {
    return { code: 'esri-json' };
  }
  const type = value['type'];
  if (type === 'FeatureCollection') {
    if (Array.isArray(features)) return undefined;
    return { field: 'features', code: 'features-not-array', params: described(features) };
  }
  if (type === 'Feature') {
    return { code: 'single-feature' };
  }
  if (type === 'Topology') {
    return { code: 'topojson' };
  }
  if (typeof type === 'string' && GEOMETRY_TYPES.includes(type)) {
    return { code: 'bare-geometry', params: { geometry: type } };
  }
  return { field: 'type', code: 'not-feature-collection', params: { reason: 'type', ...described(type) } };
}

/** The `features` array of a FeatureCollection, or undefined after saying what the value is. */
export function readFeatureCollection(ctx: FileContext, value: unknown): unknown[] | undefined {
  const problem = notACollection(value);
  if (problem) {
    ctx.issues.error(problem.code, problem.field === undefined ? {} : { field: problem.field }, problem.params);
    return undefined;
  }
  const features = (value as Record<string, unknown>)['features'] as unknown[];
  if (features.length === 0) ctx.issues.warning('no-features', {});
  return features;
}

export interface RawFeature {
  index: number;
  /** The feature's place in messages: its index and, when readable, its id. */
  place: Place;
  properties: Record<string, unknown>;
  geometry: unknown;
  /** Feature-level `id` (RFC 7946), which the contract does not read; kept for a hint. */
  featureId: unknown;
}

/**
 * One feature's envelope: the object, its `type`, its `properties` (forbidden keys and text
 * checked here for every property, known or not). Undefined when it cannot be read further.
 */
export function readFeature(ctx: FileContext, value: unknown, index: number): RawFeature | undefined {
  if (!isPlainObject(value)) {
    ctx.issues.error('feature-not-object', { featureIndex: index }, described(value));
    return undefined;
  }
  const rawProperties = value['properties'];
  const properties: Record<string, unknown> = isPlainObject(rawProperties) ? rawProperties : {};
  const id = properties['id'];
  const place: Place = typeof id === 'string' && id !== '' ? { featureIndex: index, id } : { featureIndex: index };
  if (value['type'] !== 'Feature') {
    ctx.issues.error('feature-type', atField(place, 'type'), described(value['type']));
    return undefined;
  }
  if (!isPlainObject(rawProperties)) {
    // Boundary lines carry no required property; every other kind needs some.
    if (ctx.kind !== 'coastline' || (rawProperties !== null && rawProperties !== undefined)) {
      ctx.issues.error('properties-not-object', atField(place, 'properties'), described(rawProperties));
      return undefined;
    }
  }
  for (const key of FORBIDDEN_KEYS) {
    if (Object.hasOwn(properties, key)) {
      ctx.issues.error('forbidden-key', atField(place, key));
    }
  }
  for (const key of Object.keys(properties)) {
    const v = properties[key];
    if (typeof v === 'string') ctx.strings.check(v, place, key);
  }
  return { index, place, properties, geometry: value['geometry'], featureId: value['id'] };
}

/** A part of a geometry, as messages name it ("ring 0 of polygon 2"): see `part` in messages/issues-en.ts. */
type Part = { part: 'polygon' | 'multipolygon' | 'multiline' | 'line' | 'polygon-n' | 'ring'; polygon?: number; ring?: number; line?: number };

const EXPECTED: Record<'point' | 'area' | 'line', readonly string[]> = {
  point: ['Point'],
  area: ['Polygon', 'MultiPolygon'],
  line: ['LineString', 'MultiLineString'],
};

function geometryOf(ctx: FileContext, feature: RawFeature, want: 'point' | 'area' | 'line'): { type: string; coordinates: unknown } | undefined {
  const g = feature.geometry;
  const at = atField(feature.place, 'geometry');
  const expected = EXPECTED[want];
  if (g === null || g === undefined) {
    ctx.issues.error('geometry-null', at, { isNull: g === null, kind: ctx.kind, expected });
    return undefined;
  }
  if (!isPlainObject(g)) {
    ctx.issues.error('geometry-invalid', at, described(g));
    return undefined;
  }
  const type = g['type'];
  if (typeof type !== 'string' || !EXPECTED[want].includes(type)) {
    ctx.issues.error('geometry-type', atField(feature.place, 'geometry.type'), { ...described(type), expected, kind: ctx.kind });
    return undefined;
  }
  return { type, coordinates: g['coordinates'] };
}

function readPositions(ctx: FileContext, value: unknown, feature: RawFeature, what: Part): Position[] | undefined {
  if (!Array.isArray(value)) {
    ctx.issues.error('coordinates-invalid', atField(feature.place, 'geometry.coordinates'), { ...what, reason: 'positions', ...described(value) });
    return undefined;
  }
  const out: Position[] = [];
  for (const p of value) {
    const position = ctx.positions.read(p, feature.place, feature.index);
    if (!position) return undefined;
    out.push(position);
  }
  return out;
}

function readList(ctx: FileContext, value: unknown, feature: RawFeature, what: Part): unknown[] | undefined {
  if (Array.isArray(value) && value.length > 0) return value;
  ctx.issues.error('coordinates-invalid', atField(feature.place, 'geometry.coordinates'), { ...what, reason: 'list', ...described(value) });
  return undefined;
}

export function readPoint(ctx: FileContext, feature: RawFeature): Position | undefined {
  const g = geometryOf(ctx, feature, 'point');
  const position = g && ctx.positions.read(g.coordinates, feature.place, feature.index);
  if (position) ctx.stacks.add(position[0], position[1], feature.index);
  return position;
}

function readPolygon(ctx: FileContext, value: unknown, feature: RawFeature, name: Part): PolygonCoordinates | undefined {
  const rings = readList(ctx, value, feature, name);
  if (!rings) return undefined;
  const out: PolygonCoordinates = [];
  for (let r = 0; r < rings.length; r++) {
    const ringName: Part = name.polygon === undefined ? { part: 'ring', ring: r } : { part: 'ring', ring: r, polygon: name.polygon };
    const ring = readPositions(ctx, rings[r], feature, ringName);
    if (!ring) return undefined;
    const at = atField(feature.place, 'geometry.coordinates');
    if (ring.length < 4) {
      ctx.issues.error('ring-too-short', at, { ...ringName, positions: ring.length });
      return undefined;
    }
    const first = ring[0] as Position;
    const last = ring[ring.length - 1] as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      ctx.issues.error('ring-not-closed', at, { ...ringName, first, last });
      return undefined;
    }
    // An error, not a warning: districts' and communes' figures count the points inside each
    // area, and in a ring that crosses itself one loop counts as outside, so hamlets would
    // leave their commune (and district) silently. Boundaries only: land cover is a backdrop.
    const crossing = BOUNDARY_KINDS.has(ctx.kind) ? ringCrossing(ring) : undefined;
    if (crossing) {
      ctx.issues.error('ring-self-intersects', at, { ...ringName, at: crossing.at, segments: crossing.segments });
      return undefined;
    }
    out.push(ring);
  }
  return out;
}

export function readArea(ctx: FileContext, feature: RawFeature): AreaGeometry | undefined {
  const g = geometryOf(ctx, feature, 'area');
  if (!g) return undefined;
  if (g.type === 'Polygon') {
    const coordinates = readPolygon(ctx, g.coordinates, feature, { part: 'polygon' });
    return coordinates && { type: 'Polygon', coordinates };
  }
  const polygons = readList(ctx, g.coordinates, feature, { part: 'multipolygon' });
  if (!polygons) return undefined;
  const coordinates: PolygonCoordinates[] = [];
  for (let p = 0; p < polygons.length; p++) {
    const polygon = readPolygon(ctx, polygons[p], feature, { part: 'polygon-n', polygon: p });
    if (!polygon) return undefined;
    coordinates.push(polygon);
  }
  return { type: 'MultiPolygon', coordinates };
}

export function readLine(ctx: FileContext, feature: RawFeature): LineGeometry | undefined {
  const g = geometryOf(ctx, feature, 'line');
  if (!g) return undefined;
  const lines = g.type === 'LineString' ? [g.coordinates] : readList(ctx, g.coordinates, feature, { part: 'multiline' });
  if (!lines) return undefined;
  const out: Position[][] = [];
  for (let l = 0; l < lines.length; l++) {
    const name: Part = g.type === 'LineString' ? { part: 'line' } : { part: 'line', line: l };
    const line = readPositions(ctx, lines[l], feature, name);
    if (!line) return undefined;
    if (line.length < 2) {
      ctx.issues.error('line-too-short', atField(feature.place, 'geometry.coordinates'), { ...name, positions: line.length });
      return undefined;
    }
    out.push(line);
  }
  const first = out[0] as Position[];
  return g.type === 'LineString' ? { type: 'LineString', coordinates: first } : { type: 'MultiLineString', coordinates: out };
}
