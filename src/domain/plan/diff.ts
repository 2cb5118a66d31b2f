/**
 * What a plan edit touches, without laying either plan over all the loaded towers: the ids
 * whose tower differs between two plans, and the tower under one id once a plan applies.
 * The worker gets each plan through structured clone, so plans are compared by value, not
 * by object identity; the cost follows the size of the plans, not of the loaded data.
 */
import type { Tower } from '../types.ts';
import { patched, type PlanDoc, type TowerPatch } from './plan.ts';

const TOWER_FIELDS = [
  'id',
  'lon',
  'lat',
  'operator',
  'status',
  'technology',
  'radiusKm',
  'serviceDate',
  'upgradeTechnology',
  'upgradeRadiusKm',
  'upgradeDate',
  'heightM',
  'bandMhz',
  'synthetic',
] as const satisfies readonly (keyof Tower)[];

function sameTower(a: Tower, b: Tower): boolean {
  return TOWER_FIELDS.every((field) => Object.is(a[field], b[field]));
}

/** Patches are equal when they name the same fields with the same values (undefined = clear). */
function samePatch(a: TowerPatch, b: TowerPatch): boolean {
  // for-in, not Object.keys: no arrays made for the hundreds of patches a plan compares per edit.
  let count = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key)) continue;
    if (!Object.hasOwn(b, key) || !Object.is(a[key as keyof TowerPatch], b[key as keyof TowerPatch])) return false;
    count++;
  }
  for (const key in b) if (Object.hasOwn(b, key) && --count < 0) return false;
  return count === 0;
}

/** The first added tower per id: `applyPlan` skips later ones with the same id. */
function firstAdded(plan: PlanDoc): Map<string, Tower> {
  const byId = new Map<string, Tower>();
  for (const tower of plan.added) if (!byId.has(tower.id)) byId.set(tower.id, tower);
  return byId;
}

/**
 * Every id whose tower may differ between `applyPlan(base, before)` and
 * `applyPlan(base, after)`: a superset of the real changes, never missing one.
 */
export function touchedIds(before: PlanDoc, after: PlanDoc): Set<string> {
  const touched = new Set<string>();
  const addedBefore = firstAdded(before);
  const addedAfter = firstAdded(after);
  for (const [id, tower] of addedAfter) {
    const old = addedBefore.get(id);
    if (!old || !sameTower(old, tower)) touched.add(id);
  }
  for (const id of addedBefore.keys()) if (!addedAfter.has(id)) touched.add(id);
  for (const id of Object.keys(after.changed)) {
    const old = Object.hasOwn(before.changed, id) ? before.changed[id] : undefined;
    if (!old || !samePatch(old, after.changed[id] as TowerPatch)) touched.add(id);
  }
  for (const id of Object.keys(before.changed)) if (!Object.hasOwn(after.changed, id)) touched.add(id);
  const removedBefore = new Set(before.removed);
  const removedAfter = new Set(after.removed);
  for (const id of removedAfter) if (!removedBefore.has(id)) touched.add(id);
  for (const id of removedBefore) if (!removedAfter.has(id)) touched.add(id);
  return touched;
}

/**
 * The tower under `id` in `applyPlan(base, plan).towers`, or undefined when there is none,
 * by the same rules: a loaded tower not removed wins over an added one with its id (which
 * is skipped), and of added towers with one id the first counts.
 */
export function towerInPlan(baseById: ReadonlyMap<string, Tower>, plan: PlanDoc, id: string): Tower | undefined {
  const loaded = baseById.get(id);
  if (loaded && !plan.removed.includes(id)) {
    const patch = Object.hasOwn(plan.changed, id) ? plan.changed[id] : undefined;
    return patch === undefined ? loaded : patched(loaded, patch);
  }
  return plan.added.find((tower) => tower.id === id);
}

