// Sinks for the streaming reader (reader.ts) that keep columns, not records: each batch of
// records becomes a small PointTable (`buildPointTable`, so the columns mean exactly what the
// engine's do) or tower columns, and the pieces are joined once at the end.
import { buildPointTable, type PackedStrings, type PointTable } from '../../points/table.ts';
import { TECHNOLOGIES, TOWER_STATUSES, type Hamlet, type School, type Tower } from '../../types.ts';
import type { RecordSink } from './reader.ts';

type NumberArray = Float64Array | Uint8Array | Uint32Array;

function concat<T extends NumberArray>(make: (length: number) => T, parts: readonly T[]): T {
  const out = make(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function concatStrings(parts: readonly PackedStrings[]): PackedStrings {
  const count = parts.reduce((sum, p) => sum + p.offsets.length - 1, 0);
  const offsets = new Uint32Array(count + 1);
  let at = 0;
  let shift = 0;
  for (const p of parts) {
    for (let i = 1; i < p.offsets.length; i++) offsets[at + i] = (p.offsets[i] as number) + shift;
    at += p.offsets.length - 1;
    shift += p.text.length;
  }
  return { text: parts.map((p) => p.text).join(''), offsets };
}

/** Joins tables made by `buildPointTable`, in order; `hamletCount` of the result is given. */
export function joinPointTables(parts: readonly PointTable[], hamletCount: number): PointTable {
  const f64 = (pick: (t: PointTable) => Float64Array): Float64Array => concat((n) => new Float64Array(n), parts.map(pick));
  const u8 = (pick: (t: PointTable) => Uint8Array): Uint8Array => concat((n) => new Uint8Array(n), parts.map(pick));
  return {
    hamletCount,
    count: parts.reduce((sum, p) => sum + p.count, 0),
    lon: f64((t) => t.lon),
    lat: f64((t) => t.lat),
    ids: concatStrings(parts.map((t) => t.ids)),
    names: concatStrings(parts.map((t) => t.names)),
    communes: concatStrings(parts.map((t) => t.communes)),
    districts: concatStrings(parts.map((t) => t.districts)),
    weight: f64((t) => t.weight),
    households: f64((t) => t.households),
    poorHouseholds: f64((t) => t.poorHouseholds),
    students: f64((t) => t.students),
    schoolLevel: u8((t) => t.schoolLevel),
    flags: u8((t) => t.flags),
  };
}

/** Collects hamlets and schools batch by batch; `table()` equals `buildPointTable(all hamlets, all schools)`. */
export class PointTableSink {
  private readonly hamletParts: PointTable[] = [];
  private readonly schoolParts: PointTable[] = [];

  readonly hamlets: RecordSink<'hamlets'> = (records: Hamlet[]) => {
    this.hamletParts.push(buildPointTable(records, []));
  };

  readonly schools: RecordSink<'schools'> = (records: School[]) => {
    this.schoolParts.push(buildPointTable([], records));
  };

  table(): PointTable {
    const hamletCount = this.hamletParts.reduce((sum, p) => sum + p.count, 0);
    return joinPointTables([...this.hamletParts, ...this.schoolParts], hamletCount);
  }
}

/** Towers as columns. NaN and '' where the file leaves a property out; 255 for no upgrade. */
export interface TowerTable {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  ids: PackedStrings;
  operators: PackedStrings;
  /** Index into TOWER_STATUSES. */
  status: Uint8Array;
  /** Index into TECHNOLOGIES. */
  technology: Uint8Array;
  radiusKm: Float64Array;
  serviceDates: PackedStrings;
  /** Index into TECHNOLOGIES, NO_UPGRADE when none. */
  upgradeTechnology: Uint8Array;
  upgradeRadiusKm: Float64Array;
  upgradeDates: PackedStrings;
  heightM: Float64Array;
  synthetic: Uint8Array;
}

export const NO_UPGRADE = 255;

function pack(values: readonly string[]): PackedStrings {
  const offsets = new Uint32Array(values.length + 1);
  let at = 0;
  values.forEach((value, i) => {
    at += value.length;
    offsets[i + 1] = at;
  });
  return { text: values.join(''), offsets };
}

/** Tower columns of some towers, in order. */
export function buildTowerTable(towers: readonly Tower[]): TowerTable {
  const n = towers.length;
  const f64 = (read: (t: Tower) => number | undefined): Float64Array => Float64Array.from(towers, (t) => read(t) ?? NaN);
  return {
    count: n,
    lon: f64((t) => t.lon),
    lat: f64((t) => t.lat),
    ids: pack(towers.map((t) => t.id)),
    operators: pack(towers.map((t) => t.operator)),
    status: Uint8Array.from(towers, (t) => TOWER_STATUSES.indexOf(t.status)),
    technology: Uint8Array.from(towers, (t) => TECHNOLOGIES.indexOf(t.technology)),
    radiusKm: f64((t) => t.radiusKm),
    serviceDates: pack(towers.map((t) => t.serviceDate ?? '')),
    upgradeTechnology: Uint8Array.from(towers, (t) => (t.upgradeTechnology === undefined ? NO_UPGRADE : TECHNOLOGIES.indexOf(t.upgradeTechnology))),
    upgradeRadiusKm: f64((t) => t.upgradeRadiusKm),
    upgradeDates: pack(towers.map((t) => t.upgradeDate ?? '')),
    heightM: f64((t) => t.heightM),
    synthetic: Uint8Array.from(towers, (t) => (t.synthetic ? 1 : 0)),
  };
}

const text = (s: PackedStrings, i: number): string => s.text.slice(s.offsets[i], s.offsets[i + 1]);
const given = (v: number): number | undefined => (Number.isNaN(v) ? undefined : v);

/** Tower `i` rebuilt as the parser made it. */
export function towerAt(t: TowerTable, i: number): Tower {
  const tower: Tower = {
    id: text(t.ids, i),
    lon: t.lon[i] as number,
    lat: t.lat[i] as number,
    operator: text(t.operators, i),
    status: TOWER_STATUSES[t.status[i] as number] ?? 'existing',
    technology: TECHNOLOGIES[t.technology[i] as number] ?? '4G',
    synthetic: t.synthetic[i] === 1,
  };
  const radiusKm = given(t.radiusKm[i] as number);
  const serviceDate = text(t.serviceDates, i);
  const upgrade = t.upgradeTechnology[i] as number;
  const upgradeRadiusKm = given(t.upgradeRadiusKm[i] as number);
  const upgradeDate = text(t.upgradeDates, i);
  const heightM = given(t.heightM[i] as number);
  if (radiusKm !== undefined) tower.radiusKm = radiusKm;
  if (serviceDate !== '') tower.serviceDate = serviceDate;
  if (upgrade !== NO_UPGRADE) tower.upgradeTechnology = TECHNOLOGIES[upgrade] ?? '4G';
  if (upgradeRadiusKm !== undefined) tower.upgradeRadiusKm = upgradeRadiusKm;
  if (upgradeDate !== '') tower.upgradeDate = upgradeDate;
  if (heightM !== undefined) tower.heightM = heightM;
  return tower;
}

/** Collects towers batch by batch. */
export class TowerTableSink {
  private readonly parts: TowerTable[] = [];

  readonly towers: RecordSink<'towers'> = (records: Tower[]) => {
    this.parts.push(buildTowerTable(records));
  };

  table(): TowerTable {
    const p = this.parts;
    const f64 = (pick: (t: TowerTable) => Float64Array): Float64Array => concat((n) => new Float64Array(n), p.map(pick));
    const u8 = (pick: (t: TowerTable) => Uint8Array): Uint8Array => concat((n) => new Uint8Array(n), p.map(pick));
    return {
      count: p.reduce((sum, t) => sum + t.count, 0),
      lon: f64((t) => t.lon),
      lat: f64((t) => t.lat),
      ids: concatStrings(p.map((t) => t.ids)),
      operators: concatStrings(p.map((t) => t.operators)),
      status: u8((t) => t.status),
      technology: u8((t) => t.technology),
      radiusKm: f64((t) => t.radiusKm),
      serviceDates: concatStrings(p.map((t) => t.serviceDates)),
      upgradeTechnology: u8((t) => t.upgradeTechnology),
      upgradeRadiusKm: f64((t) => t.upgradeRadiusKm),
      upgradeDates: concatStrings(p.map((t) => t.upgradeDates)),
      heightM: f64((t) => t.heightM),
      synthetic: u8((t) => t.synthetic),
    };
  }
}
