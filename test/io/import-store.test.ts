// The last import on fake-indexeddb (src/io/import-store.ts): saved, loaded, replaced and
// cleared; records it cannot read reported and kept.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { PlanDoc } from '../../src/domain/plan/plan.ts';
import { IMPORTS_STORE } from '../../src/io/db.ts';
import { clearImport, loadImport, migrateImport, saveImport } from '../../src/io/import-store.ts';
import { loadPlan, savePlan } from '../../src/io/plan-store.ts';
import { bytes, expectSame, getRaw, putRaw } from './fake-idb.ts';

const KEY = 'ds1-0123456789abcdef';
const T0 = '2024-05-06T07:08:09.000Z';
const T1 = '2024-05-06T07:09:10.000Z';
const at = (iso: string) => () => new Date(iso);
const good: PlanDoc = { added: [{ id: 'P-0005', lon: 105.2, lat: 9.2, operator: 'Viettel', status: 'planned', technology: '4G', synthetic: false }], changed: {}, removed: [] };

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
    expectSame(await loadPlan(KEY, { indexedDB }), { status: 'loaded', plan: good, savedAt: T0, revision: 1 });
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
