import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSiting, type SitingReport } from '../../src/cli/siting.ts';
import { readDataFolder } from '../../src/cli/folder.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { pointLevel, towersOnAir } from '../../src/domain/coverage/brute-force.ts';
import { haversineKm } from '../../src/domain/geo/haversine.ts';
import type { Dataset, Hamlet, School } from '../../src/domain/types.ts';
import { rng } from '../bench/data.ts';

const DATA = 'data';
const GOOD = 'test/fixtures/good';

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSiting(argv, { out: (text) => out.push(text), err: (line) => err.push(line) });
  return { code, out, err };
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'song-siting-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------
// An independent reading of the contract: levels from the oracle (brute-force.ts), then the
// naive greedy (every candidate's gain recomputed each round over every demand point).

type Weight = 'population' | 'students' | 'students_in_need';

function load(folder: string): Dataset {
  const { dataset, issues } = parseDataset(readDataFolder(folder));
  if (dataset === undefined || issues.some((i) => i.severity === 'error')) throw new Error(issues.map((i) => i.message).join('\n'));
  return dataset;
}

function expectedReport(dataset: Dataset, k: number, radiusKm: number, weight: Weight): SitingReport {
  const onAir = towersOnAir(dataset.towers, 'planned');
  const places: (Hamlet | School)[] = [...dataset.hamlets, ...dataset.schools];
  const good = places.map((p) => pointLevel(p.lon, p.lat, onAir, 'fixedBroadband' in p ? p.fixedBroadband : false).level === 'good');
  const w = places.map((p, i) => {
    const isHamlet = i < dataset.hamlets.length;
    if (weight === 'population') return isHamlet ? (p as Hamlet).population : 0;
    if (weight === 'students') return isHamlet ? ((p as Hamlet).students ?? 0) : 0;
    return isHamlet ? 0 : ((p as School).studentsInNeed ?? 0);
  });
  const candidates = places.map((_, i) => i).filter((i) => !good[i]);
  const demand = places.map((_, i) => i).filter((i) => !good[i] && w[i]! > 0);
  const covered = new Set<number>();
  const reach = (a: number, b: number): boolean => haversineKm(places[a]!.lon, places[a]!.lat, places[b]!.lon, places[b]!.lat) <= radiusKm;
  const sites: SitingReport['sites'] = [];
  let cumulative = 0;
  while (sites.length < k) {
    let best = -1;
    let bestGain = 0;
    for (const c of candidates) {
      let gain = 0;
      for (const d of demand) if (!covered.has(d) && reach(c, d)) gain += w[d]!;
      if (gain > bestGain) [best, bestGain] = [c, gain];
    }
    if (best < 0) break;
    for (const d of demand) if (reach(best, d)) covered.add(d);
    cumulative += bestGain;
    const p = places[best]!;
    const isHamlet = best < dataset.hamlets.length;
    sites.push({
      at_id: p.id,
      lon: p.lon,
      lat: p.lat,
      gain: bestGain,
      cumulative,
      kind: isHamlet ? 'hamlet' : 'school',
      grid_power: isHamlet ? (p as Hamlet).gridPower : true,
    });
  }
  return {
    scenario: 'planned',
    k,
    radius_km: radiusKm,
    weight,
    baseline_good: w.reduce((a, b, i) => (good[i] ? a + b : a), 0),
    total_weight: w.reduce((a, b) => a + b, 0),
    candidates: candidates.length,
    sites,
  };
}

// ---------------------------------------------------------------------------------------
// A small random data folder: the bundled boundaries and programme, random points and towers.

function feature(properties: Record<string, unknown>, lon: number, lat: number): unknown {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] } };
}

function writeCollection(path: string, features: unknown[]): void {
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
}

/** Points and towers around Cà Mau town (105.0-105.3 E, 9.0-9.3 N), seeded. */
function randomFolder(seed: number, hamlets: number, schools: number, towers: number): string {
  const dir = tempDir();
  cpSync(join(DATA, 'boundaries'), join(dir, 'boundaries'), { recursive: true });
  cpSync(join(DATA, 'programme.json'), join(dir, 'programme.json'));
  const random = rng(seed);
  const int = (max: number): number => Math.floor(random() * (max + 1));
  const at = (): [number, number] => [Number((105 + random() * 0.3).toFixed(5)), Number((9 + random() * 0.3).toFixed(5))];
  writeCollection(
    join(dir, 'hamlets.geojson'),
    Array.from({ length: hamlets }, (_, i) => {
      const properties: Record<string, unknown> = { id: `H${i}`, name: `Ấp ${i}`, population: int(3000) };
      if (random() < 0.8) properties.students = int(600);
      if (random() < 0.3) properties.grid_power = random() < 0.5;
      return feature(properties, ...at());
    }),
  );
  writeCollection(
    join(dir, 'schools.geojson'),
    Array.from({ length: schools }, (_, j) => {
      const students = int(900);
      const properties: Record<string, unknown> = { id: `S${j}`, name: `Trường ${j}`, level: 'primary', students };
      if (random() < 0.8) properties.students_in_need = int(Math.min(90, students));
      if (random() < 0.2) properties.fixed_broadband = true;
      return feature(properties, ...at());
    }),
  );
  const technologies = ['2G', '3G', '4G', '5G'] as const;
  writeCollection(
    join(dir, 'towers.geojson'),
    Array.from({ length: towers }, (_, t) => {
      const properties: Record<string, unknown> = {
        id: `T${t}`,
        operator: 'Viettel',
        status: random() < 0.7 ? 'existing' : 'planned',
        technology: technologies[int(3)],
      };
      if (random() < 0.3) properties.radius_km = 1 + int(40) / 10;
      if (properties.status === 'existing' && random() < 0.3) {
        properties.upgrade_technology = '4G';
        if (random() < 0.5) properties.upgrade_radius_km = 2 + int(20) / 10;
      }
      return feature(properties, ...at());
    }),
  );
  return dir;
}

function parse(out: string[]): SitingReport {
  expect(out).toHaveLength(1);
  return JSON.parse(out[0]!) as SitingReport;
}

const pct = (part: number, whole: number): string => `${(Math.floor((1000 * part) / whole) / 10).toFixed(1)} %`;

// ---------------------------------------------------------------------------------------

describe('npm run siting (in process)', () => {
  it('on the bundled data, k=10: the naive greedy over the oracle\'s levels, to the site', async () => {
    const { code, out, err } = await run(['--data', DATA, '--k', '10']);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const report = parse(out);
    const dataset = load(DATA);
    expect(report).toEqual(expectedReport(dataset, 10, 4, 'population'));
    expect(Object.keys(report)).toEqual(['scenario', 'k', 'radius_km', 'weight', 'baseline_good', 'total_weight', 'candidates', 'sites']);
    expect(report.sites.length).toBeGreaterThan(0);
    expect(report.sites.length).toBeLessThanOrEqual(10);
    // For the record: the best sites on the bundled data.
    const names = new Map<string, string>([...dataset.hamlets, ...dataset.schools].map((p) => [p.id, p.name]));
    const last = report.sites.at(-1)?.cumulative ?? 0;
    console.log(
      `siting on data/ (planned, k 10, radius 4 km, population): ${report.candidates} candidates, ` +
        `population good ${pct(report.baseline_good, report.total_weight)} → ${pct(report.baseline_good + last, report.total_weight)} ` +
        `(${report.baseline_good} → ${report.baseline_good + last} of ${report.total_weight})\n` +
        report.sites
          .map((s, i) => `  ${i + 1}. ${s.at_id} ${names.get(s.at_id)} [${s.lon}, ${s.lat}] gain ${s.gain} cumulative ${s.cumulative} grid_power ${s.grid_power}`)
          .join('\n'),
    );
  });

  it('on the bundled data, every weight and a few radii', async () => {
    const dataset = load(DATA);
    for (const [weight, radius] of [
      ['students', '4'],
      ['students_in_need', '4'],
      ['population', '8'],
      ['population', '1.5'],
    ] as const) {
      const { code, out, err } = await run(['--data', DATA, '--k', '25', '--weight', weight, '--radius-km', radius]);
      expect({ code, err }).toEqual({ code: 0, err: [] });
      expect(parse(out)).toEqual(expectedReport(dataset, 25, Number(radius), weight));
    }
  });

  it('on random data folders (upgrades, planned towers, fixed broadband, missing fields): the same as the naive greedy', async () => {
    for (const seed of [1, 2, 3]) {
      const dir = randomFolder(seed, 150, 60, 12);
      const dataset = load(dir);
      for (const weight of ['population', 'students', 'students_in_need'] as const) {
        const { code, out, err } = await run(['--data', dir, `--k=${5 + seed}`, '--radius-km', '2.5', '--weight', weight]);
        expect(code).toBe(0);
        expect(err.every((line) => line.startsWith('warning: '))).toBe(true);
        const report = parse(out);
        expect(report).toEqual(expectedReport(dataset, 5 + seed, 2.5, weight));
        expect(report.sites.length).toBeGreaterThan(0);
      }
    }
  });

  it('--out writes the file and leaves stdout empty', async () => {
    const file = join(tempDir(), 'sites.json');
    const { code, out, err } = await run(['--data', DATA, '--k', '3', '--radius-km', '5', '--out', file]);
    expect({ code, out, err }).toEqual({ code: 0, out: [], err: [] });
    const report = JSON.parse(readFileSync(file, 'utf8')) as SitingReport;
    expect(report).toMatchObject({ scenario: 'planned', k: 3, radius_km: 5, weight: 'population' });
    expect(report.sites.length).toBeLessThanOrEqual(3);
  });

  const usageErrors: [string, string[], RegExp[]][] = [
    ['no options', [], [/missing --data/, /missing --k/]],
    ['no k', ['--data', DATA], [/^error: missing --k <n>$/]],
    ['no data', ['--k', '3'], [/^error: missing --data <folder>$/]],
    ['k zero', ['--data', DATA, '--k', '0'], [/--k "0" is not a positive whole number/]],
    ['k negative', ['--data', DATA, '--k=-2'], [/--k "-2" is not a positive whole number/]],
    ['k fractional', ['--data', DATA, '--k', '2.5'], [/--k "2.5" is not a positive whole number/]],
    ['k a word', ['--data', DATA, '--k', 'ten'], [/--k "ten" is not a positive whole number/]],
    ['radius zero', ['--data', DATA, '--k', '3', '--radius-km', '0'], [/--radius-km "0" is not a positive number of km/]],
    ['radius negative', ['--data', DATA, '--k', '3', '--radius-km=-1'], [/--radius-km "-1" is not a positive number/]],
    ['radius a word', ['--data', DATA, '--k', '3', '--radius-km', '4km'], [/--radius-km "4km" is not a positive number/]],
    ['radius infinite', ['--data', DATA, '--k', '3', '--radius-km', '1e999'], [/--radius-km "1e999" is not a positive number/]],
    ['an unknown weight', ['--data', DATA, '--k', '3', '--weight', 'households'], [/--weight "households" is not population, students or students_in_need/]],
    ['an unknown option', ['--data', DATA, '--k', '3', '--scenario', 'planned'], [/unknown option "--scenario"/, /unexpected argument "planned"/]],
    ['an option without its value', ['--data', DATA, '--k'], [/^error: --k needs a value$/]],
    ['an option given twice', ['--data', DATA, '--k', '3', '--k', '4'], [/--k is given twice/]],
    ['several problems at once', ['--k', '0', '--weight', 'x'], [/missing --data/, /--k "0"/, /--weight "x"/]],
  ];
  for (const [name, argv, messages] of usageErrors) {
    it(`fails with one line per problem and the usage on ${name}`, async () => {
      const { code, out, err } = await run(argv);
      expect(code).toBe(1);
      expect(out).toEqual([]);
      expect(err).toHaveLength(messages.length + 1);
      messages.forEach((message, i) => {
        expect(err[i]).toMatch(/^error: /);
        expect(err[i]).toMatch(message);
      });
      expect(err.at(-1)).toMatch(/^usage: npm run siting -- --data <folder> --k <n>/);
    });
  }

  it('--help prints the usage and succeeds', async () => {
    const { code, out, err } = await run(['--help']);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out[0]).toMatch(/^usage: npm run siting/);
  });

  it('fails on bad data: exit 1, nothing on stdout or in --out, each problem named by file, feature and field', async () => {
    const dir = tempDir();
    cpSync(GOOD, dir, { recursive: true });
    cpSync(join('test/fixtures/bad', 'missing_population_hamlets.geojson'), join(dir, 'hamlets.geojson'));
    const file = join(dir, 'sites.json');
    const result = await run(['--data', dir, '--k', '3', '--out', file]);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(existsSync(file)).toBe(false);
    expect(result.err.join('\n')).toContain('hamlets.geojson: feature 2 (id "h2"), field "population": is missing');
    expect(result.err.every((line) => /^(error|warning): /.test(line))).toBe(true);
  });

  it('fails clearly on a missing folder, a file as the folder, a missing file, an unwritable --out', async () => {
    expect(await run(['--data', 'test/fixtures/no-such-folder', '--k', '3'])).toEqual({
      code: 1,
      out: [],
      err: ['error: --data test/fixtures/no-such-folder: no such folder'],
    });
    const file = await run(['--data', `${GOOD}/hamlets.geojson`, '--k', '3']);
    expect(file.code).toBe(1);
    expect(file.err[0]).toMatch(/is a file; give the data folder/);
    const dir = tempDir();
    cpSync(GOOD, dir, { recursive: true });
    rmSync(join(dir, 'towers.geojson'));
    const missing = await run(['--data', dir, '--k', '3']);
    expect(missing.code).toBe(1);
    expect(missing.out).toEqual([]);
    expect(missing.err.join('\n')).toContain('towers.geojson: the file is missing');
    const unwritable = await run(['--data', GOOD, '--k', '3', '--out', 'test/fixtures/no-such-folder/s.json']);
    expect(unwritable).toEqual({ code: 1, out: [], err: ['error: --out test/fixtures/no-such-folder/s.json: cannot write: no such file or folder'] });
  });
});

describe('npm run siting (a real process)', () => {

  it('prints only the JSON on stdout', () => {
    const result = spawnSync('node', ['src/cli/launch.mjs', 'siting', '--data', GOOD, '--k', '2', '--weight', 'students_in_need'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as SitingReport;
    expect(report).toEqual(expectedReport(load(GOOD), 2, 4, 'students_in_need'));
  });

  it('exits 1 with nothing on stdout and no stack trace on a bad k', () => {
    const result = spawnSync('node', ['src/cli/launch.mjs', 'siting', '--data', GOOD, '--k', 'x'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: --k "x" is not a positive whole number\nusage: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
