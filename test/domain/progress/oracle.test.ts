// The timeline's coverage counts, and every point's level changes, against the brute-force
// oracle (towersOnAir + pointLevel for the scenario "that ISO date") on random datasets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, Hamlet, School, Technology, Tower } from '../../../src/domain/types.ts';
import { TECHNOLOGIES, DEFAULT_RADIUS_KM } from '../../../src/domain/types.ts';
import { pointLevel, towersOnAir } from '../../../src/domain/coverage/brute-force.ts';
import { LEVEL_NAMES, pointColumns } from '../../../src/domain/coverage/columns.ts';
import { EARTH_RADIUS_KM } from '../../../src/domain/geo/haversine.ts';
import { DAY_MAX, DAY_MIN, fromDay, toDay } from '../../../src/domain/progress/days.ts';
import { levelChanges } from '../../../src/domain/progress/level-changes.ts';
import { valueAt } from '../../../src/domain/progress/steps.ts';
import { buildTimeline, districtScope, PROVINCE_SCOPE } from '../../../src/domain/progress/timeline.ts';
import { towerStates } from '../../../src/domain/progress/tower-states.ts';

const SEED = 20260501;
const DEG = Math.PI / 180;

/** The one district: a square that holds part of the points' box (lon 105-106, lat 9-10). */
const DISTRICT = { west: 105, south: 9, east: 105.6, north: 9.6 };
const inDistrict = (lon: number, lat: number) =>
  lon >= DISTRICT.west && lon <= DISTRICT.east && lat >= DISTRICT.south && lat <= DISTRICT.north;

/** The point `km` from (lon, lat) along `bearingDeg`, on the contract's sphere. */
function destination(lon: number, lat: number, bearingDeg: number, km: number): [number, number] {
  const d = km / EARTH_RADIUS_KM;
  const t = bearingDeg * DEG;
  const p1 = lat * DEG;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(t));
  const l2 = lon * DEG + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [l2 / DEG, p2 / DEG];
}

const technology = fc.constantFrom<Technology>(...TECHNOLOGIES);
const isoDate = fc
  .tuple(fc.integer({ min: 2019, max: 2023 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const radius = fc.oneof(fc.constant(0), fc.constantFrom(1.5, 4, 5, 8), fc.double({ min: 0, max: 25, noNaN: true }));
const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const lonArb = fc.double({ min: 105, max: 106, noNaN: true });
const latArb = fc.double({ min: 9, max: 10, noNaN: true });

const towerArb = fc.record({
  lon: lonArb,
  lat: latArb,
  status: fc.constantFrom('existing', 'existing', 'planned') as fc.Arbitrary<Tower['status']>,
  technology,
  radiusKm: option(radius),
  serviceDate: option(isoDate),
  upgradeTechnology: option(technology),
  upgradeRadiusKm: option(radius),
  upgradeDate: option(isoDate),
});

/** Where a point goes: anywhere in the box, near a tower, or on (a rounding away from) one of its rims. */
const offset = fc.double({ min: -0.1, max: 0.1, noNaN: true });
const placeArb = fc.oneof(
  fc.record({ kind: fc.constant('free' as const), lon: lonArb, lat: latArb }),
  fc.record({ kind: fc.constant('near' as const), pick: fc.nat(), dLon: offset, dLat: offset }),
  fc.record({
    kind: fc.constant('rim' as const),
    pick: fc.nat(),
    upgraded: fc.boolean(),
    bearing: fc.double({ min: 0, max: 360, noNaN: true }),
  }),
);

const pointArb = fc.record({
  place: placeArb,
  school: fc.boolean(),
  weight: fc.integer({ min: 0, max: 1000 }),
  fixedBroadband: fc.boolean(),
});

const datasetArb = fc
  .record({ towers: fc.array(towerArb, { maxLength: 30 }), points: fc.array(pointArb, { minLength: 5, maxLength: 60 }) })
  .map(({ towers: specs, points }): Dataset => {
    const towers: Tower[] = specs.map((t, i) => ({ id: `T${i}`, operator: 'Viettel', synthetic: true, ...t }));
    const hamlets: Hamlet[] = [];
    const schools: School[] = [];
    points.forEach(({ place, school, weight, fixedBroadband }, i) => {
      let lon: number;
      let lat: number;
      const t = towers.length === 0 || place.kind === 'free' ? undefined : towers[place.pick % towers.length];
      if (place.kind === 'free' || t === undefined) {
        [lon, lat] = place.kind === 'free' ? [place.lon, place.lat] : [105.5, 9.5];
      } else if (place.kind === 'near') {
        [lon, lat] = [t.lon + place.dLon, t.lat + place.dLat];
      } else {
        // On the rim as built, or as upgraded (when the tower has an upgrade).
        const up = place.upgraded ? t.upgradeTechnology : undefined;
        const km = up ? (t.upgradeRadiusKm ?? DEFAULT_RADIUS_KM[up]) : (t.radiusKm ?? DEFAULT_RADIUS_KM[t.technology]);
        [lon, lat] = destination(t.lon, t.lat, place.bearing, km);
      }
      const id = `P${i}`;
      if (school) {
        // About one school in four has a fixed line.
        const fixed = fixedBroadband && weight % 2 === 0;
        schools.push({ id, name: id, lon, lat, level: 'primary', students: weight, fixedBroadband: fixed, synthetic: true });
      } else {
        hamlets.push({ id, name: id, lon, lat, population: weight, gridPower: true, synthetic: true });
      }
    });
    const { west: w, south: s, east: e, north: n } = DISTRICT;
    const square = [[[w, s], [e, s], [e, n], [w, n], [w, s]]] as [number, number][][];
    return {
      province: [{ id: 'P', name: 'P', geometry: { type: 'Polygon', coordinates: square } }],
      districts: [{ id: 'D', name: 'D', geometry: { type: 'Polygon', coordinates: square } }],
      hamlets,
      schools,
      towers,
      programme: { name: 'random', targets: [] },
    };
  });

/** The days worth checking: every tower date and the day before it, and a few random days. */
function daysToCheck(dataset: Dataset, extra: readonly string[]): number[] {
  const days = new Set<number>(extra.map(toDay));
  for (const t of dataset.towers) {
    for (const iso of [t.serviceDate, t.upgradeDate]) {
      if (iso === undefined) continue;
      days.add(toDay(iso));
      days.add(toDay(iso) - 1);
    }
  }
  days.add(toDay('1990-01-01'));
  days.add(toDay('2050-01-01'));
  return [...days].sort((a, b) => a - b);
}

/** The oracle's level of every point (hamlets, then schools) on an ISO date. */
function oracleLevels(dataset: Dataset, iso: string): string[] {
  const onAir = towersOnAir(dataset.towers, iso);
  return [
    ...dataset.hamlets.map((h) => pointLevel(h.lon, h.lat, onAir).level),
    ...dataset.schools.map((s) => pointLevel(s.lon, s.lat, onAir, s.fixedBroadband).level),
  ];
}

const params = { seed: SEED, numRuns: 100, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true };

describe('buildTimeline against the oracle', () => {
  it('hamlets_good, population_good, schools_good, students_good on every checked day, province and district', () => {
    fc.assert(
      fc.property(datasetArb, fc.array(isoDate, { minLength: 1, maxLength: 5 }), (dataset, extra) => {
        const timeline = buildTimeline(dataset);
        for (const day of daysToCheck(dataset, extra)) {
          const iso = fromDay(day);
          const levels = oracleLevels(dataset, iso);
          const want = [
            { hamlets_good: 0, population_good: 0, schools_good: 0, students_good: 0 },
            { hamlets_good: 0, population_good: 0, schools_good: 0, students_good: 0 },
          ];
          const points = [...dataset.hamlets, ...dataset.schools];
          points.forEach((p, i) => {
            if (levels[i] !== 'good') return;
            const scopes = inDistrict(p.lon, p.lat) ? [0, 1] : [0];
            for (const s of scopes) {
              const w = want[s]!;
              if (i < dataset.hamlets.length) {
                w.hamlets_good += 1;
                w.population_good += (p as Hamlet).population;
              } else {
                w.schools_good += 1;
                w.students_good += (p as School).students;
              }
            }
          });
          [PROVINCE_SCOPE, districtScope(0)].forEach((scope, s) => {
            const got = {
              hamlets_good: valueAt(timeline.series.hamlets_good[scope]!, day),
              population_good: valueAt(timeline.series.population_good[scope]!, day),
              schools_good: valueAt(timeline.series.schools_good[scope]!, day),
              students_good: valueAt(timeline.series.students_good[scope]!, day),
            };
            expect(got, `scope ${scope} on ${iso}`).toEqual(want[s]);
          });
        }
      }),
      params,
    );
  });
});

describe('levelChanges against the oracle', () => {
  it('each point: initial level, and the level on every change day and the day before it, and on every tower date', () => {
    fc.assert(
      fc.property(datasetArb, (dataset) => {
        const changes = levelChanges(pointColumns(dataset.hamlets, dataset.schools), towerStates(dataset.towers));
        const n = dataset.hamlets.length + dataset.schools.length;
        expect(changes.initial.length).toBe(n);
        expect(changes.offsets.length).toBe(n + 1);
        expect(changes.offsets[0]).toBe(0);
        expect(changes.offsets[n]).toBe(changes.day.length);
        expect(changes.level.length).toBe(changes.day.length);

        const levelOn = (i: number, day: number): string => {
          let level = changes.initial[i]!;
          for (let c = changes.offsets[i]!; c < changes.offsets[i + 1]!; c++) {
            if (changes.day[c]! <= day) level = changes.level[c]!;
          }
          return LEVEL_NAMES[level]!;
        };

        const days = new Set(daysToCheck(dataset, []));
        for (let i = 0; i < n; i++) {
          let previous = changes.initial[i]!;
          for (let c = changes.offsets[i]!; c < changes.offsets[i + 1]!; c++) {
            const day = changes.day[c]!;
            // Real, dated changes only, in day order.
            expect(day).toBeGreaterThan(DAY_MIN);
            expect(day).toBeLessThan(DAY_MAX);
            if (c > changes.offsets[i]!) expect(day).toBeGreaterThan(changes.day[c - 1]!);
            expect(changes.level[c]).not.toBe(previous);
            previous = changes.level[c]!;
            days.add(day);
            days.add(day - 1);
          }
        }
        for (const day of days) {
          const iso = fromDay(day);
          const levels = oracleLevels(dataset, iso);
          for (let i = 0; i < n; i++) expect(levelOn(i, day), `point ${i} on ${iso}`).toBe(levels[i]);
        }
      }),
      params,
    );
  });
});
