// A simulated national data folder written to disk (src/synthesis/national.ts), as a user
// would pick its files in the import panel: for the browser tests that need a large data set.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeNationalDataset } from '../../src/synthesis/national.ts';

/** The folder's GeoJSON/JSON/CSV files at `scale` (0.1: 90,000 hamlets, 10,000 schools, 10,000 towers). */
export function nationalFolder(scale: number): { dir: string; paths: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'song-map-national-'));
  const texts = new Map<string, string[]>();
  writeNationalDataset({ seed: 20211015, scale }, (path, chunk) => {
    const parts = texts.get(path) ?? [];
    parts.push(chunk);
    texts.set(path, parts);
  });
  const paths: string[] = [];
  for (const [path, parts] of texts) {
    if (!/\.(geojson|json|csv)$/.test(path)) continue;
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, parts.join(''), 'utf8');
    paths.push(target);
  }
  return { dir, paths };
}
