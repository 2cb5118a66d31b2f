// The streaming reader against the ordinary parser: on every fixture and on random feature
// collections, valid and broken, cut into random chunks, it must give the same records and
// the very same issues, or fall back, and fall back only on files the ordinary parser refuses.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFeatureChunks, readFeatureChunksSync, STREAM_KINDS, type StreamKind } from '../../../src/domain/parse/columnar/reader.ts';
import { parseFileDetailed } from '../../../src/domain/parse/index.ts';

/** The text cut at the given positions (sorted, deduplicated). */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((p) => Math.min(p, text.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

/** Checks one text both ways; returns whether the stream read it (not fell back). */
function agree(kind: StreamKind, name: string, text: string, cuts: number[]): boolean {
  const expected = parseFileDetailed(kind, name, text);
  const records: unknown[] = [];
  const outcome = readFeatureChunksSync(kind, name, cut(text, cuts), (batch) => records.push(...batch));
  if (outcome.status === 'fallback') {
    expect(expected.issues.some((issue) => issue.severity === 'error'), `fell back (${outcome.reason}) on a valid file`).toBe(true);
    return false;
  }
  expect(outcome.status).toBe('read');
  if (outcome.status !== 'read') return false;
  expect(outcome.issues).toEqual(expected.issues);
  expect(outcome.count).toBe(expected.count);
  expect(outcome.failed).toBe(expected.value === undefined);
  if (expected.value !== undefined) expect(records).toEqual(expected.value);
  return true;
}

const FIXTURES = ['test/fixtures/good', 'test/fixtures/bad', 'test/fixtures/import'];

function fixtureFiles(): { path: string; text: string }[] {
  return FIXTURES.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((path) => /\.(geo)?json$/.test(path))
      .map((path) => ({ path: `${dir}/${path}`, text: readFileSync(join(dir, path), 'utf8') })),
  );
}

describe('streaming reader: fixtures', () => {
  const files = fixtureFiles();
  it('finds the fixtures', () => expect(files.length).toBeGreaterThan(20));
  // Every JSON fixture read as each point kind: the wrong kind gives plenty of issues too.
  for (const { path, text } of files) {
    it(`agrees on ${path}`, () => {
      for (const kind of STREAM_KINDS) {
        for (const size of [1, 7, 64, text.length + 1]) {
          const cuts: number[] = [];
          for (let p = size; p < text.length; p += size) cuts.push(p);
          agree(kind, path, text, cuts);
        }
      }
    });
  }
});

// Random property values: right and wrong types, edge numbers, text with faults.
const anyValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 7, 1e21, 60, 'existing', 'planned', '2G', '4G', '5G', 'primary', 'lower_secondary'),
  fc.constantFrom('', ' ', '2024-02-30', '2024-05-01', '01/02/2024', 'Thôn 1', 'Tho\u0302n', 'CÃ  Mau', 'Cµ Mau', '12,5', 'a"b\\c', '\u2028'),
  fc.integer({ min: -5, max: 500 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 6 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({ nested: [1, { a: '}' }] }),
);

const KEYS = [
  'id', 'name', 'population', 'households', 'poor_households', 'students', 'grid_power', 'commune', 'district', 'synthetic',
  'level', 'students_in_need', 'fixed_broadband', 'operator', 'status', 'technology', 'radius_km', 'service_date',
  'upgrade_technology', 'upgrade_radius_km', 'upgrade_date', 'height_m', '__proto__', 'constructor', 'other',
];

const goodish: Record<StreamKind, Record<string, unknown>> = {
  hamlets: { name: 'Thôn', population: 10 },
  schools: { name: 'Trường', level: 'primary', students: 100 },
  towers: { operator: 'VNPT', status: 'existing', technology: '4G' },
};

const coordinate = fc.oneof(
  fc.tuple(fc.double({ min: 102, max: 110, noNaN: true }), fc.double({ min: 8, max: 24, noNaN: true })).map(([x, y]) => [x, y] as unknown),
  fc.constantFrom<unknown>([10.5, 105.2], [500000, 1200000], [200, 10], [105, 95], [0, 0], [105], [105, 10, 3], [105, 10, 1, 2], ['105', 10], 'x', null),
);

const geometry = fc.oneof(
  { weight: 6, arbitrary: coordinate.map((coordinates) => ({ type: 'Point', coordinates }) as unknown) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 5, { type: 'LineString', coordinates: [[105, 10], [106, 11]] }, { type: 'GeometryCollection', geometries: [] }) },
);

const feature = (kind: StreamKind) =>
  fc
    .record({
      id: fc.oneof(fc.constantFrom<unknown>('a', 'b', 'c', '007', 7, '', null), fc.string({ minLength: 1, maxLength: 4 })),
      extra: fc.dictionary(fc.constantFrom(...KEYS), anyValue, { maxKeys: 4 }),
      geometry,
      keepGood: fc.boolean(),
      envelope: fc.oneof(
        { weight: 30, arbitrary: fc.constant('ok') },
        { weight: 6, arbitrary: fc.constantFrom('no-type', 'bad-properties', 'not-object', 'feature-id') },
        { weight: 1, arbitrary: fc.constant('attributes') },
      ),
    })
    .map(({ id, extra, geometry: g, keepGood, envelope }) => {
      const properties: Record<string, unknown> = keepGood ? { ...goodish[kind] } : {};
      for (const [k, v] of Object.entries(extra)) Object.defineProperty(properties, k, { value: v, enumerable: true, writable: true, configurable: true });
      if (id !== null) properties['id'] = id;
      if (envelope === 'not-object') return 3 as unknown;
      const f: Record<string, unknown> = { type: envelope === 'no-type' ? 'feature' : 'Feature', properties: envelope === 'bad-properties' ? [1] : properties, geometry: g };
      if (envelope === 'feature-id') f['id'] = 'x';
      if (envelope === 'attributes') f['attributes'] = {};
      return f as unknown;
    });

/** JSON with random spacing between tokens (outside strings). */
function spaced(value: unknown, space: string): string {
  if (space === 'lines' || space === 'crlf') {
    const eol = space === 'crlf' ? '\r\n' : '\n';
    // A feature a line, as GIS tools write big files: the reader's quick path.
    const { features, ...rest } = value as { features: unknown[] };
    const head = JSON.stringify(rest);
    const body = features.map((f) => JSON.stringify(f)).join(`,${eol}`);
    return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"features":[${eol}${body}${eol}]}`;
  }
  return space === '' ? JSON.stringify(value) : JSON.stringify(value, null, space);
}

const collection = (kind: StreamKind) =>
  fc.record({
    features: fc.array(feature(kind), { maxLength: 12 }),
    before: fc.constantFrom<Record<string, unknown>>({}, { name: 'x' }, { crs: { type: 'name', properties: { name: 'EPSG:4326' } } }, { bbox: [1, 2, 3, 4] }),
    typeLast: fc.boolean(),
    type: fc.constantFrom('FeatureCollection', 'FeatureCollection', 'FeatureCollection', 'FeatureCollection', 'FeatureCollection', 'Feature', undefined),
    space: fc.constantFrom('', 'lines', 'lines', 'crlf', ' ', '\t'),
    mutation: fc.oneof(
      { weight: 12, arbitrary: fc.constant('none') },
      { weight: 6, arbitrary: fc.constantFrom('truncate', 'trailing-comma', 'bom', 'fffd', 'junk-after', 'esri') },
    ),
    cuts: fc.array(fc.nat(4000), { maxLength: 8 }),
  });

function render(c: { features: unknown[]; before: Record<string, unknown>; typeLast: boolean; type: string | undefined; space: string; mutation: string }): string {
  const top: Record<string, unknown> = { ...c.before };
  if (!c.typeLast && c.type !== undefined) top['type'] = c.type;
  top['features'] = c.features;
  if (c.typeLast && c.type !== undefined) top['type'] = c.type;
  if (c.mutation === 'esri') top['spatialReference'] = { wkid: 4326 };
  let text = spaced(top, c.space);
  if (c.space !== '' && c.typeLast) text = text.replace('"features":[', '"features" :[');
  if (c.mutation === 'truncate') text = text.slice(0, Math.floor(text.length * 0.7));
  if (c.mutation === 'trailing-comma') text = text.replace(/\}(\s*)\]/, '},$1]');
  if (c.mutation === 'bom') text = `\uFEFF${text}`;
  if (c.mutation === 'fffd') text = text.replace('Feature"', 'Feature\uFFFD"');
  if (c.mutation === 'junk-after') text = `${text} x`;
  return text;
}

describe('streaming reader: random collections', () => {
  for (const kind of STREAM_KINDS) {
    it(`agrees with the ordinary parser on ${kind}`, () => {
      let read = 0;
      fc.assert(
        fc.property(collection(kind), (c) => {
          if (agree(kind, `${kind}.geojson`, render(c), c.cuts)) read++;
        }),
        { numRuns: 300, seed: 20 },
      );
      // Most runs must exercise the stream itself, not its fallback.
      expect(read).toBeGreaterThan(100);
    });
  }
});

describe('streaming reader: progress and cancel', () => {
  const text = readFileSync('test/fixtures/good/hamlets.geojson', 'utf8');
  const pieces = cut(text, Array.from({ length: 9 }, (_, k) => Math.floor(((k + 1) * text.length) / 10)));

  it('says how far it got after each chunk', async () => {
    const seen: { chars: number; features: number }[] = [];
    const outcome = await readFeatureChunks('hamlets', 'h', pieces, () => undefined, { onProgress: (p) => seen.push(p) });
    expect(outcome.status).toBe('read');
    expect(seen).toHaveLength(10);
    expect(seen.map((p) => p.chars)).toEqual(pieces.map((_, k) => pieces.slice(0, k + 1).join('').length));
    expect(seen.at(-1)?.features).toBe(6);
    expect(seen.every((p, k) => k === 0 || p.features >= (seen[k - 1]?.features ?? 0))).toBe(true);
  });

  it('stops between chunks when asked', async () => {
    let asked = 0;
    const records: unknown[] = [];
    const outcome = await readFeatureChunks('hamlets', 'h', pieces, (batch) => records.push(...batch), { isCancelled: () => ++asked > 3 });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(asked).toBe(4);
  });
});
