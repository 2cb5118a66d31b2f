// A hamlets GeoJSON file given as a Blob (as the file picker gives it) is read as it streams
// in (import/geojson-stream.ts); given as text it is read whole. Both must stage, commit and
// save the same: the same answer, the same data set, and a saved text that reads back to the
// same records. A file with a faulty feature goes the ordinary way; a cancel stops the read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../src/cli/folder.ts';
import { isDeferred } from '../../src/domain/import/geojson-stream.ts';
import { parseFileDetailed, type SourceFile } from '../../src/domain/parse/index.ts';
import { ImportSession } from '../../src/worker/import-session.ts';
import type { ImportChecked, ImportRequestFile } from '../../src/worker/import-session.ts';

const bundled: readonly SourceFile[] = readDataFolder('data');
const HAMLETS = bundled.find((f) => f.path === 'hamlets.geojson')?.text ?? '';
// One hamlet renamed, one moved far away (a warning), so the file has something to say.
const CHANGED = HAMLETS.replace('"name":"Khóm 1"', '"name":"Khóm \\"Một\\" [1]"').replace('[105.15244,9.20629]', '[2.35,48.85]');
const NEGATIVE = readFileSync('test/fixtures/import/staging/negative_population_hamlets.geojson', 'utf8');

const fresh = (): ImportSession => new ImportSession(structuredClone(bundled) as SourceFile[]);

async function both(text: string, name = 'hamlets.geojson') {
  const whole = fresh();
  const streamed = fresh();
  const reading: number[] = [];
  const asText = await whole.check(1, [{ name, text }], () => {});
  const asBlob = await streamed.check(1, [{ name, file: new Blob([text]) } as ImportRequestFile], (phase, done) => {
    if (phase === 'reading') reading.push(done);
  });
  return { whole, streamed, asText, asBlob, reading };
}

const answer = ({ elapsedMs: _elapsed, ...rest }: ImportChecked) => rest;

describe('a point file streamed in', () => {
  it('stages, commits and saves as the whole text does', async () => {
    const { whole, streamed, asText, asBlob, reading } = await both(CHANGED);
    expect(asText.canImport).toBe(true);
    expect(asText.issues.map((i) => i.code)).toContain('outside-vietnam');
    expect(answer(asBlob)).toEqual(answer(asText));
    expect(reading.at(-1)).toBe(new Blob([CHANGED]).size);

    const a = whole.commit(1, false);
    const b = streamed.commit(1, false);
    expect(b?.dataset).toEqual(a?.dataset);
    expect(b?.changed.map((f) => f.path)).toEqual(['hamlets.geojson']);
    expect(b?.changed.map(isDeferred), 'read as it streamed').toEqual([true]);
    expect(a?.changed.map(isDeferred)).toEqual([false]);
    const saved = b?.changed[0]?.text ?? '';
    // Not the user's text (it is written from the records), but it reads back the same.
    expect(parseFileDetailed('hamlets', 'hamlets.geojson', saved).value).toEqual(a?.dataset.hamlets);
  });

  it('reads a file with a faulty feature the ordinary way: the valid rows are offered', async () => {
    const { asText, asBlob, whole, streamed } = await both(NEGATIVE, 'negative_population_hamlets.geojson');
    expect(asText.validOnly).toBeDefined();
    expect(answer(asBlob)).toEqual(answer(asText));
    expect(streamed.commit(1, true)?.dataset).toEqual(whole.commit(1, true)?.dataset);
  });

  it('stops reading when the import is cancelled', async () => {
    const imports = fresh();
    const big = new Blob(Array.from({ length: 8 }, () => CHANGED));
    const pending = imports.check(7, [{ name: 'hamlets.geojson', file: big } as ImportRequestFile], () => {});
    imports.cancel(7);
    const checked = await pending;
    expect(checked.files).toEqual([]);
    expect(imports.commit(7, false)).toBeUndefined();
  });
});
