// `npm run siting` with candidates.geojson (issue 18 item 6): sites only at the candidate
// places (or also at the points not good), each place's cost_vnd over the computed cost, and
// the budget and target answers equal to an exhaustive search written out here on small
// seeded instances.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSiting } from '../../src/cli/siting.ts';
import type { BudgetReport, TargetReport } from '../../src/cli/siting-budget.ts';
import { haversineKm } from '../../src/domain/geo/haversine.ts';
import { rng } from '../bench/data.ts';

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

const feature = (properties: Record<string, unknown>, lon: number, lat: number) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] } });
const collection = (features: unknown[]): string => JSON.stringify({ type: 'FeatureCollection', features });

interface Instance {
  dir: string;
  hamlets: { lon: number; lat: number; population: number }[];
  places: { id: string; lon: number; lat: number; cost: number }[];
}

/** Hamlets near Cà Mau town with no 4G/5G reaching them (one 2G tower far off), every computed site cost 100. */
function instance(seed: number, hamletCount: number, placeCount: number, candidates?: string): Instance {
  const dir = mkdtempSync(join(tmpdir(), 'song-candidates-'));
  temps.push(dir);
  cpSync(join('data', 'boundaries'), join(dir, 'boundaries'), { recursive: true });
  cpSync(join('data', 'programme.json'), join(dir, 'programme.json'));
  const random = rng(seed);
  const at = (): [number, number] => [Number((105.1 + random() * 0.08).toFixed(5)), Number((9.1 + random() * 0.08).toFixed(5))];
  const hamlets = Array.from({ length: hamletCount }, () => {
    const [lon, lat] = at();
    return { lon, lat, population: 1 + Math.floor(random() * 1000) };
  });
  writeFileSync(join(dir, 'hamlets.geojson'), collection(hamlets.map((h, i) => feature({ id: `H${i}`, name: `Ấp ${i}`, population: h.population, grid_power: true }, h.lon, h.lat))));
  writeFileSync(join(dir, 'schools.geojson'), collection([]));
  writeFileSync(join(dir, 'towers.geojson'), collection([feature({ id: 'T0', operator: 'Viettel', status: 'existing', technology: '2G', radius_km: 1 }, 105.0, 9.0)]));
  writeFileSync(join(dir, 'costs.json'), JSON.stringify({ site_capex: 100, solar_capex: 0, backhaul_per_km: 0 }));
  const places = Array.from({ length: placeCount }, (_, j) => {
    const [lon, lat] = at();
    return { id: `UV-${j}`, lon, lat, cost: j % 2 === 0 ? 100 : 10 * (1 + Math.floor(random() * 9)) };
  });
  const text = candidates ?? collection(places.map((p, j) => feature(j % 2 === 0 ? { id: p.id } : { id: p.id, name: `Nơi ${j}`, cost_vnd: p.cost }, p.lon, p.lat)));
  writeFileSync(join(dir, 'candidates.geojson'), text);
  return { dir, hamlets, places };
}

function gainOf(c: Instance, sites: readonly { lon: number; lat: number }[], radiusKm: number): number {
  return c.hamlets.reduce((sum, h) => (sites.some((s) => haversineKm(s.lon, s.lat, h.lon, h.lat) <= radiusKm) ? sum + h.population : sum), 0);
}

/** The best gain over every subset of the places within the budget. */
function exhaustive(c: Instance, budget: number, radiusKm: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << c.places.length; mask++) {
    const chosen = c.places.filter((_, j) => (mask >> j) & 1);
    if (chosen.reduce((sum, p) => sum + p.cost, 0) > budget) continue;
    best = Math.max(best, gainOf(c, chosen, radiusKm));
  }
  return best;
}

/** The cheapest subset of the places bringing the hamlets good (none is to start with) to `pct` % (Infinity: none can). */
function cheapestToTarget(c: Instance, pct: number, radiusKm: number): number {
  let best = Infinity;
  for (let mask = 0; mask < 1 << c.places.length; mask++) {
    const chosen = c.places.filter((_, j) => (mask >> j) & 1);
    const good = c.hamlets.filter((h) => chosen.some((s) => haversineKm(s.lon, s.lat, h.lon, h.lat) <= radiusKm)).length;
    if (good * 100 >= pct * c.hamlets.length) best = Math.min(best, chosen.reduce((sum, p) => sum + p.cost, 0));
  }
  return best;
}

describe('siting with candidates.geojson', () => {
  it('target mode: only the places, which count as no hamlet; the cheapest cost equals exhaustive search (seeded instances)', async () => {
    let reached = 0;
    for (let seed = 11; seed <= 18; seed++) {
      const c = instance(seed, 10, 7);
      const pct = 30 + (seed % 4) * 15;
      const { code, out, err } = await run(['--data', c.dir, '--target-pct', String(pct), '--indicator', 'hamlets', '--radius-km', '2']);
      expect(err.filter((line) => line.startsWith('error')), `seed ${seed}`).toEqual([]);
      expect(code).toBe(0);
      const report = JSON.parse(out.join('\n')) as TargetReport;
      expect(report.total, 'the places are not hamlets').toBe(c.hamlets.length);
      expect(report.baseline_good).toBe(0);
      const best = cheapestToTarget(c, pct, 2);
      expect(report.feasible, `seed ${seed}`).toBe(best !== Infinity);
      if (best === Infinity) continue;
      reached++;
      expect(report.optimal).toBe(true);
      expect(report.total_cost).toBeCloseTo(best, 6);
      expect((report.baseline_good + report.gain) * 100).toBeGreaterThanOrEqual(pct * report.total);
      for (const site of report.sites) {
        expect(site.kind).toBe('candidate');
        expect(c.places.some((p) => p.id === site.at_id)).toBe(true);
      }
    }
    expect(reached, 'most seeds reach their target').toBeGreaterThanOrEqual(4);
  });

  it('target mode with --candidate-use also: never dearer than the places alone', async () => {
    const c = instance(21, 10, 5);
    const only = JSON.parse((await run(['--data', c.dir, '--target-pct', '40', '--indicator', 'hamlets', '--radius-km', '2'])).out.join('\n')) as TargetReport;
    const also = JSON.parse((await run(['--data', c.dir, '--target-pct', '40', '--indicator', 'hamlets', '--radius-km', '2', '--candidate-use', 'also'])).out.join('\n')) as TargetReport;
    expect(also.feasible).toBe(true);
    if (only.feasible) expect(also.total_cost).toBeLessThanOrEqual(only.total_cost + 1e-6);
  });

  it('budget mode: only the places, their cost_vnd, the exhaustive optimum (seeded instances)', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const c = instance(seed, 14, 8);
      const budget = 150 + seed * 20;
      const { code, out, err } = await run(['--data', c.dir, '--budget', String(budget), '--radius-km', '2']);
      expect(err.filter((line) => line.startsWith('error')), `seed ${seed}`).toEqual([]);
      expect(code).toBe(0);
      const report = JSON.parse(out.join('\n')) as BudgetReport;
      expect(report.optimal).toBe(true);
      expect(report.gain).toBe(exhaustive(c, budget, 2));
      expect(report.upper_bound).toBeGreaterThanOrEqual(report.gain);
      expect(report.total_cost).toBeLessThanOrEqual(budget);
      for (const site of report.sites) {
        const place = c.places.find((p) => p.id === site.at_id);
        expect(place, site.at_id).toBeDefined();
        expect(site.kind).toBe('candidate');
        expect(site.cost).toBe(place!.cost);
      }
      expect(report.candidates).toBe(c.places.length);
      expect(report.sites.length).toBeGreaterThan(0);
    }
  });

  it('--candidate-use also: the places and the points not good; the answer is never worse than with the places only', async () => {
    const c = instance(9, 12, 4);
    const only = JSON.parse((await run(['--data', c.dir, '--budget', '200', '--radius-km', '2'])).out.join('\n')) as BudgetReport;
    const also = JSON.parse((await run(['--data', c.dir, '--budget', '200', '--radius-km', '2', '--candidate-use', 'also'])).out.join('\n')) as BudgetReport;
    expect(also.candidates).toBe(c.places.length + c.hamlets.length);
    expect(also.gain).toBeGreaterThanOrEqual(only.gain);
  });

  it('k mode: the greedy picks only places', async () => {
    const c = instance(3, 12, 5);
    const { code, out } = await run(['--data', c.dir, '--k', '2', '--radius-km', '2']);
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n')) as { sites: { at_id: string; kind: string }[] };
    expect(report.sites.length).toBeGreaterThan(0);
    for (const site of report.sites) expect([site.kind, c.places.some((p) => p.id === site.at_id)]).toEqual(['candidate', true]);
  });

  it('a bad file stops the run with the problems said in Vietnamese or English', async () => {
    const bad = collection([feature({ id: 'A' }, 105.1, 9.1), feature({ id: 'A', cost_vnd: '1.500.000.000' }, 105.2, 9.1), { type: 'Feature', properties: { id: 'B' }, geometry: null }]);
    const c = instance(2, 5, 0, bad);
    const vi = await run(['--data', c.dir, '--budget', '100', '--lang', 'vi']);
    expect(vi.code).toBe(1);
    expect(vi.err.join('\n')).toContain('các mã phải khác nhau');
    expect(vi.err.join('\n')).toContain('kinh độ, vĩ độ');
    const en = await run(['--data', c.dir, '--budget', '100', '--lang', 'en']);
    expect(en.err.join('\n')).toContain('ids must be unique');
  });
});
