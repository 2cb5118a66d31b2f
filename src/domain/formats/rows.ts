// Points from table formats (GeoParquet, FlatGeobuf) go through the CSV import's own mapping
// and checks: the table becomes a header and rows of cells, the point geometry two cells
// "lon" and "lat", and `csvToFeatures` does the rest, so a Parquet file is read with the very
// rules and messages of a CSV file (issues name the row as a CSV line: the header is line 1,
// so row r, counted from 1, is line r + 1). Writers go the other way, from records to columns
// in the contract's snake_case (export/features.ts).
import { hamletProperties, schoolProperties, towerProperties } from '../export/features.ts';
import { csvToFeatures, guessMapping, type CsvImportResult, type PointKind } from '../import/csv-points.ts';
import { IssueList } from '../parse/issues.ts';
import type { KindValue } from '../parse/kind.ts';
import type { Hamlet, Issue, School, Tower } from '../types.ts';

/** A table read from a file: column names, then rows of raw values; `point` from the geometry. */
export interface PointRows {
  header: string[];
  rows: unknown[][];
  /** The geometry of each row, as the reader decoded it (GeoJSON, {x, y}, null…). */
  geometry?: unknown[];
}

type Value = string | number | boolean | undefined;

const PROPERTIES: { [K in PointKind]: (record: KindValue[K][number]) => Record<string, Value> } = {
  hamlets: (r) => hamletProperties(r as Hamlet),
  schools: (r) => schoolProperties(r as School),
  towers: (r) => towerProperties(r as Tower),
};

/** The contract's property names of a kind, in its order. */
export function propertyNames(kind: PointKind): string[] {
  const sample: Record<PointKind, Hamlet | School | Tower> = {
    hamlets: { id: '', name: '', lon: 0, lat: 0, population: 0, gridPower: true, synthetic: false },
    schools: { id: '', name: '', lon: 0, lat: 0, level: 'primary', students: 0, fixedBroadband: false, synthetic: false },
    towers: { id: '', lon: 0, lat: 0, operator: '', status: 'existing', technology: '4G', synthetic: false },
  };
  return Object.keys(PROPERTIES[kind](sample[kind] as never));
}

/** Each record's properties (undefined where absent), in `propertyNames(kind)` order. */
export function recordProperties<K extends PointKind>(kind: K, records: readonly KindValue[K][number][]): Record<string, Value>[] {
  const read = PROPERTIES[kind] as (record: KindValue[K][number]) => Record<string, Value>;
  return records.map((r) => read(r));
}

/** One cell's text, as a spreadsheet would show the value. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return JSON.stringify(value) ?? '';
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** [lon, lat] of a decoded point geometry, or why it is not one. */
export function pointOf(geometry: unknown): [number, number] | { problem: string } {
  if (geometry === null || geometry === undefined) return { problem: 'is empty' };
  if (typeof geometry === 'object') {
    const g = geometry as Record<string, unknown>;
    if (typeof g['x'] === 'number' && typeof g['y'] === 'number') return [g['x'], g['y']];
    if (g['type'] === 'Point' && Array.isArray(g['coordinates'])) {
      const [x, y] = g['coordinates'] as unknown[];
      if (typeof x === 'number' && typeof y === 'number') return [x, y];
      return { problem: 'is an empty Point' };
    }
    if (typeof g['type'] === 'string') return { problem: `is a ${g['type']}, must be a Point` };
  }
  return { problem: 'is not a geometry this reader knows (expected a Point)' };
}

/**
 * A table's rows as CSV text: the geometry (when given) first, as "lon" and "lat", then the
 * table's columns. Geometry faults are issues of their own (code 'geometry-not-point').
 */
export function rowsToCsv(fileName: string, table: PointRows): { text: string; issues: Issue[] } {
  const list = new IssueList(fileName);
  const withPoint = table.geometry !== undefined;
  const header = withPoint ? ['lon', 'lat', ...table.header] : table.header;
  const lines = [header.map(csvCell).join(',')];
  table.rows.forEach((row, r) => {
    const cells = row.map((value) => csvCell(cellText(value)));
    if (withPoint) {
      const point = pointOf(table.geometry?.[r]);
      if (Array.isArray(point)) cells.unshift(String(point[0]), String(point[1]));
      else {
        list.error('geometry-not-point', { line: r + 2, field: 'geometry' }, `the geometry ${point.problem}`);
        cells.unshift('', '');
      }
    }
    lines.push(cells.join(','));
  });
  return { text: `${lines.join('\n')}\n`, issues: list.finish() };
}

/**
 * A table's rows as records of `kind`, through the CSV import: the mapping guessed from the
 * column names, then every check of a CSV import. Geometry faults come first.
 */
export function importPointRows<K extends PointKind>(kind: K, fileName: string, table: PointRows): CsvImportResult<K> {
  const { text, issues } = rowsToCsv(fileName, table);
  const csvHeader = table.geometry !== undefined ? ['lon', 'lat', ...table.header] : table.header;
  const result = csvToFeatures(kind, fileName, text, guessMapping(kind, csvHeader), { delimiter: ',', decimalComma: false });
  if (issues.length === 0) return result;
  const merged: CsvImportResult<K> = { ...result, issues: [...issues, ...result.issues] };
  delete merged.value;
  return merged;
}
