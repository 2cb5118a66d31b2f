// WKB cells of a GeoParquet file, whatever they hold (2D points either byte order, 3D points,
// lines, nulls, points outside Vietnam, across row groups), read as the same rows given as
// GeoJSON geometries: the same records and the same issues. Plain 2D points are decoded as
// the reader meets them (formats/geoparquet.ts `WkbPoints`), the rest as they were.
import fc from 'fast-check';
import { geojsonToWkb, parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { importPointFile } from '../../../src/domain/formats/index.ts';
import { importTableRows, rowsAsChunk } from '../../../src/domain/formats/rows.ts';

/** A 2D point's WKB, big-endian (hyparquet-writer writes little-endian only). */
function bigEndianPoint(x: number, y: number): Uint8Array {
  const bytes = new Uint8Array(21);
  const view = new DataView(bytes.buffer);
  view.setUint32(1, 1, false);
  view.setFloat64(5, x, false);
  view.setFloat64(13, y, false);
  return bytes;
}

type Geometry = { type: string; coordinates: unknown } | null;

const geometry = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.double({ min: 102, max: 110, noNaN: true }), fc.double({ min: 8, max: 24, noNaN: true })).map(([x, y]) => ({ type: 'Point', coordinates: [x, y] }) as Geometry) },
  fc.constantFrom<Geometry>(
    { type: 'Point', coordinates: [2.35, 48.85] },
    { type: 'Point', coordinates: [10.5, 105.5] },
    { type: 'Point', coordinates: [105, 10, 3] },
    { type: 'LineString', coordinates: [[105, 10], [106, 11]] },
    null,
  ),
);

describe('GeoParquet WKB cells', () => {
  it('give the records and issues of the same rows with GeoJSON geometries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(geometry, fc.boolean(), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 10 }), async (drawn, rowGroupSize) => {
        const ids = drawn.map(([, , n], r) => `h${r % 4 === 3 ? n : r}`);
        const names = drawn.map((_, r) => `Thôn ${r}`);
        const populations = drawn.map((_, r) => r * 10);
        const cells = drawn.map(([g, big]) => {
          if (g === null) return null;
          const [x, y, z] = g.coordinates as number[];
          return g.type === 'Point' && z === undefined && big ? bigEndianPoint(x as number, y as number) : geojsonToWkb(g as never);
        });
        const bytes = new Uint8Array(
          parquetWriteBuffer({
            columnData: [
              { name: 'id', data: ids, type: 'STRING' },
              { name: 'name', data: names, type: 'STRING' },
              { name: 'population', data: populations, type: 'INT32' },
              { name: 'geometry', data: cells, type: 'BYTE_ARRAY', nullable: true },
            ],
            kvMetadata: [{ key: 'geo', value: JSON.stringify({ version: '1.1.0', primary_column: 'geometry', columns: { geometry: { encoding: 'WKB' } } }) }],
            rowGroupSize,
          }),
        );
        const fromFile = await importPointFile('hamlets', 'h.parquet', bytes, 'geoparquet');
        const header = ['id', 'name', 'population'];
        const rows = drawn.map((_, r) => [ids[r], names[r], populations[r]]);
        const geometries = drawn.map(([g]) => (g === null || g.type === 'Point' ? g : { type: g.type, coordinates: [] }));
        const fromRows = await importTableRows('hamlets', 'h.parquet', { header, withGeometry: true, chunks: () => [rowsAsChunk(header, rows, geometries)] });
        expect(fromFile).toEqual(fromRows);
      }),
      { numRuns: 150 },
    );
  });
});
