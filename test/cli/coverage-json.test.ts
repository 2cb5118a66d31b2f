// The coverage command writes its JSON a piece at a time (cli/coverage-json.ts) from hamlets,
// schools and towers streamed in (cli/folder.ts): its text must stay exactly what it was, the
// whole-text read, the whole report object and JSON.stringify(…, null, 2). Checked on the
// fixtures, the bundled data and small national sets, and on random ids, names and
// measurements.
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCoverage } from '../../src/cli/coverage.ts';
import { writeCoverageJson } from '../../src/cli/coverage-json.ts';
import { evidenceOf, withMeasured } from '../../src/cli/evidence.ts';
import { readDataFolder } from '../../src/cli/folder.ts';
import { computeCoverage, coverageReport, reportFromColumns, type CoverageOptions } from '../../src/domain/coverage/report.ts';
import type { MeasuredRecord } from '../../src/domain/evidence/measured.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { writeNationalDataset } from '../../src/synthesis/national.ts';

const SEED = 20211015;
const GOOD = 'test/fixtures/good';
const MEASUREMENTS = `date,lon,lat,operator,download_mbps,technology,source
2024-05-01,105.02,9.03,Viettel,12.5,4G,i-Speed
2024-05-03,105.0202,9.03,VNPT,3,,
2024-05-04,105.15,9.15,Viettel,2,,
2024-05-04,105.1501,9.15,Viettel,4,,
`;

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'song-coverage-json-'));
  temps.push(dir);
  return dir;
};

function nationalFolder(seed: number, scale: number): string {
  const dir = temp();
  const texts = new Map<string, string>();
  writeNationalDataset({ seed, scale }, (path, chunk) => texts.set(path, (texts.get(path) ?? '') + chunk));
  for (const [path, text] of texts) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The text as the command wrote it before: the ordinary read, the whole report, one stringify. */
function reference(folder: string, scenario: string, options: CoverageOptions): string {
  const { dataset } = parseDataset(readDataFolder(folder));
  if (dataset === undefined) throw new Error(`${folder} does not parse`);
  const report = coverageReport(dataset, scenario, {}, options);
  return JSON.stringify(withMeasured(report, dataset, evidenceOf(dataset), options.operator), null, 2);
}

function argvOf(folder: string, scenario: string, options: CoverageOptions): string[] {
  const argv = ['--data', folder, '--scenario', scenario];
  if (options.radiusModel !== undefined) argv.push('--radius-model', options.radiusModel);
  if (options.operator !== undefined) argv.push('--operator', options.operator);
  return argv;
}

const CASES: [string, () => string, string, CoverageOptions][] = [
  ['the good fixture', () => GOOD, 'planned', {}],
  ['the good fixture, path loss, one operator', () => GOOD, '2021-10-15', { radiusModel: 'path_loss', operator: 'Viettel' }],
  ['the good fixture with measurements', () => {
    const dir = temp();
    cpSync(GOOD, dir, { recursive: true });
    writeFileSync(join(dir, 'measurements.csv'), MEASUREMENTS);
    return dir;
  }, 'current', {}],
  ['the bundled data', () => 'data', 'current', {}],
  ['the bundled data, planned, path loss', () => 'data', 'planned', { radiusModel: 'path_loss' }],
  ['a small national set', () => nationalFolder(SEED, 0.002), 'current', {}],
  ['another small national set', () => nationalFolder(7, 0.003), 'planned', { operator: 'VNPT' }],
];

describe('coverage JSON, written in pieces', () => {
  for (const [name, folderOf, scenario, options] of CASES) {
    it(`is the text it was on ${name}, to stdout, to a pipe and to --out`, async () => {
      const folder = folderOf();
      const want = reference(folder, scenario, options);
      const out: string[] = [];
      const err: string[] = [];
      expect(await runCoverage(argvOf(folder, scenario, options), { out: (text) => out.push(text), err: (line) => err.push(line) })).toBe(0);
      expect(out).toEqual([want]);
      const pieces: string[] = [];
      const io = { out: () => expect.fail('out used'), err: () => undefined, write: (piece: string) => pieces.push(piece) };
      expect(await runCoverage(argvOf(folder, scenario, options), io)).toBe(0);
      expect(pieces.join('')).toBe(`${want}\n`);
      const file = join(temp(), 'coverage.json');
      expect(await runCoverage([...argvOf(folder, scenario, options), '--out', file], { out: () => undefined, err: () => undefined })).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(`${want}\n`);
    });
  }

  it('is JSON.stringify of the whole report for any ids, names and measured records', () => {
    const base = parseDataset(readDataFolder(GOOD)).dataset as Dataset;
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const measured: fc.Arbitrary<MeasuredRecord | undefined> = fc.option(
      fc.record({
        tests: fc.nat(),
        median_mbps: fc.option(fc.double({ noNaN: true }), { nil: null }),
        verdict: fc.constantFrom('confirmed', 'contradicted', 'unverified') as fc.Arbitrary<MeasuredRecord['verdict']>,
      }),
      { nil: undefined },
    );
    const points = base.hamlets.length + base.schools.length;
    fc.assert(
      fc.property(
        fc.uniqueArray(text, { minLength: points + base.towers.length, maxLength: points + base.towers.length }),
        fc.array(text, { minLength: base.districts.length, maxLength: base.districts.length }),
        fc.boolean(),
        fc.option(fc.array(measured, { minLength: points, maxLength: points }), { nil: undefined }),
        fc.constantFrom('current', 'planned', '2021-09-15'),
        (ids, names, dropCommunes, records, scenario) => {
          const id = (k: number): string => ids[k] as string;
          const dataset: Dataset = {
            ...base,
            hamlets: base.hamlets.map((h, k) => ({ ...h, id: id(k) })),
            schools: base.schools.map((s, k) => ({ ...s, id: id(base.hamlets.length + k) })),
            towers: base.towers.map((t, k) => ({ ...t, id: id(points + k) })),
            districts: base.districts.map((d, k) => ({ ...d, name: names[k] as string })),
          };
          if (dropCommunes) delete dataset.communes;
          const columns = computeCoverage(dataset, scenario);
          const report = reportFromColumns(dataset, columns);
          const whole = records === undefined ? report : { ...report, points: report.points.map((p, i) => ({ ...p, measured: records[i] })) };
          const pieces: string[] = [];
          writeCoverageJson(dataset, columns, records, (piece) => pieces.push(piece));
          expect(pieces.join('')).toBe(JSON.stringify(whole, null, 2));
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('writes an empty points array as JSON.stringify does', () => {
    const base = parseDataset(readDataFolder(GOOD)).dataset as Dataset;
    const dataset: Dataset = { ...base, hamlets: [], schools: [] };
    const columns = computeCoverage(dataset, 'current');
    const pieces: string[] = [];
    writeCoverageJson(dataset, columns, undefined, (piece) => pieces.push(piece));
    expect(pieces.join('')).toBe(JSON.stringify(reportFromColumns(dataset, columns), null, 2));
  });
});
