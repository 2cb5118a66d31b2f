// Every issue the bad fixtures give (the validator's, the CSV and cell-export importers',
// the staging's across files, the "N more not listed" lines, a folder missing its files),
// rendered in Vietnamese: none may read as English. Contract names in quotes, file names
// and paths stay as they are (english.ts). Each English rendering must be the stored message.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { importCells } from '../../../src/domain/import/cells.ts';
import { csvToFeatures, guessMapping, sniffCsv } from '../../../src/domain/import/csv-points.ts';
import { stageImport } from '../../../src/domain/import/staging.ts';
import { issueText } from '../../../src/domain/messages/render.ts';
import { kindFromName, parseFileDetailed, validateFolder } from '../../../src/domain/parse/index.ts';
import type { Issue } from '../../../src/domain/types.ts';
import { englishWords } from './english.ts';

const current = readDataFolder('data');
const read = (path: string): string => readFileSync(path, 'utf8');
const files = (dir: string): string[] => readdirSync(dir).sort().map((name) => `${dir}/${name}`);

function expectVietnamese(issues: readonly Issue[], what: string): void {
  for (const issue of issues) {
    const vi = issueText(issue, 'vi');
    expect(englishWords(vi), `${what}: ${vi}`).toEqual([]);
    // "NaN" and "undefined" are what a JSON file may wrongly hold, and then the message names them.
    const named = issue.params?.['reason'] === 'nan' || issue.params?.['reason'] === 'undefined';
    if (!named) expect(vi, what).not.toMatch(/undefined|NaN|\[object Object\]/);
    expect(issueText(issue, 'en'), what).toBe(issue.message);
  }
}

describe('every issue of the bad fixtures, in Vietnamese', () => {
  it('test/fixtures/bad, as `validate` checks each file', () => {
    let count = 0;
    for (const path of files('test/fixtures/bad')) {
      const name = path.split('/').pop() as string;
      const kind = kindFromName(name) ?? 'hamlets';
      const { issues } = parseFileDetailed(kind, name, read(path));
      count += issues.length;
      expectVietnamese(issues, path);
    }
    expect(count).toBeGreaterThan(40);
  });

  it('test/fixtures/bad and the import fixtures, staged over the bundled data as the app imports them', () => {
    let count = 0;
    for (const path of [...files('test/fixtures/bad'), ...files('test/fixtures/import/staging'), ...files('test/fixtures/import/csv')]) {
      const name = path.split('/').pop() as string;
      const staged = stageImport(current, [{ name, text: read(path) }]);
      count += staged.issues.length;
      expectVietnamese(staged.issues, path);
    }
    expect(count).toBeGreaterThan(80);
  });

  it('the CSV fixtures as towers, hamlets and schools whatever their names, and the cell exports', () => {
    for (const path of files('test/fixtures/import/csv')) {
      const text = read(path);
      for (const kind of ['hamlets', 'schools', 'towers'] as const) {
        expectVietnamese(csvToFeatures(kind, 'x.csv', text, guessMapping(kind, sniffCsv(text).header)).issues, `${path} as ${kind}`);
      }
    }
    for (const path of files('test/fixtures/import/cells')) expectVietnamese(importCells('cells.csv', read(path)).issues, path);
  });

  it('two files of one kind, no file at all, a folder missing its files, and more problems than are listed', () => {
    const twice = stageImport(current, [
      { name: 'a_hamlets.geojson', text: '{}' },
      { name: 'b_hamlets.geojson', text: '{}' },
    ]);
    expect(twice.issues.map((i) => i.code)).toContain('import-twice');
    expectVietnamese(twice.issues, 'twice');
    expectVietnamese(stageImport(current, []).issues, 'nothing');
    const folder = validateFolder([{ path: 'old/hamlets.geojson', text: '{"type":"FeatureCollection","features":[]}' }]);
    expect(folder.issues.map((i) => i.code)).toContain('missing-file');
    expectVietnamese(folder.issues, 'folder');

    const features = Array.from({ length: 60 }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [105, 9] },
      properties: { id: `h${i}`, name: 'Ấp', population: -1 },
    }));
    const many = parseFileDetailed('hamlets', 'hamlets.geojson', JSON.stringify({ type: 'FeatureCollection', features }));
    const more = many.issues.filter((i) => i.code === 'more-not-listed');
    expect(more.map((i) => issueText(i, 'vi'))).toEqual([
      'hamlets.geojson: còn 10 lỗi khác cùng loại "negative" ở trường dữ liệu "population" không được liệt kê (tổng cộng 60)',
    ]);
    expectVietnamese(many.issues, 'many');
    const rows = ['id,name,population,lon,lat', ...Array.from({ length: 52 }, (_, i) => `h${i},Ấp,-1,105,9`)].join('\n');
    const csv = csvToFeatures('hamlets', 'h.csv', rows, guessMapping('hamlets', sniffCsv(rows).header));
    expect(csv.issues.filter((i) => i.code === 'more-not-listed').map((i) => i.message)).toEqual([
      'h.csv: 2 more errors of kind "negative" in column "population" not listed (52 in all)',
    ]);
    expectVietnamese(csv.issues, 'many rows');
  });
});
