// Shared by the classify-*.test.ts files: datasets from plain objects, and the comparison of
// `classify` with the oracle (brute-force.ts) on every field of every point.
import fc from 'fast-check';
import type { Hamlet, School, Technology, Tower } from '../../../src/domain/types.ts';
import type { Scenario } from '../../../src/domain/coverage/columns.ts';
import { LEVEL_NAMES, onAirTowers, pointColumns } from '../../../src/domain/coverage/columns.ts';
import { pointLevel, towersOnAir } from '../../../src/domain/coverage/brute-force.ts';
import { classify } from '../../../src/domain/coverage/classify.ts';
import { EARTH_RADIUS_KM } from '../../../src/domain/geo/haversine.ts';

/** The seed of every fast-check property in these files, printed so a failure can be rerun. */
export const SEED = 20260415;

const DEG = Math.PI / 180;

export function tower(id: string, lon: number, lat: number, technology: Technology, fields: Partial<Tower> = {}): Tower {
  return { id, lon, lat, operator: 'Viettel', status: 'existing', technology, synthetic: true, ...fields };
}

export function hamlet(id: string, lon: number, lat: number): Hamlet {
  return { id, name: id, lon, lat, population: 100, gridPower: true, synthetic: true };
}

export function school(id: string, lon: number, lat: number, fixedBroadband: boolean): School {
  return { id, name: id, lon, lat, level: 'primary', students: 50, fixedBroadband, synthetic: true };
}

/** The point `km` from (lon, lat) along `bearingDeg` on the sphere of the contract. */
export function destination(lon: number, lat: number, bearingDeg: number, km: number): [number, number] {
  const d = km / EARTH_RADIUS_KM;
  const t = bearingDeg * DEG;
  const p1 = lat * DEG;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(t));
  const l2 = lon * DEG + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [l2 / DEG, p2 / DEG];
}

export interface Comparison {
  /** Points compared. */
  count: number;
  /** Up to 10 descriptions of points where classify and the oracle differ. */
  wrong: string[];
  /** How many points had each level (oracle's), to show what a run exercised. */
  levels: Record<string, number>;
}

/**
 * Classifies hamlets and schools against the towers in `scenario` with `classify`, and each
 * point with `pointLevel` over `towersOnAir`, from the same Tower[]; compares level, nearest
 * tower id (through TowerColumns.towerIndex) and km (exactly equal, or both none).
 */
export function compareWithOracle(
  towers: readonly Tower[],
  hamlets: readonly Hamlet[],
  schools: readonly School[],
  scenario: Scenario,
): Comparison {
  const points = pointColumns(hamlets, schools);
  const columns = onAirTowers(towers, scenario);
  const onAir = towersOnAir(towers, scenario);
  const got = classify(points, columns);
  const wrong: string[] = [];
  const levels: Record<string, number> = { good: 0, weak: 0, none: 0 };
  const all = [...hamlets, ...schools];
  if (got.level.length !== points.count || got.nearest4g.length !== points.count || got.nearest4gKm.length !== points.count) {
    wrong.push(`output length ${got.level.length}/${got.nearest4g.length}/${got.nearest4gKm.length}, expected ${points.count}`);
  }
  for (let i = 0; i < points.count; i++) {
    const p = all[i] as Hamlet | School;
    const want = pointLevel(p.lon, p.lat, onAir, 'fixedBroadband' in p ? p.fixedBroadband : false);
    levels[want.level] = (levels[want.level] ?? 0) + 1;
    const k = got.nearest4g[i] as number;
    const level = LEVEL_NAMES[got.level[i] as number];
    const id = k < 0 ? null : (towers[columns.towerIndex[k] as number] as Tower).id;
    const km = got.nearest4gKm[i] as number;
    const kmOk = k < 0 ? Number.isNaN(km) && want.nearest4gKm === null : Object.is(km, want.nearest4gKm);
    if (level !== want.level || id !== want.nearest4gId || !kmOk) {
      if (wrong.length < 10) {
        wrong.push(
          `point ${i} ${p.id} [${p.lon}, ${p.lat}] ${scenario}: classify ${level} ${id} ${km}, ` +
            `oracle ${want.level} ${want.nearest4gId} ${want.nearest4gKm}`,
        );
      }
    }
  }
  return { count: points.count, wrong, levels };
}

const randomLon = fc.double({ min: 104.5, max: 105.5, noNaN: true });
const randomLat = fc.double({ min: 8.5, max: 9.5, noNaN: true });

/** Up to 300 points over Cà Mau as columns, some with fixed broadband. */
export const randomPoints = fc.array(fc.tuple(randomLon, randomLat, fc.boolean()), { maxLength: 300 }).map((rows) => ({
  count: rows.length,
  lon: Float64Array.from(rows, (r) => r[0]),
  lat: Float64Array.from(rows, (r) => r[1]),
  fixedBroadband: Uint8Array.from(rows, (r) => (r[2] ? 1 : 0)),
}));

/** Up to 60 existing towers over the same area, every technology, radii 0.5–10 km. */
export const randomTowers = fc
  .array(fc.record({ lon: randomLon, lat: randomLat, technology: fc.constantFrom<Technology>('2G', '3G', '4G', '5G'), radiusKm: fc.double({ min: 0.5, max: 10, noNaN: true }) }), { maxLength: 60 })
  .map((rows) => rows.map((r, i) => tower(`T${i}`, r.lon, r.lat, r.technology, { radiusKm: r.radiusKm })));
