/**
 * A plan edit as the change it makes, so that the page sends the worker only what changed,
 * not the whole plan. The plan operations (plan.ts) are pure and keep every part an edit
 * leaves alone (the same tower and patch objects), so the page finds the change by identity,
 * with no field compared: `added` and `removed` as one splice each (common head and tail
 * kept), `changed` as the entries set or gone. Any two plans have a delta, not only one
 * edit apart (undo, redo, a restored plan); a shared part is merely found faster.
 *
 * The worker, holding the plan before, rebuilds the plan after (equal by value) and gets the
 * ids it must look at: every id whose tower may differ, a superset as diff.ts's touchedIds.
 */
import type { Tower } from '../types.ts';
import type { PlanDoc, TowerPatch } from './plan.ts';

/** Replace `drop` items from index `at` with `put`. */
export interface Splice<T> {
  at: number;
  drop: number;
  put: T[];
}

export interface PlanDelta {
  added?: Splice<Tower>;
  removed?: Splice<string>;
  /** Loaded tower id → its new patch, or null where the plan no longer changes it. */
  changed?: [string, TowerPatch | null][];
  /** The what-ifs on the model (plan.ts), sent whole when they differ; null: taken away. */
  model?: PlanDoc['model'] | null;
  calibration?: PlanDoc['calibration'] | null;
}

function splice<T>(before: readonly T[], after: readonly T[]): Splice<T> | undefined {
  if (before === after) return undefined;
  const most = Math.min(before.length, after.length);
  let head = 0;
  while (head < most && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < most - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  if (head === before.length && head === after.length) return undefined;
  return { at: head, drop: before.length - head - tail, put: after.slice(head, after.length - tail) };
}

/** What turns `before` into `after` (the plans as the page holds them). */
export function planDelta(before: PlanDoc, after: PlanDoc): PlanDelta {
  const delta: PlanDelta = {};
  const added = splice(before.added, after.added);
  if (added) delta.added = added;
  const removed = splice(before.removed, after.removed);
  if (removed) delta.removed = removed;
  if (before.changed !== after.changed) {
    const changed: [string, TowerPatch | null][] = [];
    const now = Object.keys(after.changed);
    for (const id of now) {
      const patch = after.changed[id] as TowerPatch;
      // Own keys only: "__proto__" or "toString" as an id must not read Object.prototype.
      if (before.changed[id] !== patch || !Object.hasOwn(before.changed, id)) changed.push([id, patch]);
    }
    const then = Object.keys(before.changed);
    // As many keys and none new: the same keys.
    if (changed.length > 0 || then.length !== now.length) for (const id of then) if (!Object.hasOwn(after.changed, id)) changed.push([id, null]);
    if (changed.length > 0) delta.changed = changed;
  }
  if (before.model !== after.model) delta.model = after.model ?? null;
  if (before.calibration !== after.calibration) delta.calibration = after.calibration ?? null;
  return delta;
}

/** `plan` with `delta` applied (a new plan; `plan` is left alone), and the ids it may change. */
export function applyPlanDelta(plan: PlanDoc, delta: PlanDelta): { plan: PlanDoc; touched: Set<string> } {
  const touched = new Set<string>();
  let { added, removed, changed } = plan;
  if (delta.added) {
    const { at, drop, put } = delta.added;
    for (let k = at; k < at + drop; k++) touched.add((added[k] as Tower).id);
    for (const tower of put) touched.add(tower.id);
    added = [...added.slice(0, at), ...put, ...added.slice(at + drop)];
  }
  if (delta.removed) {
    const { at, drop, put } = delta.removed;
    for (let k = at; k < at + drop; k++) touched.add(removed[k] as string);
    for (const id of put) touched.add(id);
    removed = [...removed.slice(0, at), ...put, ...removed.slice(at + drop)];
  }
  if (delta.changed) {
    // Spread and defineProperty make own properties: an id such as "__proto__" stays a key.
    changed = { ...changed };
    for (const [id, patch] of delta.changed) {
      touched.add(id);
      if (patch === null) delete changed[id];
      else Object.defineProperty(changed, id, { value: patch, enumerable: true, writable: true, configurable: true });
    }
  }
  const next: PlanDoc = { added, removed, changed };
  const model = delta.model === undefined ? plan.model : (delta.model ?? undefined);
  const calibration = delta.calibration === undefined ? plan.calibration : (delta.calibration ?? undefined);
  if (model !== undefined) next.model = model;
  if (calibration !== undefined) next.calibration = calibration;
  return { plan: next, touched };
}
