// The planner's saved-plan storage (src/io/plan-store.ts) on fake-indexeddb: round trips,
// the schema-1 and schema-2 upgrades on read, and records it cannot read (kept byte for
// byte, never saved over unless asked). Two tabs: two-tabs.test.ts; a full disk, no
// IndexedDB and a newer database: store-failures.test.ts.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { EMPTY_PLAN, type PlanDoc, type TowerPatch } from '../../src/domain/plan/plan.ts';
import type { Tower } from '../../src/domain/types.ts';
import { PLANS_STORE } from '../../src/io/db.ts';
import { loadPlan, migrate, PLAN_SCHEMA, savePlan } from '../../src/io/plan-store.ts';
import { bytes, expectSame, getRaw, putRaw } from './fake-idb.ts';

const KEY = 'ds1-0123456789abcdef';
const T0 = '2024-05-06T07:08:09.000Z';
const T1 = '2024-05-06T07:09:10.000Z';
const at = (iso: string) => () => new Date(iso);

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
    expect(await savePlan(KEY, plan, { indexedDB, now: at(T0) })).toEqual({ ok: true, savedAt: T0, revision: 1 });
    expect(bytes(plan)).toBe(before); // the plan given is left alone

    const loaded = await loadPlan(KEY, { indexedDB });
    expectSame(loaded, { status: 'loaded', plan, savedAt: T0, revision: 1 });
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
    expectSame(await getRaw(indexedDB, PLANS_STORE, KEY), { schema: PLAN_SCHEMA, datasetKey: KEY, savedAt: T0, revision: 1, plan });
  });

  it('round-trips a calibration what-if with the plan (issue 16), and reads a schema-3 record saved without one', async () => {
    const indexedDB = new IDBFactory();
    const plan: PlanDoc = { ...samplePlan(), calibration: { Viettel: 1.3 } };
    await savePlan(KEY, plan, { indexedDB, now: at(T0) });
    const loaded = await loadPlan(KEY, { indexedDB });
    if (loaded.status !== 'loaded') throw new Error('not loaded');
    expect(loaded.plan.calibration).toEqual({ Viettel: 1.3 });
    await putRaw(indexedDB, PLANS_STORE, KEY, { schema: 3, datasetKey: KEY, savedAt: T0, revision: 1, plan: samplePlan() });
    const old = await loadPlan(KEY, { indexedDB });
    expect(old.status === 'loaded' && !('calibration' in old.plan)).toBe(true);
  });

  it('round-trips the empty plan and replaces the plan saved before', async () => {
    const indexedDB = new IDBFactory();
    expect(await savePlan(KEY, samplePlan(), { indexedDB, now: at(T0) })).toEqual({ ok: true, savedAt: T0, revision: 1 });
    // Replaced when saved on the revision that is there.
    expect(await savePlan(KEY, EMPTY_PLAN, { indexedDB, now: at(T1), base: 1 })).toEqual({ ok: true, savedAt: T1, revision: 2 });
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: { added: [], changed: {}, removed: [] }, savedAt: T1, revision: 2 });
  });

  it('keeps one plan per dataset', async () => {
    const indexedDB = new IDBFactory();
    const other = { added: [tower('P-0009')], changed: {}, removed: [] };
    await savePlan(KEY, samplePlan(), { indexedDB, now: at(T0) });
    await savePlan('ds1-ffffffffffffffff', other, { indexedDB, now: at(T1) });
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: samplePlan(), savedAt: T0, revision: 1 });
    expectSame(await loadPlan('ds1-ffffffffffffffff', { indexedDB }), { status: 'loaded', plan: other, savedAt: T1, revision: 1 });
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
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: samplePlan(), savedAt: T0, revision: 1 });
  });
});

// ---------------------------------------------------------------------------------------
// Schema 1 and 2.

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

describe('records in older layouts', () => {
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
    expectSame(result, { ok: true, record: { schema: 3, datasetKey: KEY, savedAt: T0, revision: 0, plan: upgraded() }, from: 1 });
    if (!result.ok) throw new Error(result.reason);
    const added = result.record.plan.added[0]!;
    expect('radiusKm' in added).toBe(false);
    expect('serviceDate' in added).toBe(false);
    expect(Object.hasOwn(result.record.plan.changed['T1']!, 'radiusKm')).toBe(true);
    expect(Object.hasOwn(result.record.plan.changed, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result.record.plan.changed)).toBe(Object.prototype);
    expect(bytes(raw)).toBe(before);
  });

  it('migrate reads a schema-2 record (no revisions yet) as revision 0', () => {
    const raw = { schema: 2, datasetKey: KEY, savedAt: T0, plan: samplePlan() };
    expectSame(migrate(raw), { ok: true, record: { schema: 3, datasetKey: KEY, savedAt: T0, revision: 0, plan: samplePlan() }, from: 2 });
  });

  it('migrate returns a current record as it is (from 3), as a fresh copy', () => {
    const raw = { schema: 3, datasetKey: KEY, savedAt: T0, revision: 4, plan: samplePlan() };
    const result = migrate(raw);
    expectSame(result, { ok: true, record: raw, from: 3 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.record.plan).not.toBe(raw.plan);
    expect(result.record.plan.added[0]).not.toBe(raw.plan.added[0]);
  });

  it('keeps the plan’s coverage model edit; a record without one reads as before', () => {
    const model = { radiusModel: 'path_loss' as const, maxPathLossDb: { '4G': 130 } };
    const raw = { schema: 3, datasetKey: KEY, savedAt: T0, revision: 2, plan: { ...samplePlan(), model } };
    expectSame(migrate(raw), { ok: true, record: raw, from: 3 });
    const old = migrate({ schema: 2, datasetKey: KEY, savedAt: T0, plan: samplePlan() });
    expect(old.ok && 'model' in old.record.plan).toBe(false);
  });

  it('is upgraded on read, and the stored record is not rewritten by the read', async () => {
    const indexedDB = new IDBFactory();
    const raw = schema1Record();
    await putRaw(indexedDB, PLANS_STORE, KEY, raw);
    const before = bytes(await getRaw(indexedDB, PLANS_STORE, KEY));
    expect(before).toBe(bytes(raw));

    const loaded = await loadPlan(KEY, { indexedDB });
    expectSame(loaded, { status: 'loaded', plan: upgraded(), savedAt: T0, revision: 0, migratedFrom: 1 });
    // Read twice: the same answer, and the record still in schema 1, byte for byte.
    expectSame(await loadPlan(KEY, { indexedDB }), loaded);
    expect(bytes(await getRaw(indexedDB, PLANS_STORE, KEY))).toBe(before);

    // The next save writes the current layout.
    if (loaded.status !== 'loaded') throw new Error('not loaded');
    expect(await savePlan(KEY, loaded.plan, { indexedDB, now: at(T1), base: loaded.revision })).toEqual({ ok: true, savedAt: T1, revision: 1 });
    expectSame(await getRaw(indexedDB, PLANS_STORE, KEY), { schema: 3, datasetKey: KEY, savedAt: T1, revision: 1, plan: upgraded() });
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: upgraded(), savedAt: T1, revision: 1 });
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
const newerReason = 'the plan was saved by a newer version of Sóng Map (format 4; this version reads up to 3); update the app to open it';

const unreadableCases: { name: string; value: unknown; reason: string; replacedAs?: number }[] = [
  {
    name: 'a record from a newer schema',
    value: { schema: 4, datasetKey: KEY, savedAt: T0, revision: 7, plan: { towers: [] }, extra: new Map([['a', 1]]) },
    reason: newerReason,
    // Replacing it goes on from the revision it says it has, so other tabs still see a newer one.
    replacedAs: 8,
  },
  { name: 'schema 3 with no revision', value: { schema: 3, datasetKey: KEY, savedAt: T0, plan: good }, reason: 'the saved plan is damaged: its revision is not a positive whole number' },
  { name: 'revision 0', value: { schema: 3, datasetKey: KEY, savedAt: T0, revision: 0, plan: good }, reason: 'the saved plan is damaged: its revision is not a positive whole number' },
  { name: 'revision 1.5', value: { schema: 3, datasetKey: KEY, savedAt: T0, revision: 1.5, plan: good }, reason: 'the saved plan is damaged: its revision is not a positive whole number' },
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
  it.each(unreadableCases)('$name: reported unreadable, kept byte for byte, not saved over', async ({ value, reason, replacedAs = 1 }) => {
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
    expect(await savePlan(KEY, good, { indexedDB, now: at(T1), replaceUnreadable: true })).toEqual({ ok: true, savedAt: T1, revision: replacedAs });
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: good, savedAt: T1, revision: replacedAs });
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
    await putRaw(indexedDB, PLANS_STORE, KEY, { schema: 4 });
    expect(await savePlan('ds1-ffffffffffffffff', good, { indexedDB, now: at(T1) })).toEqual({ ok: true, savedAt: T1, revision: 1 });
    expect(await getRaw(indexedDB, PLANS_STORE, KEY)).toEqual({ schema: 4 });
  });
});

