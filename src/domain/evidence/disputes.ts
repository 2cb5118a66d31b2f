// From verdicts to the gap register (issue 16, items 3–4): the tests that count for one point
// (what the "why" lists and a dispute's note sums up), and a district's points whose tests
// argue with the model: contradicted points to open as disputed, understated gaps to propose
// for closing. Only lists: the page records each change, and only on the user's word.
import { haversineKm } from '../geo/haversine.ts';
import type { Measurement } from '../types.ts';
import { CONTRADICTED, UNDERSTATED } from './verdict.ts';

/** A test that counts for a point: its index in the measurements, and how far it is (km). */
export interface NearTest {
  test: number;
  km: number;
}

/**
 * The tests with `counted[t] === 1` (the answer's window) within `radiusM` metres of (lon, lat),
 * inclusive and in metres as the verdict decides it (contract rule 10), nearest first, then in file order. One scan of the
 * tests: for one point on a click, or for a district's few over a box of tests around them.
 */
export function testsNear(
  lon: number,
  lat: number,
  measurements: readonly Pick<Measurement, 'lon' | 'lat'>[],
  counted: Uint8Array,
  radiusM: number,
  among?: Iterable<number>,
): NearTest[] {
  const out: NearTest[] = [];
  const visit = (t: number) => {
    const m = measurements[t];
    if (counted[t] !== 1 || m === undefined) return;
    const km = haversineKm(lon, lat, m.lon, m.lat);
    if (km * 1000 <= radiusM) out.push({ test: t, km });
  };
  if (among) for (const t of among) visit(t);
  else for (let t = 0; t < measurements.length; t++) visit(t);
  return out.sort((a, b) => a.km - b.km || a.test - b.test);
}

/** The first and last date (ISO) of some tests; undefined for none. */
export function dateRange(near: readonly NearTest[], measurements: readonly Pick<Measurement, 'date'>[]): { from: string; to: string } | undefined {
  let from: string | undefined;
  let to: string | undefined;
  for (const { test } of near) {
    const date = (measurements[test] as Pick<Measurement, 'date'>).date;
    if (from === undefined || date < from) from = date;
    if (to === undefined || date > to) to = date;
  }
  return from === undefined || to === undefined ? undefined : { from, to };
}

/** What a district's tests argue: contradicted points (modelled good, measured poor), understated gaps. */
export type DistrictAction = 'dispute' | 'propose-closing';

export const ACTION_AGREEMENT: Readonly<Record<DistrictAction, number>> = { dispute: CONTRADICTED, 'propose-closing': UNDERSTATED };

/**
 * The points of `district` whose agreement is the action's, split into those the workflow
 * lets go to `disputed` now (`ready`, ascending) and those already there (`already`).
 */
export function districtPoints(
  agreement: Uint8Array,
  districtOf: Int32Array,
  district: number,
  action: DistrictAction,
  isDisputed: (index: number) => boolean,
): { ready: number[]; already: number } {
  const wanted = ACTION_AGREEMENT[action];
  const ready: number[] = [];
  let already = 0;
  for (let i = 0; i < agreement.length; i++) {
    if (agreement[i] !== wanted || districtOf[i] !== district) continue;
    if (isDisputed(i)) already++;
    else ready.push(i);
  }
  return { ready, already };
}

/**
 * The indexes of the tests near any of `points` (within `radiusKm` of the box around them):
 * what `testsNear` needs to look at for a district's points, instead of every test each.
 */
export function testsAround(points: { lon: ArrayLike<number>; lat: ArrayLike<number> }, indexes: readonly number[], measurements: readonly Pick<Measurement, 'lon' | 'lat'>[], radiusKm: number): number[] {
  if (indexes.length === 0) return [];
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const i of indexes) {
    minLon = Math.min(minLon, points.lon[i] as number);
    maxLon = Math.max(maxLon, points.lon[i] as number);
    minLat = Math.min(minLat, points.lat[i] as number);
    maxLat = Math.max(maxLat, points.lat[i] as number);
  }
  // A degree of latitude is ≥ 110 km; of longitude ≥ 110·cos(lat) km: a margin that cannot cut a test off.
  const dLat = radiusKm / 110 + 1e-6;
  const cos = Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) + dLat) * (Math.PI / 180));
  const dLon = cos > 0.01 ? radiusKm / (110 * cos) + 1e-6 : 360;
  const out: number[] = [];
  measurements.forEach((m, t) => {
    if (m.lon >= minLon - dLon && m.lon <= maxLon + dLon && m.lat >= minLat - dLat && m.lat <= maxLat + dLat) out.push(t);
  });
  return out;
}
