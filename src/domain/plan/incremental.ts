// Incremental coverage for the planner's workbench: after an edit to one tower (add, move,
// change its technology, radius or dates, upgrade, delete) only the points within its old and
// new radius are looked at again, and the figures move by the changed points' deltas.
//
// State. Every tower on air is a circle (centre, radius, 4G/5G or not) under a key (its id).
// Per point, how many 4G/5G circles and how many 2G/3G circles cover it (haversine ≤ radius,
// boundary included: contract rules 1, 4), so removing a circle is as exact as adding one.
// A point's level is good when a 4G/5G circle covers it or it is a school with fixed
// broadband, else weak when a 2G/3G circle does, else none (rule 5): exactly `classify`'s
// levels, since the same `haversineKm` with the same arguments decides.
//
// Search. A point grid (point-grid.ts, cells of CELL_KM) gives the points within a radius;
// huge radii only make the box of cells bigger. Points whose coordinates the grid cannot
// place (non-finite, beyond ±180° / ±90°; the contract rules them out) are checked one by one
// on every edit, and so is every point for a circle whose centre lies beyond ±90° latitude,
// so even such input gets the oracle's answers.
//
// Figures. Totals by level and per-area sums are kept in typed arrays and moved by each
// changed point's delta. With integer weights (the contract's population and students) every
// sum is exact in any order, so they equal `coverageFigures` over the levels bit for bit;
// should a weight not be an integer (or the sums outgrow 2^53), `figures()` falls back to a
// rescan, since float sums in another order could differ in the last bit.
import type { RadioModel, Tower } from '../types.ts';
import { LEVEL_GOOD, LEVEL_NONE, LEVEL_WEAK, isScenario, towerInScenario, writeTowerClassRadii } from '../coverage/columns.ts';
import type { PointColumns, Scenario } from '../coverage/columns.ts';
import { buildPointGrid, forPointsWithin } from '../coverage/point-grid.ts';
import type { PointGrid } from '../coverage/point-grid.ts';
import { coverageFigures } from '../coverage/report.ts';
import type { AreaCounts, CoverageFigures } from '../coverage/report.ts';
import { haversineKm } from '../geo/haversine.ts';
import { pointClassCode } from '../coverage/classify-classes.ts';
import { CLASS_COUNT } from '../coverage/radio-model.ts';

/**
 * A tower on air in one scenario: where it is, how far it reaches, whether it is 4G/5G.
 * Under path loss (rule 8) `radiusKm` is the largest of `classRadiusKm`, the radius per
 * clutter class (class-code order); a point is covered within the radius of its own class.
 */
export interface Circle {
  lon: number;
  lat: number;
  radiusKm: number;
  broadband: boolean;
  classRadiusKm?: Float64Array;
}

/** The points whose level changed (ascending), with their level before and after. */
export interface LevelChange {
  points: Int32Array;
  before: Uint8Array;
  after: Uint8Array;
}

/**
 * Grid cells about as wide as a 4G radius: a typical circle reads a 3×3 block of cells, a
 * 2G one 5×5, a 50 km override some 27×27 (a few hundred cells, still under a millisecond).
 */
const CELL_KM = 4;

/** Past this share of the points, a change's points are gathered by a scan rather than a sort. */
const SCAN_SHARE = 1 / 16;

function emptyChange(): LevelChange {
  return { points: new Int32Array(0), before: new Uint8Array(0), after: new Uint8Array(0) };
}

const placeable = (lon: number, lat: number): boolean => lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;

function sameRadii(a: Float64Array | undefined, b: Float64Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((r, c) => Object.is(r, b[c]));
}

function sameCircle(a: Circle, b: Circle): boolean {
  return (
    Object.is(a.lon, b.lon) &&
    Object.is(a.lat, b.lat) &&
    Object.is(a.radiusKm, b.radiusKm) &&
    a.broadband === b.broadband &&
    sameRadii(a.classRadiusKm, b.classRadiusKm)
  );
}

export class IncrementalCoverage {
  /** Current level per point (LEVEL_NONE / LEVEL_WEAK / LEVEL_GOOD), index-aligned with the points. */
  readonly level: Uint8Array;

  private readonly points: PointColumns;
  private readonly weight: Float64Array;
  private readonly hamletCount: number;
  private readonly area: Int32Array;
  private readonly areaCount: number;

  private readonly circles = new Map<string, Circle>();
  /** Per point: 4G/5G circles and 2G/3G circles covering it. */
  private readonly goodCount: Int32Array;
  private readonly weakCount: Int32Array;

  private readonly grid: PointGrid;
  /** Points the grid does not hold (coordinates out of range): checked one by one. */
  private readonly strays: Int32Array;

  /** Points touched by the edit under way: stamp === epoch, with their level before it. */
  private readonly stamp: Uint32Array;
  private epoch = 0;
  private touched: Int32Array;
  private touchedCount = 0;
  private readonly levelBefore: Uint8Array;

  /** Whether the delta sums are exact (integer weights, bounded sums); else figures() rescans. */
  private readonly exactSums: boolean;
  // Totals: [0] hamlets, [1] schools; by level, and weight / weight of the good.
  private readonly byLevel: [Float64Array, Float64Array];
  private readonly weightTotal: Float64Array;
  private readonly weightGood: Float64Array;
  // Per area (AreaCounts' fields).
  private readonly areaHamlets: Float64Array;
  private readonly areaHamletsGood: Float64Array;
  private readonly areaPopulation: Float64Array;
  private readonly areaPopulationGood: Float64Array;
  private readonly areaSchools: Float64Array;
  private readonly areaSchoolsGood: Float64Array;

  /**
   * `points` (hamlets `0 .. hamletCount - 1`, then schools), `weight` (population / students),
   * `area[i]` the area of point i (-1 or out of range: none) among `areaCount`. No circles yet:
   * every point is none, but fixed-broadband schools, which are good.
   */
  constructor(points: PointColumns, weight: Float64Array, hamletCount: number, area: Int32Array, areaCount: number) {
    const n = points.count;
    if (points.lon.length < n || points.lat.length < n || points.fixedBroadband.length < n) {
      throw new Error(`IncrementalCoverage: point columns shorter than count ${n}`);
    }
    if (weight.length !== n || area.length !== n) {
      throw new Error(`IncrementalCoverage: weight (${weight.length}) and area (${area.length}) must have ${n} entries`);
    }
    if (!(hamletCount >= 0 && hamletCount <= n && Number.isInteger(hamletCount))) {
      throw new Error(`IncrementalCoverage: hamletCount ${hamletCount} outside 0..${n}`);
    }
    this.points = points;
    this.weight = weight;
    this.hamletCount = hamletCount;
    this.area = area;
    this.areaCount = areaCount;
    this.goodCount = new Int32Array(n);
    this.weakCount = new Int32Array(n);
    this.stamp = new Uint32Array(n);
    this.levelBefore = new Uint8Array(n);
    this.touched = new Int32Array(Math.min(n, 1024));

    this.level = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.level[i] = points.fixedBroadband[i] === 1 ? LEVEL_GOOD : LEVEL_NONE;

    // The grid holds the placeable points only (as their own columns, with their indexes).
    const inGrid: number[] = [];
    const strays: number[] = [];
    for (let i = 0; i < n; i++) (placeable(points.lon[i]!, points.lat[i]!) ? inGrid : strays).push(i);
    if (strays.length === 0) {
      this.grid = buildPointGrid(points, CELL_KM);
    } else {
      const sub = {
        count: inGrid.length,
        lon: Float64Array.from(inGrid, (i) => points.lon[i]!),
        lat: Float64Array.from(inGrid, (i) => points.lat[i]!),
      };
      const grid = buildPointGrid(sub, CELL_KM);
      // Items refer to the subset: map them back to point indexes, and keep the coordinates
      // the search reads in the full columns (same values).
      for (let k = 0; k < grid.items.length; k++) grid.items[k] = inGrid[grid.items[k]!]!;
      this.grid = grid;
    }
    this.strays = Int32Array.from(strays);

    let absSum = 0;
    let integers = true;
    for (let i = 0; i < n; i++) {
      const w = weight[i]!;
      if (!Number.isInteger(w)) integers = false;
      absSum += Math.abs(w);
    }
    this.exactSums = integers && absSum <= Number.MAX_SAFE_INTEGER;

    const start = coverageFigures(this.level, weight, hamletCount, area, areaCount);
    const h = start.hamlets;
    const s = start.schools;
    this.byLevel = [Float64Array.of(h.none, h.weak, h.good), Float64Array.of(s.none, s.weak, s.good)];
    this.weightTotal = Float64Array.of(h.population, s.students);
    this.weightGood = Float64Array.of(h.population_good, s.students_good);
    const field = (key: keyof AreaCounts): Float64Array => Float64Array.from(start.areas, (a) => a[key]);
    this.areaHamlets = field('hamlets');
    this.areaHamletsGood = field('hamlets_good');
    this.areaPopulation = field('population');
    this.areaPopulationGood = field('population_good');
    this.areaSchools = field('schools');
    this.areaSchoolsGood = field('schools_good');
  }

  /** The circle now under `key`, if any (a copy). */
  get(key: string): Circle | undefined {
    const c = this.circles.get(key);
    return c === undefined ? undefined : { ...c };
  }

  /** How many circles are registered. */
  get size(): number {
    return this.circles.size;
  }

  /**
   * Registers, replaces or (with undefined) removes the circle under `key`; removing a key
   * that is not there does nothing. Returns the points whose level changed.
   */
  set(key: string, circle: Circle | undefined): LevelChange {
    this.beginEdit();
    this.place(key, circle);
    return this.endEdit();
  }

  /**
   * Several `set`s at once (the initial load, a scenario switch): each point's level is
   * worked out once at the end, and the change lists each point once. When a key comes more
   * than once, the last entry stands.
   */
  setMany(entries: Iterable<[string, Circle | undefined]>): LevelChange {
    this.beginEdit();
    for (const [key, circle] of entries) this.place(key, circle);
    return this.endEdit();
  }

  /** The figures of the current levels: equal to `coverageFigures` over `level`. */
  figures(): CoverageFigures {
    if (!this.exactSums) return coverageFigures(this.level, this.weight, this.hamletCount, this.area, this.areaCount);
    const [h, s] = this.byLevel;
    const hamletTotal = this.hamletCount;
    const schoolTotal = this.points.count - this.hamletCount;
    const areas: AreaCounts[] = [];
    for (let k = 0; k < this.areaCount; k++) {
      areas.push({
        hamlets: this.areaHamlets[k]!,
        hamlets_good: this.areaHamletsGood[k]!,
        population: this.areaPopulation[k]!,
        population_good: this.areaPopulationGood[k]!,
        schools: this.areaSchools[k]!,
        schools_good: this.areaSchoolsGood[k]!,
      });
    }
    return {
      hamlets: {
        total: hamletTotal,
        good: h[LEVEL_GOOD]!,
        weak: h[LEVEL_WEAK]!,
        none: h[LEVEL_NONE]!,
        population: this.weightTotal[0]!,
        population_good: this.weightGood[0]!,
      },
      schools: {
        total: schoolTotal,
        good: s[LEVEL_GOOD]!,
        weak: s[LEVEL_WEAK]!,
        none: s[LEVEL_NONE]!,
        students: this.weightTotal[1]!,
        students_good: this.weightGood[1]!,
      },
      areas,
    };
  }

  // -------------------------------------------------------------------------------------

  private beginEdit(): void {
    this.touchedCount = 0;
    this.epoch = (this.epoch + 1) >>> 0;
    if (this.epoch === 0) {
      // After 2^32 - 1 edits: start the stamps afresh.
      this.stamp.fill(0);
      this.epoch = 1;
    }
  }

  /** Swaps the circle under `key` in the counts, marking every point it may change. */
  private place(key: string, circle: Circle | undefined): void {
    const old = this.circles.get(key);
    if (old === undefined && circle === undefined) return;
    if (old !== undefined && circle !== undefined && sameCircle(old, circle)) return;
    if (old !== undefined) {
      this.cover(old, -1);
      this.circles.delete(key);
    }
    if (circle !== undefined) {
      const own: Circle = { lon: circle.lon, lat: circle.lat, radiusKm: circle.radiusKm, broadband: circle.broadband };
      if (circle.classRadiusKm) own.classRadiusKm = circle.classRadiusKm.slice();
      this.cover(own, 1);
      this.circles.set(key, own);
    }
  }

  /** Adds `delta` to the count of every point the circle covers. */
  private cover(circle: Circle, delta: number): void {
    const counts = circle.broadband ? this.goodCount : this.weakCount;
    const { lon, lat, radiusKm, classRadiusKm } = circle;
    const px = this.points.lon;
    const py = this.points.lat;
    const clutter = this.points.clutter;
    const count = (i: number): void => {
      this.touch(i);
      counts[i] = counts[i]! + delta;
    };
    // Within the largest radius; then, under path loss, within the radius of the point's class.
    const visit =
      classRadiusKm === undefined
        ? count
        : (i: number): void => {
            if (haversineKm(px[i]!, py[i]!, lon, lat) <= classRadiusKm[pointClassCode(clutter, i)]!) count(i);
          };
    if (!(lat >= -90 && lat <= 90)) {
      // A centre off the sphere's range (or NaN): no box bounds it, so every point is tried.
      for (let i = 0; i < this.points.count; i++) if (haversineKm(px[i]!, py[i]!, lon, lat) <= radiusKm) visit(i);
      return;
    }
    forPointsWithin(this.grid, this.points, lon, lat, radiusKm, visit);
    const strays = this.strays;
    for (let s = 0; s < strays.length; s++) {
      const i = strays[s]!;
      if (haversineKm(px[i]!, py[i]!, lon, lat) <= radiusKm) visit(i);
    }
  }

  private touch(i: number): void {
    if (this.stamp[i] === this.epoch) return;
    this.stamp[i] = this.epoch;
    this.levelBefore[i] = this.level[i]!;
    if (this.touchedCount === this.touched.length) {
      const grown = new Int32Array(Math.max(16, Math.min(this.points.count, 2 * this.touched.length)));
      grown.set(this.touched);
      this.touched = grown;
    }
    this.touched[this.touchedCount++] = i;
  }

  /** New levels of the touched points; the changes, ascending, applied to the figures. */
  private endEdit(): LevelChange {
    const m = this.touchedCount;
    if (m === 0) return emptyChange();
    const { level, levelBefore, goodCount, weakCount } = this;
    const fixed = this.points.fixedBroadband;
    let changed = 0;
    for (let t = 0; t < m; t++) {
      const i = this.touched[t]!;
      const next = goodCount[i]! > 0 || fixed[i] === 1 ? LEVEL_GOOD : weakCount[i]! > 0 ? LEVEL_WEAK : LEVEL_NONE;
      level[i] = next;
      if (next !== levelBefore[i]) changed++;
    }
    this.touchedCount = 0;
    if (changed === 0) return emptyChange();

    const points = new Int32Array(changed);
    const before = new Uint8Array(changed);
    const after = new Uint8Array(changed);
    if (m > this.points.count * SCAN_SHARE) {
      // Many touched: one ordered pass over the stamps instead of a sort.
      const stamp = this.stamp;
      const epoch = this.epoch;
      for (let i = 0, c = 0; c < changed; i++) {
        if (stamp[i] === epoch && level[i] !== levelBefore[i]) points[c++] = i;
      }
    } else {
      let c = 0;
      for (let t = 0; t < m; t++) {
        const i = this.touched[t]!;
        if (level[i] !== levelBefore[i]) points[c++] = i;
      }
      points.sort();
    }
    for (let c = 0; c < changed; c++) {
      const i = points[c]!;
      const b = levelBefore[i]!;
      const a = level[i]!;
      before[c] = b;
      after[c] = a;
      this.applyDelta(i, b, a);
    }
    return { points, before, after };
  }

  /** Moves the figures by point i going from level b to level a (b ≠ a). */
  private applyDelta(i: number, b: number, a: number): void {
    const school: 0 | 1 = i >= this.hamletCount ? 1 : 0;
    const counts = this.byLevel[school];
    counts[b] = counts[b]! - 1;
    counts[a] = counts[a]! + 1;
    const wasGood = b === LEVEL_GOOD;
    const isGood = a === LEVEL_GOOD;
    if (wasGood === isGood) return;
    const w = this.weight[i]!;
    const sign = isGood ? 1 : -1;
    this.weightGood[school] = this.weightGood[school]! + sign * w;
    const k = this.area[i]!;
    if (k < 0 || k >= this.areaCount) return;
    if (school === 0) {
      this.areaHamletsGood[k] = this.areaHamletsGood[k]! + sign;
      this.areaPopulationGood[k] = this.areaPopulationGood[k]! + sign * w;
    } else {
      this.areaSchoolsGood[k] = this.areaSchoolsGood[k]! + sign;
    }
  }
}

/**
 * The circles of the towers on air in a scenario (contract rules 2 and 3), keyed by tower id,
 * in input order. Throws on a scenario that is not current, planned or YYYY-MM-DD, and on a
 * tower id given twice (ids are unique in a towers file).
 */
export function scenarioCircles(towers: readonly Tower[], scenario: Scenario, model?: RadioModel): Map<string, Circle> {
  if (!isScenario(scenario)) throw new Error(`unknown scenario "${scenario}": use current, planned or YYYY-MM-DD`);
  const circles = new Map<string, Circle>();
  const seen = new Set<string>();
  for (const tower of towers) {
    if (seen.has(tower.id)) throw new Error(`tower id "${tower.id}" is given twice; ids must be unique`);
    seen.add(tower.id);
    const circle = towerCircle(tower, scenario, model);
    if (circle !== undefined) circles.set(tower.id, circle);
  }
  return circles;
}

/**
 * The circle of one tower in a scenario, undefined when it is not on air there; with a
 * path-loss `model`, its radius per clutter class (rule 8, as `onAirTowers` makes them).
 */
export function towerCircle(tower: Tower, scenario: Scenario, model?: RadioModel): Circle | undefined {
  const placed = towerInScenario(tower, scenario);
  if (placed === undefined) return undefined;
  const circle: Circle = { lon: tower.lon, lat: tower.lat, ...placed };
  if (model?.radiusModel === 'path_loss') {
    const classRadiusKm = new Float64Array(CLASS_COUNT);
    writeTowerClassRadii(classRadiusKm, 0, tower, scenario, model);
    circle.classRadiusKm = classRadiusKm;
    circle.radiusKm = Math.max(...classRadiusKm);
  }
  return circle;
}
