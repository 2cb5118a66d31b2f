import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCalibrate } from '../../src/cli/calibrate.ts';
import { runCoverage } from '../../src/cli/coverage.ts';
import type { CommandIo } from '../../src/cli/json-command.ts';

const GOOD = 'test/fixtures/good';

// The good folder's Viettel towers in `current`: T001 3G at (105.04, 9.06), T004 2G, and
// T005 5G of 1.2 km at (105.15, 9.16). Hamlet 007 (105.02, 9.03) is only weak; hamlet 011
// (105.15, 9.15) is 1.112 km from T005, so good at factor 1 and not at 0.9 (1.08 km).
const MEASUREMENTS = `date,lon,lat,operator,download_mbps,technology,source
2024-05-01,105.02,9.03,Viettel,12.5,4G,i-Speed
2024-05-02,105.0201,9.0301,Viettel,8,4G,
2024-05-03,105.0202,9.03,Viettel,30,,
2024-05-03,105.0202,9.03,VNPT,3,,
2024-05-04,105.15,9.15,Viettel,2,,
2024-05-04,105.1501,9.15,Viettel,4,,
2024-05-04,105.1502,9.15,Viettel,5,,
2024-05-04,105.1503,9.15,Viettel,6,,
2023-05-04,105.15,9.15,Viettel,50,,
`;

const temps: string[] = [];
function folder(measurements: string | undefined, model?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'song-evidence-'));
  temps.push(dir);
  cpSync(GOOD, dir, { recursive: true });
  if (measurements !== undefined) writeFileSync(join(dir, 'measurements.csv'), measurements);
  if (model !== undefined) writeFileSync(join(dir, 'model.json'), model);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function run(command: (argv: readonly string[], io: CommandIo) => Promise<number>, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(argv, { out: (text) => out.push(text), err: (line) => err.push(line) });
  return { code, out, err, json: out.length === 1 ? JSON.parse(out[0] as string) : undefined };
}

describe('npm run coverage with measurements.csv', () => {
  it('gives every point its measured tests, median and verdict', async () => {
    const { code, err, json } = await run(runCoverage, ['--data', folder(MEASUREMENTS), '--scenario', 'current']);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const byId = new Map(json.points.map((p: { id: string; measured: unknown }) => [p.id, p.measured]));
    // 007: 12.5, 8, 30 (Viettel) and 3 (VNPT): median of 4 = (8 + 12.5) / 2.
    expect(byId.get('007')).toEqual({ tests: 4, median_mbps: 10.25, verdict: 'measured_good' });
    // 011: the 2023 test is outside the 365 days before 2024-05-04.
    expect(byId.get('011')).toEqual({ tests: 4, median_mbps: 4.5, verdict: 'measured_poor' });
    expect(byId.get('008')).toEqual({ tests: 0, median_mbps: null, verdict: 'unverified' });
    expect(json.points.every((p: { measured?: unknown }) => p.measured !== undefined)).toBe(true);
  });

  it('counts only the operator given, and the window ending on a dated scenario', async () => {
    const dir = folder(MEASUREMENTS);
    const vnpt = (await run(runCoverage, ['--data', dir, '--scenario', 'current', '--operator', 'VNPT'])).json;
    expect(vnpt.points[0].measured).toEqual({ tests: 1, median_mbps: 3, verdict: 'unverified' });
    const dated = (await run(runCoverage, ['--data', dir, '--scenario', '2024-05-02'])).json;
    expect(dated.points[0].measured).toEqual({ tests: 2, median_mbps: 10.25, verdict: 'unverified' });
  });

  it('reads the evidence parameters of model.json', async () => {
    const { json } = await run(runCoverage, ['--data', folder(MEASUREMENTS, '{"evidence":{"min_tests":5,"radius_m":50}}'), '--scenario', 'current']);
    // Within 50 m of 007: the tests at +0.0001° (about 15 m) and +0.0002° lon; 5 tests needed.
    expect(json.points[0].measured).toEqual({ tests: 4, median_mbps: 10.25, verdict: 'unverified' });
  });

  it('leaves the version 1 output alone without measurements.csv', async () => {
    const { json } = await run(runCoverage, ['--data', folder(undefined), '--scenario', 'current']);
    expect(json.points[0].measured).toBeUndefined();
  });

  it('fails with the file, line and field of a bad row, nothing on stdout', async () => {
    const { code, out, err } = await run(runCoverage, ['--data', folder(`${MEASUREMENTS}2024-05-05,105.1,9.1,Viettel,abc,,\n`), '--scenario', 'current']);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(['error: measurements.csv: line 11, field "download_mbps": is "abc", must be a speed in Mbps (a number ≥ 0)']);
    const vi = await run(runCalibrate, ['--data', folder(`${MEASUREMENTS}2024-05-05,105.1,9.1,Viettel,abc,,\n`), '--lang', 'vi']);
    expect(vi.err).toEqual(['error: measurements.csv: dòng 11, trường dữ liệu "download_mbps": là "abc", phải là tốc độ tính bằng Mbps (một số ≥ 0)']);
  });

  it('keeps tests outside the province, counted in one warning on stderr', async () => {
    const { code, err, json } = await run(runCoverage, ['--data', folder(`${MEASUREMENTS}2024-05-04,105.25,9.1,Viettel,9,,\n2024-05-04,104.9,9.1,VNPT,9,,\n`), '--scenario', 'current']);
    expect(code).toBe(0);
    expect(err).toEqual([
      'warning: measurements.csv: 2 of 11 tests lie outside the province of boundaries/province.geojson (line 11, line 12); they are kept and count for points within radius_m of them',
    ]);
    const vi = await run(runCoverage, ['--data', folder(`${MEASUREMENTS}2024-05-04,105.25,9.1,Viettel,9,,\n2024-05-04,104.9,9.1,VNPT,9,,\n`), '--scenario', 'current', '--lang', 'vi']);
    expect(vi.err).toEqual([
      'warning: measurements.csv: 2 trên 11 lần đo nằm ngoài ranh giới tỉnh trong boundaries/province.geojson (dòng 11, dòng 12); chúng vẫn được giữ và được tính cho các điểm trong bán kính radius_m',
    ]);
    expect(json.points).toHaveLength(10);
  });

  it('fails on a bad evidence parameter in model.json', async () => {
    const { code, out, err } = await run(runCoverage, ['--data', folder(MEASUREMENTS, '{"evidence":{"min_tests":0}}'), '--scenario', 'current']);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(['error: model.json: field "evidence.min_tests": is 0, must be a whole number ≥ 1']);
  });
});

describe('npm run calibrate', () => {
  it('fits one factor per operator of towers.geojson, sorted by code point', async () => {
    const { code, err, json } = await run(runCalibrate, ['--data', folder(MEASUREMENTS)]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(json).toEqual({
      scenario: 'current',
      operators: [
        { operator: 'MobiFone', points: 0, agree_at_1: 0, factor: 1, agree: 0 },
        { operator: 'VNPT', points: 0, agree_at_1: 0, factor: 1, agree: 0 },
        // 007 measured good but only weak at every factor; 011 measured poor, good up to 1.112 / 1.2 = 0.93.
        { operator: 'Viettel', points: 2, agree_at_1: 0, factor: 0.9, agree: 1 },
      ],
    });
  });

  it('takes --scenario and --out', async () => {
    const dir = folder(MEASUREMENTS);
    const out = join(dir, 'calibration.json');
    const { code, out: stdout } = await run(runCalibrate, ['--data', dir, '--scenario', '2024-05-03', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toEqual([]);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.scenario).toBe('2024-05-03');
    // On 2024-05-03 only 007's three Viettel tests count (measured good), and T001 is 4G by then
    // (upgraded 2021-09-15), 3.9939 km from 007: good at 1 (4 km), not at 0.95; 1.05+ ties, 1 is nearest.
    expect(report.operators[2]).toEqual({ operator: 'Viettel', points: 1, agree_at_1: 1, factor: 1, agree: 1 });
  });

  it('refuses a bad scenario or option with the usage line', async () => {
    const bad = await run(runCalibrate, ['--data', GOOD, '--scenario', '2024-02-30']);
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toMatch(/^error: --scenario "2024-02-30" is not a real date/);
    expect(bad.err[1]).toMatch(/^usage: npm run calibrate/);
    expect((await run(runCalibrate, ['--scenario', 'current'])).err[0]).toBe('error: missing --data <folder>');
    expect((await run(runCalibrate, ['--data', GOOD, '--k', '3'])).err[0]).toBe('error: unknown option "--k"');
  });

  it('runs as a real process with JSON alone on stdout', () => {
    const result = spawnSync('node', ['src/cli/launch.mjs', 'calibrate', '--data', folder(MEASUREMENTS)], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).operators).toHaveLength(3);
  });
});
