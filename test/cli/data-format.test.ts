// `npm run data -- --scale … --format parquet|fgb`: the point files also in that format, read
// back to the very records of their GeoJSON.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPointFile, type PointFormat } from '../../src/domain/formats/index.ts';
import { parseFile } from '../../src/domain/parse/index.ts';

const out = mkdtempSync(join(tmpdir(), 'song-format-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const data = (...args: string[]) => spawnSync('node', ['src/cli/launch.mjs', 'data', ...args], { encoding: 'utf8' });

const byId = (records: readonly { id: string }[]): { id: string }[] => [...records].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('npm run data -- --format', () => {
  for (const [flag, format, extension] of [['parquet', 'geoparquet', '.parquet'], ['fgb', 'flatgeobuf', '.fgb']] as const) {
    it(`--format ${flag} writes the point files as ${format}`, async () => {
      const dir = join(out, flag);
      const run = data('--scale', '0.001', '--out', dir, '--format', flag);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      for (const kind of ['hamlets', 'schools', 'towers'] as const) {
        const expected = parseFile(kind, kind, readFileSync(join(dir, `${kind}.geojson`), 'utf8')).value ?? [];
        const read = await importPointFile(kind, kind, new Uint8Array(readFileSync(join(dir, `${kind}${extension}`))), format as PointFormat);
        expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(byId(read.value ?? [])).toEqual(byId(expected));
        expect(expected.length).toBeGreaterThan(50);
      }
    });
  }

  it('refuses an unknown format', () => {
    const run = data('--scale', '0.001', '--out', join(out, 'x'), '--format', 'shp');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^data: --format must be geojson, parquet or fgb, not shp/);
  });
});
