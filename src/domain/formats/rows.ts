// Points from table formats (GeoParquet, FlatGeobuf): columns mapped to the contract's fields
// by the CSV import's `guessMapping`, each row then checked by the contract's per-feature
// checks (the ones a CSV row goes through too, in csv-point-rows.ts, after its cells are read as
// text). Cells here are typed already (a Parquet INT32 is a number, a BOOLEAN a boolean), so
// they are not read as text again: "yes" in a boolean column is refused, as in GeoJSON, and
// the whole table is one pass of the checks, not one parse per row as CSV does. Writers go
// the other way, from records to columns in the contract's snake_case (export/features.ts).
import { hamletProperties, schoolProperties, towerProperties } from '../export/features.ts';
import { guessMapping, type CsvImportResult, type PointKind } from '../import/csv-points.ts';
import { FeatureChecker } from '../parse/columnar/reader.ts';
import { PLAIN_FIELDS, plainId, plainPosition, plainRecord } from './plain-rows.ts';
import type { KindValue } from '../parse/kind.ts';
import type { Place } from '../parse/issues.ts';
import type { IssueCode, IssueParams } from '../messages/codes.ts';
import type { Hamlet, School, Tower } from '../types.ts';

/**
 * Some rows of a table, a column at a time: each column asked for as the reader decoded it
 * (a typed array or an array of values), and the positions decoded straight to numbers.
 */
export interface ColumnChunk {
  length: number;
  /** By header index: the values of the columns asked for (`RowTable.chunks`), undefined for the rest. */
  columns: readonly (ArrayLike<unknown> | undefined)[];
  /** Where row k's geometry is one 2D point, its position; NaN elsewhere (then `geometry(k)` says what it is). */
  lon?: Float64Array;
  lat?: Float64Array;
  /** Row k's geometry as the reader decodes it (GeoJSON, {x, y}, null…), asked only of rows the full checks read. */
  geometry?: (k: number) => unknown;
}

/** A table read from a file, its rows a chunk (a Parquet row group) at a time. */
export interface RowTable {
  header: string[];
  /** Whether rows come with a geometry (else lon/lat columns are looked for). */
  withGeometry: boolean;
  /** The rows, with only the columns at `wanted` (header indexes) decoded. */
  chunks(wanted: readonly number[]): AsyncIterable<ColumnChunk> | Iterable<ColumnChunk>;
  /** How many rows the file says it holds, for progress. */
  rowCount?: number;
}

/** Rows (values in header order) and their geometries as GeoJSON, as one chunk of columns. */
export function rowsAsChunk(header: readonly string[], rows: readonly unknown[][], geometry: readonly unknown[]): ColumnChunk {
  const n = rows.length;
  const lon = new Float64Array(n).fill(NaN);
  const lat = new Float64Array(n).fill(NaN);
  geometry.forEach((g, k) => {
    const c = (g as { type?: unknown; coordinates?: unknown } | null)?.coordinates;
    if ((g as { type?: unknown } | null)?.type === 'Point' && Array.isArray(c) && c.length === 2 && typeof c[0] === 'number' && typeof c[1] === 'number') {
      lon[k] = c[0];
      lat[k] = c[1];
    }
  });
  return { length: n, columns: header.map((_, c) => rows.map((row) => row[c])), lon, lat, geometry: (k) => geometry[k] };
}

/** A table read stopped between two chunks because its import was cancelled or replaced. */
export class TableReadCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** A table that cannot be read further; `importPointFile` turns it into the issue it names. */
export class TableReadError extends Error {
  constructor(
    readonly code: IssueCode,
    readonly params: IssueParams,
  ) {
    super(code);
  }
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

/** What an import of a table file gives: a CSV import's result less its CSV sniff. */
export type PointFileResult<K extends PointKind> = Omit<CsvImportResult<K>, 'sniff'>;

/** A typed cell as the contract's JSON would hold it (INT64 comes as bigint, DATE as Date). */
function jsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  return value;
}

/** A decoded geometry as GeoJSON: native points ({x, y}) become Points; the rest is checked as it is. */
function geoJsonGeometry(geometry: unknown): unknown {
  if (geometry !== null && typeof geometry === 'object' && !Array.isArray(geometry)) {
    const g = geometry as Record<string, unknown>;
    if (g['type'] === undefined && typeof g['x'] === 'number' && typeof g['y'] === 'number') return { type: 'Point', coordinates: [g['x'], g['y']] };
  }
  return geometry;
}

/** A column with INT64 (bigint) or DATE (Date) cells as the contract's JSON would hold them. */
function jsonColumn(column: ArrayLike<unknown> | undefined): ArrayLike<unknown> | undefined {
  if (column === undefined || ArrayBuffer.isView(column) && !(column instanceof BigInt64Array) && !(column instanceof BigUint64Array)) return column;
  for (let k = 0; k < column.length; k++) {
    const v = column[k];
    if (typeof v === 'bigint' || v instanceof Date) return Array.from(column, jsonValue);
    if (v !== undefined && v !== null) return column;
  }
  return column;
}

export interface TableReadOptions {
  /** Take plainly valid rows without the per-feature checks (plain-rows.ts); false only to compare both ways. */
  plain?: boolean;
  /** After each chunk: rows read so far and in all; awaited, so that it may let other work in. */
  onRows?: (done: number, total: number) => Promise<void> | void;
  /** Asked after each chunk: true stops the read (`TableReadCancelled`). */
  isCancelled?: () => boolean;
}

/**
 * A table's rows as records of `kind`: columns mapped to the contract's fields by name as a CSV
 * import maps them (`guessMapping`: aliases, accents and case ignored), only those columns
 * decoded. A plainly valid row becomes its record at once (plain-rows.ts); any other is checked
 * as a GeoJSON feature is (`readFeatureRecord`), so typed cells stay typed and issues name the
 * row as "feature N" (0-based, as the GeoJSON checks count). Columns outside the contract are
 * ignored with one warning ('ignored-columns').
 */
export async function importTableRows<K extends PointKind>(kind: K, fileName: string, table: RowTable, options: TableReadOptions = {}): Promise<PointFileResult<K>> {
  const { withGeometry } = table;
  const plain = options.plain ?? true;
  const mapping = guessMapping(kind, table.header);
  const fields = Object.entries(mapping.properties as Record<string, number | null>).filter((e): e is [string, number] => e[1] !== null);
  const checker = new FeatureChecker(kind, fileName, plain);
  const used = new Set(fields.map(([, column]) => column));
  if (!withGeometry) {
    if (mapping.lon !== null) used.add(mapping.lon);
    if (mapping.lat !== null) used.add(mapping.lat);
  }
  const ignored = table.header.map((name, i) => ({ name, i })).filter(({ i }) => !used.has(i));
  if (ignored.length > 0) {
    checker.ctx.issues.warning('csv-ignored-columns', {}, { columns: ignored.map(({ name }) => name), indexes: ignored.map(({ i }) => i), kind });
  }
  const slot: Record<string, number> = Object.fromEntries(fields.map(([name], f) => [name, f]));
  const valid: KindValue[K][number][] = [];
  const validLines: number[] = [];
  let rowCount = 0;
  for await (const chunk of table.chunks([...used].sort((a, b) => a - b))) {
    const values = fields.map(([, column]) => jsonColumn(chunk.columns[column]));
    const lonColumn = withGeometry || mapping.lon === null ? undefined : jsonColumn(chunk.columns[mapping.lon]);
    const latColumn = withGeometry || mapping.lat === null ? undefined : jsonColumn(chunk.columns[mapping.lat]);
    let k = 0;
    const columnOf = (field: string) => {
      const f = slot[field];
      return f === undefined ? undefined : values[f];
    };
    const idColumn = columnOf('id');
    // A plain row's cells, in the order plainRecord reads them (one array, filled anew per row).
    const plainColumns = PLAIN_FIELDS[kind].map(columnOf);
    const cells: unknown[] = new Array(plainColumns.length);
    // The row's strings to the text scan, as a feature's properties go (parse/geojson.ts).
    const strings = (place: Place) => {
      for (let f = 0; f < fields.length; f++) {
        const v = values[f]?.[k];
        if (typeof v === 'string') checker.ctx.strings.check(v, place, (fields[f] as [string, number])[0]);
      }
    };
    for (; k < chunk.length; k++) {
      const r = rowCount + k;
      const lon = withGeometry ? (chunk.lon?.[k] ?? NaN) : lonColumn?.[k];
      const lat = withGeometry ? (chunk.lat?.[k] ?? NaN) : latColumn?.[k];
      const id = plain ? plainId(idColumn?.[k]) : undefined;
      if (id !== undefined && typeof lon === 'number' && typeof lat === 'number' && plainPosition(lon, lat)) {
        for (let i = 0; i < plainColumns.length; i++) cells[i] = plainColumns[i]?.[k];
        const record = plainRecord(kind, id, cells, lon, lat);
        if (record !== undefined) {
          if (checker.passed(id, lon, lat, strings)) {
            valid.push(record as KindValue[K][number]);
            validLines.push(r + 1);
          }
          continue;
        }
      }
      const properties: Record<string, unknown> = {};
      for (let f = 0; f < fields.length; f++) {
        const value = values[f]?.[k];
        if (value !== undefined) properties[(fields[f] as [string, number])[0]] = value;
      }
      const geometry = withGeometry
        ? geoJsonGeometry(chunk.geometry?.(k))
        : { type: 'Point', coordinates: [mapping.lon === null ? null : lon, mapping.lat === null ? null : lat] };
      const errors = checker.errors;
      const [record] = checker.check([{ type: 'Feature', properties, geometry }]);
      if (record !== undefined && checker.errors === errors) {
        valid.push(record as KindValue[K][number]);
        validLines.push(r + 1);
      }
    }
    rowCount += chunk.length;
    await options.onRows?.(rowCount, Math.max(rowCount, table.rowCount ?? 0));
    if (options.isCancelled?.()) throw new TableReadCancelled();
  }
  const { issues, failed } = checker.finish();
  const result: PointFileResult<K> = { valid: valid as unknown as KindValue[K], validLines, rows: rowCount, invalidRows: rowCount - valid.length, issues };
  if (!failed) result.value = valid as unknown as KindValue[K];
  return result;
}
