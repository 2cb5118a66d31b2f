// GeoParquet and FlatGeobuf: write → read → the same records, on fixtures and random records;
// the FlatGeobuf index answers box queries as brute force does; broken files say what is wrong.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFlatGeobuf } from '../../../src/domain/formats/flatgeobuf.ts';
import { formatOfName, importPointFile, POINT_FORMATS, writePointFile, type PointFormat } from '../../../src/domain/formats/index.ts';
import type { PointKind } from '../../../src/domain/import/csv-points.ts';
import { parseFile } from '../../../src/domain/parse/index.ts';
import type { Hamlet, School, Tower } from '../../../src/domain/types.ts';

type Rec = Hamlet | School | Tower;
const KINDS: PointKind[] = ['hamlets', 'schools', 'towers'];

function fixture(kind: PointKind): Rec[] {
  const { value } = parseFile(kind, kind, readFileSync(`test/fixtures/good/${kind}.geojson`, 'utf8'));
  if (!value) throw new Error(kind);
  return value;
}

const byId = (records: readonly Rec[]): Rec[] => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

async function roundTrip(kind: PointKind, records: readonly Rec[], format: PointFormat) {
  const bytes = writePointFile(kind, records as never, format);
  return importPointFile(kind, `x${format === 'geoparquet' ? '.parquet' : '.fgb'}`, bytes, format);
}

describe('point formats: round trip of the fixtures', () => {
  for (const kind of KINDS) {
    for (const format of POINT_FORMATS) {
      it(`${kind} as ${format}`, async () => {
        const records = fixture(kind);
        const result = await roundTrip(kind, records, format);
        expect(result.issues).toEqual([]);
        // FlatGeobuf writes in its index's order; GeoParquet keeps the records' order.
        if (format === 'geoparquet') expect(result.value).toEqual(records);
        else expect(byId(result.value ?? [])).toEqual(byId(records));
      });
    }
  }
});

const name = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && s.trim() !== '' && !/[\uFFFD\p{C}]/u.test(s));
const lon = fc.double({ min: 102.5, max: 109.5, noNaN: true });
const lat = fc.double({ min: 8.5, max: 23.5, noNaN: true });
const hamlet = fc.record(
  {
    name,
    lon,
    lat,
    population: fc.nat(100000),
    households: fc.nat(500),
    students: fc.nat(500),
    gridPower: fc.boolean(),
    commune: name,
    synthetic: fc.boolean(),
  },
  { requiredKeys: ['name', 'lon', 'lat', 'population', 'gridPower', 'synthetic'] },
);
const tower = fc.record(
  {
    lon,
    lat,
    operator: fc.constantFrom('VNPT', 'Viettel', 'MobiFone'),
    status: fc.constant('existing' as const),
    technology: fc.constantFrom('2G', '3G', '4G' as const),
    radiusKm: fc.double({ min: 0.5, max: 40, noNaN: true }),
    serviceDate: fc.constantFrom('2019-01-02', '2024-12-31'),
    upgradeTechnology: fc.constant('5G' as const),
    upgradeDate: fc.constant('2026-06-30'),
    heightM: fc.nat(80),
    synthetic: fc.boolean(),
  },
  { requiredKeys: ['lon', 'lat', 'operator', 'status', 'technology', 'synthetic'] },
);

describe('point formats: random records', () => {
  for (const format of POINT_FORMATS) {
    it(`hamlets and towers survive ${format}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(hamlet, { maxLength: 40 }), fc.array(tower, { maxLength: 40 }), async (hs, ts) => {
          const hamlets = hs.map((h, i) => ({ ...h, id: `H${i}` })) as Hamlet[];
          // An upgrade's date and radius need its technology (a contract rule, not a format one).
          const towers = ts.map((t, i) => {
            const tower: Record<string, unknown> = { ...t, id: `T${i}` };
            if (t.upgradeTechnology === undefined) delete tower['upgradeDate'];
            return tower;
          }) as unknown as Tower[];
          for (const [kind, records] of [['hamlets', hamlets], ['towers', towers]] as const) {
            if (records.length === 0) continue;
            const result = await roundTrip(kind, records, format);
            expect(result.issues.filter((i) => i.code !== 'outside-vietnam')).toEqual([]);
            expect(byId(result.value ?? [])).toEqual(byId(records));
          }
        }),
        { numRuns: 25, seed: 20 },
      );
    });
  }
});

describe('FlatGeobuf spatial index', () => {
  // flatgeobuf's box search narrates itself on console.debug.
  beforeAll(() => void vi.spyOn(console, 'debug').mockImplementation(() => undefined));
  it('answers box queries as brute force does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(lon, lat), { minLength: 1, maxLength: 300 }), fc.tuple(lon, lon, lat, lat), async (points, [x1, x2, y1, y2]) => {
        const towers: Tower[] = points.map(([x, y], i) => ({ id: `T${i}`, lon: x, lat: y, operator: 'VNPT', status: 'existing', technology: '4G', synthetic: false }));
        const bytes = writeFlatGeobuf('towers', towers);
        const rect = { minX: Math.min(x1, x2), maxX: Math.max(x1, x2), minY: Math.min(y1, y2), maxY: Math.max(y1, y2) };
        const found: string[] = [];
        for await (const f of deserialize(bytes, { rect })) found.push(String((f.properties as { id: string }).id));
        const expected = towers.filter((t) => t.lon >= rect.minX && t.lon <= rect.maxX && t.lat >= rect.minY && t.lat <= rect.maxY).map((t) => t.id);
        expect(found.sort()).toEqual(expected.sort());
      }),
      { numRuns: 30, seed: 20 },
    );
  });
});

describe('point formats: broken files', () => {
  const towers = fixture('towers');

  it('names a file that is not Parquet or is cut short', async () => {
    const good = writePointFile('towers', towers as Tower[], 'geoparquet');
    for (const bytes of [new TextEncoder().encode('id,lon,lat\n1,105,10\n'), good.subarray(0, good.length - 20)]) {
      const result = await importPointFile('towers', 't.parquet', bytes, 'geoparquet');
      expect(result.value).toBeUndefined();
      expect(result.issues.map((i) => i.code)).toEqual(['parquet-invalid']);
      expect(result.issues[0]?.message).toMatch(/^t\.parquet: the file is not a readable Parquet file \(/);
    }
  });

  it('names a row group that cannot be decoded', async () => {
    const bytes = writePointFile('towers', towers as Tower[], 'geoparquet').slice();
    // Inside the first column chunk (after "PAR1"): its compressed bytes no longer decode.
    for (let i = 8; i < 40; i++) bytes[i] = 0xff;
    const result = await importPointFile('towers', 't.parquet', bytes, 'geoparquet');
    expect(result.value).toBeUndefined();
    expect(result.issues.map((i) => i.code)).toEqual(['parquet-invalid']);
    expect(result.issues[0]?.message).toMatch(/^t\.parquet: the Parquet data cannot be read \(.+\); is the file damaged\?$/);
  });

  it('refuses a GeoParquet geometry it cannot read as points, and a projected CRS', async () => {
    const columnData = [
      { name: 'id', data: ['a'], type: 'STRING' as const },
      { name: 'geometry', data: [new Uint8Array([1])], type: 'BYTE_ARRAY' as const },
    ];
    const geo = (column: object) => [{ key: 'geo', value: JSON.stringify({ version: '1.1.0', primary_column: 'geometry', columns: { geometry: column } }) }];
    const polygon = new Uint8Array(parquetWriteBuffer({ columnData, kvMetadata: geo({ encoding: 'polygon' }) }));
    const projected = new Uint8Array(parquetWriteBuffer({ columnData, kvMetadata: geo({ encoding: 'WKB', crs: { id: { authority: 'EPSG', code: 32648 } } }) }));
    const a = await importPointFile('towers', 'p.parquet', polygon, 'geoparquet');
    expect(a.issues.map(({ params: _, ...issue }) => issue)).toEqual([
      { severity: 'error', code: 'geoparquet-encoding', file: 'p.parquet', field: 'geometry', message: 'p.parquet: field "geometry": is encoded as "polygon"; points are read from "WKB" or the native "point" encoding' },
    ]);
    const b = await importPointFile('towers', 'p.parquet', projected, 'geoparquet');
    expect(b.issues.map((i) => [i.code, i.field])).toEqual([['geoparquet-crs', 'geometry']]);
  });

  it('reads the native GeoParquet point encoding (a struct of x and y)', async () => {
    const text = (name: string) => ({ name, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: 'REQUIRED' as const });
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'id', data: ['a', 'b'] },
          { name: 'operator', data: ['VNPT', 'VNPT'] },
          { name: 'status', data: ['existing', 'existing'] },
          { name: 'technology', data: ['4G', '4G'] },
          { name: 'geometry', data: [{ x: 105.1, y: 9.1 }, { x: 105.2, y: 9.2 }] },
        ],
        schema: [
          { name: 'root', num_children: 5 },
          text('id'),
          text('operator'),
          text('status'),
          text('technology'),
          { name: 'geometry', num_children: 2, repetition_type: 'REQUIRED' },
          { name: 'x', type: 'DOUBLE', repetition_type: 'REQUIRED' },
          { name: 'y', type: 'DOUBLE', repetition_type: 'REQUIRED' },
        ],
        kvMetadata: [{ key: 'geo', value: JSON.stringify({ version: '1.1.0', primary_column: 'geometry', columns: { geometry: { encoding: 'point', geometry_types: ['Point'] } } }) }],
      }),
    );
    const result = await importPointFile('towers', 'n.parquet', bytes, 'geoparquet');
    expect(result.issues).toEqual([]);
    expect(result.value?.map((t) => [t.id, t.lon, t.lat])).toEqual([['a', 105.1, 9.1], ['b', 105.2, 9.2]]);
  });

  it('reads a plain Parquet table by its lon/lat columns, mapped like CSV, checked like GeoJSON', async () => {
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'id', data: ['t1', 't2'], type: 'STRING' },
          { name: 'longitude', data: [105.1, 105.2], type: 'DOUBLE' },
          { name: 'latitude', data: [9.1, 9.2], type: 'DOUBLE' },
          { name: 'operator', data: ['VNPT', 'VNPT'], type: 'STRING' },
          { name: 'status', data: ['existing', 'built'], type: 'STRING' },
          { name: 'technology', data: ['4G', '4G'], type: 'STRING' },
          { name: 'note', data: ['', ''], type: 'STRING' },
        ],
      }),
    );
    const result = await importPointFile('towers', 'plain.parquet', bytes, 'geoparquet');
    expect(result.value).toBeUndefined();
    expect(result.valid).toEqual([{ id: 't1', lon: 105.1, lat: 9.1, operator: 'VNPT', status: 'existing', technology: '4G', synthetic: false }]);
    expect(result.validLines).toEqual([1]);
    expect(result.issues.map(({ params: _, ...issue }) => issue)).toEqual([
      { severity: 'warning', code: 'csv-ignored-columns', file: 'plain.parquet', message: 'plain.parquet: column "note" is not in the towers contract and is ignored' },
      {
        severity: 'error',
        code: 'enum',
        file: 'plain.parquet',
        featureIndex: 1,
        id: 't2',
        field: 'status',
        message: 'plain.parquet: feature 2 (id "t2"), field "status": is "built", must be one of "existing", "planned"',
      },
    ]);
  });

  it('names a file that is not FlatGeobuf or is cut short', async () => {
    const good = writePointFile('towers', towers as Tower[], 'flatgeobuf');
    const notFgb = await importPointFile('towers', 't.fgb', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), 'flatgeobuf');
    expect(notFgb.issues.map((i) => i.code)).toEqual(['fgb-invalid']);
    const cut = await importPointFile('towers', 't.fgb', good.subarray(0, good.length - 30), 'flatgeobuf');
    expect(cut.value).toBeUndefined();
    expect(cut.issues.map((i) => i.code)).toEqual(['fgb-invalid']);
    expect(cut.issues[0]?.message).toMatch(/^t\.fgb: the FlatGeobuf data cannot be read/);
  });

  it('tells the format from the name', () => {
    expect(['a.parquet', 'B.GEOPARQUET', 'c.fgb', 'd.geojson'].map(formatOfName)).toEqual(['geoparquet', 'geoparquet', 'flatgeobuf', undefined]);
  });
});
