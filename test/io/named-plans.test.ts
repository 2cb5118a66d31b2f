// Named plans beside the working plan (src/io/plan-store.ts): listed by name with their
// summaries, kept apart from the working plan and from other datasets, migrated on read, and
// two tabs saving one name answer with a conflict instead of overwriting.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { EMPTY_PLAN, type PlanDoc } from '../../src/domain/plan/plan.ts';
import { PLANS_STORE } from '../../src/io/db.ts';
import { isConflict, listNamedPlans, loadPlan, namedPlanKey, PlanStore, type PlanSummary } from '../../src/io/plan-store.ts';
import { putRaw } from './fake-idb.ts';

const KEY = 'ds1-0123456789abcdef';
const removing = (id: string): PlanDoc => ({ ...EMPTY_PLAN, removed: [id] });
const summary: PlanSummary = { figures: { hamlets: 10, population: 1000, schools: 3, students: 300 }, targets: [{ id: 'hamlets-4g', status: 'met' }] };

describe('named plans', () => {
  it('lists each name of this dataset with its plan and summary, apart from the working plan', async () => {
    const indexedDB = new IDBFactory();
    const store = new PlanStore({ indexedDB });
    expect(await listNamedPlans(KEY, { indexedDB })).toEqual({ plans: [], unreadable: 0 });
    expect((await store.save(namedPlanKey(KEY, 'Phương án B'), removing('T2'), { summary })).ok).toBe(true);
    expect((await store.save(namedPlanKey(KEY, 'Phương án A'), removing('T1'))).ok).toBe(true);
    expect((await store.save(KEY, removing('T9'))).ok).toBe(true);
    expect((await store.save(namedPlanKey('other-dataset', 'X'), removing('T3'))).ok).toBe(true);
    const { plans, unreadable } = await listNamedPlans(KEY, { indexedDB });
    expect(unreadable).toBe(0);
    expect(plans.map((p) => [p.name, p.plan.removed, p.revision, p.summary])).toEqual([
      ['Phương án A', ['T1'], 1, undefined],
      ['Phương án B', ['T2'], 1, summary],
    ]);
    // The working plan is untouched by them.
    const working = await loadPlan(KEY, { indexedDB });
    expect(working.status === 'loaded' && working.plan.removed).toEqual(['T9']);
  });

  it('migrates an old layout on read and counts a damaged one without touching it', async () => {
    const indexedDB = new IDBFactory();
    const key = namedPlanKey(KEY, 'cũ');
    await putRaw(indexedDB, PLANS_STORE, key, { schema: 1, datasetKey: key, savedAt: '2024-01-01T00:00:00.000Z', edits: { added: [], changed: { T1: { radiusKm: null } }, removed: [] } });
    await putRaw(indexedDB, PLANS_STORE, namedPlanKey(KEY, 'hỏng'), { schema: 3, datasetKey: 'elsewhere', savedAt: 'x', revision: 1, plan: {} });
    const { plans, unreadable } = await listNamedPlans(KEY, { indexedDB });
    expect(unreadable).toBe(1);
    expect(plans).toHaveLength(1);
    expect(plans[0]?.name).toBe('cũ');
    expect(plans[0]?.revision).toBe(0);
    expect(Object.keys(plans[0]?.plan.changed['T1'] ?? {})).toEqual(['radiusKm']);
  });

  it('two tabs saving the same name: the second gets a conflict holding both', async () => {
    const indexedDB = new IDBFactory();
    const tabA = new PlanStore({ indexedDB });
    const tabB = new PlanStore({ indexedDB });
    const key = namedPlanKey(KEY, 'chung');
    expect((await tabA.save(key, removing('A'))).ok).toBe(true);
    // Tab B never read it: it saves on nothing (revision 0).
    const second = await tabB.save(key, removing('B'));
    expect(isConflict(second)).toBe(true);
    if (isConflict(second)) expect([second.theirs.value.removed, second.mine.removed]).toEqual([['A'], ['B']]);
    const { plans } = await listNamedPlans(KEY, { indexedDB });
    expect(plans[0]?.plan.removed).toEqual(['A']);
    // Saved over the revision it was shown, it goes through.
    expect((await tabB.save(key, removing('B'), { base: plans[0]?.revision ?? 0 })).ok).toBe(true);
  });
});
