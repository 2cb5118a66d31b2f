// Big point files in the formats national and international data sets come in: GeoParquet and
// FlatGeobuf, read into hamlets, schools or towers with the CSV import's mapping and checks
// (rows.ts), and written from records. New issue codes: 'parquet-invalid',
// 'geoparquet-metadata', 'geoparquet-encoding', 'geoparquet-crs', 'fgb-invalid', 'fgb-crs',
// 'ignored-columns' (plus the contract's own per-feature codes).
import type { PointKind } from '../import/csv-points.ts';
import type { KindValue } from '../parse/kind.ts';
import { readFlatGeobuf, writeFlatGeobuf } from './flatgeobuf.ts';
import { readGeoParquet, writeGeoParquet } from './geoparquet.ts';
import { importTableRows, TableReadError, type PointFileResult, type TableReadOptions } from './rows.ts';
import { IssueList } from '../parse/issues.ts';

export type PointFormat = 'geoparquet' | 'flatgeobuf';
export const POINT_FORMATS: readonly PointFormat[] = ['geoparquet', 'flatgeobuf'];
export const FORMAT_EXTENSION: Record<PointFormat, string> = { geoparquet: '.parquet', flatgeobuf: '.fgb' };

/** The format a file name says (.parquet, .geoparquet, .fgb), or undefined. */
export function formatOfName(name: string): PointFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.parquet') || lower.endsWith('.geoparquet')) return 'geoparquet';
  if (lower.endsWith('.fgb')) return 'flatgeobuf';
  return undefined;
}

export type { PointFileResult } from './rows.ts';

/**
 * Reads a GeoParquet or FlatGeobuf file as records of `kind`: columns mapped by name as a CSV
 * import maps them, each row checked as a GeoJSON feature (rows.ts `importTableRows`).
 */
export async function importPointFile<K extends PointKind>(kind: K, fileName: string, bytes: Uint8Array, format: PointFormat, options: TableReadOptions = {}): Promise<PointFileResult<K>> {
  const read = format === 'geoparquet' ? await readGeoParquet(fileName, bytes) : await readFlatGeobuf(fileName, bytes);
  const refused = (issues: PointFileResult<K>['issues']): PointFileResult<K> => ({ valid: [] as unknown as KindValue[K], validLines: [], rows: 0, invalidRows: 0, issues });
  if (read.table === undefined) return refused(read.issues);
  let result: PointFileResult<K>;
  try {
    result = await importTableRows(kind, fileName, read.table, options);
  } catch (error) {
    if (!(error instanceof TableReadError)) throw error;
    const list = new IssueList(fileName);
    list.error(error.code, {}, error.params);
    return refused([...read.issues, ...list.finish()]);
  }
  if (read.issues.length === 0) return result;
  const merged: PointFileResult<K> = { ...result, issues: [...read.issues, ...result.issues] };
  if (read.issues.some((issue) => issue.severity === 'error')) delete merged.value;
  return merged;
}

/** Records of `kind` as a file of the format. FlatGeobuf writes them in its index's order. */
export function writePointFile<K extends PointKind>(kind: K, records: readonly KindValue[K][number][], format: PointFormat): Uint8Array {
  return format === 'geoparquet' ? writeGeoParquet(kind, records) : writeFlatGeobuf(kind, records);
}
