// Hamlets and schools as columns: a few typed arrays and packed strings instead of a million
// objects, so that the worker can hand them to the page in one cheap message (typed arrays
// transferred, strings copied as one block each) and the map can read them without objects.
// One point's object is rebuilt only when something needs it (a tooltip, a panel).
import type { PointColumns } from '../coverage/columns.ts';
import { SCHOOL_LEVELS, type Hamlet, type School } from '../types.ts';

/** Strings end to end in one text; string i is text.slice(offsets[i], offsets[i + 1]). */
export interface PackedStrings {
  text: string;
  offsets: Uint32Array;
}

// Bits of `flags`.
const GRID_POWER = 1;
const FIXED_BROADBAND = 2;
const SYNTHETIC = 4;
const HAS_COMMUNE = 8;
const HAS_DISTRICT = 16;

/** Hamlets first, then schools, each in file order (the coverage engine's point order). */
export interface PointTable {
  hamletCount: number;
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  ids: PackedStrings;
  names: PackedStrings;
  communes: PackedStrings;
  districts: PackedStrings;
  /** Hamlets: population; schools: students. */
  weight: Float64Array;
  /** Hamlets: households; schools: NaN. NaN where the file leaves it out. */
  households: Float64Array;
  poorHouseholds: Float64Array;
  /** Hamlets: students; schools: students in need. NaN where absent. */
  students: Float64Array;
  /** Schools only: index into SCHOOL_LEVELS. */
  schoolLevel: Uint8Array;
  flags: Uint8Array;
}

function pack(values: readonly string[]): PackedStrings {
  const offsets = new Uint32Array(values.length + 1);
  let at = 0;
  values.forEach((value, i) => {
    at += value.length;
    offsets[i + 1] = at;
  });
  return { text: values.join(''), offsets };
}

export function stringAt(strings: PackedStrings, i: number): string {
  return strings.text.slice(strings.offsets[i], strings.offsets[i + 1]);
}

const orNaN = (value: number | undefined): number => value ?? NaN;

export function buildPointTable(hamlets: readonly Hamlet[], schools: readonly School[]): PointTable {
  const hamletCount = hamlets.length;
  const count = hamletCount + schools.length;
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  const weight = new Float64Array(count);
  const households = new Float64Array(count).fill(NaN);
  const poorHouseholds = new Float64Array(count).fill(NaN);
  const students = new Float64Array(count).fill(NaN);
  const schoolLevel = new Uint8Array(count);
  const flags = new Uint8Array(count);
  const ids: string[] = new Array(count);
  const names: string[] = new Array(count);
  const communes: string[] = new Array(count);
  const districts: string[] = new Array(count);
  const common = (i: number, p: Hamlet | School): number => {
    lon[i] = p.lon;
    lat[i] = p.lat;
    ids[i] = p.id;
    names[i] = p.name;
    communes[i] = p.commune ?? '';
    districts[i] = p.district ?? '';
    return (p.synthetic ? SYNTHETIC : 0) | (p.commune !== undefined ? HAS_COMMUNE : 0) | (p.district !== undefined ? HAS_DISTRICT : 0);
  };
  hamlets.forEach((h, i) => {
    flags[i] = common(i, h) | (h.gridPower ? GRID_POWER : 0);
    weight[i] = h.population;
    households[i] = orNaN(h.households);
    poorHouseholds[i] = orNaN(h.poorHouseholds);
    students[i] = orNaN(h.students);
  });
  schools.forEach((s, j) => {
    const i = hamletCount + j;
    flags[i] = common(i, s) | (s.fixedBroadband ? FIXED_BROADBAND : 0);
    weight[i] = s.students;
    students[i] = orNaN(s.studentsInNeed);
    schoolLevel[i] = SCHOOL_LEVELS.indexOf(s.level);
  });
  return {
    hamletCount,
    count,
    lon,
    lat,
    ids: pack(ids),
    names: pack(names),
    communes: pack(communes),
    districts: pack(districts),
    weight,
    households,
    poorHouseholds,
    students,
    schoolLevel,
    flags,
  };
}

/** The coverage engine's columns of a table (copies: the table's own go to the page). */
export function tableColumns(t: PointTable): PointColumns {
  const fixedBroadband = new Uint8Array(t.count);
  for (let i = t.hamletCount; i < t.count; i++) fixedBroadband[i] = ((t.flags[i] as number) & FIXED_BROADBAND) !== 0 ? 1 : 0;
  return { count: t.count, lon: t.lon.slice(), lat: t.lat.slice(), fixedBroadband };
}

export const isHamletIndex = (t: PointTable, i: number): boolean => i < t.hamletCount;

function place(t: PointTable, i: number) {
  const flags = t.flags[i] as number;
  return {
    id: stringAt(t.ids, i),
    name: stringAt(t.names, i),
    lon: t.lon[i] as number,
    lat: t.lat[i] as number,
    flags,
    optional: {
      ...(flags & HAS_COMMUNE ? { commune: stringAt(t.communes, i) } : {}),
      ...(flags & HAS_DISTRICT ? { district: stringAt(t.districts, i) } : {}),
    },
  };
}

const defined = (value: number): number | undefined => (Number.isNaN(value) ? undefined : value);

/** Hamlet `i` (0 ≤ i < hamletCount), rebuilt as the parser made it. */
export function hamletAt(t: PointTable, i: number): Hamlet {
  const { flags, optional, ...p } = place(t, i);
  const households = defined(t.households[i] as number);
  const poorHouseholds = defined(t.poorHouseholds[i] as number);
  const students = defined(t.students[i] as number);
  return {
    ...p,
    population: t.weight[i] as number,
    ...(households !== undefined ? { households } : {}),
    ...(poorHouseholds !== undefined ? { poorHouseholds } : {}),
    ...(students !== undefined ? { students } : {}),
    gridPower: (flags & GRID_POWER) !== 0,
    ...optional,
    synthetic: (flags & SYNTHETIC) !== 0,
  };
}

/** School at point index `i` (hamletCount ≤ i < count). */
export function schoolAt(t: PointTable, i: number): School {
  const { flags, optional, ...p } = place(t, i);
  const studentsInNeed = defined(t.students[i] as number);
  return {
    ...p,
    level: SCHOOL_LEVELS[t.schoolLevel[i] as number] ?? 'primary',
    students: t.weight[i] as number,
    ...(studentsInNeed !== undefined ? { studentsInNeed } : {}),
    fixedBroadband: (flags & FIXED_BROADBAND) !== 0,
    ...optional,
    synthetic: (flags & SYNTHETIC) !== 0,
  };
}

export type TablePoint = { kind: 'hamlet'; item: Hamlet } | { kind: 'school'; item: School };

/** Point `i` (hamlets first, then schools), or undefined out of range. */
export function pointAt(t: PointTable, i: number): TablePoint | undefined {
  if (!(i >= 0 && i < t.count) || !Number.isInteger(i)) return undefined;
  return i < t.hamletCount ? { kind: 'hamlet', item: hamletAt(t, i) } : { kind: 'school', item: schoolAt(t, i) };
}

// Built on the first lookup by id only (a shared link, a gap's status): a million keys cost
// a few hundred milliseconds, which a plain map view never pays.
const idIndexes = new WeakMap<PointTable, Map<string, number>>();

/** Index of the hamlet or school with this id; the first one when ids repeat. */
export function findPoint(t: PointTable, kind: 'hamlet' | 'school', id: string): number | undefined {
  let byKey = idIndexes.get(t);
  if (!byKey) {
    byKey = new Map();
    for (let i = t.count - 1; i >= 0; i--) byKey.set(`${i < t.hamletCount ? 'h' : 's'}${stringAt(t.ids, i)}`, i);
    idIndexes.set(t, byKey);
  }
  return byKey.get(`${kind === 'hamlet' ? 'h' : 's'}${id}`);
}

/** People in the hamlets and students in the schools. */
export function pointSums(t: PointTable): { population: number; students: number } {
  let population = 0;
  let students = 0;
  for (let i = 0; i < t.count; i++) {
    if (i < t.hamletCount) population += t.weight[i] as number;
    else students += t.weight[i] as number;
  }
  return { population, students };
}
