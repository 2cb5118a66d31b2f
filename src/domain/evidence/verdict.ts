// Each point's verdict from the speed tests around it (contract rule 10), and its agreement
// with the modelled level. Tests are bucketed on a grid (test-grid.ts), so a point reads only
// the tests in the cells within reach, never the whole file; distances are decided exactly
// as the haversine (R = 6371.0088 km) decides them, in metres, boundary included.
import { LEVEL_GOOD } from '../coverage/columns.ts';
import type { PointCoordinates } from '../coverage/point-grid.ts';
import type { EvidenceParams } from './params.ts';
import { buildTestGrid, testQuery, valuesWithin, visitOrder, type TestGrid, type TestQuery, type TestSource, type VisitOrder } from './test-grid.ts';
import type { TestColumns } from './tests.ts';

/** Verdict codes in `MeasuredColumns.verdict`. */
export const UNVERIFIED = 0;
export const MEASURED_GOOD = 1;
export const MEASURED_POOR = 2;
export const VERDICT_NAMES = ['unverified', 'measured_good', 'measured_poor'] as const;
export type Verdict = (typeof VERDICT_NAMES)[number];

/** What the tests say of every point, index-aligned with the points. */
export interface MeasuredColumns {
  /** Tests that count for the point. */
  tests: Int32Array;
  /** Median download (Mbps) of those tests; NaN when there is none. */
  medianMbps: Float64Array;
  /** UNVERIFIED, MEASURED_GOOD or MEASURED_POOR. */
  verdict: Uint8Array;
}

/**
 * Reorders `a[0 .. n - 1]` so that `a[k]` holds the value a numeric sort would put there,
 * with nothing greater before it and nothing smaller after (Hoare's selection, O(n) on
 * average: a point may have thousands of tests, and only the middle matters).
 */
function selectKth(a: Float64Array, n: number, k: number): void {
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 16) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot, moved to a[mid].
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * The median of `values[0 .. n - 1]` (reordered here): the middle value for an odd count, the
 * mean of the two middle values for an even one; NaN for none.
 */
export function medianOf(values: Float64Array, n: number): number {
  if (n === 0) return NaN;
  const half = n >> 1;
  selectKth(values, n, half);
  const upper = values[half]!;
  if (n % 2 === 1) return upper;
  // Everything before `half` is ≤ upper: the lower middle value is the largest of them.
  let lower = values[0]!;
  for (let i = 1; i < half; i++) if (values[i]! > lower) lower = values[i]!;
  return (lower + upper) / 2;
}

/** The verdict of a point with `count` tests of median `medianMbps`. */
export function verdictOf(count: number, medianMbps: number, params: Pick<EvidenceParams, 'minTests' | 'goodMbps'>): number {
  if (count < params.minTests) return UNVERIFIED;
  return medianMbps >= params.goodMbps ? MEASURED_GOOD : MEASURED_POOR;
}

/** Every point without a test: 0 tests, no median, unverified. */
function unmeasured(n: number): MeasuredColumns {
  return { tests: new Int32Array(n), medianMbps: new Float64Array(n).fill(NaN), verdict: new Uint8Array(n) };
}

/**
 * The tests on a grid for one radius and the points in the order to visit them: made once, it
 * serves every selection of those tests (a scenario's window, one operator: `measureIndexed`).
 */
export interface VerdictIndex {
  count: number;
  radiusM: number;
  grid: TestGrid;
  query: TestQuery;
  visit: VisitOrder;
}

/** The index of `selected` (indexes into `tests`; every test when undefined) for the points and `radiusM`. */
export function verdictIndex(points: PointCoordinates, tests: TestSource, selected: Int32Array | undefined, radiusM: number): VerdictIndex {
  const grid = buildTestGrid(tests, selected, radiusM >= 0 ? Math.max(radiusM / 1000, 0.05) : 0.05);
  return { count: points.count, radiusM, grid, query: testQuery(radiusM), visit: visitOrder(grid, points) };
}

/** Per record of the index's grid: 1 when its test has `counted[t] === 1` (counted: per test, file order). */
export function recordsCounted(index: VerdictIndex, counted: Uint8Array): Uint8Array {
  const { test } = index.grid;
  const on = new Uint8Array(test.length);
  for (let j = 0; j < test.length; j++) on[j] = counted[test[j]!]!;
  return on;
}

/**
 * The tests within `index.radiusM` metres of each point (haversine, inclusive) among the
 * index's records with `on[j] === 1` (all when undefined), their median download and the
 * point's verdict.
 */
export function measureIndexed(index: VerdictIndex, on: Uint8Array | undefined, params: Pick<EvidenceParams, 'minTests' | 'goodMbps'>): MeasuredColumns {
  const n = index.count;
  const out = unmeasured(n);
  // A radius that is not a number ≥ 0 counts no test (no distance is ≤ it).
  if (!(index.radiusM >= 0) || index.grid.test.length === 0) return out;
  const { grid, query } = index;
  const { order, lon, lat } = index.visit;
  const scratch = { values: new Float64Array(64) };
  for (let o = 0; o < n; o++) {
    const count = valuesWithin(grid, lon[o]!, lat[o]!, query, on, scratch);
    if (count === 0) continue;
    const i = order[o]!;
    out.tests[i] = count;
    const median = medianOf(scratch.values, count);
    out.medianMbps[i] = median;
    out.verdict[i] = verdictOf(count, median, params);
  }
  return out;
}

/**
 * The tests within `params.radiusM` metres of each point (haversine, inclusive), among the
 * tests `selected` (indexes into `tests`; see selectTests), their median download and the
 * point's verdict. Reads its inputs only.
 */
export function measurePoints(
  points: PointCoordinates,
  tests: TestColumns,
  selected: Int32Array,
  params: Pick<EvidenceParams, 'radiusM' | 'minTests' | 'goodMbps'>,
): MeasuredColumns {
  if (points.count === 0 || selected.length === 0 || !(params.radiusM >= 0)) return unmeasured(points.count);
  return measureIndexed(verdictIndex(points, tests, selected, params.radiusM), undefined, params);
}

/** Agreement codes: how the measured verdict meets the modelled level. */
export const AGREEMENT_UNVERIFIED = 0;
export const CONFIRMED = 1;
/** Modelled good, measured poor. */
export const CONTRADICTED = 2;
/** Modelled not good, measured good. */
export const UNDERSTATED = 3;
export const AGREEMENT_NAMES = ['unverified', 'confirmed', 'contradicted', 'understated'] as const;
export type Agreement = (typeof AGREEMENT_NAMES)[number];

/** The agreement of one point: `levelGood` is the modelled level being `good`. */
export function agreementOf(levelGood: boolean, verdict: number): number {
  if (verdict === MEASURED_GOOD) return levelGood ? CONFIRMED : UNDERSTATED;
  if (verdict === MEASURED_POOR) return levelGood ? CONTRADICTED : CONFIRMED;
  return AGREEMENT_UNVERIFIED;
}

/** Every point's agreement, from the engine's levels (LEVEL_*) and the verdicts. */
export function agreements(level: Uint8Array, verdict: Uint8Array): Uint8Array {
  const out = new Uint8Array(level.length);
  for (let i = 0; i < level.length; i++) out[i] = agreementOf(level[i] === LEVEL_GOOD, verdict[i] as number);
  return out;
}
