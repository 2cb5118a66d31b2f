// FlatGeobuf (https://flatgeobuf.org) for hamlets, schools and towers, through the flatgeobuf
// package. Its JavaScript writer leaves out the spatial index, so the writer here builds the
// file's parts itself with the package's own builders (header, features) and adds the packed
// Hilbert R-tree the format defines (node size 16): features are written in Hilbert order, as
// the index requires, so a file's order is not its records' order. Reading gives rows for
// `importTableRows` (rows.ts).
import * as flatbuffers from 'flatbuffers';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { DEFAULT_NODE_SIZE, NODE_ITEM_BYTE_LEN, calcTreeSize, generateLevelBounds } from 'flatgeobuf/lib/mjs/packedrtree.js';
import type { PointKind } from '../import/csv-mapping.ts';
import { IssueList } from '../parse/issues.ts';
import type { KindValue } from '../parse/kind.ts';
import { columnType, recordColumns, type PointColumn, type Positions, type TableRead } from './geoparquet.ts';
import { rowsAsChunk } from './rows.ts';

const WGS84 = 4326;

const FGB_TYPE = { STRING: ColumnType.String, BOOLEAN: ColumnType.Bool, INT32: ColumnType.Int, DOUBLE: ColumnType.Double } as const;

function columnMeta(name: string, type: ColumnType): ColumnMeta {
  return { name, type, title: null, description: null, width: -1, precision: -1, scale: -1, nullable: true, unique: false, primary_key: false };
}

/** The header, as flatgeobuf's own `buildHeader` writes it, with the index and the envelope. */
function buildHeader(meta: HeaderMeta, envelope: number[]): Uint8Array {
  const builder = new flatbuffers.Builder();
  const columns = Header.createColumnsVector(
    builder,
    (meta.columns ?? []).map((c) => {
      const name = builder.createString(c.name);
      Column.startColumn(builder);
      Column.addName(builder, name);
      Column.addType(builder, c.type);
      Column.addNullable(builder, true);
      return Column.endColumn(builder);
    }),
  );
  const name = builder.createString(meta.title ?? '');
  const envelopeOffset = Header.createEnvelopeVector(builder, envelope);
  Crs.startCrs(builder);
  Crs.addCode(builder, WGS84);
  const crs = Crs.endCrs(builder);
  Header.startHeader(builder);
  Header.addCrs(builder, crs);
  Header.addEnvelope(builder, envelopeOffset);
  Header.addFeaturesCount(builder, BigInt(meta.featuresCount));
  Header.addGeometryType(builder, meta.geometryType);
  Header.addIndexNodeSize(builder, meta.indexNodeSize);
  Header.addColumns(builder, columns);
  Header.addName(builder, name);
  builder.finishSizePrefixed(Header.endHeader(builder));
  return builder.asUint8Array();
}

/** Position along a Hilbert curve of order 16 (x, y in 0..65535); from flatbush. */
export function hilbert(x: number, y: number): number {
  let a = x ^ y;
  let b = 0xffff ^ a;
  let c = 0xffff ^ (x | y);
  let d = x & (y ^ 0xffff);
  let A = a | (b >> 1);
  let B = (a >> 1) ^ a;
  let C = (c >> 1) ^ (b & (d >> 1)) ^ c;
  let D = (a & (c >> 1)) ^ (d >> 1) ^ d;
  a = A; b = B; c = C; d = D;
  A = (a & (a >> 2)) ^ (b & (b >> 2));
  B = (a & (b >> 2)) ^ (b & ((a ^ b) >> 2));
  C ^= (a & (c >> 2)) ^ (b & (d >> 2));
  D ^= (b & (c >> 2)) ^ ((a ^ b) & (d >> 2));
  a = A; b = B; c = C; d = D;
  A = (a & (a >> 4)) ^ (b & (b >> 4));
  B = (a & (b >> 4)) ^ (b & ((a ^ b) >> 4));
  C ^= (a & (c >> 4)) ^ (b & (d >> 4));
  D ^= (b & (c >> 4)) ^ ((a ^ b) & (d >> 4));
  a = A; b = B; c = C; d = D;
  C ^= (a & (c >> 8)) ^ (b & (d >> 8));
  D ^= (b & (c >> 8)) ^ ((a ^ b) & (d >> 8));
  a = C ^ (C >> 1);
  b = D ^ (D >> 1);
  let i0 = x ^ y;
  let i1 = b | (0xffff ^ (i0 | a));
  i0 = (i0 | (i0 << 8)) & 0x00ff00ff;
  i0 = (i0 | (i0 << 4)) & 0x0f0f0f0f;
  i0 = (i0 | (i0 << 2)) & 0x33333333;
  i0 = (i0 | (i0 << 1)) & 0x55555555;
  i1 = (i1 | (i1 << 8)) & 0x00ff00ff;
  i1 = (i1 | (i1 << 4)) & 0x0f0f0f0f;
  i1 = (i1 | (i1 << 2)) & 0x33333333;
  i1 = (i1 | (i1 << 1)) & 0x55555555;
  return ((i1 << 1) | i0) >>> 0;
}

/** The packed R-tree of points in file order, leaves pointing at each feature's byte offset. */
function buildIndex(lon: Float64Array, lat: Float64Array, featureOffsets: Float64Array, nodeSize: number): Uint8Array {
  const count = lon.length;
  const bytes = new Uint8Array(calcTreeSize(count, nodeSize));
  const view = new DataView(bytes.buffer);
  const levels = generateLevelBounds(count, nodeSize);
  const bounds = new Float64Array((bytes.length / NODE_ITEM_BYTE_LEN) * 4);
  const write = (node: number, box: [number, number, number, number], offset: number): void => {
    const at = node * NODE_ITEM_BYTE_LEN;
    box.forEach((v, k) => {
      view.setFloat64(at + k * 8, v, true);
      bounds[node * 4 + k] = v;
    });
    view.setBigUint64(at + 32, BigInt(offset), true);
  };
  const leaves = levels[0] as [number, number];
  for (let i = 0; i < count; i++) write(leaves[0] + i, [lon[i] as number, lat[i] as number, lon[i] as number, lat[i] as number], featureOffsets[i] as number);
  for (let l = 0; l + 1 < levels.length; l++) {
    const [start, end] = levels[l] as [number, number];
    const parentStart = (levels[l + 1] as [number, number])[0];
    for (let first = start, parent = parentStart; first < end; first += nodeSize, parent++) {
      const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let child = first; child < Math.min(first + nodeSize, end); child++) {
        box[0] = Math.min(box[0], bounds[child * 4] as number);
        box[1] = Math.min(box[1], bounds[child * 4 + 1] as number);
        box[2] = Math.max(box[2], bounds[child * 4 + 2] as number);
        box[3] = Math.max(box[3], bounds[child * 4 + 3] as number);
      }
      write(parent, box, first);
    }
  }
  return bytes;
}

/** Records of `kind` as a FlatGeobuf file with a spatial index, in WGS84 (EPSG:4326). */
export function writeFlatGeobuf<K extends PointKind>(kind: K, records: readonly KindValue[K][number][]): Uint8Array {
  return writeFlatGeobufTable(kind, recordColumns(kind, records), records);
}

/**
 * A points table as a FlatGeobuf file with a spatial index, in WGS84 (EPSG:4326), named
 * `title`: the export of the gap register and `writeFlatGeobuf` share it. Features are written
 * in the index's (Hilbert) order.
 */
export function writeFlatGeobufTable(title: string, table: readonly PointColumn[], records: Positions): Uint8Array {
  const columns = table.map(({ name, values }) => columnMeta(name, FGB_TYPE[columnType(values.map((v) => v ?? undefined))]));
  const count = records.length;
  const envelope = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of records) {
    envelope[0] = Math.min(envelope[0] as number, r.lon);
    envelope[1] = Math.min(envelope[1] as number, r.lat);
    envelope[2] = Math.max(envelope[2] as number, r.lon);
    envelope[3] = Math.max(envelope[3] as number, r.lat);
  }
  const [minX, minY, maxX, maxY] = envelope as [number, number, number, number];
  const width = maxX - minX || 1;
  const height = maxY - minY || 1;
  const keys = records.map((r) => hilbert(Math.floor((0xffff * (r.lon - minX)) / width), Math.floor((0xffff * (r.lat - minY)) / height)));
  const order = Array.from(records.keys()).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
  const meta: HeaderMeta = {
    geometryType: GeometryType.Point,
    columns,
    envelope: null,
    featuresCount: count,
    indexNodeSize: count > 0 ? DEFAULT_NODE_SIZE : 0,
    crs: null,
    title,
    description: null,
    metadata: null,
  };
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  const offsets = new Float64Array(count);
  let featureBytes = 0;
  const features = order.map((i, k) => {
    const record = records[i] as { lon: number; lat: number };
    const values: Record<string, unknown> = {};
    table.forEach(({ name, values: column }) => (values[name] = column[i] ?? null));
    const bytes = buildFeature(parseGeometry({ type: 'Point', coordinates: [record.lon, record.lat] }), values as never, meta);
    lon[k] = record.lon;
    lat[k] = record.lat;
    offsets[k] = featureBytes;
    featureBytes += bytes.length;
    return bytes;
  });
  const header = buildHeader(meta, count > 0 ? envelope : []);
  const index = count > 0 ? buildIndex(lon, lat, offsets, DEFAULT_NODE_SIZE) : new Uint8Array(0);
  const out = new Uint8Array(magicbytes.length + header.length + index.length + featureBytes);
  out.set(magicbytes);
  out.set(header, magicbytes.length);
  out.set(index, magicbytes.length + header.length);
  let at = magicbytes.length + header.length + index.length;
  for (const f of features) {
    out.set(f, at);
    at += f.length;
  }
  return out;
}

/**
 * Whether the features fill the file exactly as the header says: flatgeobuf's reader stops
 * quietly at a cut, so a truncated download would otherwise lose its last features unsaid.
 */
function layoutProblem(bytes: Uint8Array, header: HeaderMeta, read: number): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = magicbytes.length + 4 + view.getUint32(magicbytes.length, true);
  if (header.indexNodeSize > 0 && header.featuresCount > 0) at += calcTreeSize(header.featuresCount, header.indexNodeSize);
  let count = 0;
  while (at + 4 <= bytes.length) {
    at += 4 + view.getUint32(at, true);
    count++;
  }
  if (at !== bytes.length) return `the last feature ends ${at - bytes.length} bytes past the end of the file`;
  if (header.featuresCount > 0 && count !== header.featuresCount) return `the header counts ${header.featuresCount} features, the file holds ${count}`;
  if (read !== count) return `${read} of ${count} features could be read`;
  return undefined;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A FlatGeobuf file's rows, for `importTableRows`; undefined `table` with an issue when it
 * cannot be read (codes 'fgb-invalid', 'fgb-crs').
 */
export async function readFlatGeobuf(fileName: string, bytes: Uint8Array): Promise<TableRead> {
  const list = new IssueList(fileName);
  if (bytes.length < 8 || !magicbytes.slice(0, 3).every((b, i) => bytes[i] === b)) {
    list.error('fgb-invalid', {}, { signature: true });
    return { issues: list.finish() };
  }
  let header: HeaderMeta | undefined;
  const rows: unknown[][] = [];
  const geometry: unknown[] = [];
  let names: string[] = [];
  try {
    const features = deserialize(bytes, {
      headerMetaFn: (meta) => {
        header = meta;
        names = (meta.columns ?? []).map((c) => c.name);
      },
    });
    for await (const feature of features) {
      if (header?.crs && header.crs.code !== 0 && header.crs.code !== WGS84) break;
      const props = (feature.properties ?? {}) as Record<string, unknown>;
      rows.push(names.map((name) => props[name]));
      geometry.push(feature.geometry);
    }
  } catch (error) {
    list.error('fgb-invalid', {}, { detail: reason(error) });
    return { issues: list.finish() };
  }
  const problem = header === undefined ? 'no header' : layoutProblem(bytes, header, rows.length);
  if (problem !== undefined) {
    list.error('fgb-invalid', {}, { detail: problem });
    return { issues: list.finish() };
  }
  const crs = header?.crs;
  if (crs && crs.code !== 0 && crs.code !== WGS84) {
    list.error('fgb-crs', { field: 'crs' }, { crs: `${crs.org ?? 'EPSG'}:${crs.code}` });
    return { issues: list.finish() };
  }
  return { table: { header: names, withGeometry: true, rowCount: rows.length, chunks: () => [rowsAsChunk(names, rows, geometry)] }, issues: list.finish() };
}
