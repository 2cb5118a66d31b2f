// Staging an import (src/domain/import/staging.ts) over the bundled data set: the user's
// files go into a copy of the loaded files, the whole copy is checked as `npm run validate`
// checks a folder, and the loaded files themselves are never touched. Each fixture under
// test/fixtures/import/staging/ is one thing users bring: its exact messages, whether the
// data set (or the "valid rows only" choice) is offered, and that `current` is unchanged.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../../src/cli/folder.ts';
import { stageImport, type IncomingFile, type StagedImport } from '../../../src/domain/import/staging.ts';
import { parseDataset, type SourceFile } from '../../../src/domain/parse/index.ts';
import { writeNationalDataset } from '../../../src/synthesis/national.ts';
import type { Dataset, Issue } from '../../../src/domain/types.ts';

const DIR = 'test/fixtures/import/staging/';
const SAMPLE = '../shared/data/real-samples/opencellid_sample.csv';

const current: SourceFile[] = readDataFolder('data');
/** A deep copy taken before any staging: `current` must still equal it after each one. */
const pristine: SourceFile[] = structuredClone(current);
const loaded = parseDataset(current);
const bundled = loaded.dataset as Dataset;

const textOf = (files: readonly SourceFile[], path: string): string => {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found.text;
};

function fixture(name: string, extra: Partial<IncomingFile> = {}): IncomingFile {
  return { name, text: readFileSync(DIR + name, 'utf8'), ...extra };
}

/** An issue as these tests spell it: its message says what its params hold (test/domain/messages checks those). */
const plain = ({ params: _params, ...issue }: Issue): Issue => issue;

/** Stages the files over `current` and checks that `current` was left as it was. */
function stage(...incoming: IncomingFile[]): StagedImport {
  const staged = stageImport(current, incoming);
  expect(current).toStrictEqual(pristine);
  staged.issues = staged.issues.map(plain);
  if (staged.validOnly) staged.validOnly.issues = staged.validOnly.issues.map(plain);
  return staged;
}

const isError = (issue: Issue): boolean => issue.severity === 'error';
const errorsOf = (staged: StagedImport): Issue[] => staged.issues.filter(isError);

/** Every source but `except` is the loaded file, byte for byte; no file is added or lost. */
function othersUnchanged(sources: readonly SourceFile[], ...except: string[]): void {
  expect(sources.map((s) => s.path).sort()).toEqual(current.map((c) => c.path).sort());
  for (const file of current) {
    if (except.includes(file.path)) continue;
    expect(textOf(sources, file.path), file.path).toBe(file.text);
  }
}

describe('the bundled data set', () => {
  it('loads without a single issue (the baseline every staging below is compared with)', () => {
    expect(loaded.issues).toEqual([]);
    expect(bundled.hamlets.length).toBeGreaterThan(100);
  });
});

describe('stageImport: a good file', () => {
  it('a hamlets GeoJSON with one hamlet renamed: the data set has the new name, every other file is the loaded one', () => {
    const original = textOf(current, 'hamlets.geojson');
    const from = '"id":"H-31999-01","name":"Khóm 1"';
    const to = '"id":"H-31999-01","name":"Khóm Một (đổi tên)"';
    expect(original.split(from)).toHaveLength(2);
    const renamed = original.replace(from, to);

    const staged = stage({ name: 'hamlets.geojson', text: renamed });
    expect(staged.issues).toEqual([]);
    expect(staged.validOnly).toBeUndefined();
    expect(staged.files).toEqual([
      { name: 'hamlets.geojson', kind: 'hamlets', path: 'hamlets.geojson', format: 'geojson', rows: bundled.hamlets.length, validRows: bundled.hamlets.length, fixes: [] },
    ]);
    const dataset = staged.dataset as Dataset;
    expect(dataset).toBeDefined();
    expect(dataset.hamlets.find((h) => h.id === 'H-31999-01')?.name).toBe('Khóm Một (đổi tên)');
    expect(dataset.hamlets.filter((h) => h.name === 'Khóm 1').map((h) => h.id)).not.toContain('H-31999-01');
    // Only that name changed.
    const expected = bundled.hamlets.map((h) => (h.id === 'H-31999-01' ? { ...h, name: 'Khóm Một (đổi tên)' } : h));
    expect(dataset.hamlets).toEqual(expected);
    expect({ ...dataset, hamlets: [] }).toEqual({ ...bundled, hamlets: [] });

    const sources = staged.sources as SourceFile[];
    expect(textOf(sources, 'hamlets.geojson')).toBe(renamed);
    othersUnchanged(sources, 'hamlets.geojson');
    // The staged sources are copies: changing them cannot reach the loaded files.
    for (const s of sources) s.text = '';
    expect(current).toStrictEqual(pristine);
  });

  it('a file whose name names no kind passes once the user chooses the kind', () => {
    const staged = stage(fixture('points.geojson', { kind: 'hamlets' }));
    expect(staged.issues).toEqual([]);
    expect(staged.files[0]).toMatchObject({ kind: 'hamlets', path: 'hamlets.geojson', format: 'geojson', rows: 1, validRows: 1 });
    expect(staged.dataset?.hamlets.map((h) => h.id)).toEqual(['H-T-01']);
    othersUnchanged(staged.sources as SourceFile[], 'hamlets.geojson');
  });

  it('two files of different kinds at once (a hamlets CSV and a cell export) are staged together', () => {
    const staged = stage(fixture('html_name_hamlets.csv'), fixture('cells_ca_mau.csv', { cells: 'replace' }));
    expect(errorsOf(staged)).toEqual([]);
    expect(staged.files.map((f) => [f.name, f.kind, f.format, f.path])).toEqual([
      ['html_name_hamlets.csv', 'hamlets', 'csv', 'hamlets.geojson'],
      ['cells_ca_mau.csv', 'towers', 'cells', 'towers.geojson'],
    ]);
    expect(staged.dataset?.hamlets.map((h) => h.id)).toEqual(['H-X-1', 'H-X-2']);
    expect(staged.dataset?.towers.map((t) => t.id)).toEqual(['C-VT-1', 'C-MF-1', 'C-VN-1']);
    othersUnchanged(staged.sources as SourceFile[], 'hamlets.geojson', 'towers.geojson');
  });
});

describe('stageImport: GeoJSON that is bad or odd', () => {
  it('negative_population_hamlets.geojson: one negative population; only the valid hamlets can be taken', () => {
    const staged = stage(fixture('negative_population_hamlets.geojson'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'negative',
        file: 'negative_population_hamlets.geojson',
        featureIndex: 1,
        id: 'H-T-02',
        field: 'population',
        message: 'negative_population_hamlets.geojson: feature 2 (id "H-T-02"), field "population": is -5, must be a whole number ≥ 0',
      },
    ]);
    expect(staged.dataset).toBeUndefined();
    expect(staged.sources).toBeUndefined();
    expect(staged.files[0]).toMatchObject({ kind: 'hamlets', format: 'geojson', rows: 3, validRows: 2, fixes: [] });
    const valid = staged.validOnly;
    expect(valid).toBeDefined();
    expect(valid?.dropped).toBe(1);
    expect(valid?.issues).toEqual([]);
    expect(valid?.dataset.hamlets.map((h) => h.id)).toEqual(['H-T-01', 'H-T-03']);
    expect(valid?.dataset.towers).toEqual(bundled.towers);
    const kept = JSON.parse(textOf(valid?.sources ?? [], 'hamlets.geojson')) as { features: { properties: { id: string } }[] };
    expect(kept.features.map((f) => f.properties.id)).toEqual(['H-T-01', 'H-T-03']);
    othersUnchanged(valid?.sources ?? [], 'hamlets.geojson');
  });

  it('truncated_hamlets.geojson: the bundled file cut off after 600 characters', () => {
    const staged = stage(fixture('truncated_hamlets.geojson'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'json-truncated',
        file: 'truncated_hamlets.geojson',
        line: 4,
        column: 17,
        message:
          'truncated_hamlets.geojson: line 4, column 17: the text ends inside a string; the file is 602 bytes long: is it truncated (an interrupted download or copy)?',
      },
    ]);
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();
    expect(staged.files[0]).toMatchObject({ kind: 'hamlets', format: 'geojson', rows: 0, validRows: 0 });
  });

  it('trailing_comma_towers.geojson: a comma before the closing bracket, with its line and column', () => {
    const staged = stage(fixture('trailing_comma_towers.geojson'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'json-syntax',
        file: 'trailing_comma_towers.geojson',
        line: 3,
        column: 1,
        message: 'trailing_comma_towers.geojson: line 3, column 1: a trailing comma before "]" is not allowed in JSON; remove the last comma',
      },
    ]);
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();
  });

  it('esri_towers.json: ArcGIS JSON, recognised and explained', () => {
    const staged = stage(fixture('esri_towers.json'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'esri-json',
        file: 'esri_towers.json',
        message:
          'esri_towers.json: this is Esri JSON (ArcGIS features with "attributes" and "spatialReference"), not GeoJSON; export it as GeoJSON (ArcGIS "Features To JSON" with the GeoJSON option, or QGIS "Save As… GeoJSON")',
      },
    ]);
    expect(staged.files[0]).toMatchObject({ kind: 'towers', path: 'towers.geojson', format: 'geojson' });
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();
  });

  it('single_feature_towers.geojson: one bare Feature, not a collection', () => {
    const staged = stage(fixture('single_feature_towers.geojson'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'single-feature',
        file: 'single_feature_towers.geojson',
        message:
          'single_feature_towers.geojson: the file holds a single Feature, not a FeatureCollection; wrap it as {"type": "FeatureCollection", "features": [ <the feature> ]}',
      },
    ]);
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();
  });

  it('points.geojson: a name that names no kind', () => {
    const staged = stage(fixture('points.geojson'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'import-kind',
        file: 'points.geojson',
        message:
          'points.geojson: cannot tell what this file holds; name it after its kind (hamlets, schools, towers, deliveries, …) or choose the kind',
      },
    ]);
    expect(staged.files).toEqual([{ name: 'points.geojson', rows: 0, validRows: 0, fixes: [] }]);
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();
  });

  it('a name that names two kinds ("…_districts_hamlets…") is no kind either', () => {
    const staged = stage({ ...fixture('hanoi_hamlets.csv'), name: 'outside_districts_hamlets.csv' });
    expect(staged.issues.map((i) => [i.code, i.file])).toEqual([['import-kind', 'outside_districts_hamlets.csv']]);
    expect(staged.dataset).toBeUndefined();
  });

  it('two hamlets files at once: refused as a whole, each file still checked', () => {
    const staged = stage(fixture('negative_population_hamlets.geojson'), fixture('html_name_hamlets.csv'));
    expect(staged.issues.map((i) => i.code)).toEqual(['negative', 'import-twice']);
    expect(staged.issues[1]).toEqual({
      severity: 'error',
      code: 'import-twice',
      file: 'negative_population_hamlets.geojson, html_name_hamlets.csv',
      message: 'Two of the files are of the same kind: import one file per kind at a time',
    });
    expect(staged.files.map((f) => f.path)).toEqual(['hamlets.geojson', 'hamlets.geojson']);
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();
  });

  it('projected_towers.geojson: VN-2000 / UTM metres, said once for the file', () => {
    const staged = stage(fixture('projected_towers.geojson'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'coordinates-projected',
        file: 'projected_towers.geojson',
        featureIndex: 0,
        id: 'T-P-1',
        field: 'geometry.coordinates',
        message:
          'projected_towers.geojson: feature 1 (id "T-P-1"), field "geometry.coordinates": coordinates [515432.1, 1015234.5] look like projected metres (VN-2000 or UTM zone 48N?), not degrees; the contract needs WGS84 longitude, latitude in degrees (EPSG:4326); 2 features in this file look the same',
      },
    ]);
    expect(staged.files[0]).toMatchObject({ kind: 'towers', format: 'geojson', rows: 2, fixes: [] });
    expect(staged.dataset).toBeUndefined();
    // Both features are projected: there are no valid rows to take.
    expect(staged.validOnly).toBeUndefined();
  });

  // Once a bug: readOne counted bad rows by the issues' featureIndex, but a fault reported
  // once per file (projected or swapped coordinates, not-NFC text) names only its first
  // feature, so a file of 2 projected towers showed "2 rows, 1 valid" although neither is usable.
  it('projected_towers.geojson: no row counts as valid (once a bug: once-per-file faults counted one bad row)', () => {
    const staged = stage(fixture('projected_towers.geojson'));
    expect(staged.files[0]?.validRows).toBe(0);
    expect(staged.validOnly).toBeUndefined();
  });

  it('swapped_towers.geojson: [lat, lon] positions offer the swap; with `swap: true` the file passes', () => {
    const staged = stage(fixture('swapped_towers.geojson'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'coordinates-swapped',
        file: 'swapped_towers.geojson',
        featureIndex: 0,
        id: 'T-W-1',
        field: 'geometry.coordinates',
        fix: 'swap-coordinates',
        message:
          'swapped_towers.geojson: feature 1 (id "T-W-1"), field "geometry.coordinates": coordinates look swapped (lat, lon): [9.18541, 105.14009]; GeoJSON is [lon, lat]; 2 features in this file look the same; swap the whole file (the importer can do it)',
      },
    ]);
    expect(staged.files[0]).toMatchObject({ rows: 2, validRows: 0, fixes: ['swap-coordinates'] });
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();

    const swapped = stage(fixture('swapped_towers.geojson', { swap: true }));
    expect(swapped.issues).toEqual([]);
    expect(swapped.files[0]).toMatchObject({ rows: 2, validRows: 2, fixes: [] });
    expect(swapped.dataset?.towers.map((t) => [t.id, t.lon, t.lat])).toEqual([
      ['T-W-1', 105.14009, 9.18541],
      ['T-W-2', 105.16721, 9.21108],
    ]);
    othersUnchanged(swapped.sources as SourceFile[], 'towers.geojson');
    // `fixes: ['swap-coordinates']` is the same as `swap: true`.
    const fixed = stage(fixture('swapped_towers.geojson', { fixes: ['swap-coordinates'] }));
    expect(fixed.issues).toEqual([]);
    expect(fixed.dataset?.towers).toEqual(swapped.dataset?.towers);
    expect(fixed.sources).toEqual(swapped.sources);
  });

  it('bom_hamlets.geojson: a byte-order mark is an error of the whole file, with the strip-bom fix named', () => {
    const staged = stage(fixture('bom_hamlets.geojson'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'bom',
        file: 'bom_hamlets.geojson',
        fix: 'strip-bom',
        message: 'bom_hamlets.geojson: the file starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM (the importer can strip it)',
      },
    ]);
    // The feature is counted through the BOM; none is valid while the whole file is refused.
    expect(staged.files[0]).toMatchObject({ kind: 'hamlets', format: 'geojson', rows: 1, validRows: 0, fixes: ['strip-bom'] });
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();
    // The same text without its BOM passes: the BOM is the only fault.
    const stripped = stage({ name: 'bom_hamlets.geojson', text: readFileSync(DIR + 'bom_hamlets.geojson', 'utf8').slice(1) });
    expect(stripped.issues).toEqual([]);
    expect(stripped.dataset?.hamlets.map((h) => h.id)).toEqual(['H-T-01']);
  });

  it('bom_hamlets.geojson with the strip-bom fix: imported, the BOM gone from the saved text', () => {
    const text = readFileSync(DIR + 'bom_hamlets.geojson', 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const staged = stage(fixture('bom_hamlets.geojson', { fixes: ['strip-bom'] }));
    expect(staged.issues).toEqual([]);
    expect(staged.files[0]).toMatchObject({ kind: 'hamlets', format: 'geojson', rows: 1, validRows: 1, fixes: [] });
    expect(staged.dataset?.hamlets.map((h) => h.id)).toEqual(['H-T-01']);
    const sources = staged.sources as SourceFile[];
    expect(textOf(sources, 'hamlets.geojson')).toBe(text.slice(1));
    othersUnchanged(sources, 'hamlets.geojson');
    // Only a leading BOM is stripped, and a text without one is left as it is.
    const plain = stage({ name: 'bom_hamlets.geojson', text: text.slice(1), fixes: ['strip-bom'] });
    expect(textOf(plain.sources ?? [], 'hamlets.geojson')).toBe(text.slice(1));
  });

  it('nfd_hamlets.geojson: a name in NFD (decomposed accents) is refused with the normalize-nfc fix; no row is offered without it', () => {
    const staged = stage(fixture('nfd_hamlets.geojson'));
    const nfd = 'Ấp Tân Hưng'.normalize('NFD');
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'not-nfc',
        file: 'nfd_hamlets.geojson',
        featureIndex: 1,
        id: 'H-T-02',
        field: 'name',
        fix: 'normalize-nfc',
        message: `nfd_hamlets.geojson: feature 2 (id "H-T-02"), field "name": text "${nfd}" is not in Unicode NFC form (its accents are separate combining marks, which maps misplace); save the text as NFC (the importer can normalise it)`,
      },
    ]);
    expect(staged.files[0]).toMatchObject({ rows: 2, fixes: ['normalize-nfc'] });
    expect(staged.dataset).toBeUndefined();
    // Once a bug: NFD is said once for the file (at its first place), so "the other hamlet"
    // was offered as valid although a file saved so may have NFD in every name; the fix is the way.
    expect(staged.files[0]?.validRows).toBe(0);
    expect(staged.validOnly).toBeUndefined();
  });

  it('nfd_hamlets.geojson with the normalize-nfc fix: imported, every name in NFC', () => {
    const text = readFileSync(DIR + 'nfd_hamlets.geojson', 'utf8');
    expect(text).not.toBe(text.normalize('NFC'));
    const staged = stage(fixture('nfd_hamlets.geojson', { fixes: ['normalize-nfc'] }));
    expect(staged.issues).toEqual([]);
    expect(staged.files[0]).toMatchObject({ rows: 2, validRows: 2, fixes: [] });
    const names = staged.dataset?.hamlets.map((h) => h.name) ?? [];
    expect(names).toEqual(['Khóm 1', 'Ấp Tân Hưng'.normalize('NFC')]);
    for (const name of names) expect(name).toBe(name.normalize('NFC'));
    const saved = textOf(staged.sources ?? [], 'hamlets.geojson');
    expect(saved).toBe(text.normalize('NFC'));
    othersUnchanged(staged.sources as SourceFile[], 'hamlets.geojson');
  });

  it('a BOM and NFD names at once: refused for both; with both fixes the file passes', () => {
    const text = `\uFEFF${readFileSync(DIR + 'nfd_hamlets.geojson', 'utf8')}`;
    const staged = stage({ name: 'nfd_hamlets.geojson', text });
    expect(staged.files[0]?.fixes).toContain('strip-bom');
    expect(staged.dataset).toBeUndefined();
    // The BOM fixed, NFD is what remains.
    const one = stage({ name: 'nfd_hamlets.geojson', text, fixes: ['strip-bom'] });
    expect(one.issues.map((i) => i.code)).toEqual(['not-nfc']);
    expect(one.files[0]?.fixes).toEqual(['normalize-nfc']);
    const both = stage({ name: 'nfd_hamlets.geojson', text, fixes: ['strip-bom', 'normalize-nfc'] });
    expect(both.issues).toEqual([]);
    expect(both.dataset?.hamlets.map((h) => h.id)).toEqual(['H-T-01', 'H-T-02']);
  });

  it('an NFD hamlets CSV: no row offered as valid; with the normalize-nfc fix it passes in NFC', () => {
    const text = `id,name,population,lon,lat\nH-N-1,${'Ấp Một'.normalize('NFD')},100,105.15895,9.20758\nH-N-2,Khóm 2,200,105.15244,9.20629\n`;
    const staged = stage({ name: 'nfd_hamlets.csv', text });
    expect(staged.issues.filter(isError).map((i) => i.code)).toEqual(['not-nfc']);
    expect(staged.files[0]).toMatchObject({ format: 'csv', rows: 2, validRows: 0, fixes: ['normalize-nfc'] });
    expect(staged.validOnly).toBeUndefined();
    const fixed = stage({ name: 'nfd_hamlets.csv', text, fixes: ['normalize-nfc'] });
    expect(fixed.issues).toEqual([]);
    expect(fixed.dataset?.hamlets.map((h) => h.name)).toEqual(['Ấp Một'.normalize('NFC'), 'Khóm 2']);
  });

  it('empty_towers.geojson: a file of 0 bytes', () => {
    const staged = stage(fixture('empty_towers.geojson'));
    expect(staged.issues).toEqual([
      { severity: 'error', code: 'empty', file: 'empty_towers.geojson', message: 'empty_towers.geojson: the file is empty (0 bytes); expected JSON' },
    ]);
    expect(staged.files[0]).toMatchObject({ kind: 'towers', rows: 0, validRows: 0 });
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();
  });

  it('proto_hamlets.geojson: a "__proto__" property is refused, nothing is polluted, the other hamlet can be taken', () => {
    const staged = stage(fixture('proto_hamlets.geojson'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'forbidden-key',
        file: 'proto_hamlets.geojson',
        featureIndex: 1,
        id: 'H-T-02',
        field: '__proto__',
        message:
          'proto_hamlets.geojson: feature 2 (id "H-T-02"), field "__proto__": this property name is not allowed (it can alter objects in JavaScript); rename or remove it',
      },
    ]);
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly?.dropped).toBe(1);
    expect(staged.validOnly?.dataset.hamlets.map((h) => h.id)).toEqual(['H-T-01']);
    expect(textOf(staged.validOnly?.sources ?? [], 'hamlets.geojson')).not.toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('laos_towers.geojson: a tower outside Vietnam is a warning; the file passes', () => {
    const staged = stage(fixture('laos_towers.geojson'));
    expect(errorsOf(staged)).toEqual([]);
    expect(staged.issues[0]).toEqual({
      severity: 'warning',
      code: 'outside-vietnam',
      file: 'laos_towers.geojson',
      featureIndex: 1,
      id: 'T-L-2',
      field: 'geometry.coordinates',
      message: 'laos_towers.geojson: feature 2 (id "T-L-2"), field "geometry.coordinates": [101.5, 20] lies far outside Vietnam (lon 102–110, lat 8–24)',
    });
    expect(staged.dataset?.towers.map((t) => t.id)).toEqual(['T-L-1', 'T-L-2']);
  });

  // Once a bug: a file's own warnings came back twice, once from readOne's parseFile (named
  // after the user's file) and again from the whole data set's check (named "towers.geojson").
  it('laos_towers.geojson: the warning is reported once (once a bug: warnings were repeated by the whole-set check)', () => {
    const staged = stage(fixture('laos_towers.geojson'));
    expect(staged.issues.filter((i) => i.code === 'outside-vietnam')).toHaveLength(1);
    expect(staged.issues).toHaveLength(1);
    expect(staged.issues[0]?.file).toBe('laos_towers.geojson');
  });
});

describe('stageImport: CSV that is bad or odd', () => {
  it('swapped_towers.csv: lat and lon columns swapped offer the swap; re-staged with `swap: true` it passes', () => {
    const staged = stage(fixture('swapped_towers.csv'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'coordinates-swapped',
        file: 'swapped_towers.csv',
        line: 2,
        id: 'T-S-1',
        field: 'geometry.coordinates',
        fix: 'swap-coordinates',
        message:
          'swapped_towers.csv: line 2 (id "T-S-1"), columns "lon" and "lat": coordinates look swapped (lat, lon): lon 9.18541, lat 105.14009, but in Vietnam the longitude is 102–110 and the latitude 8–24; 2 rows in this file look the same; swap the two columns in the mapping (the importer can do it)',
      },
    ]);
    expect(staged.files[0]).toMatchObject({ kind: 'towers', format: 'csv', rows: 2, validRows: 0, fixes: ['swap-coordinates'] });
    expect(staged.files[0]?.header).toEqual(['id', 'operator', 'status', 'technology', 'lon', 'lat']);
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();

    const swapped = stage(fixture('swapped_towers.csv', { swap: true }));
    expect(swapped.issues).toEqual([]);
    expect(swapped.files[0]).toMatchObject({ rows: 2, validRows: 2, fixes: [], mapping: { lon: 5, lat: 4 } });
    expect(swapped.dataset?.towers).toEqual([
      { id: 'T-S-1', lon: 105.14009, lat: 9.18541, operator: 'Viettel', status: 'existing', technology: '4G', synthetic: false },
      { id: 'T-S-2', lon: 105.16721, lat: 9.21108, operator: 'MobiFone', status: 'planned', technology: '5G', synthetic: false },
    ]);
    othersUnchanged(swapped.sources as SourceFile[], 'towers.geojson');
  });

  it('missing_level_schools.csv: a required column is missing', () => {
    const staged = stage(fixture('missing_level_schools.csv'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'csv-unmapped',
        file: 'missing_level_schools.csv',
        line: 1,
        field: 'level',
        message:
          'missing_level_schools.csv: line 1: no column is mapped to "level" (required in a schools file); the header has "id", "name", "students", "lon", "lat"; name a column "level" (or "cap"), or choose it in the mapping',
      },
    ]);
    expect(staged.files[0]).toMatchObject({ kind: 'schools', format: 'csv', rows: 2, validRows: 0 });
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();
  });

  it('one_bad_row_hamlets.csv: "1.200" in a count is read as 1200 with a warning; every row is taken', () => {
    const staged = stage(fixture('one_bad_row_hamlets.csv'));
    expect(staged.issues).toEqual([
      {
        severity: 'warning',
        code: 'separators-read',
        file: 'one_bad_row_hamlets.csv',
        line: 3,
        column: 3,
        id: 'H-R-2',
        field: 'population',
        message: 'one_bad_row_hamlets.csv: line 3 (id "H-R-2"), column "population": "1.200" is read as 1200 (a thousands separator)',
      },
    ]);
    expect(staged.files[0]).toMatchObject({ kind: 'hamlets', format: 'csv', rows: 3, validRows: 3 });
    expect(staged.dataset?.hamlets.map((h) => [h.id, h.population])).toEqual([
      ['H-R-1', 1200],
      ['H-R-2', 1200],
      ['H-R-3', 800],
    ]);
  });

  it('html_name_hamlets.csv: markup in a name is kept as text, character for character', () => {
    const staged = stage(fixture('html_name_hamlets.csv'));
    expect(staged.issues).toEqual([]);
    const name = '<img src=x onerror=alert(1)> Ấp <b>Một</b>';
    expect(staged.dataset?.hamlets.map((h) => h.name)).toEqual([name, 'Ấp Hai']);
    const written = JSON.parse(textOf(staged.sources ?? [], 'hamlets.geojson')) as { features: { properties: { name: string } }[] };
    expect(written.features[0]?.properties.name).toBe(name);
    othersUnchanged(staged.sources as SourceFile[], 'hamlets.geojson');
  });

  it('proto_header_hamlets.csv: "__proto__" and "constructor" columns are only ignored columns', () => {
    const staged = stage(fixture('proto_header_hamlets.csv'));
    expect(staged.issues.map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'csv-ignored-columns'],
      ['warning', 'csv-optional-unmapped'],
    ]);
    expect(staged.issues[0]).toEqual({
      severity: 'warning',
      code: 'csv-ignored-columns',
      file: 'proto_header_hamlets.csv',
      line: 1,
      message: 'proto_header_hamlets.csv: line 1: columns "__proto__", "constructor" are not in the hamlets contract and are ignored',
    });
    expect(staged.dataset?.hamlets).toEqual([
      { id: 'H-P-1', name: 'Ấp Một', lon: 105.15895, lat: 9.20758, population: 1200, gridPower: true, synthetic: false },
    ]);
    expect(Object.getPrototypeOf(staged.dataset?.hamlets[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('empty_hamlets.csv: an empty CSV', () => {
    const staged = stage(fixture('empty_hamlets.csv'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'empty',
        file: 'empty_hamlets.csv',
        message: 'empty_hamlets.csv: the file is empty; expected a header row such as id,name,population,lon,lat, then one row per hamlet',
      },
    ]);
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();
  });

  it('districts.csv: boundaries must be GeoJSON', () => {
    const staged = stage(fixture('districts.csv'));
    expect(staged.issues).toEqual([
      { severity: 'error', code: 'import-format', file: 'districts.csv', message: 'districts.csv: a districts file must be GeoJSON, not CSV' },
    ]);
    expect(staged.files[0]).toMatchObject({ kind: 'districts', path: 'boundaries/districts.geojson' });
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();
  });

  it('hanoi_hamlets.csv: a hamlet inside no district is a warning of the whole set, said of the user\'s file', () => {
    const staged = stage(fixture('hanoi_hamlets.csv'));
    expect(errorsOf(staged)).toEqual([]);
    expect(staged.issues).toHaveLength(1);
    const warning = staged.issues[0] as Issue;
    expect(warning).toMatchObject({ severity: 'warning', code: 'outside-districts', file: 'hanoi_hamlets.csv' });
    // Said of the user's file, the data set's path named once (once a bug: "…: hamlets.geojson: …").
    expect(warning.message).toBe(
      'hanoi_hamlets.csv (read as hamlets.geojson): 1 of 2 hamlets lie inside no district of boundaries/districts.geojson ("H-O-2"); they are kept, with no district (contract rule 7)',
    );
    expect(staged.dataset?.hamlets.map((h) => h.id)).toEqual(['H-O-1', 'H-O-2']);
  });

  it('laos_towers.csv: the CSV\'s own warning names its line and columns', () => {
    const staged = stage(fixture('laos_towers.csv'));
    expect(errorsOf(staged)).toEqual([]);
    expect(staged.issues[0]).toEqual({
      severity: 'warning',
      code: 'outside-vietnam',
      file: 'laos_towers.csv',
      line: 3,
      id: 'T-L-2',
      field: 'geometry.coordinates',
      message: 'laos_towers.csv: line 3 (id "T-L-2"), columns "lon" and "lat": lon 101.5, lat 20 lies far outside Vietnam (lon 102–110, lat 8–24)',
    });
    expect(staged.dataset?.towers.map((t) => t.id)).toEqual(['T-L-1', 'T-L-2']);
    // Once a bug: said again by the whole-set check, of feature 1 of the converted towers.
    expect(staged.issues).toHaveLength(1);
  });
});

describe('stageImport: deliveries and the rules across files', () => {
  const deliveryRows = textOf(current, 'deliveries.csv')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '').length - 1;

  it('unknown_school_deliveries.csv: a school_id that is not in schools.geojson is one warning (the README\'s rule)', () => {
    const staged = stage(fixture('unknown_school_deliveries.csv'));
    expect(staged.issues).toEqual([
      {
        severity: 'warning',
        code: 'unknown-school',
        file: 'deliveries.csv',
        line: 3,
        field: 'school_id',
        message:
          'deliveries.csv: line 3, field "school_id": 1 of 2 rows name a school that is not in schools.geojson (1 school: "S-99999-99"); they are kept and count for the province only, not for a school or its district',
      },
    ]);
    expect(staged.files[0]).toMatchObject({ kind: 'deliveries', format: 'deliveries', path: 'deliveries.csv', rows: 2, validRows: 2 });
    expect(staged.dataset?.deliveries?.map((d) => d.schoolId)).toEqual(['S-32005-03', 'S-99999-99']);
  });

  it('few_schools.csv: a schools file lacking delivered schools imports, with one warning counting the rows', () => {
    const staged = stage(fixture('few_schools.csv'));
    expect(staged.files[0]).toMatchObject({ kind: 'schools', format: 'csv', rows: 1, validRows: 1 });
    expect(errorsOf(staged)).toEqual([]);
    const named = staged.issues.filter((i) => i.code === 'unknown-school');
    expect(named).toHaveLength(1);
    // Brute force: every bundled delivery names a school other than the one imported.
    const schools = new Set(bundled.deliveries?.map((d) => d.schoolId));
    expect(named[0]).toMatchObject({ severity: 'warning', file: 'deliveries.csv', line: 2, field: 'school_id' });
    expect(named[0]?.message).toContain(`${deliveryRows} of ${deliveryRows} rows name a school that is not in schools.geojson (${schools.size} schools: "S-32005-03", `);
    expect(named[0]?.message).toContain('count for the province only');
    expect(staged.dataset?.schools.map((s) => s.id)).toEqual(['S-N-1']);
    expect(staged.dataset?.deliveries).toHaveLength(deliveryRows);
  });

  it('bad_quantity_deliveries.csv: a quantity of 0; the other lines can be taken', () => {
    const staged = stage(fixture('bad_quantity_deliveries.csv'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'quantity',
        file: 'bad_quantity_deliveries.csv',
        line: 3,
        field: 'quantity',
        message: 'bad_quantity_deliveries.csv: line 3, field "quantity": is 0, must be a whole number ≥ 1',
      },
    ]);
    expect(staged.files[0]).toMatchObject({ rows: 3, validRows: 2 });
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly?.dropped).toBe(1);
    expect(staged.validOnly?.dataset.deliveries?.map((d) => [d.schoolId, d.quantity])).toEqual([
      ['S-32005-03', 31],
      ['S-32014-05', 22],
    ]);
    othersUnchanged(staged.validOnly?.sources ?? [], 'deliveries.csv');
  });

  it('semicolon_deliveries.csv: ";" between columns, as a Vietnamese-locale spreadsheet saves', () => {
    const staged = stage(fixture('semicolon_deliveries.csv'));
    expect(staged.issues).toEqual([
      {
        severity: 'error',
        code: 'csv-delimiter',
        file: 'semicolon_deliveries.csv',
        line: 1,
        message:
          'semicolon_deliveries.csv: line 1: the columns are separated by ";", as spreadsheets in a Vietnamese locale save CSV; the contract needs "," between columns and "." for decimals: save as "CSV UTF-8 (Comma delimited)" or set the list separator to ","',
      },
    ]);
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();
  });

  it('two files, each with one bad row: the valid-only choice leaves out both', () => {
    const staged = stage(fixture('negative_population_hamlets.geojson'), fixture('bad_quantity_deliveries.csv'));
    expect(staged.issues.map((i) => [i.code, i.file, i.featureIndex ?? i.line])).toEqual([
      ['negative', 'negative_population_hamlets.geojson', 1],
      ['quantity', 'bad_quantity_deliveries.csv', 3],
    ]);
    expect(staged.dataset).toBeUndefined();
    expect(staged.validOnly?.dropped).toBe(2);
    expect(staged.validOnly?.dataset.hamlets).toHaveLength(2);
    expect(staged.validOnly?.dataset.deliveries).toHaveLength(2);
    othersUnchanged(staged.validOnly?.sources ?? [], 'hamlets.geojson', 'deliveries.csv');
  });
});

describe('stageImport: cell exports', () => {
  it('cells_ca_mau.csv: a hand-made OpenCelliD export in Cà Mau becomes the towers', () => {
    const staged = stage(fixture('cells_ca_mau.csv', { cells: 'replace' }));
    expect(staged.issues).toEqual([]);
    expect(staged.files).toEqual([
      {
        name: 'cells_ca_mau.csv',
        kind: 'towers',
        path: 'towers.geojson',
        format: 'cells',
        rows: 6,
        validRows: 4,
        cells: { rows: 6, cells: 4, towers: 3, skipped: { cdma: 1, 'other-mcc': 1 }, mode: 'replace', merged: 0, appended: 3 },
        fixes: [],
      },
    ]);
    const towers = staged.dataset?.towers ?? [];
    expect(towers.map((t) => [t.id, t.operator, t.technology, t.radiusKm, t.serviceDate])).toEqual([
      ['C-VT-1', 'Viettel', '4G', 3, '2021-01-01'],
      ['C-MF-1', 'MobiFone', '2G', 5, '2020-01-01'],
      ['C-VN-1', 'VNPT', '3G', undefined, '2019-01-01'],
    ]);
    for (const t of towers) {
      expect(t.lon).toBeGreaterThanOrEqual(105.0);
      expect(t.lon).toBeLessThanOrEqual(105.3);
      expect(t.lat).toBeGreaterThanOrEqual(8.9);
      expect(t.lat).toBeLessThanOrEqual(9.3);
      expect(t.status).toBe('existing');
      expect(t.synthetic).toBe(false);
    }
    expect(staged.validOnly).toBeUndefined();
    othersUnchanged(staged.sources as SourceFile[], 'towers.geojson');
  });

  it.skipIf(!existsSync(SAMPLE))('opencellid_sample.csv (real export): 496 rows, 178 cells → 175 towers', () => {
    const staged = stage({ name: 'opencellid_sample.csv', text: readFileSync(SAMPLE, 'utf8'), cells: 'replace' });
    expect(errorsOf(staged)).toEqual([]);
    expect(staged.files[0]).toMatchObject({
      kind: 'towers',
      format: 'cells',
      path: 'towers.geojson',
      rows: 496,
      validRows: 178,
      cells: { rows: 496, cells: 178, towers: 175, skipped: { 'other-mcc': 302, cdma: 16 } },
    });
    expect(staged.dataset?.towers).toHaveLength(175);
    expect(staged.dataset?.towers.every((t) => t.id.startsWith('C-') && t.status === 'existing')).toBe(true);
    othersUnchanged(staged.sources as SourceFile[], 'towers.geojson');
  });
});

describe('stageImport: the loaded files as a browser folder pick gives them', () => {
  const prefixed = current.map((f) => ({ path: `data/${f.path}`, text: f.text }));

  // Once a bug: parseDataset accepts a folder whose paths all start with its name ("data/…"),
  // but stageImport added the import at the bare path ("hamlets.geojson"), so relativePaths no
  // longer stripped the prefix and every other file was "missing": no import could pass.
  it('a good import over "data/…" paths passes (once a bug: the prefix was not stripped once the import was added)', () => {
    expect(parseDataset(prefixed).dataset).toBeDefined();
    const before = structuredClone(prefixed);
    const staged = stageImport(prefixed, [fixture('html_name_hamlets.csv')]);
    expect(prefixed).toStrictEqual(before);
    expect(errorsOf(staged)).toEqual([]);
    expect(staged.files[0]).toMatchObject({ kind: 'hamlets', format: 'csv', path: 'data/hamlets.geojson' });
    expect(staged.dataset?.hamlets.map((h) => h.id)).toEqual(['H-X-1', 'H-X-2']);
    // The import took the place of data/hamlets.geojson; every other file is as loaded.
    const sources = staged.sources as SourceFile[];
    expect(sources.map((s) => s.path).sort()).toEqual(prefixed.map((p) => p.path).sort());
    for (const file of prefixed) if (file.path !== 'data/hamlets.geojson') expect(textOf(sources, file.path)).toBe(file.text);
  });

  it('a kind the folder does not hold yet goes under the same prefix', () => {
    const without = prefixed.filter((f) => f.path !== 'data/deliveries.csv');
    expect(without).toHaveLength(prefixed.length - 1);
    const staged = stageImport(without, [{ name: 'deliveries.csv', text: textOf(current, 'deliveries.csv') }]);
    expect(errorsOf(staged)).toEqual([]);
    expect(staged.files[0]?.path).toBe('data/deliveries.csv');
    expect(staged.dataset?.deliveries).toEqual(bundled.deliveries);
    expect(staged.sources?.map((s) => s.path).sort()).toEqual(prefixed.map((p) => p.path).sort());
  });

  it('the whole-set issues of a prefixed folder are deduplicated too', () => {
    const staged = stageImport(prefixed, [fixture('laos_towers.geojson')]);
    expect(staged.issues.map((i) => [i.code, i.file])).toEqual([['outside-vietnam', 'laos_towers.geojson']]);
    expect(staged.dataset?.towers.map((t) => t.id)).toEqual(['T-L-1', 'T-L-2']);
  });
});

describe('stageImport: nothing to import', () => {
  it('no file: an issue, and no data set to take', () => {
    const staged = stage();
    expect(staged.issues).toEqual([
      { severity: 'error', code: 'import-nothing', file: '', message: 'Nothing to import: drop or choose at least one file' },
    ]);
    expect(staged.files).toEqual([]);
    expect(staged.dataset).toBeUndefined();
    expect(staged.sources).toBeUndefined();
    expect(staged.validOnly).toBeUndefined();
  });
});

describe('stageImport: a whole other data folder', () => {
  it('new boundaries leave out the communes and coastline drawn on the old ones', () => {
    const files: Record<string, string> = {};
    writeNationalDataset({ seed: 7, scale: 0.001 }, (path, chunk) => {
      files[path] = (files[path] ?? '') + chunk;
    });
    const incoming = Object.entries(files)
      .filter(([path]) => !path.endsWith('README.md'))
      .map(([path, text]) => ({ name: path.split('/').pop() as string, text }));
    const staged = stage(...incoming);
    expect(errorsOf(staged)).toEqual([]);
    expect(staged.dataset?.districts.length).toBe(59);
    expect(staged.dataset?.communes ?? []).toEqual([]);
    const paths = (staged.sources ?? []).map((s) => s.path);
    expect(paths).not.toContain('boundaries/communes.geojson');
    expect(paths).not.toContain('boundaries/coastline.geojson');
    // Hamlets alone over the old boundaries keep the old communes (nothing else changed there).
    const hamletsOnly = stage({ name: 'hamlets.geojson', text: textOf(current, 'hamlets.geojson') });
    expect((hamletsOnly.sources ?? []).map((s) => s.path)).toContain('boundaries/communes.geojson');
  });
});
