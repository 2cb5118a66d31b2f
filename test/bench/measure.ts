// What the benchmarks share: timing, medians, the bundled Cà Mau districts, and hamlets and
// schools laid on seeded point columns (data.ts makes the columns).
import { readFileSync } from 'node:fs';
import type { PointColumns } from '../../src/domain/coverage/columns.ts';
import { parseFile } from '../../src/domain/parse/index.ts';
import type { Boundary, Hamlet, School } from '../../src/domain/types.ts';
import { rng } from './data.ts';

/** Milliseconds `fn` took. */
export function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** The median (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The real districts of data/, for the per-area figures. */
export function camauDistricts(): Boundary[] {
  const path = 'data/boundaries/districts.geojson';
  const { value, issues } = parseFile('districts', path, readFileSync(path, 'utf8'));
  if (value === undefined) throw new Error(issues.map((i) => i.message).join('\n'));
  return value;
}

/**
 * Hamlets and schools at the points (the last 5% are schools, as `randomPoints` makes them):
 * seeded integer populations 50..3000 with a fifth as students, schools of 100..1000
 * students with 40 in need.
 */
export function pointRecords(points: PointColumns, seed = 7): { hamlets: Hamlet[]; schools: School[] } {
  const random = rng(seed);
  const hamletCount = points.count - Math.floor(points.count * 0.05);
  const hamlets: Hamlet[] = [];
  const schools: School[] = [];
  for (let i = 0; i < points.count; i++) {
    const lon = points.lon[i] as number;
    const lat = points.lat[i] as number;
    if (i < hamletCount) {
      const population = 50 + Math.floor(random() * 2951);
      hamlets.push({ id: `H${i}`, name: `H${i}`, lon, lat, population, students: Math.floor(population / 5), gridPower: true, synthetic: true });
    } else {
      const students = 100 + Math.floor(random() * 901);
      schools.push({ id: `S${i}`, name: `S${i}`, lon, lat, level: 'primary', students, studentsInNeed: 40, fixedBroadband: points.fixedBroadband[i] === 1, synthetic: true });
    }
  }
  return { hamlets, schools };
}
