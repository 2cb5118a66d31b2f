// readDataFolderChecked (hamlets, schools and towers streamed) against readDataFolder: the same
// data set and the same issues, on the good folder and on folders with a broken point file.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
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
});
