// The page sends the worker a plan edit as its delta (src/domain/plan/delta.ts): the worker,
// holding the plan before, must rebuild the plan after (equal by value), and the ids it gets
// must name every id whose tower differs between applyPlan(base, before) and
// applyPlan(base, after). The page's plans keep their identity (as the store's do); the
// worker's side gets everything through structuredClone, as on its way there. Steps include
// undo and redo: a jump to any plan seen before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tower } from '../../../src/domain/types.ts';
import { applyPlanDelta, planDelta } from '../../../src/domain/plan/delta.ts';
import { EMPTY_PLAN, addTower, applyPlan, removeTower, updateTower, type PlanDoc } from '../../../src/domain/plan/plan.ts';
import { SEED } from '../coverage/classify-helpers.ts';
import { planSteps, run, type TowerSpec } from './plan-steps.ts';

console.log(`plan delta property tests: fast-check seed ${SEED}`);

const POOL = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'P-0001'];

const { towerSpec, makeTower, step, applyStep } = planSteps({
  pool: POOL,
  absent: ['nope', 'valueOf', ''],
  absentInTweaks: false,
  fields: {
    lon: fc.constantFrom(105, 105.05, 105.1),
    lat: fc.constantFrom(9, 9.05, 9.1),
    operator: fc.constantFrom('Viettel', 'VNPT', 'MobiFone'),
    radiusKm: fc.constantFrom(1.5, 4, 5, 8),
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

/** The towers by id as applyPlan lays them (the first of an id counts), compared by value. */
function applied(base: readonly Tower[], plan: PlanDoc): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of applyPlan(base, plan).towers) if (!out.has(t.id)) out.set(t.id, JSON.stringify(t, Object.keys(t).sort()));
  return out;
}

describe('planDelta and applyPlanDelta', () => {
  it('the worker rebuilds every plan, undo and redo included, and is told of every changed tower', () => {
    const seen = { steps: 0, jumps: 0, changed: 0, touched: 0 };
    fc.assert(
      fc.property(baseArb, fc.array(fc.tuple(step, fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() })), { minLength: 1, maxLength: 25, size: 'max' }), (base, steps) => {
        const baseMap = new Map(base.map((t) => [t.id, t]));
        const history: PlanDoc[] = [EMPTY_PLAN];
        let page: PlanDoc = EMPTY_PLAN;
        let worker: PlanDoc = structuredClone(EMPTY_PLAN);
        for (const [s, jump] of steps) {
          const next = jump === null ? applyStep(base, baseMap, page, s) : (history[jump % history.length] as PlanDoc);
          if (jump !== null) seen.jumps++;
          const delta = structuredClone(planDelta(page, next));
          const { plan, touched } = applyPlanDelta(worker, delta);
          expect(plan).toEqual(next);
          const was = applied(base, page);
          const now = applied(base, next);
          for (const id of new Set([...was.keys(), ...now.keys()])) {
            if (was.get(id) === now.get(id)) continue;
            seen.changed++;
            expect(touched.has(id), `tower "${id}" changed but is not touched`).toBe(true);
          }
          seen.touched += touched.size;
          seen.steps++;
          history.push(next);
          page = next;
          worker = plan;
        }
      }),
      run(300),
    );
    console.log('plan delta property: seen', seen);
    expect(seen.changed).toBeGreaterThan(1000);
    expect(seen.jumps).toBeGreaterThan(100);
  });

  it('one edit sends one tower or one patch, not the plan', () => {
    const base: Tower[] = ['A', 'B', 'C'].map((id) => ({ id, lon: 105, lat: 9, operator: 'Viettel', status: 'existing', technology: '4G', synthetic: false }));
    let plan = EMPTY_PLAN;
    for (const id of ['N1', 'N2', 'N3']) plan = addTower(plan, { ...(base[0] as Tower), id, status: 'planned' });
    plan = updateTower(plan, base, 'A', { radiusKm: 3 });
    plan = removeTower(plan, base, 'B');
    const moved = updateTower(plan, base, 'N2', { lon: 105.2 });
    expect(planDelta(plan, moved)).toEqual({ added: { at: 1, drop: 1, put: [moved.added[1]] } });
    const patched = updateTower(plan, base, 'A', { radiusKm: 4 });
    expect(planDelta(plan, patched)).toEqual({ changed: [['A', { radiusKm: 4 }]] });
    const gone = removeTower(plan, base, 'C');
    expect(planDelta(plan, gone)).toEqual({ removed: { at: 1, drop: 0, put: ['C'] } });
    expect(planDelta(plan, plan)).toEqual({});
    expect(applyPlanDelta(plan, planDelta(plan, moved)).touched).toEqual(new Set(['N2']));
  });

  it('carries the what-ifs on the model (model edit, calibration), set and taken away', () => {
    const withBoth: PlanDoc = { ...EMPTY_PLAN, model: { radiusModel: 'path_loss' }, calibration: { Viettel: 1.3 } };
    const there = applyPlanDelta(EMPTY_PLAN, structuredClone(planDelta(EMPTY_PLAN, withBoth)));
    expect(there.plan).toEqual(withBoth);
    expect(there.touched.size).toBe(0);
    const back = applyPlanDelta(there.plan, structuredClone(planDelta(withBoth, EMPTY_PLAN)));
    expect(back.plan).toEqual(EMPTY_PLAN);
    // A tower edit leaves them as they are.
    const edited = addTower(withBoth, { id: 'T1', lon: 105, lat: 9, operator: 'Viettel', technology: '4G', status: 'planned' } as Tower);
    expect(applyPlanDelta(there.plan, structuredClone(planDelta(withBoth, edited))).plan).toEqual(edited);
  });
});
