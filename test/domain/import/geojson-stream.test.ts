// The import's streamed read of a point file (import/geojson-stream.ts, as the worker uses it)
// against the ordinary read of its whole text (staging.ts): on random feature collections made
// from the bundled files, with escaped quotes and brackets inside strings, unicode, foreign
// members, MultiPoint and broken features, cut into random pieces, the staged import must be
// the same (files, issues with their messages, data set, the valid-rows choice), and the
// streamed read may decline only files the ordinary read does not take as they are. Read from
// UTF-8 bytes escaped to ASCII (as the worker reads a file), the answer is the same again.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { readPointStream } from '../../../src/domain/import/geojson-stream.ts';
import { AsciiJsonDecoder } from '../../../src/domain/parse/columnar/ascii-json.ts';
import { stageImport, type StagedImport } from '../../../src/domain/import/staging.ts';
import { parseFileDetailed, type SourceFile } from '../../../src/domain/parse/index.ts';
import type { StreamKind } from '../../../src/domain/parse/columnar/reader.ts';

const current: SourceFile[] = readDataFolder('data');

interface Feature {
  type: string;
  id?: unknown;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
  [member: string]: unknown;
}

const bundled = (kind: StreamKind): Feature[] => (JSON.parse(readFileSync(`data/${kind}.geojson`, 'utf8')) as { features: Feature[] }).features;
const FEATURES: Record<StreamKind, Feature[]> = { hamlets: bundled('hamlets'), schools: bundled('schools'), towers: bundled('towers') };

// Some give warnings only (stacked, far): those files take the streamed way with issues to say.
const CHANGES = ['keep', 'stacked', 'far', 'escapes', 'foreign', 'unicode', 'nfd', 'mojibake', 'multipoint', 'no-id', 'bad-coordinate', 'duplicate-id', 'number-as-text', 'null-geometry'] as const;
type Change = (typeof CHANGES)[number];

function changed(feature: Feature, change: Change, first: Feature): Feature {
  const f = structuredClone(feature);
  const [lon, lat] = f.geometry.coordinates as [number, number];
  if (change === 'escapes') f.properties['id'] = `${String(f.properties['id'])}-"q"{[\\]}`;
  if (change === 'foreign') Object.assign(f, { bbox: [lon, lat, lon, lat], extra: { text: '}]"', list: [1, [2, { a: '[' }]] } });
  if (change === 'unicode') f.properties['note'] = 'Ấp Đông — \u2028 😀 \\u00e9';
  // Said once per file, at the first feature that has it: a cut may move that place.
  if (change === 'nfd') f.properties['name'] = `Ấp Đông ${String(f.properties['name'])}`.normalize('NFD');
  if (change === 'mojibake') f.properties['name'] = `Ã¡p ${String(f.properties['name'])}`;
  if (change === 'stacked') f.geometry.coordinates = first.geometry.coordinates;
  if (change === 'far') f.geometry.coordinates = [2.35, 48.85];
  if (change === 'multipoint') f.geometry = { type: 'MultiPoint', coordinates: [[lon, lat]] };
  if (change === 'no-id') delete f.properties['id'];
  if (change === 'bad-coordinate') f.geometry.coordinates = [lat, 200];
  if (change === 'duplicate-id') f.properties['id'] = first.properties['id'];
  if (change === 'number-as-text') f.properties[f.properties['students'] !== undefined ? 'students' : 'radius_km'] = '12';
  if (change === 'null-geometry') (f as { geometry: unknown }).geometry = null;
  return f;
}

/** The text cut at random places, given as an async source as the worker's reader gives it. */
async function* pieces(text: string, cuts: number[]): AsyncGenerator<string> {
  let from = 0;
  for (const at of [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b)) {
    yield text.slice(from, at);
    from = at;
  }
  yield text.slice(from);
}

/** The text's UTF-8 bytes cut at random places (inside a letter too), escaped to ASCII as the worker reads a file. */
async function* asciiPieces(text: string, cuts: number[]): AsyncGenerator<string> {
  const bytes = new TextEncoder().encode(text);
  const decoder = new AsciiJsonDecoder();
  let from = 0;
  for (const at of [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b)) {
    yield decoder.decode(bytes.subarray(from, at), true);
    from = at;
  }
  yield decoder.decode(bytes.subarray(from), true) + decoder.end();
}

/** A staged import with each file's text replaced by its records (the two reads write different texts). */
function comparable(staged: StagedImport, path: string, kind: StreamKind) {
  const records = (sources: SourceFile[] | undefined) =>
    sources?.map((s) => (s.path === path ? { path, value: parseFileDetailed(kind, path, s.text).value } : s));
  return {
    files: staged.files,
    issues: staged.issues,
    dataset: staged.dataset,
    sources: records(staged.sources),
    validOnly: staged.validOnly && { ...staged.validOnly, sources: records(staged.validOnly.sources) },
  };
}

const arbitraryFile = fc.record({
  kind: fc.constantFrom<StreamKind>('hamlets', 'schools', 'towers'),
  // Mostly features as they are, so that many files pass and take the streamed way.
  picks: fc.uniqueArray(fc.record({ at: fc.nat({ max: 400 }), change: fc.oneof({ arbitrary: fc.constant<Change>('keep'), weight: 30 }, { arbitrary: fc.constantFrom<Change>('far', 'stacked'), weight: 4 }, { arbitrary: fc.constantFrom(...CHANGES), weight: 3 }) }), {
    maxLength: 14,
    selector: (pick) => pick.at,
  }),
  indent: fc.constantFrom(0, 1, 2),
  header: fc.constantFrom('', '"name":"x [y] {z}",', '"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},'),
  cuts: fc.array(fc.nat({ max: 6000 }), { maxLength: 12 }),
});

describe('streamed point import', () => {
  it('stages as the whole-text read does, or declines only files not taken as they are', async () => {
    let streamed = 0;
    let declined = 0;
    let warned = 0;
    let failed = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryFile, async ({ kind, picks, indent, header, cuts }) => {
        const all = FEATURES[kind];
        const first = all[0] as Feature;
        const features = picks.map(({ at, change }) => changed(all[at % all.length] as Feature, change, first));
        const body = JSON.stringify(features, null, indent);
        const text = `{${header}"type":"FeatureCollection","features":${body}}`;
        const name = `${kind}.geojson`;
        const ordinary = stageImport(current, [{ name, text }]);
        const checked = await readPointStream(kind, name, pieces(text, cuts));
        expect(checked).not.toBe('cancelled');
        // Read from bytes escaped to ASCII, as the worker reads a file: the same answer.
        expect(await readPointStream(kind, name, asciiPieces(text, cuts))).toEqual(checked);
        if (checked === undefined || checked === 'cancelled') {
          declined++;
          const own = parseFileDetailed(kind, name, text);
          const shapes = /"(MultiPoint|Polygon|MultiPolygon)"/.test(text);
          expect(own.issues.some((i) => i.severity === 'error') || shapes || features.length === 0, 'declined a file taken as it is').toBe(true);
          return;
        }
        streamed++;
        if (checked.failed) failed++;
        else if (checked.issues.length > 0) warned++;
        const fast = stageImport(current, [{ name, text: '', checked }]);
        expect(comparable(fast, name, kind)).toEqual(comparable(ordinary, name, kind));
      }),
      { numRuns: 40, seed: 20261204 },
    );
    expect(streamed).toBeGreaterThan(3);
    expect(declined).toBeGreaterThan(3);
    expect(warned).toBeGreaterThan(2);
    expect(failed).toBeGreaterThan(3);
  }, 120_000);

  it('leaves to the ordinary way a file with errors that never names a required property (it goes through the mapping)', async () => {
    const features = FEATURES.hamlets.slice(0, 3).map((f) => {
      const { id: _id, ...properties } = f.properties;
      return { ...f, properties };
    });
    (features[1] as Feature).geometry = { type: 'Point', coordinates: [200, 95] };
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    expect(await readPointStream('hamlets', 'hamlets.geojson', pieces(text, [40]))).toBeUndefined();
    // The same file with its ids, one bad point: read this way, its other features kept.
    const withIds = JSON.stringify({ type: 'FeatureCollection', features: FEATURES.hamlets.slice(0, 3).map((f, i) => (i === 1 ? { ...f, geometry: { type: 'Point', coordinates: [200, 95] } } : f)) });
    const read = await readPointStream('hamlets', 'hamlets.geojson', pieces(withIds, [40]));
    expect(read !== 'cancelled' && read?.failed).toEqual({ features: 3, kept: [0, 2] });
  });

  it('stops between pieces when cancelled', async () => {
    const text = readFileSync('data/hamlets.geojson', 'utf8');
    let asked = 0;
    const answer = await readPointStream('hamlets', 'hamlets.geojson', pieces(text, [1000, 2000, 3000]), { isCancelled: () => ++asked > 2 });
    expect(answer).toBe('cancelled');
  });

  it('reads the bundled files as the ordinary parser does', async () => {
    for (const kind of ['hamlets', 'schools', 'towers'] as const) {
      const text = readFileSync(`data/${kind}.geojson`, 'utf8');
      const checked = await readPointStream(kind, `${kind}.geojson`, pieces(text, [10, 4096, 50_000]));
      const own = parseFileDetailed(kind, `${kind}.geojson`, text);
      expect(checked !== 'cancelled' && checked?.records).toEqual(own.value);
    }
  });
});
