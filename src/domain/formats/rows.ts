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
import type { KindValue } from '../parse/kind.ts';
import type { IssueCode, IssueParams } from '../messages/codes.ts';
import type { Hamlet, School, Tower } from '../types.ts';

/** Some rows of a table: raw values in header order, and each row's geometry when it has one. */
export interface RowChunk {
  rows: unknown[][];
  /** The geometry of each row, as the reader decoded it (GeoJSON, {x, y}, null…). */
  geometry?: unknown[];
}

/** A table read from a file, its rows a chunk (a Parquet row group) at a time. */
export interface RowTable {
  header: string[];
  /** Whether rows come with a geometry (else lon/lat columns are looked for). */
  withGeometry: boolean;
  chunks: AsyncIterable<RowChunk> | Iterable<RowChunk>;
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

/**
 * A table's rows as records of `kind`: columns mapped to the contract's fields by name as a CSV
 * import maps them (`guessMapping`: aliases, accents and case ignored), each row then checked
 * as a GeoJSON feature is (`readFeatureRecord`), so typed cells stay typed and issues name the
 * row as "feature N" (0-based, as the GeoJSON checks count). Columns outside the contract are
 * ignored with one warning ('ignored-columns').
 */
export async function importTableRows<K extends PointKind>(kind: K, fileName: string, table: RowTable): Promise<PointFileResult<K>> {
  const { withGeometry } = table;
  const mapping = guessMapping(kind, table.header);
  const fields = Object.entries(mapping.properties as Record<string, number | null>).filter((e): e is [string, number] => e[1] !== null);
  const checker = new FeatureChecker(kind, fileName);
  const used = new Set(fields.map(([, column]) => column));
  if (!withGeometry) {
    if (mapping.lon !== null) used.add(mapping.lon);
    if (mapping.lat !== null) used.add(mapping.lat);
  }
  const ignored = table.header.map((name, i) => ({ name, i })).filter(({ i }) => !used.has(i));
  if (ignored.length > 0) {
    checker.ctx.issues.warning('csv-ignored-columns', {}, { columns: ignored.map(({ name }) => name), indexes: ignored.map(({ i }) => i), kind });
  }
  const valid: KindValue[K][number][] = [];
  const validLines: number[] = [];
  let rowCount = 0;
  for await (const chunk of table.chunks) {
    chunk.rows.forEach((row, k) => {
      const r = rowCount + k;
      const properties: Record<string, unknown> = {};
      for (const [name, column] of fields) {
        const value = jsonValue(row[column]);
        if (value !== undefined) properties[name] = value;
      }
      const geometry = withGeometry
        ? geoJsonGeometry(chunk.geometry?.[k])
        : { type: 'Point', coordinates: [mapping.lon === null ? null : jsonValue(row[mapping.lon]), mapping.lat === null ? null : jsonValue(row[mapping.lat])] };
      const errors = checker.errors;
      const [record] = checker.check([{ type: 'Feature', properties, geometry }]);
      if (record !== undefined && checker.errors === errors) {
        valid.push(record as KindValue[K][number]);
        validLines.push(r + 1);
      }
    });
    rowCount += chunk.rows.length;
  }
  const { issues, failed } = checker.finish();
  const result: PointFileResult<K> = { valid: valid as unknown as KindValue[K], validLines, rows: rowCount, invalidRows: rowCount - valid.length, issues };
  if (!failed) result.value = valid as unknown as KindValue[K];
  return result;
}
