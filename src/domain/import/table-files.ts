// GeoParquet and FlatGeobuf files of points for the importer (staging.ts): read and checked
// beforehand, since their readers are asynchronous and staging is not; only the records and
// issues go on, the bytes are dropped.
import { hamletsToGeoJSON, schoolsToGeoJSON, towersToGeoJSON } from '../export/features.ts';
import { formatOfName, importPointFile, type PointFileResult, type PointFormat } from '../formats/index.ts';
import type { TableReadOptions } from '../formats/rows.ts';
import type { FileKind, Hamlet, School, Tower } from '../types.ts';
import type { PointKind } from './csv-points.ts';

/** A GeoParquet or FlatGeobuf file of points, read and checked (`readTableFile`): its bytes are not kept. */
export interface TableFile {
  format: PointFormat;
  kind: PointKind;
  result: PointFileResult<PointKind>;
}

const POINT_KINDS: readonly FileKind[] = ['hamlets', 'schools', 'towers'];

/**
 * A GeoParquet or FlatGeobuf file of `kind` (from its name or the user's choice) read and
 * checked; undefined when it is not one or not of points, which staging then says. As for a
 * CSV, staging makes the valid rows' records the contract's GeoJSON and passes their own
 * check on, not making it again. `options`: progress and cancel between row groups.
 */
export async function readTableFile(name: string, bytes: Uint8Array, kind: FileKind | undefined, options: TableReadOptions = {}): Promise<TableFile | undefined> {
  const format = formatOfName(name);
  if (!format || !kind || !POINT_KINDS.includes(kind)) return undefined;
  const pointKind = kind as PointKind;
  return { format, kind: pointKind, result: await importPointFile(pointKind, name, bytes, format, options) };
}

/** Records of a point kind as the contract's GeoJSON text. */
export function pointsText(kind: PointKind, records: readonly (Hamlet | School | Tower)[]): string {
  if (kind === 'hamlets') return JSON.stringify(hamletsToGeoJSON(records as Hamlet[]));
  if (kind === 'schools') return JSON.stringify(schoolsToGeoJSON(records as School[]));
  return JSON.stringify(towersToGeoJSON(records as Tower[]));
}
