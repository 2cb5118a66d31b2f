// The gap register on this device: saved and read back exactly, a version 1 database (plans
// and imports only) upgraded in place without losing its plan, the two older record layouts
// (the statuses themselves; the statuses under `statuses`) migrated on read with nothing
// lost, and a damaged record reported, kept, never read nor saved over unless asked.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { historyFile } from '../../src/domain/gaps/history-file.ts';
import { EMPTY_HISTORY, type GapHistory } from '../../src/domain/gaps/history.ts';
import { migrateStatuses, toStatuses } from '../../src/domain/gaps/history-v1.ts';
import { applyStatusChange, EMPTY_STATUSES, type GapStatuses } from '../../src/domain/gaps/status.ts';
import { EMPTY_PLAN } from '../../src/domain/plan/plan.ts';
import { GAPS_STORE, PLANS_STORE } from '../../src/io/db.ts';
import { loadPlan } from '../../src/io/plan-store.ts';
import { loadGapStatuses, saveGapStatuses } from '../../src/io/status-store.ts';
import { getRaw, openRaw, putRaw } from './fake-idb.ts';

const T0 = '2026-11-22T01:02:03.000Z';

function statuses(): GapStatuses {
  const a = applyStatusChange(EMPTY_STATUSES, { gapId: 'hamlet:__proto__', status: 'assigned', operator: 'VNPT', date: '2026-11-20', note: '<b>x</b>' });
  if (!a.ok) throw new Error(a.reason);
  const b = applyStatusChange(a.statuses, { gapId: 'school:S-1', status: 'disputed', date: '2026-11-21' });
  if (!b.ok) throw new Error(b.reason);
  return b.statuses;
}

const history = (): GapHistory => migrateStatuses(statuses());

describe('the gap register in IndexedDB', () => {
  it('saves and reads back exactly', async () => {
    const indexedDB = new IDBFactory();
    expect(await loadGapStatuses({ indexedDB })).toEqual({ status: 'none' });
    expect(await saveGapStatuses(history(), { indexedDB, now: () => new Date(T0) })).toEqual({ ok: true, savedAt: T0, revision: 1 });
    expect(await loadGapStatuses({ indexedDB })).toEqual({ status: 'loaded', history: history(), savedAt: T0, revision: 1 });
    expect(await getRaw(indexedDB, GAPS_STORE, 'current')).toEqual({ schema: 3, savedAt: T0, revision: 1, history: historyFile(history()) });
  });

  it('reads the first layout (the statuses themselves) as revision 0, and the next save writes the current one', async () => {
    const indexedDB = new IDBFactory();
    await putRaw(indexedDB, GAPS_STORE, 'current', statuses());
    expect(await loadGapStatuses({ indexedDB })).toEqual({ status: 'loaded', history: history(), savedAt: new Date(0).toISOString(), revision: 0 });
    expect(await saveGapStatuses(EMPTY_HISTORY, { indexedDB, now: () => new Date(T0), base: 0 })).toEqual({ ok: true, savedAt: T0, revision: 1 });
    expect(await getRaw(indexedDB, GAPS_STORE, 'current')).toEqual({ schema: 3, savedAt: T0, revision: 1, history: { schema: 2, events: [] } });
  });

  it("upgrades the last version's record (statuses under `statuses`) in place with nothing lost", async () => {
    const indexedDB = new IDBFactory();
    const record = { schema: 2, savedAt: T0, revision: 4, statuses: statuses() };
    await putRaw(indexedDB, GAPS_STORE, 'current', record);
    const read = await loadGapStatuses({ indexedDB });
    if (read.status !== 'loaded') throw new Error(read.status);
    expect(read.revision).toBe(4);
    expect(toStatuses(read.history)).toEqual(statuses());
    // Reading never rewrites: the record stays as it was until the next save.
    expect(await getRaw(indexedDB, GAPS_STORE, 'current')).toEqual(record);
    expect(await saveGapStatuses(read.history, { indexedDB, base: 4 })).toMatchObject({ ok: true, revision: 5 });
    const again = await loadGapStatuses({ indexedDB });
    expect(again.status === 'loaded' && toStatuses(again.history)).toEqual(statuses());
  });

  it('upgrades a version 1 database in place, keeping its plan', async () => {
    const indexedDB = new IDBFactory();
    const v1 = await openRaw(indexedDB, 1);
    await new Promise<void>((resolve, reject) => {
      const tx = v1.transaction(PLANS_STORE, 'readwrite');
      tx.objectStore(PLANS_STORE).put({ schema: 2, datasetKey: 'ds1-x', savedAt: '2026-11-01T00:00:00.000Z', plan: EMPTY_PLAN }, 'ds1-x');
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
    expect([...v1.objectStoreNames]).not.toContain(GAPS_STORE);
    v1.close();
    expect((await saveGapStatuses(history(), { indexedDB })).ok).toBe(true);
    expect((await loadPlan('ds1-x', { indexedDB })).status).toBe('loaded');
    expect(await loadGapStatuses({ indexedDB })).toMatchObject({ status: 'loaded', history: history(), revision: 1 });
  });

  it('reports a damaged record as unreadable and leaves it as it is', async () => {
    const indexedDB = new IDBFactory();
    expect((await saveGapStatuses(EMPTY_HISTORY, { indexedDB })).ok).toBe(true);
    const db = await openRaw(indexedDB);
    const damaged = { schema: 1, gaps: { 'hamlet:H-1': [{ gapId: 'hamlet:H-1', status: 'resolved', date: '2026-01-01' }] } };
    await new Promise<void>((resolve) => {
      const tx = db.transaction(GAPS_STORE, 'readwrite');
      tx.objectStore(GAPS_STORE).put(damaged, 'current');
      tx.oncomplete = () => resolve();
    });
    db.close();
    const read = await loadGapStatuses({ indexedDB });
    expect(read.status).toBe('unreadable');
    expect(read.status === 'unreadable' && read.reason).toMatch(/^the saved gap statuses is damaged: .*open to resolved/);
    expect(await getRaw(indexedDB, GAPS_STORE, 'current')).toEqual(damaged);
    // Not saved over unless the user chooses to.
    expect(await saveGapStatuses(history(), { indexedDB, base: 1 })).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(await getRaw(indexedDB, GAPS_STORE, 'current')).toEqual(damaged);
    expect(await saveGapStatuses(history(), { indexedDB, replaceUnreadable: true })).toMatchObject({ ok: true, revision: 1 });
  });
});
