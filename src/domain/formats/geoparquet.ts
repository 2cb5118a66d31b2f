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
import { propertyNames, recordProperties, TableReadError, type ColumnChunk, type RowTable } from './rows.ts';

export const GEOPARQUET_VERSION = '1.1.0';

export type TableRead = { table: RowTable; issues: Issue[] } | { table?: undefined; issues: Issue[] };

function toArrayBuffer(bytes: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
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
  const header = names.filter((_, i) => i !== at);
  return {
    table: { header, withGeometry: at >= 0, rowCount: Number(metadata.num_rows), chunks: (wanted) => rowGroups(file, metadata, wanted.map((i) => header[i] as string), at >= 0 ? names[at] : undefined) },
    issues: list.finish(),
  };
}

const utf8 = new TextDecoder();

/**
 * UTF-8 text of a cell: short ASCII without the decoder, whose call costs more than the
 * copying for the names and ids of a points file (most of them a few bytes long).
 */
export function textOfBytes(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes) return undefined;
  const n = bytes.length;
  if (n > 24) return utf8.decode(bytes);
  for (let i = 0; i < n; i++) if ((bytes[i] as number) > 0x7f) return utf8.decode(bytes);
  // One call for the whole cell: a flat string, not one built a character at a time.
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/** One column's pieces of a row group (pages), in one array: typed when every piece has the same type. */
function joined(parts: { at: number; data: ArrayLike<unknown> }[], length: number): ArrayLike<unknown> {
  const only = parts[0];
  if (parts.length === 1 && only?.at === 0 && only.data.length === length) return only.data;
  const kind = only?.data.constructor;
  const typed = ArrayBuffer.isView(only?.data) && parts.every((p) => p.data.constructor === kind);
  const out = typed ? new (kind as new (n: number) => { set(a: ArrayLike<unknown>, at: number): void; length: number })(length) : new Array<unknown>(length);
  for (const { at, data } of parts) {
    if (typed) (out as { set(a: ArrayLike<unknown>, at: number): void }).set(data, at);
    else for (let k = 0; k < data.length && at + k < length; k++) (out as unknown[])[at + k] = data[k];
  }
  return out as ArrayLike<unknown>;
}

const WKB_NAMES = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'];

/**
 * A WKB geometry as the checks see it: a point (2 to 4 numbers, as hyparquet decodes it), else
 * only its type, which the checks refuse by name. An unknown type is a file fault.
 */
function wkbGeometry(bytes: Uint8Array): unknown {
  if (bytes.length < 5) throw new TableReadError('parquet-invalid', { detail: 'a WKB geometry is shorter than its header', data: true });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 1;
  const raw = view.getUint32(1, little);
  const type = raw % 1000;
  const flags = Math.floor(raw / 1000);
  if (type < 1 || type > 7) throw new TableReadError('parquet-invalid', { detail: `unsupported WKB geometry type ${raw}`, data: true });
  if (type !== 1) return { type: WKB_NAMES[type], coordinates: [] };
  const dim = 2 + (flags ? 1 : 0) + (flags === 3 ? 1 : 0);
  if (bytes.length < 5 + 8 * dim) throw new TableReadError('parquet-invalid', { detail: 'a WKB point is cut short', data: true });
  return { type: 'Point', coordinates: Array.from({ length: dim }, (_, d) => view.getFloat64(5 + 8 * d, little)) };
}

/**
 * The 2D points of a row group's WKB cells (byte order, type 1, x, y: 21 bytes), read as the
 * reader decodes each cell: the cell then holds its point's index here, a small integer, not
 * a view of its bytes kept to the group's end (a million views are the GC's work).
 */
class WkbPoints {
  readonly lon: number[] = [];
  readonly lat: number[] = [];
  private buffer: ArrayBufferLike | undefined;
  private view: DataView | undefined;

  /** The cell's point index, or its bytes when it is not a plain 2D point. */
  readonly cell = (bytes: Uint8Array): Uint8Array | number => {
    if (bytes.length !== 21) return bytes;
    if (bytes.buffer !== this.buffer) {
      this.buffer = bytes.buffer;
      this.view = new DataView(bytes.buffer);
    }
    const view = this.view as DataView;
    const little = bytes[0] === 1;
    const at = bytes.byteOffset;
    if (view.getUint32(at + 1, little) !== 1) return bytes;
    this.lon.push(view.getFloat64(at + 5, little));
    this.lat.push(view.getFloat64(at + 13, little));
    return this.lon.length - 1;
  };
}

/** Positions of the points among the geometries (WKB, a `WkbPoints` index or native {x, y}), NaN for any other. */
function positions(geometry: ArrayLike<unknown>, points: WkbPoints, lon: Float64Array, lat: Float64Array): void {
  let buffer: ArrayBufferLike | undefined;
  let view: DataView | undefined;
  for (let k = 0; k < geometry.length; k++) {
    const g = geometry[k];
    lon[k] = lat[k] = NaN;
    if (typeof g === 'number') {
      lon[k] = points.lon[g] as number;
      lat[k] = points.lat[g] as number;
    } else if (g instanceof Uint8Array) {
      // A 2D point: byte order, type 1, x, y (21 bytes). The cells share their page's buffer.
      if (g.length !== 21) continue;
      if (g.buffer !== buffer) {
        buffer = g.buffer;
        view = new DataView(buffer);
      }
      const little = g[0] === 1;
      const at = g.byteOffset;
      if ((view as DataView).getUint32(at + 1, little) !== 1) continue;
      lon[k] = (view as DataView).getFloat64(at + 5, little);
      lat[k] = (view as DataView).getFloat64(at + 13, little);
    } else if (g !== null && typeof g === 'object') {
      const { x, y } = g as { x?: unknown; y?: unknown };
      if (typeof x === 'number' && typeof y === 'number') {
        lon[k] = x;
        lat[k] = y;
      }
    }
  }
}

/**
 * The asked columns a row group at a time, so that a national file is never held decoded
 * whole: decoded column by column (no row objects), geometries kept as their WKB bytes and
 * their positions read straight into numbers.
 */
async function* rowGroups(file: ArrayBuffer, metadata: FileMetaData, columns: string[], geometry: string | undefined): AsyncGenerator<ColumnChunk> {
  const read = geometry === undefined ? columns : [...columns, geometry];
  const header = parquetSchema(metadata).children.map((child) => child.element.name).filter((name) => name !== geometry);
  let groupStart = 0;
  for (const group of metadata.row_groups) {
    const length = Number(group.num_rows);
    const parts = new Map<string, { at: number; data: ArrayLike<unknown> }[]>(read.map((name) => [name, []]));
    const points = new WkbPoints();
    try {
      await parquetRead({
        file,
        metadata,
        columns: read,
        rowStart: groupStart,
        rowEnd: groupStart + length,
        parsers: { stringFromBytes: textOfBytes, geometryFromBytes: points.cell, geographyFromBytes: points.cell },
        onChunk: ({ columnName, columnData, rowStart }) => void parts.get(columnName)?.push({ at: rowStart - groupStart, data: columnData }),
      });
    } catch (error) {
      throw new TableReadError('parquet-invalid', { detail: reason(error), data: true });
    }
    const data = new Map([...parts].map(([name, pieces]) => [name, joined(pieces, length)]));
    const chunk: { -readonly [K in keyof ColumnChunk]: ColumnChunk[K] } = { length, columns: header.map((name) => data.get(name)) };
    const cells = geometry === undefined ? undefined : data.get(geometry);
    if (cells) {
      chunk.lon = new Float64Array(length);
      chunk.lat = new Float64Array(length);
      positions(cells, points, chunk.lon, chunk.lat);
      chunk.geometry = (k) => {
        const g = cells[k];
        if (typeof g === 'number') return { type: 'Point', coordinates: [points.lon[g], points.lat[g]] };
        return g instanceof Uint8Array ? wkbGeometry(g) : g;
      };
    }
    groupStart += length;
    yield chunk;
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

/** A column of a points table to write: its name and one value per point (null or undefined where none). */
export interface PointColumn {
  name: string;
  values: readonly (Value | null)[];
}

/** Positions of the points of a table, in its order. */
export type Positions = readonly { lon: number; lat: number }[];

/**
 * A points table as a GeoParquet file: the columns (typed by `columnType`), then a WKB
 * "geometry" column and the "geo" metadata with its bbox. The export of the gap register and
 * the writer of hamlets, schools and towers (`writeGeoParquet`) share it.
 */
export function writeGeoParquetTable(columns: readonly PointColumn[], positions: Positions, rowGroupSize = 100_000): Uint8Array {
  const columnData: ColumnSource[] = columns.map(({ name, values }) => {
    const given = values.map((v) => v ?? undefined);
    // A column without a gap is REQUIRED: its reader then has no definition levels to unfold.
    return { name, data: given.map((v) => v ?? null), type: columnType(given), nullable: given.includes(undefined) };
  });
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  const wkb = positions.map((r) => {
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
      geometry: { encoding: 'WKB', geometry_types: ['Point'], ...(positions.length > 0 ? { bbox: [minLon, minLat, maxLon, maxLat] } : {}) },
    },
  };
  const buffer = parquetWriteBuffer({
    columnData,
    kvMetadata: [{ key: 'geo', value: JSON.stringify(geo) }],
    rowGroupSize,
    createdBy: 'song-map',
  });
  return new Uint8Array(buffer);
}

/** The contract's properties of records as columns, in `propertyNames(kind)` order. */
export function recordColumns<K extends PointKind>(kind: K, records: readonly KindValue[K][number][]): PointColumn[] {
  const properties = recordProperties(kind, records);
  return propertyNames(kind).map((name) => ({ name, values: properties.map((p) => p[name]) }));
}

/** Records of `kind` as a GeoParquet file: contract properties, then a WKB "geometry" column. */
export function writeGeoParquet<K extends PointKind>(kind: K, records: readonly KindValue[K][number][]): Uint8Array {
  return writeGeoParquetTable(recordColumns(kind, records), records);
}
