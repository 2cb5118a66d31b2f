// classify against the oracle (brute-force.ts), property by property: every field of every
// point, on random datasets built from Tower[] through both paths (onAirTowers for classify,
// towersOnAir for the oracle), in the current, planned and dated scenarios.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hamlet, School, Technology, Tower, TowerStatus } from '../../../src/domain/types.ts';
import { DEFAULT_RADIUS_KM } from '../../../src/domain/types.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import { SEED, compareWithOracle, destination, hamlet, school, tower } from './classify-helpers.ts';

console.log(`classify property tests: fast-check seed ${SEED}`);

/**
 * Each run compares a whole dataset in three scenarios, so shrinking a failure can take a
 * long while: it is cut short after 20 s (the failure stands, with what shrinking found).
 */
const run = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true });

interface Box {
  west: number;
  east: number;
  south: number;
  north: number;
}

const CA_MAU: Box = { west: 104.7, east: 105.5, south: 8.4, north: 9.6 };
/** A corner of the province where towers crowd, so that discs overlap. */
const TOWN: Box = { west: 105.1, east: 105.2, south: 9.1, north: 9.2 };
const WORLD: Box = { west: -180, east: 180, south: -90, north: 90 };

const technology = fc.constantFrom<Technology>('2G', '3G', '4G', '5G');
const date = fc
  .tuple(fc.integer({ min: 2014, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

function position(boxes: readonly Box[]): fc.Arbitrary<[number, number]> {
  return fc.oneof(
    ...boxes.map((b) =>
      fc.tuple(fc.double({ min: b.west, max: b.east, noNaN: true }), fc.double({ min: b.south, max: b.north, noNaN: true })),
    ),
  );
}

function radius(maxKm: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constant(0),
    fc.constantFrom(0.5, 1.5, 4, 5, 8),
    fc.double({ min: 0, max: maxKm, noNaN: true }),
  );
}

interface TowerSpec {
  at: [number, number];
  status: TowerStatus;
  technology: Technology;
  radiusKm: number | undefined;
  serviceDate: string | undefined;
  upgrade: { technology: Technology; radiusKm: number | undefined; date: string | undefined } | undefined;
}

function towerSpec(boxes: readonly Box[], maxRadiusKm: number): fc.Arbitrary<TowerSpec> {
  return fc.record({
    at: position(boxes),
    status: fc.constantFrom<TowerStatus>('existing', 'existing', 'planned'),
    technology,
    radiusKm: fc.option(radius(maxRadiusKm), { nil: undefined }),
    serviceDate: fc.option(date, { nil: undefined }),
    upgrade: fc.option(
      fc.record({
        technology,
        radiusKm: fc.option(radius(maxRadiusKm), { nil: undefined }),
        date: fc.option(date, { nil: undefined }),
      }),
      { nil: undefined },
    ),
  });
}

/**
 * Where a point goes: anywhere in the boxes; on a tower; along a bearing at the tower's
 * radius (as given or after its upgrade) plus or minus a few metres or less; or on a
 * bearing at any distance, then made EXACTLY the tower's radius by setting radius_km (and
 * upgrade_radius_km) to the haversine distance itself.
 */
type PointSpec =
  | { kind: 'free'; at: [number, number] }
  | { kind: 'on'; pick: number }
  | { kind: 'rim'; pick: number; bearing: number; deltaKm: number; outside: boolean; upgraded: boolean }
  | { kind: 'exact'; pick: number; bearing: number; km: number };

function pointSpec(boxes: readonly Box[], maxKm: number): fc.Arbitrary<{ spec: PointSpec; school: boolean; fixed: boolean }> {
  const pick = fc.nat();
  const bearing = fc.double({ min: 0, max: 360, noNaN: true });
  const spec: fc.Arbitrary<PointSpec> = fc.oneof(
    fc.record({ kind: fc.constant('free' as const), at: position(boxes) }),
    fc.record({ kind: fc.constant('on' as const), pick }),
    fc.record({
      kind: fc.constant('rim' as const),
      pick,
      bearing,
      deltaKm: fc.oneof(fc.double({ min: 1e-6, max: 5e-3, noNaN: true }), fc.constant(1e-6)),
      outside: fc.boolean(),
      upgraded: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('exact' as const), pick, bearing, km: fc.double({ min: 0, max: maxKm, noNaN: true }) }),
  );
  return fc.record({ spec, school: fc.boolean(), fixed: fc.boolean() });
}

interface Dataset {
  towers: Tower[];
  hamlets: Hamlet[];
  schools: School[];
}

/** Ids with leading zeros, unique: 00000, 00001, … */
const id = (prefix: string, i: number): string => `${prefix}${String(i).padStart(5, '0')}`;

function resolve(towerSpecs: readonly TowerSpec[], pointSpecs: readonly { spec: PointSpec; school: boolean; fixed: boolean }[]): Dataset {
  const towers: Tower[] = towerSpecs.map((t, j) => {
    const fields: Partial<Tower> = { status: t.status };
    if (t.radiusKm !== undefined) fields.radiusKm = t.radiusKm;
    if (t.serviceDate !== undefined) fields.serviceDate = t.serviceDate;
    if (t.upgrade !== undefined) {
      fields.upgradeTechnology = t.upgrade.technology;
      if (t.upgrade.radiusKm !== undefined) fields.upgradeRadiusKm = t.upgrade.radiusKm;
      if (t.upgrade.date !== undefined) fields.upgradeDate = t.upgrade.date;
    }
    return tower(id('', j), t.at[0], t.at[1], t.technology, fields);
  });
  const hamlets: Hamlet[] = [];
  const schools: School[] = [];
  pointSpecs.forEach(({ spec, school: isSchool, fixed }, i) => {
    let at: [number, number];
    const t = towers.length > 0 && spec.kind !== 'free' ? (towers[spec.pick % towers.length] as Tower) : undefined;
    if (spec.kind === 'free' || t === undefined) at = spec.kind === 'free' ? spec.at : [105, 9];
    else if (spec.kind === 'on') at = [t.lon, t.lat];
    else if (spec.kind === 'rim') {
      const r =
        spec.upgraded && t.upgradeTechnology !== undefined
          ? (t.upgradeRadiusKm ?? DEFAULT_RADIUS_KM[t.upgradeTechnology])
          : (t.radiusKm ?? DEFAULT_RADIUS_KM[t.technology]);
      at = destination(t.lon, t.lat, spec.bearing, Math.max(0, r + (spec.outside ? spec.deltaKm : -spec.deltaKm)));
    } else {
      at = destination(t.lon, t.lat, spec.bearing, spec.km);
      const km = haversineKm(at[0], at[1], t.lon, t.lat);
      t.radiusKm = km;
      if (t.upgradeTechnology !== undefined) t.upgradeRadiusKm = km;
    }
    if (isSchool) schools.push(school(id('S', i), at[0], at[1], fixed));
    else hamlets.push(hamlet(id('H', i), at[0], at[1]));
  });
  return { towers, hamlets, schools };
}

function dataset(boxes: readonly Box[], maxTowers: number, maxPoints: number, maxRadiusKm: number): fc.Arbitrary<Dataset> {
  return fc
    .tuple(
      fc.array(towerSpec(boxes, maxRadiusKm), { maxLength: maxTowers, size: 'max' }),
      fc.array(pointSpec(boxes, maxRadiusKm * 1.5), { maxLength: maxPoints, size: 'max' }),
    )
    .map(([t, p]) => resolve(t, p));
}

/** Asserts classify = oracle in current, planned and the given date; returns the levels seen. */
function expectOracle(data: Dataset, date: string): Record<string, number> {
  const seen: Record<string, number> = { good: 0, weak: 0, none: 0 };
  for (const scenario of ['current', 'planned', date]) {
    const result = compareWithOracle(data.towers, data.hamlets, data.schools, scenario);
    expect(result.wrong).toEqual([]);
    expect(result.count).toBe(data.hamlets.length + data.schools.length);
    for (const [level, n] of Object.entries(result.levels)) seen[level] = (seen[level] ?? 0) + n;
  }
  return seen;
}

describe('classify = brute-force oracle, on every field of every point', () => {
  it('Cà Mau: clustered towers of every technology, radius overrides, upgrades, dates, schools', () => {
    const seen: Record<string, number> = { good: 0, weak: 0, none: 0 };
    fc.assert(
      fc.property(dataset([CA_MAU, TOWN, TOWN], 40, 120, 10), date, (data, d) => {
        for (const [level, n] of Object.entries(expectOracle(data, d))) seen[level] = (seen[level] ?? 0) + n;
      }),
      run(200),
    );
    // The runs reached every level, many times over.
    console.log('levels seen (Cà Mau property):', seen);
    expect(Math.min(seen.good ?? 0, seen.weak ?? 0, seen.none ?? 0)).toBeGreaterThan(500);
  });

  it('Cà Mau: hundreds of towers, so the grids have many cells and points search several rings', () => {
    fc.assert(
      fc.property(dataset([CA_MAU, TOWN], 500, 400, 8), date, (data, d) => {
        expectOracle(data, d);
      }),
      run(25),
    );
  });

  it('worldwide: towers and points anywhere, radii up to 3000 km', () => {
    fc.assert(
      fc.property(dataset([WORLD], 40, 80, 3000), date, (data, d) => {
        expectOracle(data, d);
      }),
      run(150),
    );
  });

  it('round the antimeridian and the poles, where degrees of longitude shrink to nothing', () => {
    const edges: Box[] = [
      { west: 179.5, east: 180, south: -60, north: 60 },
      { west: -180, east: -179.5, south: -60, north: 60 },
      { west: -180, east: 180, south: 89, north: 90 },
      { west: -180, east: 180, south: -90, north: -89.5 },
      { west: 170, east: 180, south: 80, north: 90 },
    ];
    fc.assert(
      fc.property(dataset(edges, 40, 80, 150), date, (data, d) => {
        expectOracle(data, d);
      }),
      run(150),
    );
  });

  it('near the antimeridian only, so the grid takes the 0–360° frame without wrapping', () => {
    const pacific: Box[] = [
      { west: 179.9, east: 180, south: -17, north: -16 },
      { west: -180, east: -179.9, south: -17, north: -16 },
    ];
    fc.assert(
      fc.property(dataset(pacific, 40, 80, 8), date, (data, d) => {
        expectOracle(data, d);
      }),
      run(100),
    );
  });
});
