// GeoParquet (https://geoparquet.org, 1.1) for hamlets, schools and towers, through hyparquet
// and hyparquet-writer. Reading takes the "geo" metadata's primary column, encoded as WKB or as
// native points (a struct of x and y), in WGS84 longitude/latitude; a file without "geo"
// metadata is read as a plain table whose lon/lat columns the mapping finds by name. Writing
// gives one column per contract property and a WKB "geometry" column.
import { parquetMetadata, parquetRead, parquetSchema, type FileMetaData } from 'hyparquet';
import { geojsonToWkb, parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import type { PointKind } from '../import/csv-mapping.ts';
import { IssueList } from '../parse/issues.ts';
import type { KindValue } from '../parse/kind.ts';
import type { Issue } from '../types.ts';
import { propertyNames, recordProperties, TableReadError, type RowChunk, type RowTable } from './rows.ts';

export const GEOPARQUET_VERSION = '1.1.0';

export type TableRead = { table: RowTable; issues: Issue[] } | { table?: undefined; issues: Issue[] };

function toArrayBuffer(bytes: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

interface GeoColumn {
  encoding?: unknown;
  crs?: unknown;
}

/** True for WGS84 longitude/latitude: no crs (the spec's default, OGC:CRS84), or EPSG:4326 / OGC:CRS84. */
function isLonLat(crs: unknown): boolean {
  if (crs === undefined) return true;
  if (crs === null || typeof crs !== 'object') return false;
  const id = (crs as { id?: { authority?: unknown; code?: unknown } }).id;
  const authority = String(id?.authority ?? '').toUpperCase();
  const code = String(id?.code ?? '').toUpperCase();
  return (authority === 'EPSG' && code === '4326') || (authority === 'OGC' && (code === 'CRS84' || code === 'CRS:84'));
}

/** The primary geometry column named by the "geo" metadata, after checking it can be read. */
function geometryColumn(metadata: FileMetaData, list: IssueList): { name: string } | 'none' | 'refused' {
  const geo = metadata.key_value_metadata?.find((kv) => kv.key === 'geo')?.value;
  if (geo === undefined) return 'none';
  let parsed: { primary_column?: unknown; columns?: Record<string, GeoColumn> };
  try {
    parsed = JSON.parse(geo) as typeof parsed;
  } catch (error) {
    list.error('geoparquet-metadata', { field: 'geo' }, { detail: reason(error) });
    return 'refused';
  }
  const name = typeof parsed.primary_column === 'string' ? parsed.primary_column : 'geometry';
  const column = parsed.columns?.[name];
  if (!column) {
    list.error('geoparquet-metadata', { field: 'geo' }, { column: name });
    return 'refused';
  }
  const encoding = String(column.encoding ?? '');
  if (encoding !== 'WKB' && encoding !== 'point') {
    list.error('geoparquet-encoding', { field: name }, { encoding });
    return 'refused';
  }
  if (!isLonLat(column.crs)) {
    list.error('geoparquet-crs', { field: name });
    return 'refused';
  }
  return { name };
}

/**
 * A GeoParquet (or plain Parquet) file's rows, for `importTableRows`; undefined `table` with
 * an issue when the file cannot be read (codes 'parquet-invalid', 'geoparquet-metadata',
 * 'geoparquet-encoding', 'geoparquet-crs'); a row group that cannot be decoded throws
 * `TableReadError` ('parquet-invalid') while the rows are read.
 */
export async function readGeoParquet(fileName: string, bytes: Uint8Array | ArrayBuffer): Promise<TableRead> {
  const list = new IssueList(fileName);
  const file = toArrayBuffer(bytes);
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(file);
  } catch (error) {
    list.error('parquet-invalid', {}, { detail: reason(error) });
    return { issues: list.finish() };
  }
  const geometry = geometryColumn(metadata, list);
  if (geometry === 'refused') return { issues: list.finish() };
  const names = parquetSchema(metadata).children.map((child) => child.element.name);
  const at = geometry === 'none' ? -1 : names.indexOf(geometry.name);
  return {
    table: { header: names.filter((_, i) => i !== at), withGeometry: at >= 0, chunks: rowGroups(file, metadata, names, at) },
    issues: list.finish(),
  };
}

/** The rows a row group at a time, so that a national file is never held decoded whole. */
async function* rowGroups(file: ArrayBuffer, metadata: FileMetaData, names: string[], at: number): AsyncGenerator<RowChunk> {
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: unknown[][] = [];
    try {
      await parquetRead({ file, metadata, columns: names, rowStart, rowEnd, rowFormat: 'array', onComplete: (read: unknown[][]) => void (rows = read) });
    } catch (error) {
      throw new TableReadError('parquet-invalid', { detail: reason(error), data: true });
    }
    rowStart = rowEnd;
    if (at < 0) yield { rows };
    else yield { rows: rows.map((row) => row.filter((_, i) => i !== at)), geometry: rows.map((row) => row[at]) };
  }
}

type Value = string | number | boolean | undefined;

/** A column's Parquet type from its values: whole numbers that fit take INT32. */
export function columnType(values: readonly Value[]): 'STRING' | 'BOOLEAN' | 'INT32' | 'DOUBLE' {
  const given = values.filter((v) => v !== undefined);
  if (given.length === 0 || given.some((v) => typeof v === 'string')) return 'STRING';
  if (given.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
  return given.every((v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31) ? 'INT32' : 'DOUBLE';
}

/** Records of `kind` as a GeoParquet file: contract properties, then a WKB "geometry" column. */
export function writeGeoParquet<K extends PointKind>(kind: K, records: readonly KindValue[K][number][]): Uint8Array {
  const properties = recordProperties(kind, records);
  const columnData: ColumnSource[] = propertyNames(kind).map((name) => {
    const values = properties.map((p) => p[name]);
    return { name, data: values.map((v) => v ?? null), type: columnType(values), nullable: true };
  });
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  const wkb = records.map((r) => {
    minLon = Math.min(minLon, r.lon);
    minLat = Math.min(minLat, r.lat);
    maxLon = Math.max(maxLon, r.lon);
    maxLat = Math.max(maxLat, r.lat);
    return geojsonToWkb({ type: 'Point', coordinates: [r.lon, r.lat] });
  });
  columnData.push({ name: 'geometry', data: wkb, type: 'BYTE_ARRAY', nullable: false });
  const geo = {
    version: GEOPARQUET_VERSION,
    primary_column: 'geometry',
    columns: {
      geometry: { encoding: 'WKB', geometry_types: ['Point'], ...(records.length > 0 ? { bbox: [minLon, minLat, maxLon, maxLat] } : {}) },
    },
  };
  const buffer = parquetWriteBuffer({
    columnData,
    kvMetadata: [{ key: 'geo', value: JSON.stringify(geo) }],
    rowGroupSize: 100_000,
    createdBy: 'song-map',
  });
  return new Uint8Array(buffer);
}
