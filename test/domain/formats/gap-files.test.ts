// The gap register's GeoParquet and FlatGeobuf exports read back through the app's own
// readers (the importer's GeoParquet and FlatGeobuf tables): every field of every row, and its
// point, as `gapProperties` gives them, for random rows with gaps in their fields.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GAP_HEADERS, gapProperties } from '../../../src/domain/export/table.ts';
import { readFlatGeobuf } from '../../../src/domain/formats/flatgeobuf.ts';
import { gapsFile } from '../../../src/domain/formats/gap-files.ts';
import { readGeoParquet } from '../../../src/domain/formats/geoparquet.ts';
import type { PointFormat } from '../../../src/domain/formats/index.ts';
import type { ColumnChunk } from '../../../src/domain/formats/rows.ts';
import type { GapRow } from '../../../src/domain/gaps/register.ts';
import { applyStatusChange, EMPTY_STATUSES } from '../../../src/domain/gaps/status.ts';

const text = fc.constantFrom('Ấp Mũi, "Rạch Tàu"', 'Trường Tiểu học Đất Mũi', 'Khóm 3', '=cmd', 'x');
const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const row = fc
  .record({
    kind: fc.constantFrom('hamlet' as const, 'school' as const),
    id: fc.string({ minLength: 1, maxLength: 6 }),
    name: text,
    level: fc.constantFrom('none' as const, 'weak' as const),
    nearestId: maybe(text),
    nearestOperator: maybe(fc.constantFrom('Viettel', 'VNPT')),
    nearestKm: maybe(fc.double({ min: 0, max: 80, noNaN: true })),
    weight: fc.nat(20000),
    studentsInNeed: maybe(fc.nat(500)),
    gridPower: maybe(fc.boolean()),
    districtId: maybe(fc.constantFrom('973', '970')),
    districtName: maybe(text),
    communeId: maybe(fc.constantFrom('32248', '32249')),
    communeName: maybe(text),
    lon: fc.double({ min: 102, max: 110, noNaN: true }),
    lat: fc.double({ min: 8, max: 24, noNaN: true }),
  })
  .map((r) => ({ ...r, point: 0, gapId: `${r.kind}:${r.id}`, searchName: '', searchId: '' }) as GapRow);

const NAMES = Object.keys(GAP_HEADERS.en).filter((name) => name !== 'lon' && name !== 'lat');

/** Every row of a file as the app's reader gives it: its fields by name, and its point. */
async function readBack(bytes: Uint8Array, format: PointFormat): Promise<Record<string, unknown>[]> {
  const read = format === 'geoparquet' ? await readGeoParquet('gaps.parquet', bytes) : await readFlatGeobuf('gaps.fgb', bytes);
  expect(read.issues).toEqual([]);
  const table = read.table;
  if (!table) throw new Error('no table');
  expect(table.header).toEqual(NAMES);
  const out: Record<string, unknown>[] = [];
  for await (const chunk of table.chunks(NAMES.map((_, i) => i)) as AsyncIterable<ColumnChunk>) {
    for (let k = 0; k < chunk.length; k++) {
      const cells = Object.fromEntries(NAMES.map((name, i) => [name, chunk.columns[i]?.[k] ?? null]));
      out.push({ ...cells, lon: chunk.lon?.[k], lat: chunk.lat?.[k] });
    }
  }
  return out;
}

const statuses = (() => {
  const result = applyStatusChange(EMPTY_STATUSES, { gapId: 'hamlet:a', status: 'assigned', operator: 'Viettel', date: '2025-03-01' });
  if (!result.ok) throw new Error(result.reason);
  return result.statuses;
})();

describe('gap register as GeoParquet and FlatGeobuf', () => {
  for (const format of ['geoparquet', 'flatgeobuf'] as const) {
    it(`${format}: the app's reader gives back every field and point`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(row, { maxLength: 25 }), async (rows) => {
          const unique = rows.map((r, i) => ({ ...r, gapId: `${r.gapId}#${i}` }));
          const back = await readBack(gapsFile(unique, format, statuses), format);
          const expected = unique.map((r) => gapProperties(r, statuses) as unknown as Record<string, unknown>);
          // FlatGeobuf writes in its index's order: compared by gap id.
          const byGap = (list: Record<string, unknown>[]) => [...list].sort((a, b) => String(a['gap_id']).localeCompare(String(b['gap_id'])));
          expect(format === 'geoparquet' ? back : byGap(back)).toEqual(format === 'geoparquet' ? expected : byGap(expected));
        }),
        { numRuns: 60 },
      );
    });
  }

  it('keeps the current status of a gap', async () => {
    const [one] = fc.sample(row, { numRuns: 1, seed: 7 });
    const back = await readBack(gapsFile([{ ...(one as GapRow), gapId: 'hamlet:a' }], 'geoparquet', statuses), 'geoparquet');
    expect(back[0]).toMatchObject({ gap_id: 'hamlet:a', status: 'assigned', assigned_operator: 'Viettel', status_date: '2025-03-01' });
  });
});
