// What a plan edit touches (src/domain/plan/diff.ts) against laying both plans over the
// loaded towers: `touchedIds` must name every id whose tower differs (by value) between
// applyPlan(base, before) and applyPlan(base, after), and `towerInPlan` must give the tower
// applyPlan gives under an id. Every plan goes through structuredClone first, as it does on
// its way to the worker, so nothing may hinge on object identity.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tower } from '../../../src/domain/types.ts';
import { touchedIds, towerInPlan } from '../../../src/domain/plan/diff.ts';
import {
  EMPTY_PLAN,
  addTower,
  applyPlan,
  newPlannedTower,
  removeTower,
  updateTower,
  type PlanDoc,
  type TowerPatch,
} from '../../../src/domain/plan/plan.ts';
import { SEED } from '../coverage/classify-helpers.ts';
import { planSteps, run, setOwn, type TowerSpec } from './plan-steps.ts';

console.log(`plan diff property tests: fast-check seed ${SEED}`);

// ---------------------------------------------------------------------------------------
// Ids, field values, steps (plan-steps.ts): edits through plan.ts, re-imports, raw plans and
// raw tweaks of the plan

/** Tower ids: plain ones, ones that name Object.prototype members, one nextTowerId gives. */
const POOL = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'P-0001'];
/** Ids no generated tower has. */
const ABSENT = ['nope', 'valueOf', 'P-0999', ''];

const { towerSpec, makeTower, step, applyStep } = planSteps({
  pool: POOL,
  absent: ABSENT,
  absentInTweaks: false,
  // Few values per field, so that edits often land on the value a tower already has.
  fields: {
    lon: fc.constantFrom(105, 105.05, 105.1),
    lat: fc.constantFrom(9, 9.05, 9.1),
    operator: fc.constantFrom('Viettel', 'VNPT', 'MobiFone'),
    radiusKm: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(1.5, 4, 5, 8) }, { weight: 1, arbitrary: fc.constant(Number.NaN) }),
    heightM: fc.constantFrom(0, 30, 45),
    upgradeRadiusKm: fc.constantFrom(1.5, 4, 6),
  },
  variedTowers: true,
  flipSynthetic: true,
  keepRequired: false,
  max: { patch: 4, reimport: 4, rawTowers: 5, rawRemoved: 4 },
});

const baseArb: fc.Arbitrary<Tower[]> = fc
  .tuple(fc.shuffledSubarray(POOL, { maxLength: 10 }), fc.array(towerSpec, { minLength: 10, maxLength: 10 }))
  .map(([ids, specs]) => ids.map((id, j) => makeTower(id, specs[j] as TowerSpec, false)));

/** Flat towers by value, as toEqual sees them (a key holding undefined = no key). */
function sameValue(a: Tower | undefined, b: Tower | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => Object.is((a as unknown as Record<string, unknown>)[k], (b as unknown as Record<string, unknown>)[k]));
}

function byId(towers: readonly Tower[]): Map<string, Tower> {
  const out = new Map<string, Tower>();
  for (const t of towers) if (!out.has(t.id)) out.set(t.id, t);
  return out;
}

// ---------------------------------------------------------------------------------------

describe('touchedIds and towerInPlan against applyPlan', () => {
  it('random bases, random edits and raw plans, each through structuredClone', () => {
    const seen = { steps: 0, changedSteps: 0, realIds: 0, touchedIds: 0, extraTouched: 0, clashes: 0, duplicates: 0, protoChanged: 0 };
    fc.assert(
      fc.property(baseArb, fc.array(step, { minLength: 1, maxLength: 25, size: 'max' }), (base, steps) => {
        const baseMap = new Map(base.map((t) => [t.id, t]));
        const baseIds = new Set(base.map((t) => t.id));
        let before: PlanDoc = structuredClone(EMPTY_PLAN);
        for (const s of steps) {
          const after: PlanDoc = structuredClone(applyStep(base, baseMap, before, s));
          const snapshot = structuredClone(after);
          const touched = touchedIds(before, after);
          const was = byId(applyPlan(base, before).towers);
          const now = byId(applyPlan(base, after).towers);

          // (a) every id whose tower differs by value is touched.
          let real = 0;
          for (const id of new Set([...was.keys(), ...now.keys()])) {
            const a = was.get(id);
            const b = now.get(id);
            if (!sameValue(a, b)) {
              real++;
              expect(touched.has(id), `tower "${id}" changed but is not touched`).toBe(true);
            }
            if (!touched.has(id)) expect(b, `untouched tower "${id}"`).toEqual(a);
          }
          seen.steps++;
          if (real > 0) seen.changedSteps++;
          seen.realIds += real;
          seen.touchedIds += touched.size;
          seen.extraTouched += touched.size - real;

          // The same plan again (by value) touches nothing.
          expect(touchedIds(after, structuredClone(after)).size).toBe(0);
          expect(touchedIds(after, after).size).toBe(0);

          // (b) the tower under every id is applyPlan's.
          const applied = applyPlan(base, after).towers;
          const ids = new Set([...baseIds, ...after.added.map((t) => t.id), ...POOL, ...ABSENT]);
          for (const id of ids) {
            expect(towerInPlan(baseMap, after, id), `towerInPlan "${id}"`).toEqual(applied.find((t) => t.id === id));
          }

          // Neither writes to the plans. (toEqual, not toStrictEqual: that one compares the
          // .constructor of objects, and a changed entry keyed "constructor" shadows it.)
          expect(after).toEqual(snapshot);

          if (after.added.some((t) => baseIds.has(t.id) && !after.removed.includes(t.id))) seen.clashes++;
          if (new Set(after.added.map((t) => t.id)).size < after.added.length) seen.duplicates++;
          if (Object.hasOwn(after.changed, '__proto__')) seen.protoChanged++;
          before = after;
        }
      }),
      run(300),
    );
    console.log('plan diff property: seen', seen);
    expect(seen.changedSteps).toBeGreaterThan(1000);
    expect(Math.min(seen.clashes, seen.duplicates, seen.protoChanged)).toBeGreaterThan(100);
  });
});

describe('touchedIds, examples', () => {
  const T1: Tower = { id: 'T1', lon: 105, lat: 9, operator: 'Viettel', status: 'existing', technology: '3G', radiusKm: 5, synthetic: false };
  const T2: Tower = { id: 'T2', lon: 105.1, lat: 9.1, operator: 'VNPT', status: 'existing', technology: '4G', synthetic: false };
  const PROTO: Tower = { id: '__proto__', lon: 105.2, lat: 9, operator: 'VNPT', status: 'planned', technology: '4G', synthetic: true };
  const BASE = [T1, T2, PROTO];
  const BY_ID = new Map(BASE.map((t) => [t.id, t]));
  const clone = (plan: PlanDoc): PlanDoc => structuredClone(plan);
  const at = (lon: number, lat: number) => ({ lon, lat, operator: 'Viettel', technology: '4G' as const });

  function twoAdded(): PlanDoc {
    const first = addTower(EMPTY_PLAN, newPlannedTower(BASE, at(105, 9.2)));
    return addTower(first, newPlannedTower([...BASE, ...first.added], at(105.1, 9.2)));
  }

  it('moving one added tower touches exactly its id', () => {
    const plan = twoAdded();
    expect(plan.added.map((t) => t.id)).toEqual(['P-0001', 'P-0002']);
    const moved = updateTower(plan, BASE, 'P-0001', { lon: 105.05 });
    expect(touchedIds(clone(plan), clone(moved))).toEqual(new Set(['P-0001']));
    expect(towerInPlan(BY_ID, clone(moved), 'P-0001')).toEqual({ ...plan.added[0], lon: 105.05 });
  });

  it('setting a loaded field back to its loaded value touches that id, and the tower is the loaded one again', () => {
    const edited = updateTower(EMPTY_PLAN, BASE, 'T1', { radiusKm: 7 });
    const back = updateTower(edited, BASE, 'T1', { radiusKm: 5 });
    expect(back.changed).toEqual({});
    expect(touchedIds(clone(edited), clone(back))).toEqual(new Set(['T1']));
    expect(towerInPlan(BY_ID, clone(back), 'T1')).toEqual(T1);
    // Back to the loaded value through an explicit patch of the same value: still touched.
    const explicit: PlanDoc = { added: [], changed: { T1: { radiusKm: 5 } }, removed: [] };
    expect(touchedIds(clone(edited), clone(explicit))).toEqual(new Set(['T1']));
  });

  it('identical plans touch nothing, awkward ids and raw oddities included', () => {
    const changed: Record<string, TowerPatch> = {};
    setOwn(changed, '__proto__', { heightM: 30, radiusKm: undefined });
    setOwn(changed, 'constructor', { lon: 105 });
    const plan: PlanDoc = {
      added: [
        { id: 'T1', lon: 105, lat: 9, operator: 'X', status: 'planned', technology: '5G', synthetic: false },
        { id: 'N', lon: 105, lat: 9, operator: 'X', status: 'planned', technology: '5G', synthetic: false, radiusKm: Number.NaN },
        { id: 'N', lon: 106, lat: 9, operator: 'X', status: 'planned', technology: '5G', synthetic: false },
      ],
      changed,
      removed: ['T2', 'T2', 'nope'],
    };
    expect(touchedIds(clone(plan), clone(plan))).toEqual(new Set());
    expect(touchedIds(EMPTY_PLAN, clone(EMPTY_PLAN))).toEqual(new Set());
  });

  it('a "__proto__" tower: changed, then removed, touches "__proto__" each time', () => {
    const changed = updateTower(EMPTY_PLAN, BASE, '__proto__', { radiusKm: 2 });
    expect(Object.hasOwn(changed.changed, '__proto__')).toBe(true);
    const sent = clone(changed);
    expect(Object.hasOwn(sent.changed, '__proto__')).toBe(true);
    expect(touchedIds(EMPTY_PLAN, sent)).toEqual(new Set(['__proto__']));
    expect(towerInPlan(BY_ID, sent, '__proto__')).toEqual({ ...PROTO, radiusKm: 2 });
    const removed = clone(removeTower(sent, BASE, '__proto__'));
    expect(touchedIds(sent, removed)).toEqual(new Set(['__proto__']));
    expect(towerInPlan(BY_ID, removed, '__proto__')).toBeUndefined();
    expect(towerInPlan(BY_ID, removed, 'constructor')).toBeUndefined();
    expect(towerInPlan(BY_ID, removed, 'toString')).toBeUndefined();
  });

  it('a loaded tower wins over an added one with its id; among added ones the first counts', () => {
    const a: Tower = { id: 'T1', lon: 105.3, lat: 9, operator: 'X', status: 'planned', technology: '5G', synthetic: false };
    const n1: Tower = { id: 'N', lon: 105.3, lat: 9.1, operator: 'X', status: 'planned', technology: '4G', synthetic: false };
    const n2: Tower = { ...n1, lon: 105.4 };
    const plan: PlanDoc = { added: [a, n1, n2], changed: {}, removed: [] };
    expect(towerInPlan(BY_ID, clone(plan), 'T1')).toEqual(T1);
    expect(towerInPlan(BY_ID, clone(plan), 'N')).toEqual(n1);
    // Taking the loaded T1 out lets the added one in: T1 is touched, and so is N when its first goes.
    const next: PlanDoc = { added: [a, n2], changed: {}, removed: ['T1'] };
    expect(touchedIds(clone(plan), clone(next))).toEqual(new Set(['T1', 'N']));
    expect(towerInPlan(BY_ID, clone(next), 'T1')).toEqual(a);
    expect(towerInPlan(BY_ID, clone(next), 'N')).toEqual(n2);
    // Dropping the second of two added towers with one id changes nothing.
    const second: PlanDoc = { added: [a, n1], changed: {}, removed: [] };
    expect(touchedIds(clone(plan), clone(second))).toEqual(new Set());
  });
});
