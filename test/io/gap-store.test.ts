// The gap statuses on this device: saved and read back exactly, a version 1 database (plans
// and imports only) upgraded in place without losing its plan, and a damaged record reported,
// kept, and never read as statuses.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyStatusChange, EMPTY_STATUSES, type GapStatuses } from '../../src/domain/gaps/status.ts';
import { EMPTY_PLAN } from '../../src/domain/plan/plan.ts';
import { GAPS_STORE, loadGapStatuses, loadPlan, PLAN_SCHEMA, PLANS_STORE, saveGapStatuses } from '../../src/io/plan-store.ts';
import { getRaw, openRaw } from './fake-idb.ts';

function statuses(): GapStatuses {
  const a = applyStatusChange(EMPTY_STATUSES, { gapId: 'hamlet:__proto__', status: 'assigned', operator: 'VNPT', date: '2026-11-20', note: '<b>x</b>' });
  if (!a.ok) throw new Error(a.reason);
  const b = applyStatusChange(a.statuses, { gapId: 'school:S-1', status: 'disputed', date: '2026-11-21' });
  if (!b.ok) throw new Error(b.reason);
  return b.statuses;
}

describe('gap statuses in IndexedDB', () => {
  it('saves and reads back exactly', async () => {
    const indexedDB = new IDBFactory();
    expect(await loadGapStatuses({ indexedDB })).toEqual({ status: 'none' });
    expect((await saveGapStatuses(statuses(), { indexedDB })).ok).toBe(true);
    expect(await loadGapStatuses({ indexedDB })).toEqual({ status: 'loaded', statuses: statuses() });
  });

  it('upgrades a version 1 database in place, keeping its plan', async () => {
    const indexedDB = new IDBFactory();
    const v1 = await openRaw(indexedDB, 1);
    await new Promise<void>((resolve, reject) => {
      const tx = v1.transaction(PLANS_STORE, 'readwrite');
      tx.objectStore(PLANS_STORE).put({ schema: PLAN_SCHEMA, datasetKey: 'ds1-x', savedAt: '2026-11-01T00:00:00.000Z', plan: EMPTY_PLAN }, 'ds1-x');
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
    expect([...v1.objectStoreNames]).not.toContain(GAPS_STORE);
    v1.close();
    expect((await saveGapStatuses(statuses(), { indexedDB })).ok).toBe(true);
    expect((await loadPlan('ds1-x', { indexedDB })).status).toBe('loaded');
    expect(await loadGapStatuses({ indexedDB })).toEqual({ status: 'loaded', statuses: statuses() });
  });

  it('reports a damaged record as unreadable and leaves it as it is', async () => {
    const indexedDB = new IDBFactory();
    expect((await saveGapStatuses(EMPTY_STATUSES, { indexedDB })).ok).toBe(true);
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
  });
});
