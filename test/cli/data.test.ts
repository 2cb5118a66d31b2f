// `npm run data` end to end: the CLI writes, into a fresh folder, the very bytes committed in data/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'song-data-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function dataFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(geojson|csv|json)$/.test(f))
    .sort();
}

describe('npm run data', () => {
  it('regenerates byte-identical files in a new folder', () => {
    const run = spawnSync('node', ['src/cli/launch.mjs', 'data', '--out', out], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const committed = dataFiles('data');
    expect(committed.length).toBeGreaterThanOrEqual(9);
    expect(dataFiles(out)).toEqual(committed);
    for (const file of committed) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join('data', file))), file).toBe(true);
    }
  });
});
