// When the browser cannot keep what is saved: a full disk (the copy saved before stays whole,
// in each way a browser reports it), no IndexedDB at all, and a database made by a newer
// version (nothing read, nothing written).
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanDoc } from '../../src/domain/plan/plan.ts';
import type { Tower } from '../../src/domain/types.ts';
import { DB_NAME, DB_VERSION, PLANS_STORE } from '../../src/io/db.ts';
import { clearImport, loadImport, saveImport } from '../../src/io/import-store.ts';
import { loadPlan, savePlan } from '../../src/io/plan-store.ts';
import { abortsAtCommit, bytes, expectSame, failsInRequest, getRaw, hooked, openRaw, throwsOnPut } from './fake-idb.ts';

const KEY = 'ds1-0123456789abcdef';
const T0 = '2024-05-06T07:08:09.000Z';
const T1 = '2024-05-06T07:09:10.000Z';
const at = (iso: string) => () => new Date(iso);

afterEach(() => {
  vi.unstubAllGlobals();
});

function tower(id: string, fields: Partial<Tower> = {}): Tower {
  return { id, lon: 105.2, lat: 9.2, operator: 'Viettel', status: 'planned', technology: '4G', synthetic: false, ...fields };
}

function samplePlan(): PlanDoc {
  return { added: [tower('P-0001', { radiusKm: 4, heightM: 30 })], changed: { T1: { radiusKm: 3.5, heightM: undefined } }, removed: ['T2'] };
}

const good = { added: [tower('P-0005')], changed: {}, removed: [] };

// ---------------------------------------------------------------------------------------
// A full disk.

const quotaMessage =
  "The browser's storage is full, so the plan could not be saved; the copy saved before is kept. Free some space or export the plan to a file.";

describe('a write that does not fit', () => {
  it.each([
    ['the put throws QuotaExceededError', throwsOnPut()],
    ['the put request fails with QuotaExceededError', failsInRequest],
    ['the transaction aborts with QuotaExceededError', abortsAtCommit],
    ["Firefox's NS_ERROR_DOM_QUOTA_REACHED", throwsOnPut(new DOMException('quota', 'NS_ERROR_DOM_QUOTA_REACHED'))],
    ["old WebKit's code 22", throwsOnPut(Object.assign(new Error('disk full'), { code: 22 }))],
  ])('%s: reason quota, and the plan saved before is still loadable intact', async (_name, hook) => {
    const indexedDB = new IDBFactory();
    expect(await savePlan(KEY, samplePlan(), { indexedDB, now: at(T0) })).toEqual({ ok: true, savedAt: T0, revision: 1 });
    const before = bytes(await getRaw(indexedDB, PLANS_STORE, KEY));

    const full = hooked(indexedDB, hook);
    const next = { added: [...samplePlan().added, tower('P-0002')], changed: {}, removed: ['T3'] };
    expect(await savePlan(KEY, next, { indexedDB: full, now: at(T1), base: 1 })).toEqual({ ok: false, reason: 'quota', message: quotaMessage });

    expect(bytes(await getRaw(indexedDB, PLANS_STORE, KEY))).toBe(before);
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: samplePlan(), savedAt: T0, revision: 1 });
    // Reading through the failing factory works too (reads do not put).
    expectSame(await loadPlan(KEY, { indexedDB: full }), { status: 'loaded', plan: samplePlan(), savedAt: T0, revision: 1 });
  });

  it('the hooks really write nothing only because of the failure (control: a pass-through hook saves)', async () => {
    const indexedDB = new IDBFactory();
    const passThrough = hooked(indexedDB, (_store, _tx, put) => put());
    expect(await savePlan(KEY, samplePlan(), { indexedDB: passThrough, now: at(T0) })).toEqual({ ok: true, savedAt: T0, revision: 1 });
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: samplePlan(), savedAt: T0, revision: 1 });
  });

  it('a first save that does not fit leaves no record', async () => {
    const indexedDB = new IDBFactory();
    expect(await savePlan(KEY, samplePlan(), { indexedDB: hooked(indexedDB, failsInRequest), now: at(T0) })).toMatchObject({ reason: 'quota' });
    expect(await loadPlan(KEY, { indexedDB })).toEqual({ status: 'none' });
  });

  it('another failure is named, in one sentence', async () => {
    const indexedDB = new IDBFactory();
    await savePlan(KEY, samplePlan(), { indexedDB, now: at(T0) });
    const broken = hooked(indexedDB, throwsOnPut(new DOMException('boom', 'UnknownError')));
    expect(await savePlan(KEY, good, { indexedDB: broken, now: at(T1), base: 1 })).toEqual({
      ok: false,
      reason: 'UnknownError',
      message: 'The browser could not save the plan (UnknownError: boom).',
    });
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: samplePlan(), savedAt: T0, revision: 1 });
  });

  it('the imported files: reason quota, and the import saved before is kept', async () => {
    const indexedDB = new IDBFactory();
    const files = [{ path: 'towers.geojson', text: '{"type":"FeatureCollection","features":[]}' }];
    await saveImport(KEY, files, { indexedDB, now: at(T0) });
    expect(await saveImport('ds1-ffffffffffffffff', [{ path: 'x.csv', text: 'a,b' }], { indexedDB: hooked(indexedDB, abortsAtCommit), now: at(T1) })).toEqual({
      ok: false,
      reason: 'quota',
      message:
        "The browser's storage is full, so the imported files could not be saved; the copy saved before is kept. Free some space or export the imported files to a file.",
    });
    expectSame(await loadImport({ indexedDB }), { status: 'loaded', datasetKey: KEY, files, savedAt: T0 });
  });
});

// ---------------------------------------------------------------------------------------
// No IndexedDB, or a newer database.

const unavailableSave =
  'This browser keeps no data for the app (private browsing, or storage turned off), so the plan cannot be saved here; export it to a file instead.';

describe('no IndexedDB', () => {
  it('indexedDB: null: saving says unavailable, reading finds nothing', async () => {
    expect(await savePlan(KEY, good, { indexedDB: null })).toEqual({ ok: false, reason: 'unavailable', message: unavailableSave });
    expect(await loadPlan(KEY, { indexedDB: null })).toEqual({ status: 'none' });
    expect(await saveImport(KEY, [], { indexedDB: null })).toEqual({
      ok: false,
      reason: 'unavailable',
      message:
        'This browser keeps no data for the app (private browsing, or storage turned off), so the imported files cannot be saved here; export it to a file instead.',
    });
    expect(await loadImport({ indexedDB: null })).toEqual({ status: 'none' });
    expect(await clearImport({ indexedDB: null })).toEqual({
      ok: false,
      reason: 'unavailable',
      message:
        'This browser keeps no data for the app (private browsing, or storage turned off), so the imported files cannot be cleared here; export it to a file instead.',
    });
  });

  it("left out, it is the browser's indexedDB: none, or one that throws, reads as unavailable", async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect(await savePlan(KEY, good)).toEqual({ ok: false, reason: 'unavailable', message: unavailableSave });
    expect(await loadPlan(KEY)).toEqual({ status: 'none' });
    vi.unstubAllGlobals();

    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      expect(await savePlan(KEY, good)).toEqual({ ok: false, reason: 'unavailable', message: unavailableSave });
    } finally {
      delete (globalThis as { indexedDB?: unknown }).indexedDB;
    }
  });

  it("left out, it is the browser's indexedDB when there is one", async () => {
    const indexedDB = new IDBFactory();
    vi.stubGlobal('indexedDB', indexedDB);
    expect(await savePlan(KEY, good, { now: at(T0) })).toEqual({ ok: true, savedAt: T0, revision: 1 });
    expectSame(await loadPlan(KEY), { status: 'loaded', plan: good, savedAt: T0, revision: 1 });
    expect(await loadPlan(KEY, { indexedDB: new IDBFactory() })).toEqual({ status: 'none' });
    expect(await getRaw(indexedDB, PLANS_STORE, KEY)).toMatchObject({ schema: 3, savedAt: T0, revision: 1 });
  });

  it('a factory whose open throws SecurityError is unavailable', async () => {
    const locked = {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    expect(await savePlan(KEY, good, { indexedDB: locked })).toEqual({ ok: false, reason: 'unavailable', message: unavailableSave });
    expect(await loadPlan(KEY, { indexedDB: locked })).toEqual({ status: 'none' });
  });
});

describe('a database made by a newer version', () => {
  it("is 'newer': nothing read, nothing written, the database left as it was", async () => {
    const indexedDB = new IDBFactory();
    const db = await openRaw(indexedDB, DB_VERSION + 1);
    db.close();
    const record = { schema: 7, datasetKey: KEY, savedAt: T0, whatever: [1] };
    {
      const again = await openRaw(indexedDB, DB_VERSION + 1);
      await new Promise<void>((resolve, reject) => {
        const tx = again.transaction(PLANS_STORE, 'readwrite');
        tx.objectStore(PLANS_STORE).put(record, KEY);
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error ?? new Error('aborted'));
      });
      again.close();
    }

    expect(await loadPlan(KEY, { indexedDB })).toEqual({
      status: 'unreadable',
      reason: 'The data in this browser was saved by a newer version of Sóng Map; update the app to read the saved plan here.',
    });
    expect(await savePlan(KEY, good, { indexedDB, now: at(T1) })).toEqual({
      ok: false,
      reason: 'newer',
      message: 'The data in this browser was saved by a newer version of Sóng Map; update the app to save the plan here.',
    });
    expect(await savePlan(KEY, good, { indexedDB, replaceUnreadable: true })).toMatchObject({ ok: false, reason: 'newer' });
    expect(await loadImport({ indexedDB })).toMatchObject({ status: 'unreadable' });
    expect(await clearImport({ indexedDB })).toMatchObject({ ok: false, reason: 'newer' });

    const databases = await indexedDB.databases();
    expect(databases).toEqual([{ name: DB_NAME, version: DB_VERSION + 1 }]);
    expectSame(await getRaw(indexedDB, PLANS_STORE, KEY, DB_VERSION + 1), record);
  });
});

describe('another tab holding an older version of the database open', () => {
  it("is 'blocked' at once, writes nothing, and the database opened late is closed (a later save works)", async () => {
    const indexedDB = new IDBFactory();
    // An old tab: version 1, and it does not close when asked to.
    const old = await openRaw(indexedDB, 1);
    expect(await savePlan(KEY, good, { indexedDB, now: at(T0) })).toEqual({
      ok: false,
      reason: 'blocked',
      message: 'Another tab of Sóng Map is using an older version of its data, so the plan could not be saved; close the other tabs and reload.',
    });
    // The old tab goes: the upgrade it held up goes through, and nothing stays open after.
    old.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await indexedDB.databases()).toEqual([{ name: DB_NAME, version: DB_VERSION }]);
    expect(await getRaw(indexedDB, PLANS_STORE, KEY)).toBeUndefined();
    expect(await savePlan(KEY, good, { indexedDB, now: at(T1) })).toEqual({ ok: true, savedAt: T1, revision: 1 });
  });
});
