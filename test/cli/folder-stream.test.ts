// readDataFolderChecked (hamlets, schools and towers streamed) against readDataFolder: the same
// data set and the same issues, on the good folder and on folders with a broken point file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataFolder, readDataFolderChecked } from '../../src/cli/folder.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folderWith(kind: string, badFixture: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'song-folder-'));
  temps.push(dir);
  cpSync('test/fixtures/good', dir, { recursive: true });
  if (badFixture !== undefined) cpSync(join('test/fixtures/bad', badFixture), join(dir, `${kind}.geojson`));
  return dir;
}

const CASES: [string, string | undefined][] = [
  ['hamlets', undefined],
  ['hamlets', 'nfd_hamlets.geojson'],
  ['hamlets', 'truncated_hamlets.geojson'],
  ['hamlets', 'bom_hamlets.geojson'],
  ['hamlets', 'windows1258_hamlets.geojson'],
  ['hamlets', 'mojibake_hamlets.geojson'],
  ['schools', 'tcvn3_schools.geojson'],
  ['schools', 'exceeding_need_schools.geojson'],
  ['towers', 'swapped_towers.geojson'],
  ['towers', 'upgrade_without_technology_towers.geojson'],
];

describe('readDataFolderChecked', () => {
  for (const [kind, bad] of CASES) {
    it(`equals the ordinary read with ${bad ?? 'the good files'}`, () => {
      const dir = folderWith(kind, bad);
      const streamed = readDataFolderChecked(dir);
      expect(parseDataset(streamed.files, { checked: streamed.checked })).toEqual(parseDataset(readDataFolder(dir)));
    });
  }

  it('takes a file with warnings only as streamed, its warnings said as the ordinary read says them', () => {
    const dir = folderWith('hamlets', undefined);
    const path = join(dir, 'hamlets.geojson');
    const json = JSON.parse(readFileSync(path, 'utf8')) as { features: { geometry: { coordinates: number[] } }[] };
    // Two hamlets far from Vietnam (in Paris): a warning each, not an error.
    for (const f of json.features.slice(1, 3)) f.geometry.coordinates = [2.35, 48.85];
    writeFileSync(path, JSON.stringify(json));
    const streamed = readDataFolderChecked(dir);
    const ordinary = parseDataset(readDataFolder(dir));
    expect(streamed.checked.hamlets?.issues?.length).toBeGreaterThan(0);
    expect(ordinary.issues.every((i) => i.severity !== 'error')).toBe(true);
    expect(parseDataset(streamed.files, { checked: streamed.checked })).toEqual(ordinary);
  });

  it('equals the ordinary read with a UTF-16 towers file (read as UTF-16, not streamed)', () => {
    const dir = folderWith('towers', undefined);
    const text = readFileSync(join(dir, 'towers.geojson'), 'utf8');
    writeFileSync(join(dir, 'towers.geojson'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const streamed = readDataFolderChecked(dir);
    const ordinary = parseDataset(readDataFolder(dir));
    expect(ordinary.dataset).toBeDefined();
    expect(parseDataset(streamed.files, { checked: streamed.checked })).toEqual(ordinary);
  });
});
