// `npm run siting -- --budget` against an independent reading of the contract: levels and
// nearest 4G/5G from the oracle (brute-force.ts), each site's cost written out here, and the
// best gain by exhaustive search over every subset of candidates within the budget.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSiting } from '../../src/cli/siting.ts';
import type { BudgetReport, TargetReport } from '../../src/cli/siting-budget.ts';
import { readDataFolder } from '../../src/cli/folder.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { pointLevel, towersOnAir } from '../../src/domain/coverage/brute-force.ts';
import { haversineKm } from '../../src/domain/geo/haversine.ts';
import type { Dataset, Hamlet, School } from '../../src/domain/types.ts';
import { rng } from '../bench/data.ts';

const DATA = 'data';

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSiting(argv, { out: (text) => out.push(text), err: (line) => err.push(line) });
  return { code, out, err };
}

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function feature(properties: Record<string, unknown>, lon: number, lat: number): unknown {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] } };
}

/** A few points and towers near Cà Mau town, seeded; `costs` written as costs.json when given. */
function folder(seed: number, points: number, towers: number, costs?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'song-budget-'));
  temps.push(dir);
  cpSync(join(DATA, 'boundaries'), join(dir, 'boundaries'), { recursive: true });
  cpSync(join(DATA, 'programme.json'), join(dir, 'programme.json'));
  const random = rng(seed);
  const int = (max: number): number => Math.floor(random() * (max + 1));
  const at = (): [number, number] => [Number((105 + random() * 0.12).toFixed(5)), Number((9 + random() * 0.12).toFixed(5))];
  const collection = (features: unknown[]): string => JSON.stringify({ type: 'FeatureCollection', features });
  const hamlets = Array.from({ length: points - 2 }, (_, i) => {
    const properties: Record<string, unknown> = { id: `H${i}`, name: `Ấp ${i}`, population: int(3000) };
    if (random() < 0.4) properties.grid_power = random() < 0.5;
    return feature(properties, ...at());
  });
  writeFileSync(join(dir, 'hamlets.geojson'), collection(hamlets));
  const schools = [0, 1].map((j) => feature({ id: `S${j}`, name: `Trường ${j}`, level: 'primary', students: 300 }, ...at()));
  writeFileSync(join(dir, 'schools.geojson'), collection(schools));
  const technologies = ['2G', '3G', '4G', '5G'] as const;
  const towerFeatures = Array.from({ length: towers }, (_, t) =>
    feature({ id: `T${t}`, operator: 'Viettel', status: random() < 0.7 ? 'existing' : 'planned', technology: technologies[int(3)], radius_km: 1 + int(20) / 10 }, ...at()),
  );
  writeFileSync(join(dir, 'towers.geojson'), collection(towerFeatures));
  if (costs !== undefined) writeFileSync(join(dir, 'costs.json'), JSON.stringify(costs));
  return dir;
}

function load(dir: string): Dataset {
  const { dataset, issues } = parseDataset(readDataFolder(dir));
  if (!dataset) throw new Error(issues.map((i) => i.message).join('\n'));
  return dataset;
}

interface Expected {
  cost: Map<string, number>;
  best: number;
  gainOf: (ids: readonly string[]) => number;
}

/** Costs per candidate id and the best gain within the budget (and k), by exhaustive search. */
function expected(dataset: Dataset, budget: number, k: number, radiusKm: number, costs: { site: number; solar: number; perKm: number }): Expected {
  const onAir = towersOnAir(dataset.towers, 'planned');
  const places: (Hamlet | School)[] = [...dataset.hamlets, ...dataset.schools];
  const levels = places.map((p) => pointLevel(p.lon, p.lat, onAir, 'fixedBroadband' in p ? p.fixedBroadband : false));
  const weight = places.map((p, i) => (i < dataset.hamlets.length ? (p as Hamlet).population : 0));
  const candidates = places.map((_, i) => i).filter((i) => levels[i]!.level !== 'good');
  const demand = candidates.filter((i) => weight[i]! > 0);
  const cost = new Map<string, number>();
  for (const i of candidates) {
    const solar = i < dataset.hamlets.length && !(places[i] as Hamlet).gridPower ? costs.solar : 0;
    cost.set(places[i]!.id, costs.site + solar + costs.perKm * (levels[i]!.nearest4gKm ?? 0));
  }
  const index = new Map(places.map((p, i) => [p.id, i]));
  const gainOf = (ids: readonly string[]): number => {
    const sites = ids.map((id) => places[index.get(id)!]!);
    return demand.reduce((sum, d) => (sites.some((s) => haversineKm(s.lon, s.lat, places[d]!.lon, places[d]!.lat) <= radiusKm) ? sum + weight[d]! : sum), 0);
  };
  let best = 0;
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const ids = candidates.filter((_, j) => (mask >> j) & 1).map((i) => places[i]!.id);
    if (ids.length > k || ids.reduce((sum, id) => sum + cost.get(id)!, 0) > budget) continue;
    best = Math.max(best, gainOf(ids));
  }
  return { cost, best, gainOf };
}

function check(report: BudgetReport, want: Expected, budget: number): void {
  expect(report.optimal).toBe(true);
  expect(report.gain).toBe(want.best);
  expect(report.upper_bound).toBeGreaterThanOrEqual(want.best);
  expect(report.total_cost).toBeLessThanOrEqual(budget);
  expect(report.sites.reduce((sum, s) => sum + s.gain, 0)).toBe(want.best);
  report.sites.forEach((site, j) => {
    expect(site.cost).toBe(want.cost.get(site.at_id));
    const before = report.sites.slice(0, j).map((s) => s.at_id);
    expect(site.gain).toBe(want.gainOf([...before, site.at_id]) - want.gainOf(before));
  });
}

describe('npm run siting -- --budget', () => {
  it('on small random folders: every cost and gain exact, within budget, the exhaustive optimum, proven', async () => {
    const DEFAULTS = { site: 1_500_000_000, solar: 400_000_000, perKm: 50_000_000 };
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const own = seed % 2 === 0 ? { site_capex: 1e9 + seed, solar_capex: 7e8, backhaul_per_km: 3.3e7 } : undefined;
      const dir = folder(seed, 13, 3, own);
      const dataset = load(dir);
      const costs = own ? { site: own.site_capex, solar: own.solar_capex, perKm: own.backhaul_per_km } : DEFAULTS;
      for (const [budget, k] of [
        [2e9, undefined],
        [5.5e9, undefined],
        [9e9, 3],
        [4e10, 2],
      ] as const) {
        const argv = ['--data', dir, '--budget', String(budget), '--radius-km', '2'];
        if (k !== undefined) argv.push('--k', String(k));
        const { code, out, err } = await run(argv);
        expect({ code, err: err.filter((l) => !l.startsWith('warning: ')) }).toEqual({ code: 0, err: [] });
        const report = JSON.parse(out[0]!) as BudgetReport;
        expect(report).toMatchObject({ scenario: 'planned', k: k ?? null, budget, currency: 'VND', radius_km: 2, weight: 'population' });
        check(report, expected(dataset, budget, k ?? Infinity, 2, costs), budget);
        expect(report.greedy.gain).toBeLessThanOrEqual(report.gain);
        expect(report.greedy.total_cost).toBeLessThanOrEqual(budget);
      }
    }
  });

  it('no 4G/5G tower on air: backhaul is left out of the costs, and said so', async () => {
    const dir = folder(9, 8, 0);
    const { code, out, err } = await run(['--data', dir, '--budget', '4000000000']);
    expect(code).toBe(0);
    expect(err).toContainEqual(expect.stringMatching(/^warning: no 4G\/5G tower is on air in the planned scenario/));
    const report = JSON.parse(out[0]!) as BudgetReport;
    expect(report.backhaul_priced).toBe(false);
    for (const site of report.sites) {
      expect(site.backhaul_km).toBeNull();
      expect(site.cost).toBe(site.grid_power ? 1_500_000_000 : 1_900_000_000);
    }
    check(report, expected(load(dir), 4e9, Infinity, 4, { site: 1.5e9, solar: 4e8, perKm: 0 }), 4e9);
  });

  it('a bad costs.json: exit 1, nothing on stdout, the file and field named, in Vietnamese with --lang vi', async () => {
    const dir = folder(3, 6, 2, { site_capex: '1.500.000.000', currency: 'đồng', site_capx: 5 });
    const { code, out, err } = await run(['--data', dir, '--budget', '4000000000']);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toContainEqual(expect.stringMatching(/^error: costs\.json: field "site_capex": is "1\.500\.000\.000", must be a number ≥ 0/));
    expect(err).toContainEqual(expect.stringMatching(/^error: costs\.json: field "currency": is "đồng", must be a 3-letter ISO 4217 code/));
    expect(err).toContainEqual(expect.stringMatching(/^warning: costs\.json: field "site_capx": unknown key, ignored/));
    const vi = await run(['--data', dir, '--budget', '4000000000', '--lang', 'vi']);
    expect(vi.code).toBe(1);
    expect(vi.err).toContainEqual(expect.stringMatching(/^error: costs\.json: trường dữ liệu "site_capex": là "1\.500\.000\.000", phải là một số ≥ 0 /));
    expect(vi.err).toContainEqual(expect.stringMatching(/^error: costs\.json: trường dữ liệu "currency": là "đồng", phải là mã tiền tệ ISO 4217/));
    expect(vi.err).toContainEqual(expect.stringMatching(/^warning: costs\.json: trường dữ liệu "site_capx": khóa không được dùng/));
  });

  it('options: --k is optional with --budget; bad amounts and a lone --time-limit are refused', async () => {
    for (const [argv, pattern] of [
      [['--data', DATA, '--budget', '-5'], /--budget "-5" is not an amount ≥ 0/],
      [['--data', DATA, '--budget', '20.000.000.000'], /--budget "20\.000\.000\.000" is not an amount/],
      [['--data', DATA, '--k', '3', '--time-limit', '5'], /--time-limit goes with --budget or --target-pct/],
      [['--data', DATA, '--target-pct', '101'], /--target-pct "101" is not a percentage from 0 to 100/],
      [['--data', DATA, '--target-pct', '90', '--budget', '1e10'], /give one/],
      [['--data', DATA, '--target-pct', '90', '--indicator', 'districts'], /--indicator "districts" is not hamlets, population or schools/],
      [['--data', DATA, '--k', '3', '--indicator', 'schools'], /--indicator goes with --target-pct/],
      [['--data', DATA, '--budget', '1e10', '--time-limit', '0'], /--time-limit "0" is not a positive number of seconds/],
      [['--data', DATA, '--target-pct', '90', '--schedule', '2021-13'], /--schedule "2021-13" is not a month YYYY-MM/],
      [['--data', DATA, '--budget', '1e10', '--schedule', '2021-10'], /--schedule goes with --target-pct/],
      [['--data', DATA, '--target-pct', '90', '--schedule', '2021-10', '--per-month', '0'], /--per-month "0" is not a positive whole number/],
      [['--data', DATA, '--target-pct', '90', '--per-month', '2'], /--per-month goes with --schedule/],
    ] as const) {
      const { code, out, err } = await run([...argv]);
      expect({ code, out }).toEqual({ code: 1, out: [] });
      expect(err).toContainEqual(expect.stringMatching(pattern));
    }
  });
});

describe('npm run siting -- --target-pct (extension)', () => {
  it('the cheapest sites reaching the target on small random folders, or a note that none can', async () => {
    for (const seed of [11, 12, 13]) {
      const dir = folder(seed, 12, 3);
      const dataset = load(dir);
      const want = expected(dataset, Infinity, Infinity, 2, { site: 1.5e9, solar: 4e8, perKm: 5e7 });
      for (const [indicator, targetPct] of [
        ['hamlets', 60],
        ['population', 75],
        ['schools', 100],
      ] as const) {
        const { code, out, err } = await run(['--data', dir, '--target-pct', String(targetPct), '--indicator', indicator, '--radius-km', '2']);
        expect(code).toBe(0);
        const report = JSON.parse(out[0]!) as TargetReport;
        expect(report).toMatchObject({ mode: 'target', indicator, target_pct: targetPct, optimal: true });
        if (!report.feasible) {
          expect(err).toContainEqual(expect.stringMatching(/^note: .* cannot reach/));
          continue;
        }
        expect(report.reached_pct).toBeGreaterThanOrEqual(targetPct);
        for (const site of report.sites) expect(site.cost).toBe(want.cost.get(site.at_id));
        expect(report.lower_bound).toBeLessThanOrEqual(report.total_cost);
      }
    }
  });
});

describe('npm run siting -- --target-pct --schedule (extension)', () => {
  it('builds the bundled 100 % of hamlets two sites a month from October 2021, reaching it in December', async () => {
    const { code, out } = await run(['--data', DATA, '--target-pct', '100', '--indicator', 'hamlets', '--schedule', '2021-10', '--per-month', '2']);
    expect(code).toBe(0);
    const report = JSON.parse(out[0]!) as Omit<TargetReport, 'sites'> & {
      schedule: { start: string; per_month: number; target_month: string | null; months: { month: string; sites: number; cost: number; good: number; pct: number }[] };
      sites: (TargetReport['sites'][number] & { month: string })[];
    };
    expect(report.sites.map((s) => s.month)).toEqual(['2021-10', '2021-10', '2021-11', '2021-11', '2021-12']);
    expect(report.schedule).toMatchObject({ start: '2021-10', per_month: 2, target_month: '2021-12' });
    // Month by month: the sites of the month, their cost, and the running count of good hamlets.
    let good = report.baseline_good;
    for (const month of report.schedule.months) {
      const built = report.sites.filter((s) => s.month === month.month);
      good += built.reduce((sum, s) => sum + s.gain, 0);
      expect(month).toEqual({ month: month.month, sites: built.length, cost: built.reduce((sum, s) => sum + s.cost, 0), good, pct: (100 * good) / report.total });
    }
    expect(good).toBe(report.total);
  });
});
