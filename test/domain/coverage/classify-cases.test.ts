// classify on hand-made cases: the traps of the coverage rules, empty and degenerate inputs,
// points on the grid's own cell edges, a large random dataset, and input immutability.
import { describe, expect, it } from 'vitest';
import type { Hamlet, School, Tower } from '../../../src/domain/types.ts';
import type { PointColumns, TowerColumns } from '../../../src/domain/coverage/columns.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK, onAirTowers, pointColumns } from '../../../src/domain/coverage/columns.ts';
import { buildCoverageIndex, classify } from '../../../src/domain/coverage/classify.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import { randomPoints, randomTowers, rng } from '../../bench/data.ts';
import { compareWithOracle, destination, hamlet, school, tower } from './classify-helpers.ts';

const LON = 105;
const LAT = 9;

/** classify on plain objects in the current scenario. */
function run(towers: readonly Tower[], hamlets: readonly Hamlet[], schools: readonly School[] = []) {
  const columns = onAirTowers(towers, 'current');
  return { columns, result: classify(pointColumns(hamlets, schools), columns) };
}

function expectOracle(towers: readonly Tower[], hamlets: readonly Hamlet[], schools: readonly School[] = [], scenario = 'current'): void {
  const { wrong, count } = compareWithOracle(towers, hamlets, schools, scenario);
  expect(wrong).toEqual([]);
  expect(count).toBe(hamlets.length + schools.length);
}

/** The largest double below x > 0. */
function below(x: number): number {
  const f = new Float64Array([x]);
  const b = new BigInt64Array(f.buffer);
  b[0] = (b[0] as bigint) - 1n;
  return f[0] as number;
}

describe('classify: the coverage rules', () => {
  it('good when ANY 4G/5G covers, not only the nearest: a 5G 2 km off (1.5 km) and a 4G 3.5 km off (4 km)', () => {
    const [lon5, lat5] = destination(LON, LAT, 0, 2);
    const [lon4, lat4] = destination(LON, LAT, 180, 3.5);
    const towers = [tower('A', lon5, lat5, '5G'), tower('B', lon4, lat4, '4G')];
    const { result } = run(towers, [hamlet('H', LON, LAT)]);
    expect(result.level[0]).toBe(LEVEL_GOOD);
    expect(result.nearest4g[0]).toBe(0);
    expect(result.nearest4gKm[0]).toBe(haversineKm(LON, LAT, lon5, lat5));
    // Without the 4G, the nearest 5G alone does not cover.
    expect(run([towers[0] as Tower], [hamlet('H', LON, LAT)]).result.level[0]).toBe(LEVEL_NONE);
  });

  it('a wide tower far from the point covers it while hundreds of small ones near it do not', () => {
    const random = rng(7);
    const towers: Tower[] = [];
    for (let j = 0; j < 400; j++) {
      towers.push(tower(`S${j}`, 104.7 + random() * 0.8, 8.4 + random() * 1.2, '4G', { radiusKm: 0.3 }));
    }
    const [lonW, latW] = destination(LON, LAT, 45, 40);
    towers.push(tower('WIDE', lonW, latW, '4G', { radiusKm: 45 }));
    towers.push(tower('WIDE-2G', lonW, latW, '2G', { radiusKm: 60 }));
    const hamlets = [hamlet('H1', LON, LAT), ...Array.from({ length: 200 }, (_, i) => hamlet(`R${i}`, 104.7 + random() * 0.8, 8.4 + random() * 1.2))];
    const index = buildCoverageIndex(pointColumns(hamlets, []), onAirTowers(towers, 'current'));
    expect(index.broadbandWide.length).toBe(1); // the 45 km tower is checked one by one
    expect(run(towers, hamlets).result.level[0]).toBe(LEVEL_GOOD);
    expectOracle(towers, hamlets);
    // Take the 4G away: the 2G's 60 km makes it weak.
    const without = towers.filter((t) => t.id !== 'WIDE');
    expect(run(without, hamlets).result.level[0]).toBe(LEVEL_WEAK);
    expectOracle(without, hamlets);
  });

  it('the radius is inclusive, to the last bit of the haversine distance', () => {
    const [lon, lat] = destination(LON, LAT, 33, 3.7);
    const km = haversineKm(lon, lat, LON, LAT);
    const on = run([tower('T', LON, LAT, '4G', { radiusKm: km })], [hamlet('H', lon, lat)]).result;
    expect(on.level[0]).toBe(LEVEL_GOOD);
    expect(on.nearest4gKm[0]).toBe(km);
    const off = run([tower('T', LON, LAT, '4G', { radiusKm: below(km) })], [hamlet('H', lon, lat)]).result;
    expect(off.level[0]).toBe(LEVEL_NONE);
    const weak = run([tower('T', LON, LAT, '3G', { radiusKm: km })], [hamlet('H', lon, lat)]).result;
    expect(weak.level[0]).toBe(LEVEL_WEAK);
    expect(weak.nearest4g[0]).toBe(-1);
  });

  it('radius 0 covers a point on the tower only', () => {
    const towers = [tower('T', LON, LAT, '4G', { radiusKm: 0 })];
    const [lon, lat] = destination(LON, LAT, 90, 1e-9);
    const { result } = run(towers, [hamlet('on', LON, LAT), hamlet('near', lon, lat)]);
    expect(Array.from(result.level)).toEqual([LEVEL_GOOD, LEVEL_NONE]);
    expect(result.nearest4gKm[0]).toBe(0);
    expect(result.nearest4gKm[1]).toBeGreaterThan(0);
  });

  it('ties go to the first tower in input order; towers off air do not count', () => {
    const towers = [
      tower('planned-first', LON + 0.01, LAT, '4G', { status: 'planned' }),
      tower('second', LON + 0.01, LAT, '5G'),
      tower('third', LON + 0.01, LAT, '4G'),
      tower('mirror', LON - 0.01, LAT, '4G'),
    ];
    const { columns, result } = run(towers, [hamlet('H', LON, LAT)]);
    expect(towers[columns.towerIndex[result.nearest4g[0] as number] as number]?.id).toBe('second');
    expectOracle(towers, [hamlet('H', LON, LAT)]);
    expectOracle(towers, [hamlet('H', LON, LAT)], [], 'planned');
    // Many towers on one spot, and points on it and around it.
    const pile = Array.from({ length: 30 }, (_, j) => tower(`P${String(j).padStart(3, '0')}`, LON, LAT, j % 3 === 0 ? '3G' : '4G', { radiusKm: j % 5 }));
    const around = Array.from({ length: 40 }, (_, i) => hamlet(`A${i}`, ...destination(LON, LAT, i * 9, i * 0.1)));
    expectOracle(pile, around);
  });

  it('fixed broadband: good with no tower at all, and the nearest 4G is still reported', () => {
    const none = run([], [], [school('S', LON, LAT, true), school('T', LON, LAT, false)]).result;
    expect(Array.from(none.level)).toEqual([LEVEL_GOOD, LEVEL_NONE]);
    expect(Array.from(none.nearest4g)).toEqual([-1, -1]);
    expect(none.nearest4gKm.every(Number.isNaN)).toBe(true);
    const [lon, lat] = destination(LON, LAT, 10, 25);
    const far = run([tower('F', lon, lat, '4G')], [], [school('S', LON, LAT, true)]).result;
    expect(far.level[0]).toBe(LEVEL_GOOD);
    expect(far.nearest4g[0]).toBe(0);
    expect(far.nearest4gKm[0]).toBe(haversineKm(LON, LAT, lon, lat));
  });
});

describe('classify: empty and degenerate inputs', () => {
  it('no points', () => {
    const result = classify(pointColumns([], []), onAirTowers([tower('T', LON, LAT, '4G')], 'current'));
    expect([result.level.length, result.nearest4g.length, result.nearest4gKm.length]).toEqual([0, 0, 0]);
  });

  it('no towers: none, -1, NaN', () => {
    const { result } = run([], [hamlet('A', LON, LAT), hamlet('B', -70, 40)]);
    expect(Array.from(result.level)).toEqual([LEVEL_NONE, LEVEL_NONE]);
    expect(Array.from(result.nearest4g)).toEqual([-1, -1]);
    expect(Array.from(result.nearest4gKm).every(Number.isNaN)).toBe(true);
  });

  it('2G/3G only: weak or none, and no nearest 4G', () => {
    const towers = [tower('A', LON, LAT, '2G'), tower('B', LON + 0.2, LAT, '3G')];
    const points = [hamlet('in', LON + 0.05, LAT), hamlet('out', LON + 0.5, LAT + 0.5)];
    const { result } = run(towers, points);
    expect(Array.from(result.level)).toEqual([LEVEL_WEAK, LEVEL_NONE]);
    expect(Array.from(result.nearest4g)).toEqual([-1, -1]);
    expectOracle(towers, points);
  });

  it('a single tower, and points the world over', () => {
    const towers = [tower('T', LON, LAT, '4G', { radiusKm: 3000 })];
    const random = rng(11);
    const points = Array.from({ length: 300 }, (_, i) => hamlet(`W${i}`, random() * 360 - 180, random() * 180 - 90));
    points.push(hamlet('N', 0, 90), hamlet('S', 0, -90), hamlet('E', 180, 0), hamlet('W', -180, 0), hamlet('X', -75, -9));
    expectOracle(towers, points);
    const { result } = run(towers, points);
    expect(result.level.includes(LEVEL_GOOD)).toBe(true);
    expect(result.level.includes(LEVEL_NONE)).toBe(true);
  });

  it('radii beyond half the Earth, many of them, and points they do not reach', () => {
    const random = rng(13);
    const towers: Tower[] = [];
    for (let j = 0; j < 600; j++) {
      const technology = j % 2 === 0 ? '3G' : '4G';
      towers.push(tower(`G${j}`, 100 + random() * 20, random() * 20, technology, { radiusKm: j % 3 === 0 ? 1 : 13000 + random() * 1000 }));
    }
    towers.push(tower('INF', 110, 10, '2G', { radiusKm: Infinity }));
    const points = Array.from({ length: 200 }, (_, i) => hamlet(`W${i}`, random() * 360 - 180, random() * 180 - 90));
    points.push(hamlet('antipode', -70, -10), hamlet('near', 110, 10));
    expectOracle(towers, points);
    expectOracle(towers.filter((t) => t.id !== 'INF'), points);
    const narrow = towers.filter((t) => t.technology === '3G' && t.id !== 'INF');
    expectOracle(narrow, points);
    const levels = run(narrow, points).result.level;
    expect(levels.includes(LEVEL_WEAK) && levels.includes(LEVEL_NONE)).toBe(true);
  });

  it('longitudes written beyond ±180°', () => {
    const towers = [tower('T1', 185, 10, '4G', { radiusKm: 50 }), tower('T2', -175.2, 10, '3G', { radiusKm: 80 }), tower('T3', 540, 0, '5G')];
    const points = [hamlet('A', -175, 10), hamlet('B', 185.3, 10.1), hamlet('C', -180, 0), hamlet('D', 0, 0), hamlet('E', -174, 10.3)];
    expectOracle(towers, points);
  });

  it('input the contract rules out gets the plain loop: NaN coordinates, latitudes beyond 90°', () => {
    const good = [tower('A', LON, LAT, '4G'), tower('B', LON + 0.1, LAT, '3G')];
    const points = [hamlet('ok', LON + 0.01, LAT), hamlet('nan', Number.NaN, LAT), hamlet('pole+', LON, 91), hamlet('inf', Infinity, LAT)];
    expectOracle(good, points, [school('S', Number.NaN, 9, true)]);
    const bad = [...good, tower('NaN', LON, Number.NaN, '4G'), tower('C', LON + 0.02, LAT, '5G')];
    expectOracle(bad, points);
  });
});

describe('classify: the grid', () => {
  it('points exactly on the cell edges and corners of both grids, and one ulp either side', () => {
    const towers = randomTowers(5, 600, { name: 'box', west: 104.7, east: 105.5, south: 8.4, north: 9.6 });
    for (const [j, t] of towers.entries()) {
      if (j % 7 === 0) t.radiusKm = [0, 0.7, 2.3, 6][j % 4];
    }
    const columns = onAirTowers(towers, 'current');
    const probe: PointColumns = pointColumns([hamlet('P', 105, 9)], []);
    const index = buildCoverageIndex(probe, columns);
    const hamlets: Hamlet[] = [];
    const ulp = (x: number, d: number): number => {
      const f = new Float64Array([x]);
      const b = new BigInt64Array(f.buffer);
      b[0] = (b[0] as bigint) + BigInt(d * Math.sign(x || 1));
      return f[0] as number;
    };
    for (const g of [index.broadband, index.narrowband]) {
      for (let cx = 0; cx <= g.nx; cx += Math.max(1, Math.floor(g.nx / 12))) {
        for (let cy = 0; cy <= g.ny; cy += Math.max(1, Math.floor(g.ny / 12))) {
          const lon = g.x0 + cx * g.cellLon;
          const lat = g.y0 + cy * g.cellLat;
          for (const d of [-1, 0, 1]) {
            hamlets.push(hamlet(`E${hamlets.length}`, ulp(lon, d), lat), hamlet(`E${hamlets.length + 1}`, lon, ulp(lat, d)));
          }
          // Mid-edge points too.
          hamlets.push(hamlet(`M${hamlets.length}`, lon + g.cellLon / 2, lat), hamlet(`M${hamlets.length + 1}`, lon, lat + g.cellLat / 2));
        }
      }
    }
    // The points must not move the grid: same frame, same cells.
    const again = buildCoverageIndex(pointColumns(hamlets, []), columns);
    expect([again.broadband.x0, again.broadband.cellLon, again.broadband.nx]).toEqual([index.broadband.x0, index.broadband.cellLon, index.broadband.nx]);
    expect(hamlets.length).toBeGreaterThan(500);
    expectOracle(towers, hamlets);
  });

  it('a large random dataset (4k points × 2k towers over the Mekong delta)', () => {
    const extent = { name: 'Mekong', west: 104.4, east: 106.8, south: 8.4, north: 11.0 };
    const towers = randomTowers(21, 2000, extent);
    for (const [j, t] of towers.entries()) {
      if (j % 11 === 0) t.radiusKm = 0.5 + (j % 13);
      if (j % 17 === 0) t.status = 'planned';
      if (j % 19 === 0) Object.assign(t, { upgradeTechnology: '5G', upgradeDate: '2025-01-01' });
    }
    const points = randomPoints(22, 4000, extent);
    const hamlets = Array.from({ length: 3400 }, (_, i) => hamlet(`H${i}`, points.lon[i] as number, points.lat[i] as number));
    const schools = Array.from({ length: 600 }, (_, i) => school(`S${i}`, points.lon[3400 + i] as number, points.lat[3400 + i] as number, i % 9 === 0));
    for (const scenario of ['current', 'planned', '2025-06-30']) expectOracle(towers, hamlets, schools, scenario);
  });
});

describe('classify: inputs', () => {
  it('reads its inputs and never writes them', () => {
    const towers = randomTowers(3, 300, { name: 'box', west: 104.7, east: 105.5, south: 8.4, north: 9.6 });
    const points = randomPoints(4, 1000, { name: 'box', west: 104.7, east: 105.5, south: 8.4, north: 9.6 });
    points.lon[3] = Number.NaN; // one point on the plain path too
    const columns = onAirTowers(towers, 'current');
    const copyPoints: PointColumns = { ...points, lon: points.lon.slice(), lat: points.lat.slice(), fixedBroadband: points.fixedBroadband.slice() };
    const copyTowers: TowerColumns = {
      ...columns,
      lon: columns.lon.slice(),
      lat: columns.lat.slice(),
      radiusKm: columns.radiusKm.slice(),
      broadband: columns.broadband.slice(),
      towerIndex: columns.towerIndex.slice(),
    };
    const first = classify(points, columns);
    expect(points).toEqual(copyPoints);
    expect(columns).toEqual(copyTowers);
    // And gives the same answer twice.
    expect(classify(points, columns)).toEqual(first);
  });
});
