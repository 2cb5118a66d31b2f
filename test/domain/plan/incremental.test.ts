// The incremental coverage engine (src/domain/plan/incremental.ts) against a full recompute:
// after every edit to a tower, its levels must be classify's over the edited towers, its
// figures coverageFigures' over those levels, and the change it returns exactly the points
// whose level moved.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Technology, Tower, TowerStatus } from '../../../src/domain/types.ts';
import { DEFAULT_RADIUS_KM } from '../../../src/domain/types.ts';
import type { PointColumns, Scenario } from '../../../src/domain/coverage/columns.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK, onAirTowers, towerInScenario } from '../../../src/domain/coverage/columns.ts';
import { classify } from '../../../src/domain/coverage/classify.ts';
import { coverageFigures } from '../../../src/domain/coverage/report.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import type { Circle, LevelChange } from '../../../src/domain/plan/incremental.ts';
import { IncrementalCoverage, scenarioCircles, towerCircle } from '../../../src/domain/plan/incremental.ts';
import { SEED, destination, tower } from '../coverage/classify-helpers.ts';
import { run } from './plan-steps.ts';

console.log(`incremental coverage property tests: fast-check seed ${SEED}`);

// ---------------------------------------------------------------------------------------
// A world to edit: points, their weights and areas, towers, a scenario

interface World {
  points: PointColumns;
  weight: Float64Array;
  hamletCount: number;
  area: Int32Array;
  areaCount: number;
}

/** What the engine must say for `towers` in `scenario`: classify's levels, coverageFigures. */
function expected(world: World, towers: readonly Tower[], scenario: Scenario) {
  const level = classify(world.points, onAirTowers(towers, scenario)).level;
  return { level, figures: coverageFigures(level, world.weight, world.hamletCount, world.area, world.areaCount) };
}

/** The change must list exactly the points whose level differs between `before` and `after`. */
function expectChange(change: LevelChange, before: Uint8Array, after: Uint8Array): void {
  const points: number[] = [];
  for (let i = 0; i < after.length; i++) if (before[i] !== after[i]) points.push(i);
  expect(Array.from(change.points)).toEqual(points);
  expect(Array.from(change.before)).toEqual(points.map((i) => before[i]));
  expect(Array.from(change.after)).toEqual(points.map((i) => after[i]));
}

/** Asserts the engine against a full recompute, and that `change` took `previous` to now. */
function expectState(
  engine: IncrementalCoverage,
  world: World,
  towers: readonly Tower[],
  scenario: Scenario,
  previous: Uint8Array,
  change: LevelChange,
): void {
  const want = expected(world, towers, scenario);
  expect(Array.from(engine.level)).toEqual(Array.from(want.level));
  expect(engine.figures()).toEqual(want.figures);
  expectChange(change, previous, want.level);
}

// Arbitraries ---------------------------------------------------------------------------

interface Box {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** About 22 km × 22 km: circles of a few km overlap a lot. */
const TOWN: Box = { west: 105.0, east: 105.2, south: 9.0, north: 9.2 };
/** A wider stretch, so that 50 km circles have room and some towers sit apart. */
const REGION: Box = { west: 104.5, east: 105.7, south: 8.5, north: 9.7 };

const technology = fc.constantFrom<Technology>('2G', '3G', '4G', '5G');
const date = fc
  .tuple(fc.integer({ min: 2018, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const scenario: fc.Arbitrary<Scenario> = fc.oneof(fc.constantFrom<Scenario>('current', 'planned'), date);

const position = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.double({ min: TOWN.west, max: TOWN.east, noNaN: true }), fc.double({ min: TOWN.south, max: TOWN.north, noNaN: true })) },
  { weight: 1, arbitrary: fc.tuple(fc.double({ min: REGION.west, max: REGION.east, noNaN: true }), fc.double({ min: REGION.south, max: REGION.north, noNaN: true })) },
);

/** Radii: zero, the usual ones, anything up to 10 km, now and then 50 km or 3000 km. */
const radius: fc.Arbitrary<number> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.constantFrom(0.5, 1.5, 4, 5, 8) },
  { weight: 4, arbitrary: fc.double({ min: 0, max: 10, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(50, 3000) },
);

interface UpgradeSpec {
  technology: Technology;
  radiusKm: number | undefined;
  date: string | undefined;
}

interface TowerSpec {
  at: [number, number];
  status: TowerStatus;
  technology: Technology;
  radiusKm: number | undefined;
  serviceDate: string | undefined;
  upgrade: UpgradeSpec | undefined;
}

const upgradeSpec: fc.Arbitrary<UpgradeSpec> = fc.record({
  technology,
  radiusKm: fc.option(radius, { nil: undefined }),
  date: fc.option(date, { nil: undefined }),
});

const towerSpec: fc.Arbitrary<TowerSpec> = fc.record({
  at: position,
  status: fc.constantFrom<TowerStatus>('existing', 'existing', 'planned'),
  technology,
  radiusKm: fc.option(radius, { nil: undefined, freq: 2 }),
  serviceDate: fc.option(date, { nil: undefined }),
  upgrade: fc.option(upgradeSpec, { nil: undefined, freq: 2 }),
});

function makeTower(id: string, spec: TowerSpec): Tower {
  const fields: Partial<Tower> = { status: spec.status };
  if (spec.radiusKm !== undefined) fields.radiusKm = spec.radiusKm;
  if (spec.serviceDate !== undefined) fields.serviceDate = spec.serviceDate;
  if (spec.upgrade !== undefined) applyUpgrade(fields, spec.upgrade);
  return tower(id, spec.at[0], spec.at[1], spec.technology, fields);
}

function applyUpgrade(fields: Partial<Tower>, upgrade: UpgradeSpec | undefined): void {
  delete fields.upgradeTechnology;
  delete fields.upgradeRadiusKm;
  delete fields.upgradeDate;
  if (upgrade === undefined) return;
  fields.upgradeTechnology = upgrade.technology;
  if (upgrade.radiusKm !== undefined) fields.upgradeRadiusKm = upgrade.radiusKm;
  if (upgrade.date !== undefined) fields.upgradeDate = upgrade.date;
}

/** Where a point goes: free; on a tower; at a tower's radius, a hair inside or outside. */
type PointSpec =
  | { kind: 'free'; at: [number, number] }
  | { kind: 'on'; pick: number }
  | { kind: 'rim'; pick: number; bearing: number; deltaKm: number };

const pointSpec = fc.record({
  spec: fc.oneof<fc.Arbitrary<PointSpec>[]>(
    fc.record({ kind: fc.constant('free' as const), at: position }),
    fc.record({ kind: fc.constant('on' as const), pick: fc.nat() }),
    fc.record({
      kind: fc.constant('rim' as const),
      pick: fc.nat(),
      bearing: fc.double({ min: 0, max: 360, noNaN: true }),
      deltaKm: fc.oneof(fc.constant(0), fc.double({ min: -1e-3, max: 1e-3, noNaN: true })),
    }),
  ),
  weight: fc.integer({ min: 0, max: 5000 }),
  area: fc.integer({ min: -1, max: 4 }),
  fixed: fc.boolean(),
});

type Edit =
  | { kind: 'add'; spec: TowerSpec }
  | { kind: 'move'; pick: number; to: [number, number] }
  | { kind: 'nudge'; pick: number; bearing: number; km: number }
  | { kind: 'technology'; pick: number; technology: Technology }
  | { kind: 'radius'; pick: number; radiusKm: number | undefined }
  /** Radius := the exact distance to a point: the point lands on the boundary. */
  | { kind: 'reach'; pick: number; point: number }
  | { kind: 'upgrade'; pick: number; upgrade: UpgradeSpec | undefined }
  | { kind: 'dates'; pick: number; status: TowerStatus; serviceDate: string | undefined }
  | { kind: 'remove'; pick: number };

const pick = fc.nat();
const edit: fc.Arbitrary<Edit> = fc.oneof<fc.Arbitrary<Edit>[]>(
  fc.record({ kind: fc.constant('add' as const), spec: towerSpec }),
  fc.record({ kind: fc.constant('move' as const), pick, to: position }),
  fc.record({
    kind: fc.constant('nudge' as const),
    pick,
    bearing: fc.double({ min: 0, max: 360, noNaN: true }),
    km: fc.double({ min: 0, max: 2, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('technology' as const), pick, technology }),
  fc.record({ kind: fc.constant('radius' as const), pick, radiusKm: fc.option(radius, { nil: undefined, freq: 3 }) }),
  fc.record({ kind: fc.constant('reach' as const), pick, point: fc.nat() }),
  fc.record({ kind: fc.constant('upgrade' as const), pick, upgrade: fc.option(upgradeSpec, { nil: undefined, freq: 4 }) }),
  fc.record({
    kind: fc.constant('dates' as const),
    pick,
    status: fc.constantFrom<TowerStatus>('existing', 'planned'),
    serviceDate: fc.option(date, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('remove' as const), pick }),
);

interface Case {
  world: World;
  towers: Tower[];
  scenario: Scenario;
  edits: Edit[];
}

const AREA_COUNT = 4;

function resolve(towerSpecs: readonly TowerSpec[], rows: readonly PointRow[], hamletShare: number): { world: World; towers: Tower[] } {
  const towers = towerSpecs.map((spec, j) => makeTower(`T${j}`, spec));
  const n = rows.length;
  const hamletCount = Math.round(n * hamletShare);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const fixedBroadband = new Uint8Array(n);
  const weight = new Float64Array(n);
  const area = new Int32Array(n);
  rows.forEach((row, i) => {
    const { spec } = row;
    const t = spec.kind !== 'free' && towers.length > 0 ? towers[spec.pick % towers.length] : undefined;
    let at: [number, number] = spec.kind === 'free' ? spec.at : [105.1, 9.1];
    if (t !== undefined && spec.kind === 'on') at = [t.lon, t.lat];
    else if (t !== undefined && spec.kind === 'rim') {
      at = destination(t.lon, t.lat, spec.bearing, Math.max(0, (t.radiusKm ?? DEFAULT_RADIUS_KM[t.technology]) + spec.deltaKm));
    }
    lon[i] = at[0];
    lat[i] = at[1];
    fixedBroadband[i] = i >= hamletCount && row.fixed ? 1 : 0;
    weight[i] = row.weight;
    area[i] = row.area;
  });
  return { world: { points: { count: n, lon, lat, fixedBroadband }, weight, hamletCount, area, areaCount: AREA_COUNT }, towers };
}

interface PointRow {
  spec: PointSpec;
  weight: number;
  area: number;
  fixed: boolean;
}

function caseOf(maxTowers: number, maxPoints: number, maxEdits: number): fc.Arbitrary<Case> {
  return fc
    .record({
      towers: fc.array(towerSpec, { maxLength: maxTowers, size: 'max' }),
      points: fc.array(pointSpec, { minLength: 1, maxLength: maxPoints, size: 'max' }),
      hamletShare: fc.double({ min: 0, max: 1, noNaN: true }),
      scenario,
      edits: fc.array(edit, { minLength: 1, maxLength: maxEdits, size: 'max' }),
    })
    .map(({ towers, points, hamletShare, scenario, edits }) => ({ ...resolve(towers, points, hamletShare), scenario, edits }));
}

/**
 * Applies one edit to `towers` (in place); returns the id of the tower it touched (removed or
 * not), or undefined when there was nothing to edit.
 */
function applyEdit(towers: Tower[], world: World, e: Edit, nextId: () => string): string | undefined {
  if (e.kind === 'add') {
    const t = makeTower(nextId(), e.spec);
    towers.push(t);
    return t.id;
  }
  if (towers.length === 0) return undefined;
  const at = e.pick % towers.length;
  const t = towers[at] as Tower;
  switch (e.kind) {
    case 'move':
      [t.lon, t.lat] = e.to;
      break;
    case 'nudge':
      [t.lon, t.lat] = destination(t.lon, t.lat, e.bearing, e.km);
      break;
    case 'technology':
      t.technology = e.technology;
      break;
    case 'radius':
      if (e.radiusKm === undefined) delete t.radiusKm;
      else t.radiusKm = e.radiusKm;
      break;
    case 'reach': {
      const p = e.point % world.points.count;
      const km = haversineKm(world.points.lon[p] as number, world.points.lat[p] as number, t.lon, t.lat);
      t.radiusKm = km;
      if (t.upgradeTechnology !== undefined) t.upgradeRadiusKm = km;
      break;
    }
    case 'upgrade':
      applyUpgrade(t, e.upgrade);
      break;
    case 'dates':
      t.status = e.status;
      if (e.serviceDate === undefined) delete t.serviceDate;
      else t.serviceDate = e.serviceDate;
      break;
    case 'remove':
      towers.splice(at, 1);
      break;
  }
  return t.id;
}

function engineFor(world: World): IncrementalCoverage {
  return new IncrementalCoverage(world.points, world.weight, world.hamletCount, world.area, world.areaCount);
}

// ---------------------------------------------------------------------------------------

describe('IncrementalCoverage = classify + coverageFigures after every edit', () => {
  it('random towers and points, random scenario, random sequences of single-tower edits', () => {
    const seen = { edits: 0, changed: 0, good: 0, weak: 0, none: 0 };
    fc.assert(
      fc.property(caseOf(25, 60, 25), ({ world, towers, scenario, edits }) => {
        const engine = engineFor(world);
        let previous = engine.level.slice();
        let change = engine.setMany(scenarioCircles(towers, scenario));
        expectState(engine, world, towers, scenario, previous, change);
        let serial = 0;
        for (const e of edits) {
          previous = engine.level.slice();
          const id = applyEdit(towers, world, e, () => `N${serial++}`);
          if (id === undefined) continue;
          const now = towers.find((t) => t.id === id);
          change = engine.set(id, now === undefined ? undefined : towerCircle(now, scenario));
          expectState(engine, world, towers, scenario, previous, change);
          seen.edits++;
          seen.changed += change.points.length;
        }
        for (const l of engine.level) {
          if (l === LEVEL_GOOD) seen.good++;
          else if (l === LEVEL_WEAK) seen.weak++;
          else seen.none++;
        }
      }),
      run(300),
    );
    console.log('incremental property: seen', seen);
    // The runs exercised edits that changed levels, and every level.
    expect(seen.edits).toBeGreaterThan(1000);
    expect(seen.changed).toBeGreaterThan(500);
    expect(Math.min(seen.good, seen.weak, seen.none)).toBeGreaterThan(100);
  });

  it('edits in batches through setMany, and a switch of scenario', () => {
    fc.assert(
      fc.property(caseOf(25, 60, 24), fc.integer({ min: 1, max: 6 }), scenario, ({ world, towers, scenario: first, edits }, batch, second) => {
        const engine = engineFor(world);
        let previous = engine.level.slice();
        let change = engine.setMany(scenarioCircles(towers, first));
        expectState(engine, world, towers, first, previous, change);
        let serial = 0;
        for (let at = 0; at < edits.length; at += batch) {
          previous = engine.level.slice();
          const ids: string[] = [];
          for (const e of edits.slice(at, at + batch)) {
            const id = applyEdit(towers, world, e, () => `N${serial++}`);
            if (id !== undefined) ids.push(id);
          }
          change = engine.setMany(
            ids.map((id): [string, Circle | undefined] => {
              const now = towers.find((t) => t.id === id);
              return [id, now === undefined ? undefined : towerCircle(now, first)];
            }),
          );
          expectState(engine, world, towers, first, previous, change);
        }
        // Switch scenario: every tower's circle in the second one, off-air towers removed.
        previous = engine.level.slice();
        const circles = scenarioCircles(towers, second);
        change = engine.setMany(towers.map((t): [string, Circle | undefined] => [t.id, circles.get(t.id)]));
        expectState(engine, world, towers, second, previous, change);
        expect(engine.size).toBe(circles.size);
      }),
      run(80),
    );
  });
});

describe('IncrementalCoverage: hand cases', () => {
  const T: [number, number] = [105, 9];

  /** Two hamlets and two schools (the last one with fixed broadband), areas 0, 1, 0, -1. */
  function world(at: readonly [number, number][], fixed: readonly number[] = []): World {
    const n = at.length;
    const fixedBroadband = new Uint8Array(n);
    for (const i of fixed) fixedBroadband[i] = 1;
    return {
      points: { count: n, lon: Float64Array.from(at, (p) => p[0]), lat: Float64Array.from(at, (p) => p[1]), fixedBroadband },
      weight: Float64Array.from(at, (_, i) => 100 * (i + 1)),
      hamletCount: Math.ceil(n / 2),
      area: Int32Array.from(at, (_, i) => (i === n - 1 ? -1 : i % 2)),
      areaCount: 2,
    };
  }

  const circle = (radiusKm: number, broadband = true, at: readonly [number, number] = T): Circle => ({
    lon: at[0],
    lat: at[1],
    radiusKm,
    broadband,
  });

  it('a point exactly at the radius is covered; a hair less and it is not', () => {
    const p = destination(T[0], T[1], 37, 4);
    const km = haversineKm(p[0], p[1], T[0], T[1]);
    const w = world([p]);
    const engine = engineFor(w);
    let change = engine.set('a', circle(km));
    expect(Array.from(change.points)).toEqual([0]);
    expect(engine.level[0]).toBe(LEVEL_GOOD);
    change = engine.set('a', circle(km - Number.EPSILON * km));
    expect(Array.from(change.points)).toEqual([0]);
    expect(Array.from(change.after)).toEqual([LEVEL_NONE]);
    const expectedNow = classify(w.points, onAirTowers([tower('a', T[0], T[1], '4G', { radiusKm: km - Number.EPSILON * km })], 'current'));
    expect(Array.from(engine.level)).toEqual(Array.from(expectedNow.level));
  });

  it('shrinking a radius uncovers; growing it back covers again', () => {
    const w = world([destination(T[0], T[1], 90, 3), destination(T[0], T[1], 180, 1)]);
    const engine = engineFor(w);
    engine.set('a', circle(5));
    expect(Array.from(engine.level)).toEqual([LEVEL_GOOD, LEVEL_GOOD]);
    const change = engine.set('a', circle(2));
    expect(Array.from(change.points)).toEqual([0]);
    expect(Array.from(change.before)).toEqual([LEVEL_GOOD]);
    expect(Array.from(change.after)).toEqual([LEVEL_NONE]);
    expect(engine.figures().hamlets).toMatchObject({ good: 0, none: 1, population_good: 0 });
    expect(Array.from(engine.set('a', circle(5)).points)).toEqual([0]);
    expect(engine.figures().hamlets).toMatchObject({ good: 1, none: 0, population_good: 100 });
  });

  it('an upgrade 3G → 4G shrinks 5 km to 4 km: weak becomes good within 4 km and none beyond', () => {
    const t = tower('u', T[0], T[1], '3G', { upgradeTechnology: '4G', upgradeDate: '2026-06-01' });
    expect(towerInScenario(t, 'current')).toEqual({ radiusKm: 5, broadband: false });
    expect(towerInScenario(t, '2026-05-31')).toEqual({ radiusKm: 5, broadband: false });
    expect(towerInScenario(t, '2026-06-01')).toEqual({ radiusKm: 4, broadband: true });
    expect(towerInScenario(t, 'planned')).toEqual({ radiusKm: 4, broadband: true });
    const w = world([destination(T[0], T[1], 10, 3), destination(T[0], T[1], 200, 4.5), destination(T[0], T[1], 300, 6)]);
    const engine = engineFor(w);
    let previous = engine.level.slice();
    let change = engine.set('u', towerCircle(t, 'current'));
    expectState(engine, w, [t], 'current', previous, change);
    expect(Array.from(engine.level)).toEqual([LEVEL_WEAK, LEVEL_WEAK, LEVEL_NONE]);
    previous = engine.level.slice();
    change = engine.set('u', towerCircle(t, 'planned'));
    expectState(engine, w, [t], 'planned', previous, change);
    expect(Array.from(engine.level)).toEqual([LEVEL_GOOD, LEVEL_NONE, LEVEL_NONE]);
    expect(Array.from(change.points)).toEqual([0, 1]);
    expect(Array.from(change.before)).toEqual([LEVEL_WEAK, LEVEL_WEAK]);
    expect(Array.from(change.after)).toEqual([LEVEL_GOOD, LEVEL_NONE]);
  });

  it('removing an unknown key, or setting the same circle again, changes nothing', () => {
    const w = world([destination(T[0], T[1], 0, 1), destination(T[0], T[1], 0, 9)]);
    const engine = engineFor(w);
    engine.set('a', circle(2));
    const level = engine.level.slice();
    const figures = engine.figures();
    for (const change of [engine.set('nope', undefined), engine.set('a', circle(2)), engine.setMany([['x', undefined]])]) {
      expect(change.points.length).toBe(0);
      expect(change.before.length).toBe(0);
      expect(change.after.length).toBe(0);
    }
    expect(engine.level).toEqual(level);
    expect(engine.figures()).toEqual(figures);
    expect(engine.size).toBe(1);
    expect(engine.set('a', undefined).points.length).toBe(1);
    expect(engine.set('a', undefined).points.length).toBe(0);
    expect(engine.size).toBe(0);
  });

  it('a school with fixed broadband is good whatever the circles, and never in a change', () => {
    const w = world([destination(T[0], T[1], 0, 1), destination(T[0], T[1], 90, 1)], [1]);
    const engine = engineFor(w);
    expect(Array.from(engine.level)).toEqual([LEVEL_NONE, LEVEL_GOOD]);
    expect(engine.figures().schools).toMatchObject({ total: 1, good: 1, students_good: 200 });
    for (const c of [circle(3), circle(3, false), undefined, circle(0.5, false), circle(3)]) {
      const change = engine.set('a', c);
      expect(Array.from(change.points)).not.toContain(1);
      expect(engine.level[1]).toBe(LEVEL_GOOD);
    }
    expect(engine.set('a', undefined).points).toEqual(Int32Array.of(0));
    expect(engine.level[1]).toBe(LEVEL_GOOD);
  });

  it('weak and good circles overlap: the level follows both counts', () => {
    const w = world([destination(T[0], T[1], 0, 1)]);
    const engine = engineFor(w);
    engine.set('w1', circle(2, false));
    engine.set('w2', circle(3, false));
    engine.set('g', circle(2, true));
    expect(engine.level[0]).toBe(LEVEL_GOOD);
    expect(Array.from(engine.set('g', undefined).after)).toEqual([LEVEL_WEAK]);
    expect(engine.set('w1', undefined).points.length).toBe(0);
    expect(Array.from(engine.set('w2', circle(3, true)).after)).toEqual([LEVEL_GOOD]);
  });

  it('huge radii (50 km, 3000 km, the whole sphere) reach every point they should', () => {
    const at: [number, number][] = [];
    for (let k = 0; k < 40; k++) at.push(destination(T[0], T[1], k * 9, k * 2));
    at.push([-70, -30], [179.9, 60], [-179.9, -60], [0, 89.99]);
    const w = world(at, [at.length - 2]);
    const engine = engineFor(w);
    const towers: Tower[] = [];
    let serial = 0;
    for (const [radiusKm, where] of [
      [50, T],
      [3000, T],
      [20_100, [-70, -30]],
      [1000, [180, 60]],
      [500, [0, 90]],
    ] as [number, [number, number]][]) {
      const id = `big${serial++}`;
      const t = tower(id, where[0], where[1], serial % 2 === 0 ? '2G' : '4G', { radiusKm });
      const previous = engine.level.slice();
      towers.push(t);
      const change = engine.set(id, towerCircle(t, 'current'));
      expectState(engine, w, towers, 'current', previous, change);
    }
    while (towers.length > 0) {
      const previous = engine.level.slice();
      const t = towers.shift() as Tower;
      const change = engine.set(t.id, undefined);
      expectState(engine, w, towers, 'current', previous, change);
    }
  });

  it('coordinates the contract rules out (longitude past ±180°, latitude past ±90°, NaN) get classify’s answers', () => {
    const at: [number, number][] = [
      [105, 9],
      [105 + 360, 9],
      [-255, 9.01],
      [105, 9.02],
      [Number.NaN, 9],
      [105, 95],
      [105.01, 9],
    ];
    const w = world(at);
    const engine = engineFor(w);
    const towers: Tower[] = [];
    const specs: [string, number, number, Technology, number][] = [
      ['a', 105, 9, '4G', 4],
      ['b', 105 - 360, 9.01, '3G', 5],
      ['c', 285, 85, '4G', 2000],
      ['d', 105, 95, '2G', 100],
      ['e', Number.NaN, 9, '4G', 8],
    ];
    for (const [id, lon, lat, tech, radiusKm] of specs) {
      const t = tower(id, lon, lat, tech, { radiusKm });
      const previous = engine.level.slice();
      towers.push(t);
      const change = engine.set(id, towerCircle(t, 'current'));
      expectState(engine, w, towers, 'current', previous, change);
    }
    for (const id of ['c', 'a', 'd', 'b', 'e']) {
      const previous = engine.level.slice();
      towers.splice(
        towers.findIndex((t) => t.id === id),
        1,
      );
      const change = engine.set(id, undefined);
      expectState(engine, w, towers, 'current', previous, change);
    }
  });

  it('figures move by deltas only: weights that are not integers fall back to an exact rescan', () => {
    const at = [destination(T[0], T[1], 0, 1), destination(T[0], T[1], 90, 1.5), destination(T[0], T[1], 180, 2)];
    const w = world(at);
    w.weight = Float64Array.of(0.1, 0.2, 0.7);
    const engine = engineFor(w);
    for (const r of [1.2, 2.5, 1.6, 0]) {
      engine.set('a', circle(r));
      expect(engine.figures()).toEqual(coverageFigures(engine.level, w.weight, w.hamletCount, w.area, w.areaCount));
    }
  });
});

describe('scenarioCircles', () => {
  it('gives the towers on air with onAirTowers’ radius and class, keyed by id', () => {
    fc.assert(
      fc.property(fc.array(towerSpec, { maxLength: 30 }), scenario, (specs, s) => {
        const towers = specs.map((spec, j) => makeTower(`T${j}`, spec));
        const columns = onAirTowers(towers, s);
        const circles = scenarioCircles(towers, s);
        expect([...circles.keys()]).toEqual(Array.from(columns.towerIndex, (k) => (towers[k] as Tower).id));
        Array.from(columns.towerIndex).forEach((k, j) => {
          const t = towers[k] as Tower;
          expect(circles.get(t.id)).toEqual({
            lon: t.lon,
            lat: t.lat,
            radiusKm: columns.radiusKm[j],
            broadband: columns.broadband[j] === 1,
          });
          expect(towerCircle(t, s)).toEqual(circles.get(t.id));
        });
        for (const t of towers) if (!circles.has(t.id)) expect(towerCircle(t, s)).toBeUndefined();
      }),
      run(200),
    );
  });

  it('throws on an unknown scenario and on a duplicate id', () => {
    const a = tower('a', 105, 9, '4G');
    expect(() => scenarioCircles([a], 'someday')).toThrow(/unknown scenario/);
    expect(() => scenarioCircles([a, { ...a }], 'current')).toThrow(/twice/);
  });
});
