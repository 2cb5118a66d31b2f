import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCoverage } from '../../src/cli/coverage.ts';

const GOOD = 'test/fixtures/good';
const BAD = 'test/fixtures/bad';

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCoverage(argv, { out: (text) => out.push(text), err: (line) => err.push(line) });
  return { code, out, err };
}

const temps: string[] = [];
function tempCopyOfGood(): string {
  const dir = mkdtempSync(join(tmpdir(), 'song-coverage-'));
  temps.push(dir);
  cpSync(GOOD, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm run coverage (in process)', () => {
  it('writes exactly one JSON object to stdout for the good folder, with the expected figures', async () => {
    const { code, out, err } = await run(['--data', GOOD, '--scenario', 'planned']);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const report = JSON.parse(out.join('\n'));
    expect(report.scenario).toBe('planned');
    expect(report.hamlets).toEqual({ total: 6, good: 5, weak: 0, none: 1, population: 6360, population_good: 6360 });
    expect(report.schools).toEqual({ total: 4, good: 3, weak: 0, none: 1, students: 1300, students_good: 690 });
    expect(report.districts).toEqual([
      { id: 'D01', name: 'Huyện Tây', hamlets: 4, hamlets_good: 3, population: 2460, population_good: 2460, schools: 2, schools_good: 2 },
      { id: 'D02', name: 'Huyện Đông', hamlets: 2, hamlets_good: 2, population: 3900, population_good: 3900, schools: 2, schools_good: 1 },
    ]);
    expect(report.points).toHaveLength(10);
    expect(report.points[0]).toEqual({
      kind: 'hamlet',
      id: '007',
      level: 'good',
      district_id: 'D01',
      nearest_4g_id: 'T001',
      nearest_4g_km: 3.9939,
      commune_id: 'C001',
      clutter: 'rural',
    });
    expect([report.radius_model, report.operator]).toEqual(['fixed', null]);
    expect(report.points[7]).toMatchObject({ kind: 'school', id: 'S002', level: 'good' });
  });

  it('reads the scenario as a date: upgrades and planned towers due by then', async () => {
    const before = JSON.parse((await run(['--data', GOOD, '--scenario', '2021-09-14'])).out.join(''));
    const after = JSON.parse((await run(['--data', GOOD, '--scenario=2021-10-15'])).out.join(''));
    // T001's 3G → 4G upgrade is due 2021-09-15, T002 goes on air 2021-10-01.
    const ids = (report: { points: { nearest_4g_id: string | null }[] }): Set<string | null> =>
      new Set(report.points.map((p) => p.nearest_4g_id));
    expect(ids(before)).toEqual(new Set(['T005']));
    expect(ids(after)).toEqual(new Set(['T001', 'T002', 'T005']));
    expect(after.hamlets.good).toBeGreaterThan(before.hamlets.good);
  });

  it('--out writes the file and leaves stdout empty', async () => {
    const dir = tempCopyOfGood();
    const file = join(dir, 'report.json');
    const { code, out, err } = await run(['--data', GOOD, '--scenario', 'current', '--out', file]);
    expect({ code, out, err }).toEqual({ code: 0, out: [], err: [] });
    const report = JSON.parse(readFileSync(file, 'utf8'));
    expect(report.scenario).toBe('current');
    expect(report.points).toHaveLength(10);
  });

  it('fails on a bad folder: exit 1, nothing on stdout, each problem named by file, feature and field', async () => {
    const dir = tempCopyOfGood();
    cpSync(join(BAD, 'missing_population_hamlets.geojson'), join(dir, 'hamlets.geojson'));
    cpSync(join(BAD, 'bad_technology_towers.geojson'), join(dir, 'towers.geojson'));
    const out = join(dir, 'report.json');
    const result = await run(['--data', dir, '--scenario', 'planned', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(existsSync(out)).toBe(false);
    const stderr = result.err.join('\n');
    expect(stderr).toContain('hamlets.geojson: feature 2 (id "h2"), field "population": is missing');
    expect(stderr).toContain('towers.geojson: feature 2 (id "t2"), field "technology": is "4.5G"');
    expect(result.err.every((line) => /^(error|warning): /.test(line))).toBe(true);
    expect(stderr).not.toMatch(/\n\s+at /);
    const vi = await run(['--data', dir, '--scenario', 'planned', '--out', out, '--lang', 'vi']);
    expect(vi.code).toBe(1);
    expect(vi.err.join('\n')).toContain('hamlets.geojson: đối tượng 2 (mã "h2"), trường dữ liệu "population": bị thiếu (bắt buộc trong tệp ấp, khóm)');
  });

  it('fails when a required file is missing', async () => {
    const dir = tempCopyOfGood();
    rmSync(join(dir, 'towers.geojson'));
    const result = await run(['--data', dir, '--scenario', 'planned']);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err.join('\n')).toContain('towers.geojson: the file is missing');
  });

  it('warns about points inside no district on stderr, and still succeeds', async () => {
    const dir = tempCopyOfGood();
    const path = join(dir, 'hamlets.geojson');
    const text = readFileSync(path, 'utf8').replace('[105.1,9.1]', '[106.5,9.1]');
    writeFileSync(path, text);
    const { code, out, err } = await run(['--data', dir, '--scenario', 'planned']);
    expect(code).toBe(0);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^warning: .*hamlets\.geojson.*"012".*no district/);
    const report = JSON.parse(out.join('\n'));
    expect(report.points.find((p: { id: string }) => p.id === '012')).toMatchObject({ district_id: null, commune_id: null });
    expect(report.hamlets.total).toBe(6);
    expect(report.districts.reduce((s: number, d: { hamlets: number }) => s + d.hamlets, 0)).toBe(5);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['no options', [], /missing --data/],
    ['no scenario', ['--data', GOOD], /missing --scenario/],
    ['no data', ['--scenario', 'planned'], /missing --data/],
    ['an impossible month', ['--data', GOOD, '--scenario', '2021-13-01'], /"2021-13-01" is not a real date: there is no month 13/],
    ['an impossible day', ['--data', GOOD, '--scenario', '2021-02-29'], /"2021-02-29" is not a real date: February 2021 has 28 days/],
    ['a word', ['--data', GOOD, '--scenario', 'tomorrow'], /--scenario "tomorrow" is not current, planned or a date YYYY-MM-DD/],
    ['a day-first date', ['--data', GOOD, '--scenario', '15/10/2021'], /not current, planned or a date/],
    ['an unknown option', ['--data', GOOD, '--scenario', 'planned', '--k', '3'], /unknown option "--k"/],
    ['a stray argument', [GOOD, '--scenario', 'planned'], /unexpected argument/],
    ['an option without its value', ['--data', GOOD, '--scenario'], /--scenario needs a value/],
    ['an option given twice', ['--data', GOOD, '--scenario', 'current', '--scenario', 'planned'], /--scenario is given twice/],
    ['an unknown radius model', ['--data', GOOD, '--scenario', 'planned', '--radius-model', 'hata'], /--radius-model "hata" is not fixed or path_loss/],
    ['an empty operator', ['--data', GOOD, '--scenario', 'planned', '--operator='], /--operator needs a value/],
  ];
  for (const [name, argv, message] of usageErrors) {
    it(`fails with a one-line message and the usage on ${name}`, async () => {
      const { code, out, err } = await run(argv);
      expect(code).toBe(1);
      expect(out).toEqual([]);
      expect(err).toHaveLength(2);
      expect(err[0]).toMatch(/^error: /);
      expect(err[0]).toMatch(message);
      expect(err[1]).toMatch(/^usage: npm run coverage -- --data <folder> --scenario/);
    });
  }

  it('--radius-model path_loss and --operator: rules 8-9, said at the top, each point with its clutter', async () => {
    const dir = tempCopyOfGood();
    const path = join(dir, 'towers.geojson');
    const towers = JSON.parse(readFileSync(path, 'utf8'));
    for (const feature of towers.features) feature.properties.height_m = 40;
    writeFileSync(path, JSON.stringify(towers));
    const square = [[[105, 9], [105.05, 9], [105.05, 9.05], [105, 9.05], [105, 9]]];
    writeFileSync(join(dir, 'boundaries/landcover.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: square }, properties: { class: 'forest' } }] }));
    const fixed = JSON.parse((await run(['--data', dir, '--scenario', 'planned'])).out.join(''));
    const plain = JSON.parse((await run(['--data', GOOD, '--scenario', 'planned'])).out.join(''));
    // Heights and landcover change nothing under the fixed model but the clutter said.
    expect(fixed.points.map((p: { level: string }) => p.level)).toEqual(plain.points.map((p: { level: string }) => p.level));
    expect(fixed.points[0]).toMatchObject({ id: '007', clutter: 'forest' });
    const { code, out, err } = await run(['--data', dir, '--scenario', 'planned', '--radius-model', 'path_loss', '--operator', 'Viettel']);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    const report = JSON.parse(out.join(''));
    expect([report.radius_model, report.operator]).toEqual(['path_loss', 'Viettel']);
    const ids = new Set(towers.features.filter((f: { properties: { operator: string } }) => f.properties.operator === 'Viettel').map((f: { properties: { id: string } }) => f.properties.id));
    for (const p of report.points) if (p.nearest_4g_id !== null) expect(ids.has(p.nearest_4g_id)).toBe(true);
    const wrong = await run(['--data', dir, '--scenario', 'planned', '--operator', 'viettel']);
    expect(wrong.code).toBe(0);
    expect(wrong.err[0]).toMatch(/^warning: --operator "viettel": no tower/);
  });

  it('--radius-model path_loss refuses a tower below 1 m, naming file, feature and field', async () => {
    const dir = tempCopyOfGood();
    const path = join(dir, 'towers.geojson');
    const towers = JSON.parse(readFileSync(path, 'utf8'));
    towers.features[2].properties.height_m = 0.8;
    writeFileSync(path, JSON.stringify(towers));
    expect((await run(['--data', dir, '--scenario', 'planned'])).code).toBe(0);
    const { code, out, err } = await run(['--data', dir, '--scenario', 'planned', '--radius-model', 'path_loss']);
    expect({ code, out }).toEqual({ code: 1, out: [] });
    expect(err).toEqual([`error: towers.geojson: feature 3 (id "${towers.features[2].properties.id}"), field "height_m": is 0.8 m; under radius_model "path_loss" a tower height must be at least 1 m`]);
    const vi = await run(['--data', dir, '--scenario', 'planned', '--radius-model', 'path_loss', '--lang', 'vi']);
    expect(vi.err).toEqual([
      `error: towers.geojson: đối tượng 3 (mã "${towers.features[2].properties.id}"), trường dữ liệu "height_m": là 0,8 m; với radius_model "path_loss", độ cao trạm phải từ 1 m trở lên`,
    ]);
  });

  it('fails clearly on a folder that does not exist, or a file given as the folder', async () => {
    const missing = await run(['--data', 'test/fixtures/no-such-folder', '--scenario', 'planned']);
    expect(missing).toEqual({ code: 1, out: [], err: ['error: --data test/fixtures/no-such-folder: no such folder'] });
    const file = await run(['--data', `${GOOD}/hamlets.geojson`, '--scenario', 'planned']);
    expect(file.code).toBe(1);
    expect(file.out).toEqual([]);
    expect(file.err[0]).toMatch(/is a file; give the data folder/);
  });

  it('fails clearly when --out cannot be written', async () => {
    const { code, out, err } = await run(['--data', GOOD, '--scenario', 'planned', '--out', 'test/fixtures/no-such-folder/r.json']);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(['error: --out test/fixtures/no-such-folder/r.json: cannot write: no such file or folder']);
  });
});

describe('npm run coverage (a real process)', () => {

  it('prints only the JSON on stdout', () => {
    const result = spawnSync('node', ['src/cli/launch.mjs', 'coverage', '--data', GOOD, '--scenario', 'planned'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.scenario).toBe('planned');
    expect(report.points).toHaveLength(10);
  });

  it('exits 1 with nothing on stdout and no stack trace on a bad scenario', () => {
    const result = spawnSync('node', ['src/cli/launch.mjs', 'coverage', '--data', GOOD, '--scenario', '2021-13-01'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: --scenario "2021-13-01" is not a real date/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
