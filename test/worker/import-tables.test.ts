// GeoParquet and FlatGeobuf files through the app's importer (import-session.ts → staging):
// files written by the project's own writers come in as the records they hold; a file
// missing a required column, a broken file and a file of a kind these formats do not carry
// are refused with a message in Vietnamese that says where and what.
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it, vi } from 'vitest';
import { readDataFolder } from '../../src/cli/folder.ts';
import { writePointFile } from '../../src/domain/formats/index.ts';
import { recordColumns, writeGeoParquetTable } from '../../src/domain/formats/geoparquet.ts';
import { issueText } from '../../src/domain/messages/render.ts';
import { parseDataset, type SourceFile } from '../../src/domain/parse/index.ts';
import { isLazy } from '../../src/domain/parse/dataset.ts';
import type { Hamlet, Issue, Tower } from '../../src/domain/types.ts';
import { ImportSession } from '../../src/worker/import-session.ts';
import type { ImportRequestFile } from '../../src/worker/import-session.ts';

const bundled: readonly SourceFile[] = readDataFolder('data');
const loaded = parseDataset([...bundled]).dataset;
if (!loaded) throw new Error('the bundled data does not load');

const blob = (name: string, bytes: Uint8Array): ImportRequestFile => ({ name, file: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
const errors = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.severity === 'error');
const byId = <T extends { id: string }>(records: readonly T[]): T[] => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

async function checkOne(file: ImportRequestFile) {
  const imports = new ImportSession(structuredClone(bundled) as SourceFile[]);
  const reading: number[] = [];
  const checked = await imports.check(1, [file], (phase, done) => void (phase === 'reading' && reading.push(done)));
  return { imports, checked, reading };
}

describe('GeoParquet and FlatGeobuf import', () => {
  it('takes hamlets from GeoParquet: the same records in the same order, bytes read with progress', async () => {
    // Changed so that taking the import is seen: every population one more.
    const hamlets: Hamlet[] = loaded.hamlets.map((h) => ({ ...h, population: h.population + 1 }));
    const bytes = writePointFile('hamlets', hamlets, 'geoparquet');
    const { imports, checked, reading } = await checkOne(blob('hamlets.parquet', bytes));
    expect(errors(checked.issues)).toEqual([]);
    expect(checked.canImport).toBe(true);
    expect(checked.files[0]).toMatchObject({ kind: 'hamlets', format: 'geoparquet', rows: hamlets.length, validRows: hamlets.length, path: 'hamlets.geojson' });
    expect(reading.at(-1)).toBe(bytes.length);
    const taken = imports.commit(1, false);
    expect(taken?.dataset.hamlets).toEqual(hamlets);
    expect(taken?.changed.map((f) => f.path)).toEqual(['hamlets.geojson']);
    // Its text is made only when read (to save it): the contract's GeoJSON of the same records.
    const file = taken?.changed[0] as SourceFile;
    expect(isLazy(file)).toBe(true);
    const again = parseDataset([...bundled.filter((f) => f.path !== 'hamlets.geojson'), { path: 'hamlets.geojson', text: file.text }]);
    expect(again.dataset?.hamlets).toEqual(hamlets);
    expect(imports.changedFromOriginal()).toEqual([file]);
  });

  it('takes towers from FlatGeobuf (written in its index order): the same towers', async () => {
    const towers: Tower[] = loaded.towers.map((t) => ({ ...t, operator: t.operator === 'Viettel' ? 'VNPT' : t.operator }));
    const { imports, checked } = await checkOne(blob('my-towers.fgb', writePointFile('towers', towers, 'flatgeobuf')));
    expect(errors(checked.issues)).toEqual([]);
    expect(checked.files[0]).toMatchObject({ kind: 'towers', format: 'flatgeobuf', rows: towers.length });
    expect(byId(imports.commit(1, false)?.dataset.towers ?? [])).toEqual(byId(towers));
  });

  it('refuses a file without a required column, saying in Vietnamese which field is missing, of which feature', async () => {
    const rows = loaded.hamlets.slice(0, 3);
    // The contract's columns but "population", and the point as lon/lat columns.
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'id', data: rows.map((h) => h.id), type: 'STRING' },
          { name: 'name', data: rows.map((h) => h.name), type: 'STRING' },
          { name: 'lon', data: rows.map((h) => h.lon), type: 'DOUBLE' },
          { name: 'lat', data: rows.map((h) => h.lat), type: 'DOUBLE' },
        ],
      }),
    );
    const { imports, checked } = await checkOne(blob('hamlets.parquet', bytes));
    expect(checked.canImport).toBe(false);
    const found = errors(checked.issues);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ file: 'hamlets.parquet', featureIndex: 0, field: 'population' });
    const said = issueText(found[0] as Issue, 'vi');
    expect(said).toContain('hamlets.parquet');
    expect(said).toContain('đối tượng 1');
    expect(said).toContain('population');
    expect(imports.commit(1, false)).toBeUndefined();
  });

  it('says which row is wrong: feature 2 of 3 with a negative population', async () => {
    const rows = loaded.hamlets.slice(0, 3).map((h, i) => (i === 1 ? { ...h, population: -5 } : h));
    const { checked } = await checkOne(blob('hamlets.parquet', writePointFile('hamlets', rows, 'geoparquet')));
    const [error] = errors(checked.issues);
    expect(error).toMatchObject({ featureIndex: 1, field: 'population' });
    expect(issueText(error as Issue, 'vi')).toContain('đối tượng 2');
    expect(checked.files[0]).toMatchObject({ rows: 3, validRows: 2 });
  });

  it('says the rows of a file of several row groups as it checks them, and stops when cancelled', async () => {
    // Every read of the clock 100 ms later: each row group's end is said (at most every 50 ms).
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 100));
    try {
      const towers = loaded.towers;
      const bytes = writeGeoParquetTable(recordColumns('towers', towers), towers, 100);
      const imports = new ImportSession(structuredClone(bundled) as SourceFile[]);
      const rows: [number, number][] = [];
      const whole = await imports.check(1, [blob('towers.parquet', bytes)], (phase, done, total) => void (phase === 'checking' && total > 1 && rows.push([done, total])));
      expect(whole.canImport).toBe(true);
      const groups = Math.ceil(towers.length / 100);
      expect(rows).toEqual(Array.from({ length: groups }, (_, g) => [Math.min(100 * (g + 1), towers.length), towers.length]));
      // Cancelled while its first row group is said: nothing more is read, nothing is staged.
      const cancelled = await imports.check(2, [blob('towers.parquet', bytes)], (phase, _done, total) => void (phase === 'checking' && total > 1 && imports.cancel(2)));
      expect(cancelled).toMatchObject({ files: [], issues: [], canImport: false });
      expect(imports.commit(2, false)).toBeUndefined();
    } finally {
      clock.mockRestore();
    }
  });

  it('refuses a broken file and a kind these formats do not carry, in Vietnamese', async () => {
    const broken = await checkOne(blob('schools.parquet', new TextEncoder().encode('id,name\n1,x\n')));
    expect(errors(broken.checked.issues).map((i) => i.code)).toEqual(['parquet-invalid']);
    expect(issueText(errors(broken.checked.issues)[0] as Issue, 'vi')).toMatch(/schools\.parquet/);
    const badFgb = await checkOne(blob('towers.fgb', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])));
    expect(errors(badFgb.checked.issues).map((i) => i.code)).toEqual(['fgb-invalid']);
    const deliveries = await checkOne(blob('deliveries.parquet', writePointFile('hamlets', loaded.hamlets.slice(0, 2), 'geoparquet')));
    const [wrong] = errors(deliveries.checked.issues);
    expect(wrong?.code).toBe('import-format');
    expect(issueText(wrong as Issue, 'vi')).toContain('không phải GeoParquet');
  });
});
