// GeoJSON hamlets, schools or towers whose properties do not use the contract's names (an
// OpenStreetMap export: "amenity", "name:vi", "isced:level", "capacity"; a Giga school file:
// "school_id_giga", "school_name", "latitude", …). They are read as the CSV import reads a
// sheet: each feature a row, each property a column, with two more columns for the point
// ("(geometry) lon", "(geometry) lat") and one for the feature's own id, so that the one
// mapping (csv-mapping.ts, guessed and correctable in the import panel) and the one row
// check (csv-points.ts `tableToFeatures`) serve both. Issues name the feature (counted from
// 1) and the property instead of the line and the column.
//
// A MultiPoint gives its first point (a warning says how many it had); an area (Polygon,
// MultiPolygon: an OSM way) the mean of its outer ring's corners (a warning says so); a
// feature with no geometry takes its position from the mapped properties. Pure, no I/O; never throws.
import { englishText } from '../messages/render.ts';
import { makeIssue } from '../parse/issues.ts';
import type { KindValue } from '../parse/kind.ts';
import type { Issue } from '../types.ts';
import { guessMapping, requiredFields, tableToFeatures, type ColumnMapping, type MappingGuess, type PointKind } from './csv-points.ts';
import type { CsvRow } from '../parse/csv-records.ts';
import type { CsvText } from './csv-text.ts';

export const GEOMETRY_LON = '(geometry) lon';
export const GEOMETRY_LAT = '(geometry) lat';
export const FEATURE_ID = '(feature) id';

interface RawFeature {
  id?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: unknown;
}

export interface PropertyTable {
  csv: CsvText;
  header: string[];
  /** Features whose geometry is a MultiPoint of more than one point: index and count. */
  multi: { index: number; count: number }[];
  /** Features that are areas (an OpenStreetMap way or relation): the centre is their point. */
  areas: { index: number; type: 'Polygon' | 'MultiPolygon' }[];
  /** Whether some feature has a point or area geometry (the geometry columns are the guess then). */
  points: boolean;
}

const HEADER_LINE = 1;
/** Feature i is "line" i + 2 of the table, the header being line 1. */
const lineOf = (index: number): number => index + 2;

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const isPosition = (value: unknown): value is unknown[] => Array.isArray(value) && value.length >= 2;

const PLACED: ReadonlySet<string> = new Set(['Point', 'MultiPoint', 'Polygon', 'MultiPolygon']);

/** The mean of a ring's corners (the closing one once), to about a centimetre; undefined when not numbers. */
function centreOf(ring: unknown): [number, number] | undefined {
  if (!Array.isArray(ring) || ring.length === 0) return undefined;
  const first = ring[0] as unknown;
  const last = ring[ring.length - 1] as unknown;
  const closed = ring.length > 1 && isPosition(first) && isPosition(last) && first[0] === last[0] && first[1] === last[1];
  const corners = closed ? ring.slice(0, -1) : ring;
  let lon = 0;
  let lat = 0;
  for (const corner of corners) {
    if (!isPosition(corner) || typeof corner[0] !== 'number' || typeof corner[1] !== 'number') return undefined;
    lon += corner[0];
    lat += corner[1];
  }
  const round = (x: number): number => Math.round((x / corners.length) * 1e7) / 1e7;
  return [round(lon), round(lat)];
}

/** The features of a FeatureCollection laid out as a table; undefined when the text is not one. */
export function propertyTable(text: string): PropertyTable | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return undefined;
  }
  const features = (json as { type?: unknown; features?: unknown } | null)?.features;
  if ((json as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features)) return undefined;
  const raw = features.map((f): RawFeature => (f !== null && typeof f === 'object' ? (f as RawFeature) : {}));
  const names: string[] = [];
  const seen = new Set<string>();
  for (const feature of raw) {
    const props = feature.properties;
    if (props === null || typeof props !== 'object' || Array.isArray(props)) continue;
    for (const name of Object.keys(props)) {
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  const points = raw.some((f) => typeof f.geometry?.type === 'string' && PLACED.has(f.geometry.type));
  const ids = raw.some((f) => f.id !== undefined && f.id !== null);
  const header = [...(points ? [GEOMETRY_LON, GEOMETRY_LAT] : []), ...(ids ? [FEATURE_ID] : []), ...names];
  const multi: PropertyTable['multi'] = [];
  const areas: PropertyTable['areas'] = [];
  const rows: CsvRow[] = [{ cells: header, line: HEADER_LINE, syntax: [] }];
  raw.forEach((feature, index) => {
    const cells: string[] = [];
    if (points) {
      const g = feature.geometry;
      let position: unknown;
      if (g?.type === 'Point') position = g.coordinates;
      else if (g?.type === 'MultiPoint' && Array.isArray(g.coordinates)) {
        position = g.coordinates[0];
        if (g.coordinates.length > 1) multi.push({ index, count: g.coordinates.length });
      } else if (g?.type === 'Polygon' || g?.type === 'MultiPolygon') {
        position = centreOf(g.type === 'Polygon' ? (g.coordinates as unknown[] | undefined)?.[0] : ((g.coordinates as unknown[][] | undefined)?.[0]?.[0]));
        if (position) areas.push({ index, type: g.type });
      }
      cells.push(isPosition(position) ? cellOf(position[0]) : '', isPosition(position) ? cellOf(position[1]) : '');
    }
    if (ids) cells.push(cellOf(feature.id));
    const props = (feature.properties ?? {}) as Record<string, unknown>;
    for (const name of names) cells.push(typeof props === 'object' && Object.hasOwn(props, name) ? cellOf(props[name]) : '');
    rows.push({ cells, line: lineOf(index), syntax: [] });
  });
  return { csv: { bom: text.startsWith('\uFEFF'), body: text, delimiter: ',', lineEnding: '\n', rows }, header, multi, areas, points };
}

/** The guess, with the point's own geometry before any lon/lat property. */
export function guessPropertyMapping<K extends PointKind>(kind: K, table: PropertyTable): MappingGuess<K> {
  const guess = guessMapping(kind, table.header);
  if (!table.points) return guess;
  const lon = table.header.indexOf(GEOMETRY_LON);
  const lat = table.header.indexOf(GEOMETRY_LAT);
  const taken = new Set([lon, lat]);
  const properties = { ...guess.properties };
  // A property the geometry columns took from the guess is guessed again without them.
  for (const [field, column] of Object.entries(properties) as [keyof typeof properties, number | null][]) {
    if (column !== null && taken.has(column)) properties[field] = null;
  }
  const unmapped = guess.unmapped.filter((f) => f !== 'lon' && f !== 'lat' && properties[f as keyof typeof properties] !== null);
  const used = new Set([lon, lat, ...Object.values(properties).filter((c): c is number => c !== null)]);
  return { lon, lat, properties, unmapped, ignored: table.header.map((_, i) => i).filter((i) => !used.has(i)) };
}

/**
 * Whether a GeoJSON file of points needs the mapping: some feature lacks a required property
 * by the contract's name, has a MultiPoint, or no point at all. A file that the contract
 * reads as it is keeps the contract's own check (and its messages).
 */
export function needsMapping(kind: PointKind, table: PropertyTable): boolean {
  // No feature, nothing to map: the contract's parser says what an empty file means.
  if (table.csv.rows.length <= 1) return false;
  if (table.multi.length > 0 || table.areas.length > 0 || !table.points) return true;
  const required = requiredFields(kind) as string[];
  return table.csv.rows.slice(1).some((row) =>
    required.some((field) => {
      const at = table.header.indexOf(field);
      return at < 0 || row.cells[at] === '';
    }),
  );
}

export interface PropertyImport<K extends PointKind> {
  /** Every feature, when no issue is an error. */
  value?: KindValue[K];
  valid: KindValue[K];
  /** 0-based index in the file of each record of `valid`. */
  validFeatures: number[];
  rows: number;
  invalidRows: number;
  issues: Issue[];
}

/** A table issue said of the GeoJSON file: the feature instead of the line, the property instead of the column. */
function ofFeature(issue: Issue): Issue {
  const { line, column: _column, ...rest } = issue;
  const out: Issue = { ...rest, params: { ...issue.params, properties: true } };
  if (line !== undefined && line > HEADER_LINE) out.featureIndex = line - 2;
  out.message = englishText(out);
  return out;
}

/** Reads the features through the mapping, with the CSV import's checks (see the top of the file). */
export function propertiesToFeatures<K extends PointKind>(kind: K, fileName: string, table: PropertyTable, mapping: ColumnMapping<K>): PropertyImport<K> {
  const result = tableToFeatures(kind, fileName, table.csv, mapping, { delimiter: ',', decimalComma: false });
  const issues = result.issues.map(ofFeature);
  const first = table.multi[0];
  if (first && mapping.lon !== null && table.header[mapping.lon] === GEOMETRY_LON) {
    const idColumn = (mapping.properties as Record<string, number | null>).id ?? -1;
    const id = table.csv.rows[first.index + 1]?.cells[idColumn];
    issues.push(
      makeIssue('warning', 'multipoint-first', fileName, { featureIndex: first.index, field: 'geometry', ...(id ? { id } : {}) }, { count: first.count, features: table.multi.length }),
    );
  }
  const area = table.areas[0];
  if (area && mapping.lon !== null && table.header[mapping.lon] === GEOMETRY_LON) {
    const idColumn = (mapping.properties as Record<string, number | null>).id ?? -1;
    const id = table.csv.rows[area.index + 1]?.cells[idColumn];
    issues.push(
      makeIssue('warning', 'polygon-centre', fileName, { featureIndex: area.index, field: 'geometry', ...(id ? { id } : {}) }, { type: area.type, features: table.areas.length }),
    );
  }
  const out: PropertyImport<K> = {
    valid: result.valid,
    validFeatures: result.validLines.map((line) => line - 2),
    rows: result.rows,
    invalidRows: result.invalidRows,
    issues,
  };
  if (!issues.some((i) => i.severity === 'error') && result.value) out.value = result.value;
  return out;
}

/**
 * A quick look at the text, before parsing it: a file in which every required property's name
 * is a key and no MultiPoint appears is left to the contract's parser (the national files
 * are large; parsing them twice to find nothing would cost seconds).
 */
export function mayNeedMapping(kind: PointKind, text: string): boolean {
  return /"(MultiPoint|Polygon|MultiPolygon)"/.test(text) || (requiredFields(kind) as string[]).some((field) => !text.includes(`"${field}"`));
}

/**
 * The kind of points a GeoJSON file holds, by what its properties say, for a file whose name
 * names none: schools (OpenStreetMap amenity=school or kindergarten, a Giga school file) or
 * hamlets (OpenStreetMap place=hamlet or village). Undefined when neither or both.
 */
export function pointKindOfContent(text: string): PointKind | undefined {
  const schools = /"amenity"\s*:\s*"(school|kindergarten)"|"school_id_giga"|"school_name"/.test(text);
  const hamlets = /"place"\s*:\s*"(hamlet|village|isolated_dwelling|neighbourhood|quarter)"/.test(text);
  if (schools === hamlets) return undefined;
  return schools ? 'schools' : 'hamlets';
}
