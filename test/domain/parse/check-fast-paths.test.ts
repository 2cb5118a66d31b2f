// The import check's fast paths against the simple ways they replace, on random inputs: the
// text scan's one-pass prefilter (parse/text.ts), the id registry's sorted list
// (parse/properties.ts), and plainly valid features taken without the per-feature checks
// (parse/columnar/reader.ts). Each must say exactly what the simple way says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/domain/types.ts';
import { FeatureChecker, STREAM_KINDS, type StreamKind } from '../../../src/domain/parse/columnar/reader.ts';
import { FileContext } from '../../../src/domain/parse/context.ts';
import { readFeatureRecord } from '../../../src/domain/parse/features.ts';
import { IssueList } from '../../../src/domain/parse/issues.ts';
import { readHamlet, readSchool, readTower } from '../../../src/domain/parse/points.ts';
import { IdRegistry } from '../../../src/domain/parse/properties.ts';
import { StringScan } from '../../../src/domain/parse/text.ts';

// The scan as it was: an ASCII test, then NFC of every Latin run and the three patterns.
const OLD_LATIN_RUN = /[\u0020-\u024F\u0300-\u036F\u1E00-\u1EFF]+/g; // eslint-disable-line no-misleading-character-class -- the old pattern, kept as it was
const OLD_DOUBLE =
  /[ÃÂĂÄÅÆá][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/;
const OLD_TCVN3 = /[A-Za-z][\u00A1-\u00AF\u00B4-\u00B9\u00BB-\u00BF]|[\u00A1-\u00AF\u00B4-\u00B9\u00BB-\u00BF][A-Za-z]/;
const OLD_VNI = /[A-Za-z][øûïöñëäüÿØÛÏÖÑËÜ]|[ÑñÖö][A-Za-z]/;

function oldFaults(value: string): string[] {
  if (![...value].some((c) => c.charCodeAt(0) > 0x7e)) return [];
  const out: string[] = [];
  if ([...value.matchAll(OLD_LATIN_RUN)].some(([run]) => run !== run.normalize('NFC'))) out.push('not-nfc');
  if (OLD_DOUBLE.test(value)) out.push('mojibake');
  else if (OLD_TCVN3.test(value) || OLD_VNI.test(value)) out.push('legacy-encoding');
  return out;
}

function newFaults(value: string): string[] {
  const scan = new StringScan();
  scan.check(value, { featureIndex: 0 }, 'name');
  const issues = new IssueList('f.geojson');
  scan.report(issues);
  return issues.finish().map((issue) => issue.code);
}

// Pieces of names: ASCII, Vietnamese precomposed and decomposed, mojibake of each legacy
// encoding, combining marks alone, other scripts (Bengali with a nukta, CJK, an astral emoji).
const PIECES = [
  'a', 'Z', ' ', '1', '-', '\u007f', '\u00a0', 'Thôn', 'Cà Mau', 'Đầm Dơi', 'Ấp', 'ờ', 'Ê', 'ư', 'ơ', 'đ', 'Ă', 'á', 'Â',
  'Ca\u0300 Mau', 'o\u031b\u0300', 'e\u0302\u0301', 'a\u0323', '\u0300', '\u036f', '\u0340', '\u1e9b', 'ß', 'µ', '§', '®', 'º', '¡', '°', '²',
  'Ã ', 'Ä‘', 'Æ°', 'áº¡', 'Ã€', 'Ã\u2122', 'Cµ Mau', 'Caø', 'ñ', 'ö', 'Ñ', 'Öa', 'aÜ', '\u0152', '\u20ac', '\u2013',
  '\u09df', '\u09af\u09bc', '中文', '😀', '\ud800', '\u1e00', '\u1eff', '\u024f', '\u0250',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join('').normalize('NFD')),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x400 }).map((c) => String.fromCharCode(c)), maxLength: 12 }),
);

describe('text scan prefilter', () => {
  it('says of any string what the scan said before', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(newFaults(value)).toEqual(oldFaults(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('says every string of the Latin ranges, every accent and every pattern mark alone as before', () => {
    for (let c = 0x7f; c < 0x2200; c++) {
      const ch = String.fromCharCode(c);
      for (const value of [ch, `a${ch}`, `${ch}a`, `Ã${ch}`, `e${ch}`]) expect(newFaults(value), `U+${c.toString(16)} in ${JSON.stringify(value)}`).toEqual(oldFaults(value));
    }
  });
});

/** The registry as it was: one map from id to its first use. */
function oldRegistry(ids: string[]): Issue[] {
  const issues = new IssueList('f.geojson');
  const first = new Map<string, number>();
  ids.forEach((id, index) => {
    const seen = first.get(id);
    if (seen === undefined) first.set(id, index);
    else issues.error('duplicate-id', { featureIndex: index, id, field: 'id' }, { id, unit: 'feature', first: seen });
  });
  return issues.finish();
}

function newRegistry(ids: string[]): Issue[] {
  const issues = new IssueList('f.geojson');
  const registry = new IdRegistry(issues, 'feature');
  ids.forEach((id, index) => registry.see(id, index, { featureIndex: index, id }));
  return issues.finish();
}

describe('id registry', () => {
  // Ids in order, out of order, repeated, and strings that sort oddly (prefixes, case, astral).
  const id = fc.oneof(fc.constantFrom('', 'a', 'A', 'a1', 'a10', 'a2', 'b', 'ab', 'H-0000001', 'H-0000002', '😀', '\uffff', 'Ấp'), fc.string({ maxLength: 3 }));
  const ids = fc.oneof(
    fc.array(id, { maxLength: 60 }),
    fc.array(id, { maxLength: 60 }).map((list) => [...list].sort()),
    fc.tuple(fc.array(id, { maxLength: 40 }), fc.array(id, { maxLength: 20 })).map(([a, b]) => [...[...a].sort(), ...b, ...[...a].sort().reverse()]),
  );
  it('names the same first use of every id used again', () => {
    fc.assert(
      fc.property(ids, (list) => {
        expect(newRegistry(list)).toEqual(oldRegistry(list));
      }),
      { numRuns: 2000 },
    );
  });
});

const READERS = { hamlets: readHamlet, schools: readSchool, towers: readTower } as const;

/** Every feature through the ordinary per-feature checks, as the checker read each before. */
function ordinary(kind: StreamKind, values: unknown[]): { records: unknown[]; issues: Issue[] } {
  const ctx = new FileContext('f.geojson', kind);
  const ids = new IdRegistry(ctx.issues, 'feature');
  const read = READERS[kind](ctx) as Parameters<typeof readFeatureRecord<unknown>>[4];
  const records = values.map((value, index) => readFeatureRecord(ctx, ids, value, index, read)).filter((r) => r !== undefined);
  return { records, issues: ctx.finish() };
}

function checked(kind: StreamKind, batches: unknown[][], plain = true): { records: unknown[]; issues: Issue[] } {
  const checker = new FeatureChecker(kind, 'f.geojson', plain);
  const records = batches.flatMap((batch) => checker.check(batch));
  return { records, issues: checker.finish().issues };
}

const FIELDS = [
  'id', 'name', 'population', 'households', 'poor_households', 'students', 'grid_power', 'commune', 'district', 'clutter', 'synthetic', 'level',
  'students_in_need', 'fixed_broadband', 'operator', 'status', 'technology', 'radius_km', 'service_date', 'upgrade_technology', 'upgrade_radius_km',
  'upgrade_date', 'height_m', 'band_mhz', 'upgrade_band_mhz',
];
// Odd keys: JavaScript's own names, the forbidden ones, a key differing only in case or accents.
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'Name', 'tên', 'te\u0302n', '0', ''];
const value = fc.constantFrom<unknown>(
  ...[undefined, null, '', ' ', 'x', 'Thôn Một', 'Tho\u0302n Mo\u0323\u0302t', 'Cµ Mau', 'Ã ', 'VNPT', '2G', '4G', '5G', 'existing', 'planned'],
  ...['primary', 'secondary', 'rural', '2024-01-31', '2024-02-30', 'h1', 'h2', '12', '1,5'],
  ...[0, -0, 1, 7, 12, 49.5, 50, 51, -1, 2.5, 100, 6000, 7000, Infinity, true, false, [], {}, [1]],
);
const position = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.double({ min: 102, max: 110, noNaN: true }), fc.double({ min: 8, max: 24, noNaN: true })) },
  fc.constantFrom<unknown>([10.5, 105.5], [500000, 1200000], [200, 10], [2.35, 48.85], [105, 95], [105, 10, 3], [105], ['105', 10], [NaN, 10], null),
);
const geometry = fc.oneof(
  { weight: 5, arbitrary: position.map((coordinates) => ({ type: 'Point', coordinates })) },
  fc.constantFrom<unknown>(null, undefined, 'Point', { type: 'MultiPoint', coordinates: [[105, 10]] }, { type: 'Point' }),
);
const properties = fc.oneof(
  { weight: 8, arbitrary: fc.dictionary(fc.constantFrom(...FIELDS, ...FIELDS, ...ODD_KEYS), value, { maxKeys: 12 }) },
  fc.constantFrom<unknown>(null, [], 'x'),
);

/** Features right and wrong; a share made plainly valid, so that the fast path is taken. */
function features(kind: StreamKind) {
  const clean: Record<StreamKind, Record<string, unknown>> = {
    hamlets: { name: 'Thôn Một', population: 10 },
    schools: { name: 'Trường B', level: 'primary', students: 100 },
    towers: { operator: 'VNPT', status: 'existing', technology: '4G' },
  };
  const feature = fc.tuple(properties, geometry, fc.boolean(), fc.integer({ min: 0, max: 5 }), fc.constantFrom<unknown>('Feature', 'feature', undefined)).map(([props, g, plain, id, type]) => {
    const p = plain && props !== null && typeof props === 'object' && !Array.isArray(props) ? { ...clean[kind], ...props, id: `${kind}-${id}` } : props;
    return plain ? { type: 'Feature', properties: p, geometry: g } : { type, properties: p, geometry: g, ...(id === 0 ? { id: 7 } : {}) };
  });
  return fc.array(fc.oneof({ weight: 9, arbitrary: feature }, fc.constantFrom<unknown>(null, "x", [], { type: "Feature", attributes: {} })), { minLength: 1, maxLength: 40 });
}

describe('plainly valid features', () => {
  for (const kind of STREAM_KINDS) {
    it(`${kind}: the same records and issues as with every feature checked`, () => {
      fc.assert(
        fc.property(features(kind), fc.integer({ min: 1, max: 10 }), (values, size) => {
          const batches: unknown[][] = [];
          for (let at = 0; at < values.length; at += size) batches.push(values.slice(at, at + size));
          const fast = checked(kind, batches);
          const full = ordinary(kind, values);
          expect(fast.issues).toEqual(full.issues);
          expect(JSON.stringify(fast.records)).toBe(JSON.stringify(full.records));
          // The checker without its fast path is the ordinary way too (the table reader's `plain: false`).
          expect(checked(kind, batches, false)).toEqual(full);
        }),
        { numRuns: 400 },
      );
    });
  }
});
