// A cell export added to the loaded towers (the default) or replacing them (the user's choice),
// staged over the bundled data set: nothing of the loaded towers is lost unless asked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { stageImport, type IncomingFile } from '../../../src/domain/import/staging.ts';
import { importImpact } from '../../../src/domain/import/impact.ts';
import { parseDataset, type SourceFile } from '../../../src/domain/parse/index.ts';
import type { Dataset } from '../../../src/domain/types.ts';

const current: SourceFile[] = readDataFolder('data');
const bundled = parseDataset(current).dataset as Dataset;
const CELLS = readFileSync('test/fixtures/import/staging/cells_ca_mau.csv', 'utf8');
const cells = (extra: Partial<IncomingFile> = {}): IncomingFile => ({ name: 'cells_ca_mau.csv', text: CELLS, ...extra });

/** A cell export's row for a cell at a place. */
const row = (net: number, cell: number, lon: number, lat: number, radio = 'LTE') =>
  `${radio},452,${net},1,${cell},-1,${lon},${lat},2000,1,1,1609459200,1662692508,0`;
const HEADER = 'radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal';

describe('stageImport: a cell export added to the loaded towers', () => {
  it('adds the export\'s towers to the loaded ones by default, and says so', () => {
    const staged = stageImport(current, [cells()]);
    expect(staged.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const towers = staged.dataset?.towers ?? [];
    expect(towers).toHaveLength(bundled.towers.length + 3);
    expect(towers.slice(0, bundled.towers.length)).toEqual(bundled.towers);
    expect(towers.slice(bundled.towers.length).map((t) => t.id)).toEqual(['C-VT-1', 'C-MF-1', 'C-VN-1']);
    expect(staged.files[0]?.cells).toMatchObject({ towers: 3, mode: 'add', merged: 0, appended: 3 });
    const impact = importImpact(bundled, staged.dataset as Dataset, ['towers']);
    expect(impact.layers.find((l) => l.layer === 'towers')).toMatchObject({ before: bundled.towers.length, after: bundled.towers.length + 3 });
    expect(impact.risks).toEqual([]);
  });

  it('merges a cell tower that is a loaded tower again (same operator, within 50 m), never doubles it', () => {
    const [a, b] = bundled.towers.filter((t) => t.operator === 'Viettel');
    if (!a || !b) throw new Error('the bundled data has Viettel towers');
    const text = [HEADER, row(4, 1, a.lon, a.lat), row(4, 2, b.lon + 0.0003, b.lat), row(1, 3, a.lon, a.lat)].join('\n');
    const staged = stageImport(current, [{ name: 'more_cells.csv', text }]);
    const towers = staged.dataset?.towers ?? [];
    // a and b (~33 m east) are merged; the MobiFone cell at a's place is another operator's tower.
    expect(towers).toHaveLength(bundled.towers.length + 1);
    expect(towers.filter((t) => t.id === a.id)).toHaveLength(1);
    expect(towers.at(-1)).toMatchObject({ operator: 'MobiFone', lon: a.lon, lat: a.lat });
    expect(staged.files[0]?.cells).toMatchObject({ mode: 'add', merged: 2, appended: 1 });
  });

  it('replaces the loaded towers when the user chooses to', () => {
    const staged = stageImport(current, [cells({ cells: 'replace' })]);
    expect(staged.dataset?.towers.map((t) => t.id)).toEqual(['C-VT-1', 'C-MF-1', 'C-VN-1']);
    expect(staged.files[0]?.cells).toMatchObject({ mode: 'replace' });
    const impact = importImpact(bundled, staged.dataset as Dataset, ['towers']);
    expect(impact.risks.map((r) => r.code)).toEqual(['import-removes-most']);
  });

  it('a second export added over the first gets ids of its own', () => {
    const first = stageImport(current, [cells()]);
    const again = stageImport(first.sources as SourceFile[], [{ name: 'other.csv', text: [HEADER, row(4, 9, 105.3, 9.3)].join('\n') }]);
    const ids = (again.dataset?.towers ?? []).map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe('C-VT-2');
  });
});
