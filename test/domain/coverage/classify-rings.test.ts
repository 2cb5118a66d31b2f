// Adversarial placements against the ring search's stopping rule: the nearest tower, or the
// only tower that covers a point, lies a hair outside the block of cells the point scans
// first, while a decoy inside the block is a hair farther. A lower bound that is too high by
// even a millionth would stop the search early and miss it.
import { describe, expect, it } from 'vitest';
import type { Hamlet, Tower } from '../../../src/domain/types.ts';
import { onAirTowers, pointColumns } from '../../../src/domain/coverage/columns.ts';
import { buildCoverageIndex } from '../../../src/domain/coverage/classify.ts';
import type { TowerGrid } from '../../../src/domain/coverage/grid.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import { randomTowers, rng } from '../../bench/data.ts';
import { compareWithOracle, destination, hamlet } from './classify-helpers.ts';

type Side = 'north' | 'south' | 'east' | 'west';

interface Trial {
  towers: Tower[];
  point: Hamlet;
  side: Side;
}

const BOX = { name: 'Cà Mau', west: 104.7, east: 105.5, south: 8.4, north: 9.6 };
const DECOY = 1 + 1e-6;

/**
 * Towers over Cà Mau, then for random points: tower X just outside the 3×3 block of the
 * point's cell on one side (the block the search scans first), decoy Y inside the block
 * DECOY × farther, and every other 4G/5G tower nearer than X moved away (onto the tower
 * farthest from the point, so the towers' bounding box, count and hence grid stay the same).
 * For 'good' (4G) and 'weak' (3G), every tower's radius is X's distance: X covers the point
 * exactly at its radius, and no other tower covers it.
 */
function trials(seed: number, count: number, mode: 'nearest' | 'good' | 'weak'): { trials: Trial[]; grid: TowerGrid } {
  const random = rng(seed);
  const technology = mode === 'weak' ? ('3G' as const) : ('4G' as const);
  const base: Tower[] = randomTowers(seed, 600, BOX).map((t) => ({ ...t, technology, radiusKm: 0.5 }));
  // Two spare towers inside the box, moved to X and Y later.
  base.push({ ...(base[0] as Tower), id: 'X', lon: 105.1, lat: 9.0 }, { ...(base[0] as Tower), id: 'Y', lon: 105.1, lat: 9.0 });
  const probe = pointColumns([hamlet('P', 105.1, 9.0)], []);
  const gridOf = (towers: Tower[], points = probe): TowerGrid => {
    const index = buildCoverageIndex(points, onAirTowers(towers, 'current'));
    return mode === 'weak' ? index.narrowband : index.broadband;
  };
  const grid = gridOf(base);
  const out: Trial[] = [];
  const sides: Side[] = ['north', 'south', 'east', 'west'];
  for (let attempt = 0; out.length < count && attempt < count * 20; attempt++) {
    const lon = 104.85 + random() * 0.5;
    const lat = 8.6 + random() * 0.8;
    const cx = Math.floor((lon - grid.x0) / grid.cellLon);
    const cy = Math.floor((lat - grid.y0) / grid.cellLat);
    // The side of the block nearest the point: there the search's bound is tightest.
    const kmPerDeg = haversineKm(0, 0, 0, 1);
    const cosLat = Math.cos((lat * Math.PI) / 180);
    const gaps = [
      grid.y0 + (cy + 2) * grid.cellLat - lat,
      lat - (grid.y0 + (cy - 1) * grid.cellLat),
      (grid.x0 + (cx + 2) * grid.cellLon - lon) * cosLat,
      (lon - (grid.x0 + (cx - 1) * grid.cellLon)) * cosLat,
    ].map((g) => g * kmPerDeg);
    const side = sides[gaps.indexOf(Math.min(...gaps))] as Side;
    const eps = 1e-9;
    const x: [number, number] =
      side === 'north'
        ? [lon, grid.y0 + (cy + 2) * grid.cellLat + eps]
        : side === 'south'
          ? [lon, grid.y0 + (cy - 1) * grid.cellLat - eps]
          : side === 'east'
            ? [grid.x0 + (cx + 2) * grid.cellLon + eps, lat]
            : [grid.x0 + (cx - 1) * grid.cellLon - eps, lat];
    const dX = haversineKm(lon, lat, x[0], x[1]);
    // The decoy: a bearing that keeps it inside the block.
    let y: [number, number] | undefined;
    for (let b = 0; b < 360 && y === undefined; b += 3) {
      const at = destination(lon, lat, b, dX * DECOY);
      const inX = Math.floor((at[0] - grid.x0) / grid.cellLon);
      const inY = Math.floor((at[1] - grid.y0) / grid.cellLat);
      if (Math.abs(inX - cx) <= 1 && Math.abs(inY - cy) <= 1 && haversineKm(lon, lat, at[0], at[1]) > dX) y = at;
    }
    if (y === undefined) continue;
    let far = base[0] as Tower;
    for (const t of base) if (haversineKm(lon, lat, t.lon, t.lat) > haversineKm(lon, lat, far.lon, far.lat)) far = t;
    const towers = base.map((t): Tower => {
      if (t.id === 'X') return { ...t, lon: x[0], lat: x[1] };
      if (t.id === 'Y') return { ...t, lon: (y as [number, number])[0], lat: (y as [number, number])[1] };
      if (haversineKm(lon, lat, t.lon, t.lat) <= dX * 1.001) return { ...t, lon: far.lon, lat: far.lat };
      return t;
    });
    if (mode !== 'nearest') for (const t of towers) t.radiusKm = dX;
    const point = hamlet(`P${attempt}`, lon, lat);
    // The 2G/3G grid's cells grow with the radius; keep the trials where they did not.
    if (!sameGrid(gridOf(towers, pointColumns([point], [])), grid)) continue;
    out.push({ towers, point, side });
  }
  return { trials: out, grid };
}

function sameGrid(a: TowerGrid, b: TowerGrid): boolean {
  return a.x0 === b.x0 && a.y0 === b.y0 && a.cellLon === b.cellLon && a.cellLat === b.cellLat && a.nx === b.nx && a.ny === b.ny;
}

describe('classify: the ring search does not stop early', () => {
  it('finds the nearest 4G/5G just outside the first block, past a decoy inside it a millionth farther', () => {
    const { trials: all } = trials(31, 80, 'nearest');
    expect(all.length).toBe(80);
    const sides = new Set<Side>();
    for (const { towers, point, side } of all) {
      const { wrong } = compareWithOracle(towers, [point], [], 'current');
      expect(wrong).toEqual([]);
      sides.add(side);
    }
    expect(sides.size).toBe(4);
  });

  it('finds the only tower that covers a point, just outside the first block, at exactly its radius', () => {
    const { trials: all } = trials(32, 80, 'good');
    expect(all.length).toBe(80);
    for (const { towers, point } of all) {
      const { wrong, levels } = compareWithOracle(towers, [point], [], 'current');
      expect(wrong).toEqual([]);
      expect(levels.good).toBe(1);
    }
  });

  it('the same with 2G/3G towers in their own grid: the only one that covers is just outside', () => {
    const { trials: all } = trials(33, 80, 'weak');
    expect(all.length).toBeGreaterThanOrEqual(60);
    for (const { towers, point } of all) {
      const { wrong, levels } = compareWithOracle(towers, [point], [], 'current');
      expect(wrong).toEqual([]);
      expect(levels.weak).toBe(1);
    }
  });
});
