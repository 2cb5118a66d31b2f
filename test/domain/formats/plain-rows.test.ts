// Rows taken without the per-feature checks (formats/plain-rows.ts) against the same table
// read with the checks on every row: the same records, rows and issues, on random tables
// whose cells are often wrong (types, ranges, blanks, duplicates, positions, upgrade rules).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importTableRows, rowsAsChunk, type RowTable } from '../../../src/domain/formats/rows.ts';
import type { PointKind } from '../../../src/domain/import/csv-points.ts';

const COLUMNS: Record<PointKind, string[]> = {
  hamlets: ['id', 'name', 'population', 'households', 'poor_households', 'students', 'grid_power', 'commune', 'district', 'clutter', 'synthetic'],
  schools: ['id', 'name', 'level', 'students', 'students_in_need', 'fixed_broadband', 'commune', 'district', 'clutter', 'synthetic'],
  towers: ['id', 'operator', 'status', 'technology', 'radius_km', 'service_date', 'upgrade_technology', 'upgrade_radius_km', 'upgrade_date', 'height_m', 'band_mhz', 'upgrade_band_mhz', 'synthetic'],
};

// Cells a column may hold, right and wrong, for any field.
const cell = fc.constantFrom<unknown>(
  ...[undefined, null, '', ' ', 'a', 'Cà Mau', 'Ca\u0300 Mau', 'Cµ Mau', 'VNPT', '4G', '2G', '5G', 'existing', 'planned', 'primary', 'rural', 'forest'],
  ...['2024-01-31', '2024-02-30', '31/01/2024', 'h1', 't1'],
  ...[0, 1, 7, 12, 49.5, 50, 51, -1, 2.5, 100, 900, 6000, 7000, NaN, Infinity, true, false, 5n, 2n ** 60n],
);

// Cells at the edges of the rules, for the rows that are otherwise valid.
const edge = fc.constantFrom<unknown>(0, -1, 2.5, 49.5, 50, 51, 99, 100, 6000, 6001, 5n, true, '', 'Ca\u0300 Mau', '2024-02-30', '2024-01-31', '2G', '4G', '5G', 'planned', null);

const position = fc.oneof(
  fc.record({ lon: fc.double({ min: 102, max: 110, noNaN: true }), lat: fc.double({ min: 8, max: 24, noNaN: true }) }),
  fc.constantFrom({ lon: 10.5, lat: 105.5 }, { lon: 500000, lat: 1200000 }, { lon: 200, lat: 10 }, { lon: 2.35, lat: 48.85 }, { lon: 105, lat: 95 }, { lon: 105.1, lat: 10.1 }),
);

const geometry = fc.oneof(
  { weight: 6, arbitrary: position.map(({ lon, lat }) => ({ type: 'Point', coordinates: [lon, lat] })) },
  fc.constantFrom(null, { type: 'LineString', coordinates: [] }, { x: 105.2, y: 10.2 }, { type: 'Point', coordinates: [105, 10, 3] }, { type: 'Point', coordinates: [NaN, 10] }),
);

function table(kind: PointKind, rows: unknown[][], geometries: unknown[] | undefined): RowTable {
  const header = geometries ? COLUMNS[kind] : [...COLUMNS[kind], 'lon', 'lat'];
  return { header, withGeometry: geometries !== undefined, chunks: () => [rowsAsChunk(header, rows, geometries ?? rows.map(() => null))] };
}

describe('plainly valid rows', () => {
  for (const kind of ['hamlets', 'schools', 'towers'] as const) {
    it(`${kind}: the same records and issues as with every row checked`, async () => {
      const row = fc.tuple(fc.array(cell, { minLength: COLUMNS[kind].length, maxLength: COLUMNS[kind].length }), geometry, position, fc.integer({ min: 1, max: COLUMNS[kind].length - 1 }), fc.integer({ min: 1, max: COLUMNS[kind].length - 1 }), edge, edge);
      await fc.assert(
        fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30, size: 'max' }), fc.boolean(), fc.integer({ min: 0, max: 100 }), async (drawn, withGeometry, clean) => {
          // A share of the rows made valid, so that both ways have records to agree on.
          const rows = drawn.map(([cells, , at, a, b, x, y], r) => {
            const out = [...cells];
            if ((100 * r) / drawn.length < clean) {
              // Required fields right, two other cells as drawn, the rest empty: each rule, and each pair, met.
              const [kept, also] = [a, b];
              out.fill(null);
              out[kept] = x;
              out[also] = y;
              out[0] = `${kind}-${r % 7}`;
              if (kind === 'hamlets' && Math.min(kept, also) > 2) [out[1], out[2]] = ['Thôn A', 10];
              if (kind === 'schools' && Math.min(kept, also) > 3) [out[1], out[2], out[3]] = ['Trường B', 'primary', 100];
              if (kind === 'towers' && Math.min(kept, also) > 3) [out[1], out[2], out[3]] = ['VNPT', 'existing', '4G'];
            }
            return withGeometry ? out : [...out, at.lon, at.lat];
          });
          const geometries = withGeometry ? drawn.map(([, g]) => g) : undefined;
          const fast = await importTableRows(kind, 'x.parquet', table(kind, rows, geometries));
          const full = await importTableRows(kind, 'x.parquet', table(kind, rows, geometries), { plain: false });
          expect(fast).toEqual(full);
          // Same field order too, as the records go on to be written and compared.
          expect(JSON.stringify(fast.valid)).toBe(JSON.stringify(full.valid));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('takes the rows of a clean table without a per-row check, and still says a second use of an id', async () => {
    const rows = [
      ['h1', 'Thôn Một', 10, 5, 1, 2, true, 'X', 'Y', 'rural', false],
      ['h2', 'Thôn Hai', 20, null, null, null, null, null, null, null, null],
      ['h1', 'Thôn Ba', 30, null, null, null, null, null, null, null, null],
    ];
    const points = [105.1, 105.2, 105.3].map((lon) => ({ type: 'Point', coordinates: [lon, 10] }));
    const result = await importTableRows('hamlets', 'h.parquet', table('hamlets', rows, points));
    expect(result.valid).toEqual([
      { id: 'h1', name: 'Thôn Một', lon: 105.1, lat: 10, population: 10, gridPower: true, synthetic: false, households: 5, poorHouseholds: 1, students: 2, commune: 'X', district: 'Y' },
      { id: 'h2', name: 'Thôn Hai', lon: 105.2, lat: 10, population: 20, gridPower: true, synthetic: false },
    ]);
    expect(result.validLines).toEqual([1, 2]);
    // clutter is not among the columns a table import maps (csv-mapping.ts).
    expect(result.issues.map((i) => [i.code, i.featureIndex, i.field])).toEqual([
      ['csv-ignored-columns', undefined, undefined],
      ['duplicate-id', 2, 'id'],
    ]);
  });
});
