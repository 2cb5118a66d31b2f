// Two tabs (or windows) of the app on one browser profile: two stores on one fake-indexeddb
// database. Both read the plan, both edit; the second save must not replace the first one's
// without a word: it is answered with a conflict holding both versions, and nothing stored
// changes until the user chooses.
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyFile } from '../../src/domain/gaps/history-file.ts';
import type { GapHistory } from '../../src/domain/gaps/history.ts';
import { migrateStatuses } from '../../src/domain/gaps/history-v1.ts';
import { applyStatusChange, EMPTY_STATUSES } from '../../src/domain/gaps/status.ts';
import { EMPTY_PLAN, type PlanDoc } from '../../src/domain/plan/plan.ts';
import type { Tower } from '../../src/domain/types.ts';
import { GAPS_STORE, PLANS_STORE } from '../../src/io/db.ts';
import { openNotices, type SaveNotice } from '../../src/io/notices.ts';
import { isConflict, loadPlan, PlanStore, savePlan } from '../../src/io/plan-store.ts';
import { GapStatusStore, loadGapStatuses } from '../../src/io/status-store.ts';
import { expectSame, getRaw } from './fake-idb.ts';

const KEY = 'ds1-0123456789abcdef';

function tower(id: string, lon = 105.2): Tower {
  return { id, lon, lat: 9.2, operator: 'Viettel', status: 'planned', technology: '4G', synthetic: false };
}
const planWith = (...ids: string[]): PlanDoc => ({ added: ids.map((id) => tower(id)), changed: {}, removed: [] });

describe('two tabs saving one plan', () => {
  it('the free functions: a save made on an old revision is refused, and the first save stays', async () => {
    const indexedDB = new IDBFactory();
    expect((await savePlan(KEY, planWith('P-0'), { indexedDB })).ok).toBe(true);
    const a = await loadPlan(KEY, { indexedDB });
    const b = await loadPlan(KEY, { indexedDB });
    if (a.status !== 'loaded' || b.status !== 'loaded') throw new Error('not loaded');
    expect(a.revision).toBe(b.revision);

    const first = await savePlan(KEY, planWith('P-0', 'P-A'), { indexedDB, base: a.revision });
    expect(first.ok).toBe(true);
    const second = await savePlan(KEY, planWith('P-0', 'P-B'), { indexedDB, base: b.revision });
    expect(second.ok).toBe(false);
    expect((await loadPlan(KEY, { indexedDB })).status).toBe('loaded');
    expectSame(((await loadPlan(KEY, { indexedDB })) as { plan: PlanDoc }).plan, planWith('P-0', 'P-A'));
  });

  it('two stores: both load, both edit; the second save is a conflict with both versions, nothing overwritten', async () => {
    const indexedDB = new IDBFactory();
    const tabA = new PlanStore({ indexedDB, now: () => new Date('2026-12-01T08:00:00.000Z') });
    const tabB = new PlanStore({ indexedDB, now: () => new Date('2026-12-01T08:05:00.000Z') });
    expect(await tabA.load(KEY)).toEqual({ status: 'none' });
    expect(await tabB.load(KEY)).toEqual({ status: 'none' });

    const mineA = planWith('P-A');
    const mineB = planWith('P-B');
    expect(await tabA.save(KEY, mineA)).toEqual({ ok: true, savedAt: '2026-12-01T08:00:00.000Z', revision: 1 });
    const saveB = await tabB.save(KEY, mineB);
    expect(saveB.ok).toBe(false);
    if (!isConflict(saveB)) throw new Error(`not a conflict: ${JSON.stringify(saveB)}`);
    expectSame(saveB.mine, mineB);
    expect(saveB.base).toBe(0);
    expectSame(saveB.theirs, { value: mineA, savedAt: '2026-12-01T08:00:00.000Z', revision: 1 });
    // Stored: tab A's plan, untouched.
    expectSame(await getRaw(indexedDB, PLANS_STORE, KEY), { schema: 3, datasetKey: KEY, savedAt: '2026-12-01T08:00:00.000Z', revision: 1, plan: mineA });

    // Tab B saves again without choosing: still a conflict (its revision did not move).
    expect(isConflict(await tabB.save(KEY, mineB))).toBe(true);
    // Tab A goes on saving as usual.
    expect(await tabA.save(KEY, planWith('P-A', 'P-A2'))).toMatchObject({ ok: true, revision: 2 });

    // Tab B keeps its own plan, over the version it was shown: refused, a newer one came since.
    expect(isConflict(await tabB.save(KEY, mineB, { base: saveB.theirs.revision }))).toBe(true);
    // Over the newest one: written.
    expect(await tabB.save(KEY, mineB, { base: 2 })).toMatchObject({ ok: true, revision: 3 });
    expect(tabB.revisionOf(KEY)).toBe(3);
    expect(isConflict(await tabA.save(KEY, mineA))).toBe(true);
    // Tab A takes tab B's plan by reading again, then saves on it.
    expectSame(await tabA.load(KEY), { status: 'loaded', plan: mineB, savedAt: '2026-12-01T08:05:00.000Z', revision: 3 });
    expect(await tabA.save(KEY, planWith('P-B', 'P-A'))).toMatchObject({ ok: true, revision: 4 });
  });

  it('saves of one tab never conflict with each other, however they overlap', async () => {
    const indexedDB = new IDBFactory();
    const tab = new PlanStore({ indexedDB });
    await tab.load(KEY);
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => tab.save(KEY, planWith(`P-${n}`))));
    expect(results.map((r) => r.ok && r.revision)).toEqual([1, 2, 3, 4, 5]);
    expectSame(((await loadPlan(KEY, { indexedDB })) as { plan: PlanDoc }).plan, planWith('P-5'));
  });

  it('a record from before revisions (schema 2) is revision 0: the first tab to save wins it, the other conflicts', async () => {
    const indexedDB = new IDBFactory();
    const { putRaw } = await import('./fake-idb.ts');
    await putRaw(indexedDB, PLANS_STORE, KEY, { schema: 2, datasetKey: KEY, savedAt: '2025-01-01T00:00:00.000Z', plan: planWith('OLD') });
    const tabA = new PlanStore({ indexedDB });
    const tabB = new PlanStore({ indexedDB });
    expect(await tabA.load(KEY)).toMatchObject({ status: 'loaded', revision: 0, migratedFrom: 2 });
    await tabB.load(KEY);
    expect(await tabA.save(KEY, planWith('OLD', 'A'))).toMatchObject({ ok: true, revision: 1 });
    expect(isConflict(await tabB.save(KEY, planWith('OLD', 'B')))).toBe(true);
  });

  it('random interleavings: every save made on an old revision conflicts, and no accepted save is lost', async () => {
    // Oracle: a save is accepted exactly when its tab's revision is the stored one; the stored
    // plan is always the last accepted save.
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ tab: fc.integer({ min: 0, max: 2 }), op: fc.constantFrom('load', 'save') }), { maxLength: 12 }), async (steps) => {
        const indexedDB = new IDBFactory();
        const tabs = [0, 1, 2].map(() => new PlanStore({ indexedDB }));
        const seen = [0, 0, 0];
        let stored = { revision: 0, plan: EMPTY_PLAN };
        let n = 0;
        for (const { tab, op } of steps) {
          if (op === 'load') {
            await tabs[tab]!.load(KEY);
            seen[tab] = stored.revision;
            continue;
          }
          const plan = planWith(`P-${++n}`);
          const result = await tabs[tab]!.save(KEY, plan);
          if (seen[tab] === stored.revision) {
            expect(result).toMatchObject({ ok: true, revision: stored.revision + 1 });
            stored = { revision: stored.revision + 1, plan };
            seen[tab] = stored.revision;
          } else {
            expect(isConflict(result) && result.theirs.revision).toBe(stored.revision);
          }
        }
        const read = await loadPlan(KEY, { indexedDB });
        if (stored.revision === 0) expect(read.status).toBe('none');
        else expectSame(read, { status: 'loaded', plan: stored.plan, savedAt: (read as { savedAt: string }).savedAt, revision: stored.revision });
      }),
      { numRuns: 40 },
    );
  });
});

function statuses(note: string): GapHistory {
  const a = applyStatusChange(EMPTY_STATUSES, { gapId: 'hamlet:H-1', status: 'assigned', operator: 'VNPT', date: '2026-11-20', note });
  if (!a.ok) throw new Error(a.reason);
  return migrateStatuses(a.statuses);
}

describe('two tabs saving gap statuses', () => {
  it('the second save is a conflict with both versions; the first stays', async () => {
    const indexedDB = new IDBFactory();
    const tabA = new GapStatusStore({ indexedDB });
    const tabB = new GapStatusStore({ indexedDB });
    await tabA.load();
    await tabB.load();
    expect(await tabA.save(statuses('A'))).toMatchObject({ ok: true, revision: 1 });
    const b = await tabB.save(statuses('B'));
    if (!isConflict(b)) throw new Error('not a conflict');
    expect(b.mine).toEqual(statuses('B'));
    expect(b.theirs).toMatchObject({ value: statuses('A'), revision: 1 });
    expect(await loadGapStatuses({ indexedDB })).toMatchObject({ status: 'loaded', history: statuses('A'), revision: 1 });
    expect(await getRaw(indexedDB, GAPS_STORE, 'current')).toMatchObject({ schema: 3, revision: 1, history: historyFile(statuses('A')) });
    expect(await tabB.save(statuses('B'), { base: 1 })).toMatchObject({ ok: true, revision: 2 });
  });
});

describe('notices between tabs', () => {
  it('a save is told to the other tabs, with its revision, and not to its own channel', async () => {
    const indexedDB = new IDBFactory();
    const name = `test-${Math.random()}`;
    const mine = openNotices(name);
    const other = openNotices(name);
    const heardMine: SaveNotice[] = [];
    const heardOther: SaveNotice[] = [];
    mine.listen((n) => heardMine.push(n));
    other.listen((n) => heardOther.push(n));
    try {
      const tab = new PlanStore({ indexedDB, notices: mine });
      await tab.load(KEY);
      await tab.save(KEY, planWith('P-1'));
      await new GapStatusStore({ indexedDB, notices: mine }).save(statuses('x'));
      for (let i = 0; i < 50 && heardOther.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
      expect(heardOther).toEqual([
        { store: 'plans', key: KEY, revision: 1 },
        { store: 'gaps', key: 'current', revision: 1 },
      ]);
      expect(heardMine).toEqual([]);
    } finally {
      mine.close();
      other.close();
    }
  });

  it('without BroadcastChannel, posting and listening do nothing', async () => {
    const { vi } = await import('vitest');
    vi.stubGlobal('BroadcastChannel', undefined);
    try {
      const notices = openNotices();
      const off = notices.listen(() => undefined);
      notices.post({ store: 'plans', key: KEY, revision: 1 });
      off();
      notices.close();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
