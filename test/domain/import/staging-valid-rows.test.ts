// The "valid rows" of a point file with errors are checked by their records when the reading
// made them (a streamed GeoJSON file, a GeoParquet or FlatGeobuf file: staging-read.ts
// `validChecked`); checked the old way, by writing them out and reading that text back, the
// staged import must be the very same: files, issues, data set, and the valid-rows choice with
// its issues. Random files made from the bundled records, some rows broken.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { writePointFile } from '../../../src/domain/formats/index.ts';
import { readPointStream } from '../../../src/domain/import/geojson-stream.ts';
import { stageImport, type IncomingFile } from '../../../src/domain/import/staging.ts';
import { pointsText, readTableFile } from '../../../src/domain/import/table-files.ts';
import { parseFileDetailed, type SourceFile } from '../../../src/domain/parse/index.ts';
import type { Hamlet, Tower } from '../../../src/domain/types.ts';

const current: SourceFile[] = readDataFolder('data');
const records = <T>(kind: 'hamlets' | 'towers'): T[] => parseFileDetailed(kind, `${kind}.geojson`, readFileSync(`data/${kind}.geojson`, 'utf8')).value as T[];
const HAMLETS = records<Hamlet>('hamlets');
const TOWERS = records<Tower>('towers');

const BREAKS = ['keep', 'negative', 'lon', 'duplicate', 'stacked', 'far'] as const;
type Break = (typeof BREAKS)[number];

function broken<T extends Hamlet | Tower>(record: T, how: Break, first: T): T {
  const r = { ...record };
  if (how === 'negative') Object.assign(r, 'population' in r ? { population: -5 } : { radiusKm: -1 });
  if (how === 'lon') r.lon = 200;
  if (how === 'duplicate') r.id = first.id;
  if (how === 'stacked') Object.assign(r, { lon: first.lon, lat: first.lat });
  if (how === 'far') Object.assign(r, { lon: 2.35, lat: 48.85 });
  return r;
}

const file = fc.record({
  kind: fc.constantFrom('hamlets' as const, 'towers' as const),
  rows: fc.uniqueArray(fc.record({ at: fc.nat({ max: 300 }), how: fc.oneof({ arbitrary: fc.constant<Break>('keep'), weight: 6 }, { arbitrary: fc.constantFrom(...BREAKS), weight: 2 }) }), { minLength: 1, maxLength: 12, selector: (row) => row.at }),
  format: fc.constantFrom('geojson' as const, 'geoparquet' as const, 'flatgeobuf' as const),
});

/** The file as the worker hands it to staging: read beforehand, its text not kept. */
async function incoming(kind: 'hamlets' | 'towers', list: (Hamlet | Tower)[], format: 'geojson' | 'geoparquet' | 'flatgeobuf'): Promise<IncomingFile | undefined> {
  if (format === 'geojson') {
    const text = pointsText(kind, list);
    const checked = await readPointStream(kind, `${kind}.geojson`, [text]);
    return checked && checked !== 'cancelled' ? { name: `${kind}.geojson`, text: '', checked } : undefined;
  }
  const name = `${kind}${format === 'geoparquet' ? '.parquet' : '.fgb'}`;
  const table = await readTableFile(name, writePointFile(kind, list as never, format), kind);
  return table ? { name, text: '', table } : undefined;
}

describe('the valid rows checked by their records', () => {
  it('stage as when their text is written and read again', async () => {
    let offered = 0;
    const read = { geojson: 0, geoparquet: 0, flatgeobuf: 0 };
    await fc.assert(
      fc.asyncProperty(file, async ({ kind, rows, format }) => {
        const all: (Hamlet | Tower)[] = kind === 'hamlets' ? HAMLETS : TOWERS;
        const first = all[0] as Hamlet | Tower;
        const list = rows.map(({ at, how }) => broken(all[at % all.length] as Hamlet | Tower, how, first));
        const given = await incoming(kind, list, format);
        if (!given) return;
        read[format]++;
        const quick = stageImport(current, [given]);
        const again = stageImport(current, [given], { readValidAgain: true });
        if (quick.validOnly) offered++;
        expect(quick).toEqual(again);
      }),
      { numRuns: 60, seed: 20261205 },
    );
    expect(offered).toBeGreaterThan(5);
    expect(Math.min(...Object.values(read))).toBeGreaterThan(5);
  }, 120_000);
});
