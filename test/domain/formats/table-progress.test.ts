// A table file's read says how many rows it has checked after each chunk (a Parquet row
// group), against the rows the file says it holds, and stops between two chunks when told.
import { describe, expect, it } from 'vitest';
import { importTableRows, rowsAsChunk, TableReadCancelled, type RowTable } from '../../../src/domain/formats/rows.ts';

const header = ['id', 'operator', 'status', 'technology'];

/** Towers in chunks of `sizes` rows; `rowCount`: what the file says it holds. */
function table(sizes: number[], rowCount = sizes.reduce((a, b) => a + b, 0)): RowTable {
  let at = 0;
  const chunks = sizes.map((n) => {
    const ids = Array.from({ length: n }, (_, k) => at + k);
    at += n;
    return rowsAsChunk(header, ids.map((i) => [`T${i}`, 'VNPT', 'existing', '4G']), ids.map((i) => ({ type: 'Point', coordinates: [105 + i / 1000, 10] })));
  });
  return { header, withGeometry: true, rowCount, chunks: () => chunks };
}

describe('a table read chunk by chunk', () => {
  it('says the rows read and in all after each chunk, and reads them all', async () => {
    const said: [number, number][] = [];
    const result = await importTableRows('towers', 't.parquet', table([3, 2, 4]), { onRows: (done, total) => void said.push([done, total]) });
    expect(said).toEqual([[3, 9], [5, 9], [9, 9]]);
    expect(result.value?.map((t) => t.id)).toEqual(['T0', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8']);
  });

  it('never says more read than in all, when the file says it holds fewer rows than it does', async () => {
    const said: [number, number][] = [];
    await importTableRows('towers', 't.parquet', table([3, 2], 1), { onRows: (done, total) => void said.push([done, total]) });
    expect(said).toEqual([[3, 3], [5, 5]]);
  });

  it('stops after the chunk during which it was cancelled', async () => {
    const said: number[] = [];
    let cancelled = false;
    const read = importTableRows('towers', 't.parquet', table([3, 2, 4]), {
      onRows: async (done) => {
        said.push(done);
        if (done >= 5) cancelled = true;
      },
      isCancelled: () => cancelled,
    });
    await expect(read).rejects.toBeInstanceOf(TableReadCancelled);
    expect(said).toEqual([3, 5]);
  });
});
