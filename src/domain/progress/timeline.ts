// The programme's figures through time, for the province, each district and each commune:
// coverage counts from every point's level changes, deliveries as running totals. Any
// day's figures are then lookups, so moving the as-of date costs no recomputation.
import { pointColumns, type PointColumns } from '../coverage/columns.ts';
import { LEVEL_GOOD } from '../coverage/columns.ts';
import { districtIndexOf, locateDistricts } from '../coverage/districts.ts';
import type { Dataset, RadioModel } from '../types.ts';
import { toDay } from './days.ts';
import { levelChanges, type LevelChanges } from './level-changes.ts';
import { stepsFromDeltas, type StepSeries } from './steps.ts';
import { towerStates, type TowerStates } from './tower-states.ts';

/** Figures that change through time, counted per scope. */
export const COUNT_KEYS = [
  'hamlets_good',
  'population_good',
  'schools_good',
  'students_good',
  'computers',
  'data_sims',
  'students_equipped',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/** Figures fixed for a dataset, per scope. */
export const TOTAL_KEYS = ['hamlets', 'population', 'schools', 'students', 'students_in_need'] as const;
export type TotalKey = (typeof TOTAL_KEYS)[number];

/**
 * Scopes: 0 is the province (every point, inside a district or not), then one per district
 * in file order, then one per commune in file order.
 */
export interface Timeline {
  districtCount: number;
  communeCount: number;
  scopeCount: number;
  totals: Record<TotalKey, Float64Array>;
  series: Record<CountKey, StepSeries[]>;
  /** The earliest and latest date the data names (towers, upgrades, deliveries, deadlines). */
  firstDay: number;
  lastDay: number;
}

export const PROVINCE_SCOPE = 0;
export const districtScope = (k: number) => 1 + k;
export const communeScope = (timeline: Pick<Timeline, 'districtCount'>, k: number) => 1 + timeline.districtCount + k;

/** Where each point (hamlets, then schools) lies: index into districts / communes, -1 for none. */
export interface PointAreas {
  district: Int32Array;
  commune?: Int32Array;
}

// When the data names no date at all: the programme's year.
const FALLBACK_DAY = toDay('2021-01-01');

/** The first and last day the data names (tower, upgrade, delivery and target dates). */
export function timelineDays(dataset: Pick<Dataset, 'towers' | 'deliveries' | 'programme'>): [number, number] {
  const dates: string[] = [];
  for (const t of dataset.towers) {
    if (t.serviceDate) dates.push(t.serviceDate);
    if (t.upgradeDate) dates.push(t.upgradeDate);
  }
  for (const d of dataset.deliveries ?? []) dates.push(d.date);
  for (const target of dataset.programme.targets) dates.push(target.deadline);
  if (dates.length === 0) return [FALLBACK_DAY, FALLBACK_DAY];
  dates.sort();
  return [toDay(dates[0] as string), toDay(dates[dates.length - 1] as string)];
}

/** Collects dated changes per scope and key, then folds them into step series. */
class Ledger {
  private readonly initial: Float64Array;
  private readonly days: number[][];
  private readonly deltas: number[][];

  constructor(private readonly scopeCount: number) {
    this.initial = new Float64Array(scopeCount * COUNT_KEYS.length);
    this.days = Array.from({ length: this.initial.length }, () => []);
    this.deltas = Array.from({ length: this.initial.length }, () => []);
  }

  start(scopes: readonly number[], key: number, amount: number): void {
    for (const s of scopes) {
      const slot = s * COUNT_KEYS.length + key;
      this.initial[slot] = (this.initial[slot] as number) + amount;
    }
  }

  change(scopes: readonly number[], key: number, day: number, delta: number): void {
    for (const s of scopes) {
      const slot = s * COUNT_KEYS.length + key;
      (this.days[slot] as number[]).push(day);
      (this.deltas[slot] as number[]).push(delta);
    }
  }

  series(): Record<CountKey, StepSeries[]> {
    const out = {} as Record<CountKey, StepSeries[]>;
    COUNT_KEYS.forEach((name, key) => {
      out[name] = Array.from({ length: this.scopeCount }, (_, s) => {
        const slot = s * COUNT_KEYS.length + key;
        return stepsFromDeltas(this.initial[slot] as number, this.days[slot] as number[], this.deltas[slot] as number[]);
      });
    });
    return out;
  }
}

const key = (name: CountKey) => COUNT_KEYS.indexOf(name);

/** What `levelChanges`, the slow part of a timeline, reads: typed columns that can go to another worker. */
/**
 * What levelChanges reads; with a path-loss `model`, the points' clutter classes (`clutter`,
 * pointClutter's) and the states' class radii.
 */
export function levelInputs(
  dataset: Pick<Dataset, 'hamlets' | 'schools' | 'towers'>,
  model?: RadioModel,
  clutter?: Uint8Array,
): { points: PointColumns; states: TowerStates } {
  const points = pointColumns(dataset.hamlets, dataset.schools);
  if (clutter) points.clutter = clutter;
  return { points, states: towerStates(dataset.towers, model) };
}

/** `changes`: levelChanges of levelInputs(dataset), when computed elsewhere (another worker). */
export function buildTimeline(dataset: Dataset, areas?: PointAreas, changes?: LevelChanges): Timeline {
  const points = pointColumns(dataset.hamlets, dataset.schools);
  const districtCount = dataset.districts.length;
  const communeCount = dataset.communes?.length ?? 0;
  const district = areas?.district ?? locateDistricts(districtIndexOf(dataset.districts), points.lon, points.lat);
  const commune =
    areas?.commune ??
    (dataset.communes ? locateDistricts(districtIndexOf(dataset.communes), points.lon, points.lat) : undefined);
  const scopeCount = 1 + districtCount + communeCount;
  const scopesOf = (i: number): number[] => {
    const scopes = [0];
    const d = district[i] as number;
    if (d >= 0) scopes.push(1 + d);
    const c = commune ? (commune[i] as number) : -1;
    if (c >= 0) scopes.push(1 + districtCount + c);
    return scopes;
  };

  const totals = Object.fromEntries(TOTAL_KEYS.map((k) => [k, new Float64Array(scopeCount)])) as Timeline['totals'];
  const add = (scopes: readonly number[], total: TotalKey, amount: number) => {
    for (const s of scopes) totals[total][s] = (totals[total][s] as number) + amount;
  };

  const ledger = new Ledger(scopeCount);
  changes ??= levelChanges(points, towerStates(dataset.towers));
  if (changes.initial.length !== points.count) throw new Error(`level changes for ${changes.initial.length} points, not ${points.count}`);
  const hamletCount = dataset.hamlets.length;
  for (let i = 0; i < points.count; i++) {
    const scopes = scopesOf(i);
    const isHamlet = i < hamletCount;
    const weight = isHamlet ? (dataset.hamlets[i]?.population ?? 0) : (dataset.schools[i - hamletCount]?.students ?? 0);
    const countKey = key(isHamlet ? 'hamlets_good' : 'schools_good');
    const weightKey = key(isHamlet ? 'population_good' : 'students_good');
    add(scopes, isHamlet ? 'hamlets' : 'schools', 1);
    add(scopes, isHamlet ? 'population' : 'students', weight);
    let good = changes.initial[i] === LEVEL_GOOD;
    if (good) {
      ledger.start(scopes, countKey, 1);
      ledger.start(scopes, weightKey, weight);
    }
    for (let c = changes.offsets[i] as number; c < (changes.offsets[i + 1] as number); c++) {
      const nowGood = changes.level[c] === LEVEL_GOOD;
      if (nowGood === good) continue;
      const sign = nowGood ? 1 : -1;
      ledger.change(scopes, countKey, changes.day[c] as number, sign);
      ledger.change(scopes, weightKey, changes.day[c] as number, sign * weight);
      good = nowGood;
    }
  }

  const schoolIndex = new Map(dataset.schools.map((s, j) => [s.id, j]));
  dataset.schools.forEach((s, j) => add(scopesOf(hamletCount + j), 'students_in_need', s.studentsInNeed ?? 0));
  // A student in need counts as equipped once a computer reached the school for them; the
  // running total per school is capped at its students in need.
  const computersAt = new Float64Array(dataset.schools.length);
  const deliveries = [...(dataset.deliveries ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const delivery of deliveries) {
    const day = toDay(delivery.date);
    const j = schoolIndex.get(delivery.schoolId);
    const scopes = j === undefined ? [0] : scopesOf(hamletCount + j);
    if (delivery.kind === 'data_sim') {
      ledger.change(scopes, key('data_sims'), day, delivery.quantity);
      continue;
    }
    ledger.change(scopes, key('computers'), day, delivery.quantity);
    if (j === undefined) continue;
    const need = dataset.schools[j]?.studentsInNeed ?? 0;
    const before = computersAt[j] as number;
    computersAt[j] = before + delivery.quantity;
    const gained = Math.min(need, before + delivery.quantity) - Math.min(need, before);
    if (gained > 0) ledger.change(scopes, key('students_equipped'), day, gained);
  }

  const [firstDay, lastDay] = timelineDays(dataset);
  return { districtCount, communeCount, scopeCount, totals, series: ledger.series(), firstDay, lastDay };
}
