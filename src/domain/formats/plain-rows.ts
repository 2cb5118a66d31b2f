// Rows of a table file that are plainly valid, turned into records without the per-feature
// checks (rows.ts calls these first). A row is plain when every contract field has a value the
// checks would take without a word: the right type, in range, no cross-field rule touched, and
// a position inside Vietnam's extent. Any other row returns undefined and goes through the
// ordinary checks (`FeatureChecker`), so every issue is still said by the same code; a test
// compares both ways on random tables with faults. The record is the one `readHamlet`,
// `readSchool` or `readTower` (parse/points.ts) makes, fields in the same order.
import { VIETNAM } from '../parse/coordinates.ts';
import { dateFault } from '../parse/dates.ts';
import type { PointKind } from '../import/csv-mapping.ts';
import { BAND_MAX_MHZ, BAND_MIN_MHZ, LARGE_RADIUS_KM } from '../parse/points.ts';
import { CLUTTER_CLASSES, SCHOOL_LEVELS, TECHNOLOGIES, TOWER_STATUSES, type Hamlet, type School, type Tower } from '../types.ts';

/**
 * The fields a kind's plain record reads, in this order: a row is handed over as its values in
 * this order (`Cells`), read by index. A table row's cells come from its columns by index, not
 * through a lookup by field name on every read (rows.ts).
 */
export const PLAIN_FIELDS = {
  hamlets: ['name', 'population', 'households', 'poor_households', 'students', 'grid_power', 'commune', 'district', 'clutter', 'synthetic'],
  schools: ['name', 'level', 'students', 'students_in_need', 'fixed_broadband', 'commune', 'district', 'clutter', 'synthetic'],
  towers: ['operator', 'status', 'technology', 'radius_km', 'service_date', 'upgrade_technology', 'upgrade_radius_km', 'upgrade_date', 'height_m', 'band_mhz', 'upgrade_band_mhz', 'synthetic'],
} as const satisfies Record<PointKind, readonly string[]>;

/** A row's values of `PLAIN_FIELDS[kind]`, in that order (undefined where absent). */
export type Cells = ArrayLike<unknown>;

/** `cells` filled from a feature's properties, in `PLAIN_FIELDS[kind]` order. */
export function propertyCells(kind: PointKind, p: Record<string, unknown>, cells: unknown[]): void {
  const fields = PLAIN_FIELDS[kind];
  for (let i = 0; i < fields.length; i++) cells[i] = p[fields[i] as string];
}

const NO = Symbol('not plain');
type Maybe<T> = T | undefined | typeof NO;

const absent = (v: unknown): boolean => v === undefined || v === null;

/** A string whose trimmed text is not empty; NO otherwise. */
function text(v: unknown): string | typeof NO {
  if (typeof v !== 'string' || v.length === 0) return NO;
  const c = v.charCodeAt(0);
  // A printable ASCII first character is no space; else trim says.
  return (c > 0x20 && c < 0x7f) || v.trim() !== '' ? v : NO;
}

function optionalText(v: unknown): Maybe<string> {
  if (absent(v)) return undefined;
  if (typeof v !== 'string') return NO;
  return v === '' ? undefined : v;
}

function count(v: unknown): number | typeof NO {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : NO;
}

const optionalCount = (v: unknown): Maybe<number> => (absent(v) ? undefined : count(v));

const optionalBoolean = (v: unknown): Maybe<boolean> => (absent(v) ? undefined : typeof v === 'boolean' ? v : NO);

function oneOf<T extends string>(v: unknown, allowed: readonly T[]): T | typeof NO {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : NO;
}

const optionalOneOf = <T extends string>(v: unknown, allowed: readonly T[]): Maybe<T> => (absent(v) ? undefined : oneOf(v, allowed));

/** A finite number in [min, max] (max itself included); NO otherwise. */
function numberIn(v: unknown, min: number, max: number, minIncluded = true): Maybe<number> {
  if (absent(v)) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v > max || v < min || (!minIncluded && v === min)) return NO;
  return v;
}

function optionalDate(v: unknown): Maybe<string> {
  if (absent(v)) return undefined;
  return typeof v === 'string' && dateFault(v) === undefined ? v : NO;
}

/** Inside Vietnam's extent: no position check has anything to say. */
export const plainPosition = (lon: number, lat: number): boolean =>
  lon >= VIETNAM.minLon && lon <= VIETNAM.maxLon && lat >= VIETNAM.minLat && lat <= VIETNAM.maxLat;

function hamlet(id: string, c: Cells, lon: number, lat: number): Hamlet | undefined {
  const name = text(c[0]);
  const population = count(c[1]);
  const households = optionalCount(c[2]);
  const poorHouseholds = optionalCount(c[3]);
  const students = optionalCount(c[4]);
  const gridPower = optionalBoolean(c[5]);
  const commune = optionalText(c[6]);
  const district = optionalText(c[7]);
  const clutter = optionalOneOf(c[8], CLUTTER_CLASSES);
  const synthetic = optionalBoolean(c[9]);
  if (name === NO || population === NO || households === NO || poorHouseholds === NO || students === NO || gridPower === NO) return undefined;
  if (commune === NO || district === NO || clutter === NO || synthetic === NO) return undefined;
  if (poorHouseholds !== undefined && households !== undefined && poorHouseholds > households) return undefined;
  const out: Hamlet = { id, name, lon, lat, population, gridPower: gridPower ?? true, synthetic: synthetic ?? false };
  if (households !== undefined) out.households = households;
  if (poorHouseholds !== undefined) out.poorHouseholds = poorHouseholds;
  if (students !== undefined) out.students = students;
  if (commune !== undefined) out.commune = commune;
  if (district !== undefined) out.district = district;
  if (clutter !== undefined) out.clutter = clutter;
  return out;
}

function school(id: string, c: Cells, lon: number, lat: number): School | undefined {
  const name = text(c[0]);
  const level = oneOf(c[1], SCHOOL_LEVELS);
  const students = count(c[2]);
  const studentsInNeed = optionalCount(c[3]);
  const fixedBroadband = optionalBoolean(c[4]);
  const commune = optionalText(c[5]);
  const district = optionalText(c[6]);
  const clutter = optionalOneOf(c[7], CLUTTER_CLASSES);
  const synthetic = optionalBoolean(c[8]);
  if (name === NO || level === NO || students === NO || studentsInNeed === NO || fixedBroadband === NO) return undefined;
  if (commune === NO || district === NO || clutter === NO || synthetic === NO) return undefined;
  if (studentsInNeed !== undefined && studentsInNeed > students) return undefined;
  const out: School = { id, name, lon, lat, level, students, fixedBroadband: fixedBroadband ?? false, synthetic: synthetic ?? false };
  if (studentsInNeed !== undefined) out.studentsInNeed = studentsInNeed;
  if (commune !== undefined) out.commune = commune;
  if (district !== undefined) out.district = district;
  if (clutter !== undefined) out.clutter = clutter;
  return out;
}

function tower(id: string, c: Cells, lon: number, lat: number): Tower | undefined {
  const operator = text(c[0]);
  const status = oneOf(c[1], TOWER_STATUSES);
  const technology = oneOf(c[2], TECHNOLOGIES);
  const radiusKm = numberIn(c[3], 0, LARGE_RADIUS_KM, false);
  const serviceDate = optionalDate(c[4]);
  const upgradeTechnology = optionalOneOf(c[5], TECHNOLOGIES);
  const upgradeRadiusKm = numberIn(c[6], 0, LARGE_RADIUS_KM, false);
  const upgradeDate = optionalDate(c[7]);
  const heightM = numberIn(c[8], 0, Infinity);
  const bandMhz = numberIn(c[9], BAND_MIN_MHZ, BAND_MAX_MHZ);
  const upgradeBandMhz = numberIn(c[10], BAND_MIN_MHZ, BAND_MAX_MHZ);
  const synthetic = optionalBoolean(c[11]);
  if (operator === NO || status === NO || technology === NO || radiusKm === NO || serviceDate === NO || upgradeTechnology === NO) return undefined;
  if (upgradeRadiusKm === NO || upgradeDate === NO || heightM === NO || bandMhz === NO || upgradeBandMhz === NO || synthetic === NO) return undefined;
  const upgrade = upgradeTechnology !== undefined || upgradeRadiusKm !== undefined || upgradeDate !== undefined || upgradeBandMhz !== undefined;
  // The upgrade rules' errors and warnings (readTower) are the ordinary checks' to say.
  if (upgrade && (upgradeTechnology === undefined || status === 'planned')) return undefined;
  if (status === 'existing' && upgradeTechnology !== undefined && TECHNOLOGIES.indexOf(upgradeTechnology) <= TECHNOLOGIES.indexOf(technology)) return undefined;
  const out: Tower = { id, lon, lat, operator, status, technology, synthetic: synthetic ?? false };
  if (radiusKm !== undefined) out.radiusKm = radiusKm;
  if (serviceDate !== undefined) out.serviceDate = serviceDate;
  if (upgradeTechnology !== undefined) out.upgradeTechnology = upgradeTechnology;
  if (upgradeRadiusKm !== undefined) out.upgradeRadiusKm = upgradeRadiusKm;
  if (upgradeDate !== undefined) out.upgradeDate = upgradeDate;
  if (heightM !== undefined) out.heightM = heightM;
  if (bandMhz !== undefined) out.bandMhz = bandMhz;
  if (upgradeBandMhz !== undefined) out.upgradeBandMhz = upgradeBandMhz;
  return out;
}

const PLAIN: { [K in PointKind]: (id: string, cells: Cells, lon: number, lat: number) => Hamlet | School | Tower | undefined } = { hamlets: hamlet, schools: school, towers: tower };

/**
 * The record of a plainly valid row of `kind`, or undefined when the ordinary checks must
 * read it. `cells`: the row's values of `PLAIN_FIELDS[kind]`, in that order. `id` must already
 * be a non-blank string and the position plain (`plainPosition`).
 */
export function plainRecord(kind: PointKind, id: string, cells: Cells, lon: number, lat: number): Hamlet | School | Tower | undefined {
  return PLAIN[kind](id, cells, lon, lat);
}

/** A non-blank string id, or undefined (the ordinary checks say why). */
export function plainId(v: unknown): string | undefined {
  const id = text(v);
  return id === NO ? undefined : id;
}
