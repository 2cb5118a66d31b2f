// The worker's coverage session over the bundled data, against the brute-force oracle.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pointLevel, towersOnAir } from '../../src/domain/coverage/brute-force.ts';
import { LEVEL_NAMES } from '../../src/domain/coverage/columns.ts';
import { pointInGeometry } from '../../src/domain/geo/polygon.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { CoverageSession } from '../../src/worker/compute.ts';

function bundled(): Dataset {
  const files = readdirSync('data', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(geojson|csv|json)$/.test(f))
    .map((path) => ({ path, text: readFileSync(`data/${path}`, 'utf8') }));
  const { dataset } = parseDataset(files);
  if (!dataset) throw new Error('bundled data does not parse');
  return dataset;
}

const dataset = bundled();
const session = new CoverageSession(dataset);

describe.each(['current', 'planned', '2021-10-15'])('CoverageSession, scenario %s', (scenario) => {
  const result = session.coverage(7, scenario);
  const onAir = towersOnAir(dataset.towers, scenario);
  const points = [
    ...dataset.hamlets.map((h) => ({ lon: h.lon, lat: h.lat, fixed: false })),
    ...dataset.schools.map((s) => ({ lon: s.lon, lat: s.lat, fixed: s.fixedBroadband })),
  ];

  it('gives every point the oracle level, nearest tower and distance', () => {
    expect(result.requestId).toBe(7);
    expect(result.level.length).toBe(points.length);
    points.forEach((p, i) => {
      const expected = pointLevel(p.lon, p.lat, onAir, p.fixed);
      expect(LEVEL_NAMES[result.level[i] as number]).toBe(expected.level);
      const tower = dataset.towers[result.nearestTower[i] as number];
      expect(tower?.id ?? null).toBe(expected.nearest4gId);
      expect(Number.isNaN(result.nearestKm[i]) ? null : result.nearestKm[i]).toBe(expected.nearest4gKm);
    });
  });

  it('sums districts and totals the way a plain loop does', () => {
    const district = (lon: number, lat: number) => dataset.districts.findIndex((d) => pointInGeometry(lon, lat, d.geometry));
    const hamletsGood = dataset.hamlets.filter((_, i) => result.level[i] === 2);
    const { hamlets, schools, areas } = result.figures;
    expect(hamlets.total).toBe(dataset.hamlets.length);
    expect(hamlets.good).toBe(hamletsGood.length);
    expect(hamlets.population_good).toBe(hamletsGood.reduce((sum, h) => sum + h.population, 0));
    dataset.districts.forEach((_, k) => {
      const inside = dataset.hamlets.filter((h) => district(h.lon, h.lat) === k);
      expect(areas[k]?.hamlets).toBe(inside.length);
      expect(areas[k]?.hamlets_good).toBe(inside.filter((h) => hamletsGood.includes(h)).length);
    });
    const schoolsGood = dataset.schools.filter((_, j) => result.level[dataset.hamlets.length + j] === 2);
    expect(schools.good).toBe(schoolsGood.length);
    expect(schools.students_good).toBe(schoolsGood.reduce((sum, s) => sum + s.students, 0));
    expect(hamlets.good + hamlets.weak + hamlets.none).toBe(dataset.hamlets.length);
  });
});

describe('CoverageSession radius range', () => {
  const session = new CoverageSession(bundled());
  it('matches the oracle with every radius scaled, and grows with the radius', () => {
    const data = bundled();
    const figures = session.coverage(1, 'planned').figures;
    expect(session.radiusFigures('planned', 1)).toEqual(figures);
    const good = (factor: number) => session.radiusFigures('planned', factor).hamlets.good;
    const oracle = (factor: number) => {
      const scaled = towersOnAir(data.towers, 'planned').map((t) => ({ ...t, radiusKm: t.radiusKm * factor }));
      return data.hamlets.filter((h) => pointLevel(h.lon, h.lat, scaled, false).level === 'good').length;
    };
    for (const factor of [0.75, 1.25]) expect(good(factor)).toBe(oracle(factor));
    expect(good(0.75)).toBeLessThanOrEqual(good(1));
    expect(good(1)).toBeLessThanOrEqual(good(1.25));
  });
});
