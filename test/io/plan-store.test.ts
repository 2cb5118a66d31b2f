// The planner's saved-plan storage (src/io/plan-store.ts) on fake-indexeddb: round trips,
// the schema-1 upgrade on read, records it cannot read (kept byte for byte, never saved
// over unless asked), a full disk (the copy saved before stays whole), no IndexedDB at all,
// a database from a newer version, the dataset fingerprint and the last import.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_PLAN, type PlanDoc, type TowerPatch } from '../../src/domain/plan/plan.ts';
import type { Tower } from '../../src/domain/types.ts';
import {
  clearImport,
  datasetKey,
  DB_NAME,
  DB_VERSION,
  IMPORTS_STORE,
  loadImport,
  loadPlan,
  migrate,
  migrateImport,
  PLAN_SCHEMA,
  PLANS_STORE,
  saveImport,
  savePlan,
  type DatasetShape,
} from '../../src/io/plan-store.ts';
import { abortsAtCommit, bytes, expectSame, failsInRequest, getRaw, hooked, openRaw, putRaw, throwsOnPut } from './fake-idb.ts';

const KEY = 'ds1-0123456789abcdef';
const T0 = '2024-05-06T07:08:09.000Z';
const T1 = '2024-05-06T07:09:10.000Z';
const at = (iso: string) => () => new Date(iso);

afterEach(() => {
  vi.unstubAllGlobals();
});

// ---------------------------------------------------------------------------------------
// Plans.

function tower(id: string, fields: Partial<Tower> = {}): Tower {
  return { id, lon: 105.2, lat: 9.2, operator: 'Viettel', status: 'planned', technology: '4G', synthetic: false, ...fields };
}

/** A plan with every kind of edit: a patch that clears fields, and ids that are Object's own names. */
function samplePlan(): PlanDoc {
  const changed: Record<string, TowerPatch> = {
    T1: { radiusKm: 3.5, heightM: undefined, serviceDate: undefined },
    ['__proto__']: { operator: 'MobiFone', upgradeDate: undefined },
    constructor: { lat: 9.25 },
  };
  return {
    added: [tower('P-0001', { radiusKm: 4, heightM: 30, serviceDate: '2022-01-15' }), tower('__proto__', { technology: '5G' })],
    changed,
    removed: ['T2', 'hasOwnProperty'],
  };
}

describe('savePlan and loadPlan', () => {
  it('reads none from an empty database', async () => {
    expect(await loadPlan(KEY, { indexedDB: new IDBFactory() })).toEqual({ status: 'none' });
  });

  it('round-trips a plan exactly, with cleared fields and "__proto__" ids', async () => {
    const indexedDB = new IDBFactory();
    const plan = samplePlan();
    const before = bytes(plan);
    expect(await savePlan(KEY, plan, { indexedDB, now: at(T0) })).toEqual({ ok: true, savedAt: T0 });
    expect(bytes(plan)).toBe(before); // the plan given is left alone

    const loaded = await loadPlan(KEY, { indexedDB });
    expectSame(loaded, { status: 'loaded', plan, savedAt: T0 });
    if (loaded.status !== 'loaded') throw new Error('not loaded');
    const { changed, added } = loaded.plan;
    // The cleared fields are there, holding undefined; nothing reached a prototype.
    expect(Object.hasOwn(changed['T1']!, 'heightM')).toBe(true);
    expect(changed['T1']!.heightM).toBeUndefined();
    expect(Object.keys(changed['T1']!).sort()).toEqual(['heightM', 'radiusKm', 'serviceDate']);
    expect(Object.getPrototypeOf(changed)).toBe(Object.prototype);
    expect(Object.hasOwn(changed, '__proto__')).toBe(true);
    expectSame(Object.getOwnPropertyDescriptor(changed, '__proto__')?.value, { operator: 'MobiFone', upgradeDate: undefined });
    expect(Object.keys(changed)).toEqual(['T1', '__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['operator']).toBeUndefined();
    expect(added.map((t) => t.id)).toEqual(['P-0001', '__proto__']);
    expect(bytes(loaded.plan)).toBe(before);

    // What is stored: the current layout, under the dataset key.
    expectSame(await getRaw(indexedDB, PLANS_STORE, KEY), { schema: PLAN_SCHEMA, datasetKey: KEY, savedAt: T0, plan });
  });

  it('round-trips the empty plan and replaces the plan saved before', async () => {
    const indexedDB = new IDBFactory();
    expect(await savePlan(KEY, samplePlan(), { indexedDB, now: at(T0) })).toEqual({ ok: true, savedAt: T0 });
    expect(await savePlan(KEY, EMPTY_PLAN, { indexedDB, now: at(T1) })).toEqual({ ok: true, savedAt: T1 });
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: { added: [], changed: {}, removed: [] }, savedAt: T1 });
  });

  it('keeps one plan per dataset', async () => {
    const indexedDB = new IDBFactory();
    const other = { added: [tower('P-0009')], changed: {}, removed: [] };
    await savePlan(KEY, samplePlan(), { indexedDB, now: at(T0) });
    await savePlan('ds1-ffffffffffffffff', other, { indexedDB, now: at(T1) });
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: samplePlan(), savedAt: T0 });
    expectSame(await loadPlan('ds1-ffffffffffffffff', { indexedDB }), { status: 'loaded', plan: other, savedAt: T1 });
    expect(await loadPlan('ds1-0000000000000000', { indexedDB })).toEqual({ status: 'none' });
  });

  it('uses the current time when no clock is given', async () => {
    const indexedDB = new IDBFactory();
    const before = Date.now();
    const saved = await savePlan(KEY, EMPTY_PLAN, { indexedDB });
    if (!saved.ok) throw new Error(saved.message);
    expect(Date.parse(saved.savedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(saved.savedAt)).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a malformed plan and writes nothing', async () => {
    const indexedDB = new IDBFactory();
    await savePlan(KEY, samplePlan(), { indexedDB, now: at(T0) });
    const bad = { added: [tower('P-0002', { lat: 91 })], changed: {}, removed: [] };
    expect(await savePlan(KEY, bad, { indexedDB, now: at(T1) })).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'The plan was not saved: added[0].lat is not a latitude.',
    });
    const clearsRequired = { added: [], changed: { T1: { lon: undefined } }, removed: [] };
    expect(await savePlan(KEY, clearsRequired, { indexedDB, now: at(T1) })).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'The plan was not saved: changed["T1"] clears lon, which every tower needs.',
    });
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: samplePlan(), savedAt: T0 });
  });
});

// ---------------------------------------------------------------------------------------
// Schema 1.

/** A schema-1 record as the first version wrote it (JSON-safe: nulls for cleared or absent fields). */
function schema1Record(key: string = KEY): Record<string, unknown> {
  // A JSON text, so that "__proto__" is an own key, as JSON.parse makes it.
  return JSON.parse(`{
    "schema": 1, "datasetKey": ${JSON.stringify(key)}, "savedAt": "${T0}",
    "edits": {
      "added": [
        { "id": "P-0001", "lon": 105.2, "lat": 9.2, "operator": "Viettel", "status": "planned", "technology": "4G",
          "radiusKm": null, "heightM": 30, "serviceDate": null, "synthetic": false }
      ],
      "changed": { "T1": { "radiusKm": null, "operator": "MobiFone" }, "__proto__": { "heightM": null, "lat": 9.15 } },
      "removed": ["T2"]
    }
  }`) as Record<string, unknown>;
}

describe('schema-1 records', () => {
  const upgraded = (): PlanDoc => ({
    added: [{ id: 'P-0001', lon: 105.2, lat: 9.2, operator: 'Viettel', status: 'planned', technology: '4G', heightM: 30, synthetic: false }],
    changed: { T1: { radiusKm: undefined, operator: 'MobiFone' }, ['__proto__']: { heightM: undefined, lat: 9.15 } },
    removed: ['T2'],
  });

  it('the fixture really has an own "__proto__" patch', () => {
    const edits = schema1Record()['edits'] as { changed: object };
    expect(Object.hasOwn(edits.changed, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(edits.changed)).toBe(Object.prototype);
  });

  it('migrate moves edits to plan, turns nulls into cleared or absent fields, and leaves its input alone', () => {
    const raw = schema1Record();
    const before = bytes(raw);
    const result = migrate(raw);
    expectSame(result, { ok: true, record: { schema: 2, datasetKey: KEY, savedAt: T0, plan: upgraded() }, from: 1 });
    if (!result.ok) throw new Error(result.reason);
    const added = result.record.plan.added[0]!;
    expect('radiusKm' in added).toBe(false);
    expect('serviceDate' in added).toBe(false);
    expect(Object.hasOwn(result.record.plan.changed['T1']!, 'radiusKm')).toBe(true);
    expect(Object.hasOwn(result.record.plan.changed, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result.record.plan.changed)).toBe(Object.prototype);
    expect(bytes(raw)).toBe(before);
  });

  it('migrate returns a current record as it is (from 2), as a fresh copy', () => {
    const raw = { schema: 2, datasetKey: KEY, savedAt: T0, plan: samplePlan() };
    const result = migrate(raw);
    expectSame(result, { ok: true, record: raw, from: 2 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.record.plan).not.toBe(raw.plan);
    expect(result.record.plan.added[0]).not.toBe(raw.plan.added[0]);
  });

  it('is upgraded on read, and the stored record is not rewritten by the read', async () => {
    const indexedDB = new IDBFactory();
    const raw = schema1Record();
    await putRaw(indexedDB, PLANS_STORE, KEY, raw);
    const before = bytes(await getRaw(indexedDB, PLANS_STORE, KEY));
    expect(before).toBe(bytes(raw));

    const loaded = await loadPlan(KEY, { indexedDB });
    expectSame(loaded, { status: 'loaded', plan: upgraded(), savedAt: T0, migratedFrom: 1 });
    // Read twice: the same answer, and the record still in schema 1, byte for byte.
    expectSame(await loadPlan(KEY, { indexedDB }), loaded);
    expect(bytes(await getRaw(indexedDB, PLANS_STORE, KEY))).toBe(before);

    // The next save writes the current layout.
    if (loaded.status !== 'loaded') throw new Error('not loaded');
    expect(await savePlan(KEY, loaded.plan, { indexedDB, now: at(T1) })).toEqual({ ok: true, savedAt: T1 });
    expectSame(await getRaw(indexedDB, PLANS_STORE, KEY), { schema: 2, datasetKey: KEY, savedAt: T1, plan: upgraded() });
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: upgraded(), savedAt: T1 });
  });

  it('a schema-1 record with a null for a field every tower needs is damaged, not guessed at', () => {
    const raw = schema1Record();
    (raw['edits'] as { changed: Record<string, unknown> }).changed['T1'] = { lon: null };
    expect(migrate(raw)).toEqual({ ok: false, reason: 'the saved plan is damaged: changed["T1"] clears lon, which every tower needs' });
  });
});

// ---------------------------------------------------------------------------------------
// Records this version cannot read.

const good = { added: [tower('P-0005')], changed: {}, removed: [] };
const newerReason = 'the plan was saved by a newer version of Sóng Map (format 3; this version reads up to 2); update the app to open it';

const unreadableCases: { name: string; value: unknown; reason: string }[] = [
  {
    name: 'a record from a newer schema',
    value: { schema: 3, datasetKey: KEY, savedAt: T0, plan: { towers: [] }, extra: new Map([['a', 1]]) },
    reason: newerReason,
  },
  { name: 'a string', value: 'not a record', reason: 'the saved plan is damaged: it is string, not a record' },
  { name: 'null', value: null, reason: 'the saved plan is damaged: it is null, not a record' },
  { name: 'a list', value: [1, 2, 3], reason: 'the saved plan is damaged: it is a list, not a record' },
  { name: 'no schema', value: { datasetKey: KEY, savedAt: T0, plan: good }, reason: 'the saved plan is damaged: it has no valid schema number' },
  { name: 'schema 0', value: { schema: 0, datasetKey: KEY, savedAt: T0, plan: good }, reason: 'the saved plan is damaged: it has no valid schema number' },
  { name: 'schema 1.5', value: { schema: 1.5, datasetKey: KEY, savedAt: T0, plan: good }, reason: 'the saved plan is damaged: it has no valid schema number' },
  { name: 'no dataset', value: { schema: 2, datasetKey: '', savedAt: T0, plan: good }, reason: 'the saved plan is damaged: it names no dataset' },
  {
    name: 'a bad save time',
    value: { schema: 2, datasetKey: KEY, savedAt: 'yesterday', plan: good },
    reason: 'the saved plan is damaged: its save time is missing or not a date',
  },
  { name: 'no plan', value: { schema: 2, datasetKey: KEY, savedAt: T0 }, reason: 'the saved plan is damaged: the plan is missing' },
  { name: 'schema 1 without edits', value: { schema: 1, datasetKey: KEY, savedAt: T0 }, reason: 'the saved plan is damaged: its edits are missing' },
  {
    name: 'a damaged tower',
    value: { schema: 2, datasetKey: KEY, savedAt: T0, plan: { added: [{ ...tower('P-1'), status: 'gone' }], changed: {}, removed: [] } },
    reason: 'the saved plan is damaged: added[0].status is not "existing" or "planned"',
  },
  {
    name: 'a patch of a fixed field',
    value: { schema: 2, datasetKey: KEY, savedAt: T0, plan: { added: [], changed: { T1: { status: 'planned' } }, removed: [] } },
    reason: 'the saved plan is damaged: changed["T1"] changes "status", which a plan cannot change',
  },
  {
    name: 'a record filed under another dataset',
    value: { schema: 2, datasetKey: 'ds1-ffffffffffffffff', savedAt: T0, plan: good },
    reason: `the saved plan is damaged: it is filed under dataset ${KEY} but names dataset ds1-ffffffffffffffff`,
  },
];

describe('a record this version cannot read', () => {
  it.each(unreadableCases)('$name: reported unreadable, kept byte for byte, not saved over', async ({ value, reason }) => {
    const indexedDB = new IDBFactory();
    await putRaw(indexedDB, PLANS_STORE, KEY, value);
    const before = bytes(await getRaw(indexedDB, PLANS_STORE, KEY));
    expect(before).toBe(bytes(value));

    expect(await loadPlan(KEY, { indexedDB })).toEqual({ status: 'unreadable', reason });
    expect(bytes(await getRaw(indexedDB, PLANS_STORE, KEY))).toBe(before);

    expect(await savePlan(KEY, good, { indexedDB, now: at(T1) })).toEqual({
      ok: false,
      reason: 'unreadable',
      message: `The plan was not saved, to keep the one already saved here: ${reason}.`,
    });
    expect(await savePlan(KEY, good, { indexedDB, now: at(T1), replaceUnreadable: false })).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(bytes(await getRaw(indexedDB, PLANS_STORE, KEY))).toBe(before);
    expect(await loadPlan(KEY, { indexedDB })).toEqual({ status: 'unreadable', reason });

    // The user chose to discard it.
    expect(await savePlan(KEY, good, { indexedDB, now: at(T1), replaceUnreadable: true })).toEqual({ ok: true, savedAt: T1 });
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: good, savedAt: T1 });
  });

  it('migrate says why, without changing the record', () => {
    for (const { value, reason, name } of unreadableCases) {
      if (name === 'a record filed under another dataset') continue; // only loadPlan knows the key
      const before = bytes(value);
      expect(migrate(value)).toEqual({ ok: false, reason });
      expect(bytes(value)).toBe(before);
    }
  });

  it('an unreadable record of one dataset does not stop saving another', async () => {
    const indexedDB = new IDBFactory();
    await putRaw(indexedDB, PLANS_STORE, KEY, { schema: 3 });
    expect(await savePlan('ds1-ffffffffffffffff', good, { indexedDB, now: at(T1) })).toEqual({ ok: true, savedAt: T1 });
    expect(await getRaw(indexedDB, PLANS_STORE, KEY)).toEqual({ schema: 3 });
  });
});

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
    expect(await savePlan(KEY, samplePlan(), { indexedDB, now: at(T0) })).toEqual({ ok: true, savedAt: T0 });
    const before = bytes(await getRaw(indexedDB, PLANS_STORE, KEY));

    const full = hooked(indexedDB, hook);
    const next = { added: [...samplePlan().added, tower('P-0002')], changed: {}, removed: ['T3'] };
    expect(await savePlan(KEY, next, { indexedDB: full, now: at(T1) })).toEqual({ ok: false, reason: 'quota', message: quotaMessage });

    expect(bytes(await getRaw(indexedDB, PLANS_STORE, KEY))).toBe(before);
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: samplePlan(), savedAt: T0 });
    // Reading through the failing factory works too (reads do not put).
    expectSame(await loadPlan(KEY, { indexedDB: full }), { status: 'loaded', plan: samplePlan(), savedAt: T0 });
  });

  it('the hooks really write nothing only because of the failure (control: a pass-through hook saves)', async () => {
    const indexedDB = new IDBFactory();
    const passThrough = hooked(indexedDB, (_store, _tx, put) => put());
    expect(await savePlan(KEY, samplePlan(), { indexedDB: passThrough, now: at(T0) })).toEqual({ ok: true, savedAt: T0 });
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: samplePlan(), savedAt: T0 });
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
    expect(await savePlan(KEY, good, { indexedDB: broken, now: at(T1) })).toEqual({
      ok: false,
      reason: 'UnknownError',
      message: 'The browser could not save the plan (UnknownError: boom).',
    });
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: samplePlan(), savedAt: T0 });
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
    expect(await savePlan(KEY, good, { now: at(T0) })).toEqual({ ok: true, savedAt: T0 });
    expectSame(await loadPlan(KEY), { status: 'loaded', plan: good, savedAt: T0 });
    expect(await loadPlan(KEY, { indexedDB: new IDBFactory() })).toEqual({ status: 'none' });
    expect(await getRaw(indexedDB, PLANS_STORE, KEY)).toMatchObject({ schema: 2, savedAt: T0 });
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

// ---------------------------------------------------------------------------------------
// The dataset fingerprint.

describe('datasetKey', () => {
  const shape = (): DatasetShape => ({
    towers: [
      { id: 'T1', lon: 105.1, lat: 9.1 },
      { id: 'T2', lon: 105.4, lat: 9.3 },
    ],
    hamlets: [{}, {}, {}],
    schools: 2,
  });

  it('is "ds1-" and 16 hex digits, stable for equal datasets', () => {
    const key = datasetKey(shape());
    expect(key).toMatch(/^ds1-[0-9a-f]{16}$/);
    expect(datasetKey(shape())).toBe(key);
    expect(datasetKey(structuredClone(shape()))).toBe(key);
    // Counts or lists of the same length are the same data.
    expect(datasetKey({ ...shape(), hamlets: 3, schools: [{ a: 1 }, { b: 2 }] })).toBe(key);
    // A tower's other fields do not count (the plan's patches still apply).
    const full: Tower[] = shape().towers.map((t) => ({ ...t, operator: 'X', status: 'existing', technology: '2G', synthetic: true }));
    expect(datasetKey({ ...shape(), towers: full })).toBe(key);
    expect(datasetKey({ ...shape(), towers: full.map((t) => ({ ...t, operator: 'Y', radiusKm: 9 })) })).toBe(key);
  });

  it('differs for different datasets', () => {
    const base = shape();
    const variants: DatasetShape[] = [
      { ...base, towers: [base.towers[1]!, base.towers[0]!] },
      { ...base, towers: [base.towers[0]!] },
      { ...base, towers: [] },
      { ...base, towers: [{ ...base.towers[0]!, id: 'T9' }, base.towers[1]!] },
      { ...base, towers: [{ ...base.towers[0]!, lon: 105.10001 }, base.towers[1]!] },
      { ...base, towers: [{ ...base.towers[0]!, lat: 9.2 }, base.towers[1]!] },
      { ...base, towers: [{ ...base.towers[0]!, lon: 9.1, lat: 105.1 }, base.towers[1]!] },
      { ...base, hamlets: 4 },
      { ...base, hamlets: 2, schools: 3 },
      { ...base, schools: 0 },
      // Fields that would run together without a separator.
      { ...base, towers: [{ id: 'T1', lon: 1051, lat: 9.1 }, base.towers[1]!] },
      { ...base, towers: [{ id: 'T11', lon: 5.1, lat: 9.1 }, base.towers[1]!] },
    ];
    const keys = [base, ...variants].map(datasetKey);
    expect(new Set(keys).size).toBe(keys.length);
    // The empty dataset has a key too.
    expect(datasetKey({ towers: [], hamlets: 0, schools: 0 })).toMatch(/^ds1-[0-9a-f]{16}$/);
  });
});

// ---------------------------------------------------------------------------------------
// The last import.

describe('the last import', () => {
  const files = [
    { path: 'boundaries/districts.geojson', text: '{"type":"FeatureCollection","features":[]}' },
    { path: 'towers.geojson', text: 'Cà Mau — ấp 1\n' },
  ];

  it('saves, loads, replaces and clears', async () => {
    const indexedDB = new IDBFactory();
    expect(await loadImport({ indexedDB })).toEqual({ status: 'none' });
    expect(await clearImport({ indexedDB })).toEqual({ ok: true });

    const given = files.map((f) => ({ ...f, size: f.text.length }));
    expect(await saveImport(KEY, given, { indexedDB, now: at(T0) })).toEqual({ ok: true, savedAt: T0 });
    expectSame(await loadImport({ indexedDB }), { status: 'loaded', datasetKey: KEY, files, savedAt: T0 });
    // Only path and text are stored.
    expectSame(await getRaw(indexedDB, IMPORTS_STORE, 'last'), { schema: 1, datasetKey: KEY, savedAt: T0, files });

    const next = [{ path: 'schools.csv', text: 'id,name\nS1,Trường A\n' }];
    expect(await saveImport('ds1-ffffffffffffffff', next, { indexedDB, now: at(T1) })).toEqual({ ok: true, savedAt: T1 });
    expectSame(await loadImport({ indexedDB }), { status: 'loaded', datasetKey: 'ds1-ffffffffffffffff', files: next, savedAt: T1 });

    // Plans are a separate store: an import does not touch them, nor clearing it.
    await savePlan(KEY, good, { indexedDB, now: at(T0) });
    expect(await clearImport({ indexedDB })).toEqual({ ok: true });
    expect(await loadImport({ indexedDB })).toEqual({ status: 'none' });
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: good, savedAt: T0 });
  });

  it('saves an empty file list', async () => {
    const indexedDB = new IDBFactory();
    await saveImport(KEY, [], { indexedDB, now: at(T0) });
    expectSame(await loadImport({ indexedDB }), { status: 'loaded', datasetKey: KEY, files: [], savedAt: T0 });
  });

  it.each([
    [{ schema: 2, datasetKey: KEY, savedAt: T0, files: [] }, 'the import was saved by a newer version of Sóng Map (format 2; this version reads up to 1); update the app to open it'],
    [{ schema: 1, datasetKey: KEY, savedAt: T0 }, 'the saved import is damaged: its file list is missing'],
    [{ schema: 1, datasetKey: KEY, savedAt: T0, files: [{ path: 'a', text: 'b' }, { path: 3, text: 'c' }] }, 'the saved import is damaged: file 1 has no path or text'],
    [{ schema: 1, savedAt: T0, files: [] }, 'the saved import is damaged: it names no dataset'],
    ['text', 'the saved import is damaged: it is string, not a record'],
  ])('an unreadable import %j is reported and kept', async (value, reason) => {
    const indexedDB = new IDBFactory();
    await putRaw(indexedDB, IMPORTS_STORE, 'last', value);
    const before = bytes(await getRaw(indexedDB, IMPORTS_STORE, 'last'));
    expect(await loadImport({ indexedDB })).toEqual({ status: 'unreadable', reason });
    expect(bytes(await getRaw(indexedDB, IMPORTS_STORE, 'last'))).toBe(before);
    expect(migrateImport(value)).toEqual({ ok: false, reason });
  });

  it('migrateImport copies only path and text', () => {
    const raw = { schema: 1, datasetKey: KEY, savedAt: T0, files: [{ path: 'a.csv', text: 'x', extra: true }] };
    const result = migrateImport(raw);
    expectSame(result, { ok: true, record: { schema: 1, datasetKey: KEY, savedAt: T0, files: [{ path: 'a.csv', text: 'x' }] } });
    expect(raw.files[0]).toEqual({ path: 'a.csv', text: 'x', extra: true });
  });
});
