// A small hand-made Dataset with known answers for the progress timeline. Every point lies
// due north or south of the tower that matters to it, on the same meridian, so its distance
// is exactly R·Δφ (1° of latitude = 6371.0088·π/180 ≈ 111.195 km) and levels are plain to see.
//
//   district D1: lon 105.0-105.5, lat 9.0-9.5; communes C-W (lon ≤ 105.25) and C-E (lon ≥ 105.25)
//
//   west meridian 105.1                          east meridian 105.4
//   T1 existing 4G, on air 2021-03-01            T3 planned 4G, due 2021-09-01
//     H1 2 km north (pop 100)                      S1 1 km north (50 students, 10 in need)
//   T2 existing 3G, always on air, 5 km;         T4 planned 4G, no date: never on air on a date
//      upgraded to 4G (4 km) on 2021-06-01         H4 1 km north (pop 400)
//     H2 3 km north (pop 200): weak -> good      S2 fixed broadband (150 students): always good
//     H3 4.5 km south (pop 300): weak -> none
//
//   outside every district, lon 105.7: T5 existing 5G, always on air; H5 1 km north (pop 1000)
//
// Deliveries: S1 4 computers and 5 data SIMs on 2021-04-01, 8 computers on 2021-05-01 (equipped
// capped at its 10 in need: 40 % then 100 %); S2 (none in need) 2 computers on 2021-05-01;
// an unknown school 3 computers on 2021-07-01 (province only).
import type { Dataset, Hamlet, Metric, School, Tower } from '../../../src/domain/types.ts';
import { EARTH_RADIUS_KM } from '../../../src/domain/geo/haversine.ts';

export const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;
/** The latitude `km` north (negative: south) of `lat` on the same meridian. */
export const north = (lat: number, km: number): number => lat + km / KM_PER_DEGREE;

const WEST = 105.1;
const EAST = 105.4;
const OUTSIDE = 105.7;

const square = (w: number, s: number, e: number, n: number): [number, number][][] => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];

function tower(id: string, lon: number, lat: number, fields: Pick<Tower, 'status' | 'technology'> & Partial<Tower>): Tower {
  return { id, lon, lat, operator: 'Viettel', synthetic: false, ...fields };
}

function hamlet(id: string, lon: number, lat: number, population: number): Hamlet {
  return { id, name: id, lon, lat, population, gridPower: true, synthetic: false };
}

function school(id: string, lon: number, lat: number, students: number, fields: Partial<School> = {}): School {
  return { id, name: id, lon, lat, level: 'primary', students, fixedBroadband: false, synthetic: false, ...fields };
}

export function fixture(): Dataset {
  return {
    province: [{ id: 'P', name: 'Province', geometry: { type: 'Polygon', coordinates: square(104.5, 8.5, 106, 10) } }],
    districts: [{ id: 'D1', name: 'District 1', geometry: { type: 'Polygon', coordinates: square(105, 9, 105.5, 9.5) } }],
    communes: [
      { id: 'C-W', name: 'West', districtId: 'D1', geometry: { type: 'Polygon', coordinates: square(105, 9, 105.25, 9.5) } },
      { id: 'C-E', name: 'East', districtId: 'D1', geometry: { type: 'Polygon', coordinates: square(105.25, 9, 105.5, 9.5) } },
    ],
    towers: [
      tower('T1', WEST, 9.1, { status: 'existing', technology: '4G', serviceDate: '2021-03-01' }),
      tower('T2', WEST, 9.3, { status: 'existing', technology: '3G', upgradeTechnology: '4G', upgradeDate: '2021-06-01' }),
      tower('T3', EAST, 9.1, { status: 'planned', technology: '4G', serviceDate: '2021-09-01' }),
      tower('T4', EAST, 9.3, { status: 'planned', technology: '4G' }),
      tower('T5', OUTSIDE, 9.2, { status: 'existing', technology: '5G' }),
    ],
    hamlets: [
      hamlet('H1', WEST, north(9.1, 2), 100),
      hamlet('H2', WEST, north(9.3, 3), 200),
      hamlet('H3', WEST, north(9.3, -4.5), 300),
      hamlet('H4', EAST, north(9.3, 1), 400),
      hamlet('H5', OUTSIDE, north(9.2, 1), 1000),
    ],
    schools: [
      school('S1', EAST, north(9.1, 1), 50, { studentsInNeed: 10 }),
      school('S2', EAST, 9.45, 150, { fixedBroadband: true }),
    ],
    deliveries: [
      { date: '2021-05-01', schoolId: 'S1', kind: 'computer', quantity: 8 },
      { date: '2021-04-01', schoolId: 'S1', kind: 'computer', quantity: 4 },
      { date: '2021-04-01', schoolId: 'S1', kind: 'data_sim', quantity: 5 },
      { date: '2021-05-01', schoolId: 'S2', kind: 'computer', quantity: 2 },
      { date: '2021-07-01', schoolId: 'NO-SUCH-SCHOOL', kind: 'computer', quantity: 3 },
    ],
    programme: {
      name: 'Fixture programme',
      targets: [
        target('TG-HAM', 'hamlets_good_pct', 60, '2021-12-31'),
        target('TG-POP', 'population_good_pct', 80, '2022-06-30'),
        target('TG-SCH', 'schools_good_pct', 100, '2021-10-31'),
        target('TG-CMP', 'computers_delivered', 20, '2021-12-31'),
        target('TG-SIM', 'data_sims_delivered', 10, '2021-06-30'),
        target('TG-EQP', 'students_in_need_equipped_pct', 100, '2021-06-30'),
      ],
    },
  };
}

function target(id: string, metric: Metric, value: number, deadline: string) {
  return { id, metric, target: value, deadline, labelVi: id, labelEn: id };
}

/** Scope numbers of the fixture's timeline: the province, D1, then C-W and C-E. */
export const SCOPES = { province: 0, district: 1, west: 2, east: 3 } as const;
export type ScopeName = keyof typeof SCOPES;

/** The dates on which something happens (tower on air, upgrade, deliveries). */
export const EVENT_DATES = ['2021-03-01', '2021-04-01', '2021-05-01', '2021-06-01', '2021-07-01', '2021-09-01'];
/** The earliest and latest date the fixture names (T1's service date, TG-POP's deadline). */
export const FIRST_DATE = '2021-03-01';
export const LAST_DATE = '2022-06-30';

/** Fixed per scope: province, district, west, east. */
export const TOTALS = {
  hamlets: [5, 4, 3, 1],
  population: [2000, 1000, 600, 400],
  schools: [2, 2, 0, 2],
  students: [200, 200, 0, 200],
  students_in_need: [10, 10, 0, 10],
} as const;

/** A value before any dated change (''), then the value from each date on; null: a percentage of nothing. */
export type Steps = readonly (readonly [from: string, value: number | null])[];

/**
 * Every metric in every scope, by hand:
 * hamlets good: H5 always; H1 from 03-01; H2 from 06-01; H3 never (weak, then none); H4 never.
 * population good: H5 1000; +100 (H1) on 03-01; +200 (H2) on 06-01.
 * schools good: S2 always; S1 from 09-01. The west commune has no school: null.
 * computers: 4 on 04-01; +8 (S1) +2 (S2) on 05-01; +3 (unknown school, province only) on 07-01.
 * data SIMs: 5 on 04-01. Equipped: S1's 10 in need: 4 on 04-01, 10 (capped) on 05-01.
 */
export const EXPECTED: Record<Metric, Record<ScopeName, Steps>> = {
  hamlets_good_pct: {
    province: [['', 20], ['2021-03-01', 40], ['2021-06-01', 60]],
    district: [['', 0], ['2021-03-01', 25], ['2021-06-01', 50]],
    west: [['', 0], ['2021-03-01', 100 / 3], ['2021-06-01', 200 / 3]],
    east: [['', 0]],
  },
  population_good_pct: {
    province: [['', 50], ['2021-03-01', 55], ['2021-06-01', 65]],
    district: [['', 0], ['2021-03-01', 10], ['2021-06-01', 30]],
    west: [['', 0], ['2021-03-01', 100 / 6], ['2021-06-01', 50]],
    east: [['', 0]],
  },
  schools_good_pct: {
    province: [['', 50], ['2021-09-01', 100]],
    district: [['', 50], ['2021-09-01', 100]],
    west: [['', null]],
    east: [['', 50], ['2021-09-01', 100]],
  },
  computers_delivered: {
    province: [['', 0], ['2021-04-01', 4], ['2021-05-01', 14], ['2021-07-01', 17]],
    district: [['', 0], ['2021-04-01', 4], ['2021-05-01', 14]],
    west: [['', 0]],
    east: [['', 0], ['2021-04-01', 4], ['2021-05-01', 14]],
  },
  data_sims_delivered: {
    province: [['', 0], ['2021-04-01', 5]],
    district: [['', 0], ['2021-04-01', 5]],
    west: [['', 0]],
    east: [['', 0], ['2021-04-01', 5]],
  },
  students_in_need_equipped_pct: {
    province: [['', 0], ['2021-04-01', 40], ['2021-05-01', 100]],
    district: [['', 0], ['2021-04-01', 40], ['2021-05-01', 100]],
    west: [['', null]],
    east: [['', 0], ['2021-04-01', 40], ['2021-05-01', 100]],
  },
};

/** The value the steps give on an ISO date (ISO dates compare as strings). */
export function expectedOn(steps: Steps, iso: string): number | null {
  let value: number | null = null;
  for (const [from, v] of steps) if (from <= iso) value = v;
  return value;
}
