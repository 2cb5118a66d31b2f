/**
 * The planner's workbench model: a plan is the user's edits over the loaded towers (towers
 * added, fields changed, towers removed), never a rewritten copy of them. The loaded data
 * stays as it came; `applyPlan` lays the edits over it. Pure: every operation returns a new
 * PlanDoc and leaves its inputs alone.
 *
 * Tower ids are used as keys of `changed`. An id such as "__proto__" would reach the
 * prototype through plain assignment, so the record is only ever written through `setOwn`
 * and read through `getOwn`.
 */
import { TECHNOLOGIES, TOWER_STATUSES, type Technology, type Tower } from '../types.ts';
import { cut } from '../messages/codes.ts';
import { problem, problemText, type Problem } from '../messages/problems.ts';
import { isIsoDate } from '../parse/dates.ts';
import { readFactors, type CalibrationFactors } from '../evidence/calibrated.ts';
import { readModelEdit, type ModelEdit } from './model-edit.ts';

/** The tower fields a plan may change; the others (id, status, synthetic) are fixed. */
export const PATCH_FIELDS = [
  'lon',
  'lat',
  'operator',
  'technology',
  'radiusKm',
  'heightM',
  'bandMhz',
  'serviceDate',
  'upgradeTechnology',
  'upgradeRadiusKm',
  'upgradeDate',
] as const;
export type PatchField = (typeof PATCH_FIELDS)[number];

/** Fields every tower has: a patch can change them, never clear them. */
const REQUIRED_FIELDS: ReadonlySet<PatchField> = new Set<PatchField>(['lon', 'lat', 'operator', 'technology']);

/**
 * New values for some fields of one tower. A key that is present with the value
 * `undefined` clears that optional field; a key that is absent leaves the field alone.
 */
export type TowerPatch = Partial<Pick<Tower, PatchField>>;

/** The user's changes over the loaded towers: never a rewrite of them. */
export interface PlanDoc {
  /** New towers, in the order they were added. Their ids are not those of loaded towers. */
  added: Tower[];
  /** Loaded tower id → the fields changed on it. */
  changed: Record<string, TowerPatch>;
  /** Ids of loaded towers taken out, in the order they were removed. */
  removed: string[];
  /**
   * A what-if on the model, not an edit of a tower: each operator's radii × its factor
   * (`calibrate`'s, evidence/calibrated.ts). Absent: the model as it is. Older saved plans
   * lack it and read as such; older versions reading a newer plan ignore it.
   */
  calibration?: CalibrationFactors;
  /** Changes to the data set's coverage model (model-edit.ts); absent in older plans. */
  model?: ModelEdit;
}

export const EMPTY_PLAN: PlanDoc = Object.freeze({
  added: Object.freeze([]) as unknown as Tower[],
  changed: Object.freeze({}) as Record<string, TowerPatch>,
  removed: Object.freeze([]) as unknown as string[],
}) as PlanDoc;

// ---------------------------------------------------------------------------------------
// Own-property helpers (ids are user data).

function getOwn<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(record)) if (k !== key) setOwn(out, k, record[k] as T);
  return out;
}

function withKey<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const out = withoutKey(record, key);
  setOwn(out, key, value);
  return out;
}

function patchKeys(patch: TowerPatch): PatchField[] {
  return PATCH_FIELDS.filter((field) => Object.hasOwn(patch, field));
}

/** `tower` with `patch` laid over it; the same object when the patch changes nothing. */
export function patched(tower: Tower, patch: TowerPatch, problems?: Problem[]): Tower {
  let out: Tower | undefined;
  for (const field of patchKeys(patch)) {
    const value = patch[field];
    if (value === undefined) {
      if (REQUIRED_FIELDS.has(field)) {
        problems?.push(problem('plan-clears-required', { field, tower: cut(tower.id) }));
        continue;
      }
      if (!Object.hasOwn(tower, field) || tower[field] === undefined) continue;
      out ??= { ...tower };
      delete out[field];
    } else {
      if (tower[field] === value) continue;
      out ??= { ...tower };
      (out as unknown as Record<string, unknown>)[field] = value;
    }
  }
  return out ?? tower;
}

/**
 * The towers once the plan is laid over `base`: base towers in order, minus the removed
 * ones, with the changes applied, then the added towers in order. Towers no edit touches
 * are the very objects of `base` (the app diffs by reference). Edits that cannot apply
 * (an id not loaded, an added id that a loaded tower has) are skipped and described in
 * `why` (for `problemText` in the user's language) and `problems` (the same in English).
 *
 * An added tower may reuse the id of a loaded tower that the plan removes: that is how a
 * plan replaces a tower's fixed fields (status, synthetic); see `planFromTowers`.
 */
export function applyPlan(base: readonly Tower[], plan: PlanDoc): { towers: Tower[]; problems: string[]; why: Problem[] } {
  const problems: Problem[] = [];
  const baseIds = new Set(base.map((t) => t.id));
  const removed = new Set<string>();
  for (const id of plan.removed) {
    if (baseIds.has(id)) removed.add(id);
    else problems.push(problem('plan-removes-unknown', { tower: cut(id) }));
  }
  for (const id of Object.keys(plan.changed)) {
    if (!baseIds.has(id)) problems.push(problem('plan-changes-unknown', { tower: cut(id) }));
  }
  const towers: Tower[] = [];
  for (const tower of base) {
    if (removed.has(tower.id)) continue;
    const patch = getOwn(plan.changed, tower.id);
    towers.push(patch === undefined ? tower : patched(tower, patch, problems));
  }
  const addedIds = new Set<string>();
  for (const tower of plan.added) {
    if (baseIds.has(tower.id) && !removed.has(tower.id)) {
      problems.push(problem('plan-adds-clash', { tower: cut(tower.id) }));
      continue;
    }
    if (addedIds.has(tower.id)) {
      problems.push(problem('plan-adds-twice', { tower: cut(tower.id) }));
      continue;
    }
    addedIds.add(tower.id);
    towers.push(tower);
  }
  return { towers, problems: problems.map((p) => problemText(p, 'en')), why: problems };
}

// ---------------------------------------------------------------------------------------
// Edits.

/** The plan with `tower` added at the end; unchanged when an added tower has its id. */
export function addTower(plan: PlanDoc, tower: Tower): PlanDoc {
  if (plan.added.some((t) => t.id === tower.id)) return plan;
  return { ...plan, added: [...plan.added, { ...tower }] };
}

/** A tower the user places: planned, not synthetic, with a fresh id (`nextTowerId`). */
export function newPlannedTower(
  existing: readonly { id: string }[],
  fields: Pick<Tower, 'lon' | 'lat' | 'operator' | 'technology'> & TowerPatch,
): Tower {
  const tower: Tower = {
    id: nextTowerId(existing),
    lon: fields.lon,
    lat: fields.lat,
    operator: fields.operator,
    status: 'planned',
    technology: fields.technology,
    synthetic: false,
  };
  return patched(tower, fields);
}

/** Where a tower id lives in the plan: an added tower, a loaded one still there, or none. */
function locate(plan: PlanDoc, base: readonly Tower[], id: string): { kind: 'added'; tower: Tower } | { kind: 'base'; tower: Tower; original: Tower } | undefined {
  const added = plan.added.find((t) => t.id === id);
  if (added) return { kind: 'added', tower: added };
  if (plan.removed.includes(id)) return undefined;
  const original = base.find((t) => t.id === id);
  if (!original) return undefined;
  const patch = getOwn(plan.changed, id);
  return { kind: 'base', tower: patch ? patched(original, patch) : original, original };
}

/** The tower as the plan has it now (loaded or added), or undefined when it is not there. */
export function plannedTower(plan: PlanDoc, base: readonly Tower[], id: string): Tower | undefined {
  return locate(plan, base, id)?.tower;
}

/**
 * The plan with `patch` applied to tower `id`. For an added tower the tower itself is
 * edited; for a loaded one the patch merges into `changed`, and fields that end up equal
 * to the loaded value are dropped, so that editing a field back leaves no patch. Clearing
 * a required field (lon, lat, operator, technology) is ignored. Unchanged when there is
 * no such tower (or it was removed).
 */
export function updateTower(plan: PlanDoc, base: readonly Tower[], id: string, patch: TowerPatch): PlanDoc {
  const where = locate(plan, base, id);
  if (!where) return plan;
  if (where.kind === 'added') {
    const next = patched(where.tower, patch);
    if (next === where.tower) return plan;
    return { ...plan, added: plan.added.map((t) => (t === where.tower ? next : t)) };
  }
  const merged: TowerPatch = { ...getOwn(plan.changed, id) };
  for (const field of patchKeys(patch)) {
    const value = patch[field];
    if (value === undefined && REQUIRED_FIELDS.has(field)) continue;
    (merged as Record<string, unknown>)[field] = value;
  }
  const kept: TowerPatch = {};
  for (const field of patchKeys(merged)) {
    const value = merged[field];
    if (value === where.original[field]) continue;
    (kept as Record<string, unknown>)[field] = value;
  }
  const changed = patchKeys(kept).length === 0 ? withoutKey(plan.changed, id) : withKey(plan.changed, id, kept);
  return { ...plan, changed };
}

/**
 * The plan without tower `id`: an added tower leaves `added`; a loaded one goes to
 * `removed` and its patch is dropped. Unchanged when there is no such tower.
 */
export function removeTower(plan: PlanDoc, base: readonly Tower[], id: string): PlanDoc {
  const where = locate(plan, base, id);
  if (!where) return plan;
  if (where.kind === 'added') return { ...plan, added: plan.added.filter((t) => t !== where.tower) };
  return { ...plan, changed: withoutKey(plan.changed, id), removed: [...plan.removed, id] };
}

/** Whether a tower can get a planned upgrade: an existing 2G or 3G tower. */
export function canUpgrade(tower: Tower): boolean {
  return tower.status === 'existing' && (tower.technology === '2G' || tower.technology === '3G');
}

/**
 * Why `upgradeTower` would refuse this upgrade, or undefined when it would apply it. The UI
 * shows it next to the disabled action, through `problemText`.
 */
export function upgradeFault(tower: Tower | undefined, technology: Technology, date: string, radiusKm?: number): Problem | undefined {
  if (!tower) return problem('upgrade-no-tower');
  if (tower.status !== 'existing') return problem('upgrade-planned', { tower: cut(tower.id) });
  if (!canUpgrade(tower)) return problem('upgrade-not-old', { tower: cut(tower.id), technology: tower.technology });
  if (TECHNOLOGIES.indexOf(technology) <= TECHNOLOGIES.indexOf(tower.technology)) {
    return problem('upgrade-not-newer', { technology, current: tower.technology });
  }
  if (!isIsoDate(date)) return problem('upgrade-date', { date: cut(date) });
  if (radiusKm !== undefined && !(Number.isFinite(radiusKm) && radiusKm > 0)) return problem('upgrade-radius', { radius: String(radiusKm) });
  return undefined;
}

/** `upgradeFault` as an English sentence. */
export function upgradeProblem(tower: Tower | undefined, technology: Technology, date: string, radiusKm?: number): string | undefined {
  const fault = upgradeFault(tower, technology, date, radiusKm);
  return fault === undefined ? undefined : problemText(fault, 'en');
}

/**
 * The plan with an upgrade of tower `id` to `technology` on `date` (radius: `radiusKm`, or
 * the technology's default when left out). Only for an existing 2G/3G tower with a newer
 * technology and a real date; otherwise the plan comes back unchanged and `upgradeProblem`
 * says why.
 */
export function upgradeTower(
  plan: PlanDoc,
  base: readonly Tower[],
  id: string,
  technology: Technology,
  date: string,
  radiusKm?: number,
): PlanDoc {
  const tower = plannedTower(plan, base, id);
  if (upgradeProblem(tower, technology, date, radiusKm) !== undefined) return plan;
  return updateTower(plan, base, id, { upgradeTechnology: technology, upgradeDate: date, upgradeRadiusKm: radiusKm });
}

/** 'P-0001', 'P-0002', …: the next id after the highest 'P-n' in use, never one in use. */
export function nextTowerId(towers: Iterable<{ id: string }>): string {
  const used = new Set<string>();
  let highest = 0;
  for (const { id } of towers) {
    used.add(id);
    const match = /^P-(\d+)$/.exec(id);
    if (match) {
      const n = Number(match[1]);
      if (Number.isSafeInteger(n) && n > highest) highest = n;
    }
  }
  let n = highest + 1;
  while (used.has(`P-${String(n).padStart(4, '0')}`)) n++;
  return `P-${String(n).padStart(4, '0')}`;
}

/** Fields compared as a whole: when these differ, a tower is replaced rather than patched. */
const FIXED_FIELDS = ['status', 'synthetic'] as const;

/**
 * The plan that turns `base` into `edited` (re-importing an exported towers file): ids only
 * in `edited` are added, ids in both with different fields get a patch of those fields,
 * ids only in `base` are removed. A tower whose status or synthetic flag differs cannot be
 * patched: it is removed and added again (so it moves to the end).
 *
 * `applyPlan(base, planFromTowers(base, edited)).towers` equals `edited` whenever edited
 * keeps base's relative order, puts new towers after the loaded ones and changes no
 * status or synthetic flag.
 */
export function planFromTowers(base: readonly Tower[], edited: readonly Tower[]): PlanDoc {
  const baseById = new Map(base.map((t) => [t.id, t]));
  const editedIds = new Set(edited.map((t) => t.id));
  const added: Tower[] = [];
  const changed: Record<string, TowerPatch> = {};
  const removed: string[] = [];
  for (const tower of edited) {
    const original = baseById.get(tower.id);
    if (!original) {
      added.push({ ...tower });
      continue;
    }
    if (FIXED_FIELDS.some((field) => original[field] !== tower[field])) {
      removed.push(tower.id);
      added.push({ ...tower });
      continue;
    }
    const patch: TowerPatch = {};
    for (const field of PATCH_FIELDS) {
      if (original[field] !== tower[field]) (patch as Record<string, unknown>)[field] = tower[field];
    }
    if (patchKeys(patch).length > 0) setOwn(changed, tower.id, patch);
  }
  for (const tower of base) if (!editedIds.has(tower.id)) removed.push(tower.id);
  return { added, changed, removed };
}

/** The plan with the model's radii calibrated by `factors` (none, or empty: the model as it is). */
export function withCalibration(plan: PlanDoc, factors: CalibrationFactors | undefined): PlanDoc {
  const { calibration: _, ...rest } = plan;
  return factors === undefined || Object.keys(factors).length === 0 ? rest : { ...rest, calibration: factors };
}

/** Whether the plan changes no tower (its model edit and calibration, what-ifs on the model, are not looked at). */
export function isEmptyPlan(plan: PlanDoc): boolean {
  return plan.added.length === 0 && plan.removed.length === 0 && Object.keys(plan.changed).length === 0;
}

// ---------------------------------------------------------------------------------------
// Reading a plan back from storage (unknown data).

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type FieldCheck = (value: unknown) => boolean;
const finite: FieldCheck = (v) => typeof v === 'number' && Number.isFinite(v);
const positive: FieldCheck = (v) => finite(v) && (v as number) > 0;
const nonNegative: FieldCheck = (v) => finite(v) && (v as number) >= 0;
const nonEmpty: FieldCheck = (v) => typeof v === 'string' && v.trim() !== '';
const technology: FieldCheck = (v) => typeof v === 'string' && (TECHNOLOGIES as readonly string[]).includes(v);
const date: FieldCheck = (v) => typeof v === 'string' && isIsoDate(v);

/** Each field's check, and what it must be (messages/problems.ts says it). */
const FIELD_CHECKS: Record<PatchField, { check: FieldCheck; what: string }> = {
  lon: { check: (v) => finite(v) && Math.abs(v as number) <= 180, what: 'lon' },
  lat: { check: (v) => finite(v) && Math.abs(v as number) <= 90, what: 'lat' },
  operator: { check: nonEmpty, what: 'nonEmpty' },
  technology: { check: technology, what: 'technology' },
  radiusKm: { check: positive, what: 'positive' },
  heightM: { check: nonNegative, what: 'nonNegative' },
  // Contract rule 8's range for band_mhz.
  bandMhz: { check: (v) => finite(v) && (v as number) >= 100 && (v as number) <= 6000, what: 'band' },
  serviceDate: { check: date, what: 'date' },
  upgradeTechnology: { check: technology, what: 'technology' },
  upgradeRadiusKm: { check: positive, what: 'positive' },
  upgradeDate: { check: date, what: 'date' },
};

const TOWER_KEYS = new Set<string>(['id', 'status', 'synthetic', ...PATCH_FIELDS]);

const not = (at: string, what: string): Problem => problem('plan-not', { at, what });

function towerProblem(value: unknown, at: string): Problem | undefined {
  if (!isRecord(value)) return not(at, 'tower');
  if (!nonEmpty(value['id'])) return not(`${at}.id`, 'towerId');
  if (!(TOWER_STATUSES as readonly unknown[]).includes(value['status'])) return not(`${at}.status`, 'status');
  if (typeof value['synthetic'] !== 'boolean') return not(`${at}.synthetic`, 'boolean');
  for (const key of Object.keys(value)) if (!TOWER_KEYS.has(key)) return problem('plan-unknown-field', { at, key: cut(key) });
  for (const field of PATCH_FIELDS) {
    const v = value[field];
    if (v === undefined) {
      if (REQUIRED_FIELDS.has(field)) return problem('plan-field-missing', { at, field });
      continue;
    }
    if (!FIELD_CHECKS[field].check(v)) return not(`${at}.${field}`, FIELD_CHECKS[field].what);
  }
  return undefined;
}

function patchProblem(value: unknown, at: string): Problem | undefined {
  if (!isRecord(value)) return not(at, 'changes');
  for (const key of Object.keys(value)) {
    if (!(PATCH_FIELDS as readonly string[]).includes(key)) return problem('plan-cannot-change', { at, key: cut(key) });
    const v = value[key];
    if (v === undefined) {
      if (REQUIRED_FIELDS.has(key as PatchField)) return problem('plan-clears', { at, key });
      continue;
    }
    const { check, what } = FIELD_CHECKS[key as PatchField];
    if (!check(v)) return not(`${at}.${key}`, what);
  }
  return undefined;
}

/**
 * A PlanDoc from unknown data (storage, a file), checked field by field; on failure a
 * phrase saying what is wrong ("added[2].lat is not a latitude"). The plan it returns is a
 * fresh copy: nothing of `value` is shared.
 */
export function readPlanDoc(value: unknown): { ok: true; plan: PlanDoc } | { ok: false; problem: string; why: Problem } {
  const refused = (why: Problem) => ({ ok: false as const, problem: problemText(why, 'en'), why });
  if (!isRecord(value)) return refused(not('', 'object'));
  const { added, changed, removed } = value;
  if (!Array.isArray(added)) return refused(not('added', 'list'));
  if (!isRecord(changed)) return refused(not('changed', 'object'));
  if (!Array.isArray(removed)) return refused(not('removed', 'list'));
  const plan: PlanDoc = { added: [], changed: {}, removed: [] };
  for (let i = 0; i < added.length; i++) {
    const why = towerProblem(added[i], `added[${i}]`);
    if (why) return refused(why);
    const tower = { ...(added[i] as Tower) };
    for (const field of PATCH_FIELDS) if (Object.hasOwn(tower, field) && tower[field] === undefined) delete tower[field];
    plan.added.push(tower);
  }
  for (const id of Object.keys(changed)) {
    const why = patchProblem(changed[id], `changed["${id}"]`);
    if (why) return refused(why);
    setOwn(plan.changed, id, { ...(changed[id] as TowerPatch) });
  }
  for (let i = 0; i < removed.length; i++) {
    const id: unknown = removed[i];
    if (typeof id !== 'string') return refused(not(`removed[${i}]`, 'towerId'));
    plan.removed.push(id);
  }
  if (value['calibration'] !== undefined) {
    const read = readFactors(value['calibration']);
    if (!read.ok) return refused(not(read.at, read.what));
    if (Object.keys(read.factors).length > 0) plan.calibration = read.factors;
  }
  const model = readModelEdit(value['model']);
  if (model) plan.model = model;
  return { ok: true, plan };
}
