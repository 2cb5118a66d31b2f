// The store's link to the device's storage (src/state/persistence.ts), on fake-indexeddb as
// the browser's `indexedDB`: a saved plan comes back when its dataset loads, a change is
// saved 400 ms later, and a saved plan that cannot be read is never saved over. Two tabs:
// persistence-tabs.test.ts.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addTower, EMPTY_PLAN, newPlannedTower, removeTower, updateTower, type PlanDoc } from '../../src/domain/plan/plan.ts';
import { buildTimeline } from '../../src/domain/progress/timeline.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { datasetKey } from '../../src/domain/plan/dataset-key.ts';
import { PLANS_STORE } from '../../src/io/db.ts';
import { savePlan } from '../../src/io/plan-store.ts';
import { forceSave, keepMine, startPersistence } from '../../src/state/persistence.ts';
import { useAppStore, type SaveState } from '../../src/state/store.ts';
import { fixture } from '../domain/progress/fixture.ts';
import { bytes, expectSame, getRaw, hooked, putRaw, quotaError } from '../io/fake-idb.ts';
import { viewOf } from '../ui/view-of.ts';

const AS_OF = '2021-10-15';
const initial = useAppStore.getState();
const dataset = fixture();
const timeline = buildTimeline(dataset);
const KEY = datasetKey(dataset);

/** The fake database, and one entry per write to its plans store. */
let db: IDBFactory;
let puts: string[];
/** Set: the next writes fail as on a full disk. */
let diskFull: boolean;
let stop: (() => void) | undefined;
let phases: SaveState['phase'][];
let unwatch: () => void;

beforeEach(() => {
  useAppStore.setState(initial, true);
  db = new IDBFactory();
  puts = [];
  diskFull = false;
  vi.stubGlobal(
    'indexedDB',
    hooked(db, (store, _tx, put) => {
      if (diskFull) throw quotaError();
      if (store.name === PLANS_STORE) puts.push(store.name);
      return put();
    }),
  );
  // Only the autosave's timer is faked: fake-indexeddb runs on setImmediate.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  phases = [];
  unwatch = useAppStore.subscribe((state, previous) => {
    if (state.saveState !== previous.saveState) phases.push(state.saveState.phase);
  });
});

afterEach(() => {
  stop?.();
  stop = undefined;
  unwatch();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Lets the fake database finish what it was asked (it works in setImmediate tasks). */
async function settle(turns = 100): Promise<void> {
  for (let i = 0; i < turns; i++) await turn();
}
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 5000; i++) {
    if (check()) return;
    await turn();
  }
  throw new Error(`timed out waiting for ${what}`);
}
const state = () => useAppStore.getState();
const phase = () => state().saveState.phase;
/** Advances the fake clock, then lets the database work. */
async function wait(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
}

function load(data: Dataset = dataset): void {
  state().datasetLoaded(viewOf(data), [], AS_OF);
  state().timelineRebuilt(data === dataset ? timeline : buildTimeline(data));
}

function placed(plan: PlanDoc, lon: number): PlanDoc {
  return addTower(plan, newPlannedTower([...dataset.towers, ...plan.added], { lon, lat: 9.2, operator: 'Viettel', technology: '4G' }));
}

/** The stored record, read past the module. */
const raw = () => getRaw(db, PLANS_STORE, KEY);

/** Loads the dataset (nothing saved yet), edits the plan and lets the autosave write it. */
async function editAndSave(): Promise<{ plan: PlanDoc; savedAt: string }> {
  load();
  await settle();
  const plan = placed(EMPTY_PLAN, 105.2);
  state().planEdited(plan);
  await wait(400);
  await until(() => phase() === 'saved', 'the autosave');
  const saveState = state().saveState;
  if (saveState.phase !== 'saved') throw new Error(saveState.phase);
  return { plan, savedAt: saveState.savedAt };
}

describe('autosave', () => {
  it('saves the plan 400 ms after an edit, once for a burst of edits, with the last plan', async () => {
    stop = startPersistence();
    load();
    await settle();
    expect(state().saveState).toEqual({ phase: 'idle' });
    expect(await raw()).toBeUndefined();

    const first = placed(EMPTY_PLAN, 105.2);
    state().planEdited(first);
    await wait(300);
    const second = placed(first, 105.3);
    state().planEdited(second);
    await wait(399);
    expect(puts).toEqual([]); // 399 ms after the last edit: nothing written yet
    expect(await raw()).toBeUndefined();
    expect(phase()).not.toBe('saved');

    await wait(1);
    await until(() => phase() === 'saved', 'the autosave');
    expect(puts).toEqual([PLANS_STORE]);
    const record = (await raw()) as { savedAt: string };
    expectSame(record, { schema: 3, datasetKey: KEY, savedAt: record.savedAt, revision: 1, plan: second });
    expect(state().saveState).toEqual({ phase: 'saved', savedAt: record.savedAt });
    expect(phases).toContain('saving');
    expect(phases.at(-1)).toBe('saved');

    // Nothing more to write.
    await wait(2000);
    expect(puts).toEqual([PLANS_STORE]);
  });

  it('saves an edit still waiting when other data loads, under the data it was made on', async () => {
    stop = startPersistence();
    load();
    await settle();
    const plan = placed(EMPTY_PLAN, 105.25);
    state().planEdited(plan);
    await wait(100);
    // An import (or a reload of other files) within the delay.
    const other: Dataset = { ...dataset, hamlets: dataset.hamlets.slice(1) };
    load(other);
    await wait(1000);
    await until(() => puts.length > 0, 'the flushed save');
    const record = (await raw()) as { savedAt: string };
    expectSame(record, { schema: 3, datasetKey: KEY, savedAt: record.savedAt, revision: 1, plan });
    // Nothing was written for the other data: its plan is empty and untouched.
    expect(await getRaw(db, PLANS_STORE, datasetKey(other))).toBeUndefined();
  });

  it('saves each later edit, undo included', async () => {
    stop = startPersistence();
    const { plan } = await editAndSave();
    const moved = updateTower(plan, dataset.towers, 'T1', { radiusKm: 6, serviceDate: undefined });
    state().planEdited(moved);
    await wait(400);
    await until(() => puts.length === 2 && phase() === 'saved', 'the second save');
    expectSame(((await raw()) as { plan: unknown }).plan, moved);

    state().planUndone();
    await wait(400);
    await until(() => puts.length === 3 && phase() === 'saved', 'the save after undo');
    expectSame(((await raw()) as { plan: unknown }).plan, plan);
  });

  it('saves nothing before a dataset is loaded, nor after it stops', async () => {
    stop = startPersistence();
    state().planEdited(placed(EMPTY_PLAN, 105.2));
    await wait(1000);
    expect(puts).toEqual([]);

    load();
    await settle();
    stop();
    stop = undefined;
    state().planEdited(placed(EMPTY_PLAN, 105.3));
    await wait(1000);
    expect(puts).toEqual([]);
    expect(await raw()).toBeUndefined();
  });

  it("says 'failed', with the store's sentence, when the disk is full; the plan saved before stays", async () => {
    stop = startPersistence();
    const saved = await editAndSave();
    diskFull = true;
    state().planEdited(placed(saved.plan, 105.3));
    await wait(400);
    await until(() => phase() === 'failed', 'the failed save');
    expect(state().saveState).toEqual({
      phase: 'failed',
      // Said in the UI's language (Vietnamese by default).
      message: 'Bộ nhớ của trình duyệt đã đầy nên không lưu được kế hoạch; bản đã lưu trước đó vẫn được giữ. Hãy giải phóng dung lượng hoặc xuất ra tệp.',
    });
    expectSame(await raw(), { schema: 3, datasetKey: KEY, savedAt: saved.savedAt, revision: 1, plan: saved.plan });

    // Space again: the next edit is saved.
    diskFull = false;
    const third = placed(state().plan, 105.35);
    state().planEdited(third);
    await wait(400);
    await until(() => phase() === 'saved', 'the save after the disk has room');
    expectSame(((await raw()) as { plan: unknown }).plan, third);
  });

  it("says 'failed' when the browser keeps no data", async () => {
    vi.stubGlobal('indexedDB', undefined);
    stop = startPersistence();
    load();
    await settle();
    expect(state().saveState).toEqual({ phase: 'idle' });
    state().planEdited(placed(EMPTY_PLAN, 105.2));
    await wait(400);
    await until(() => phase() === 'failed', 'the failed save');
    expect(state().saveState).toEqual({
      phase: 'failed',
      message: 'Trình duyệt này không lưu dữ liệu cho ứng dụng (chế độ ẩn danh, hoặc đã tắt lưu trữ), nên không giữ được kế hoạch ở đây; hãy xuất ra tệp.',
    });
  });
});

describe('restore', () => {
  it('restores the saved plan when the same dataset loads again', async () => {
    stop = startPersistence();
    const saved = await editAndSave();
    const writes = puts.length;

    // A fresh start: the store as the app opens, the same data loaded again (a new copy).
    useAppStore.setState(initial, true);
    await settle();
    load(fixture());
    expect(state().plan).toBe(EMPTY_PLAN);
    await until(() => phase() === 'saved', 'the restore');
    expect(state().saveState).toEqual({ phase: 'saved', savedAt: saved.savedAt, restored: true });
    expectSame(state().plan, saved.plan);
    expect(state().planPast).toEqual([]);
    expect(state().planFuture).toEqual([]);

    // Restoring is not an edit: nothing is written, and the status stays "restored".
    await wait(2000);
    expect(puts.length).toBe(writes);
    expect(state().saveState).toEqual({ phase: 'saved', savedAt: saved.savedAt, restored: true });
    expectSame(await raw(), { schema: 3, datasetKey: KEY, savedAt: saved.savedAt, revision: 1, plan: saved.plan });

    // The next edit is saved as usual.
    const next = removeTower(state().plan, dataset.towers, 'T2');
    state().planEdited(next);
    await wait(400);
    await until(() => puts.length === writes + 1 && phase() === 'saved', 'the save after the restore');
    const record = (await raw()) as { savedAt: string };
    expectSame(record, { schema: 3, datasetKey: KEY, savedAt: record.savedAt, revision: 2, plan: next });
    expect(state().saveState).toEqual({ phase: 'saved', savedAt: record.savedAt });
  });

  it('restores a plan saved with tricky ids and cleared fields exactly', async () => {
    const plan: PlanDoc = {
      added: [newPlannedTower(dataset.towers, { lon: 105.2, lat: 9.2, operator: 'Viettel', technology: '5G', heightM: 25 })],
      changed: { T1: { radiusKm: 2, serviceDate: undefined }, ['__proto__']: { heightM: undefined } },
      removed: ['T5'],
    };
    await savePlan(KEY, plan, { indexedDB: db, now: () => new Date('2024-01-02T03:04:05.000Z') });
    stop = startPersistence();
    load();
    await until(() => phase() === 'saved', 'the restore');
    expect(state().saveState).toEqual({ phase: 'saved', savedAt: '2024-01-02T03:04:05.000Z', restored: true });
    expectSame(state().plan, plan);
    expect(Object.hasOwn(state().plan.changed, '__proto__')).toBe(true);
  });

  it('restores an old (schema 1) record upgraded, and leaves it as it is until the user edits', async () => {
    const old = JSON.parse(`{
      "schema": 1, "datasetKey": "${KEY}", "savedAt": "2023-03-04T05:06:07.000Z",
      "edits": { "added": [], "changed": { "T1": { "heightM": null, "operator": "VNPT" } }, "removed": ["T4"] }
    }`) as unknown;
    await putRaw(db, PLANS_STORE, KEY, old);
    stop = startPersistence();
    load();
    await until(() => phase() === 'saved', 'the restore');
    expect(state().saveState).toEqual({ phase: 'saved', savedAt: '2023-03-04T05:06:07.000Z', restored: true });
    expectSame(state().plan, { added: [], changed: { T1: { heightM: undefined, operator: 'VNPT' } }, removed: ['T4'] });

    await wait(2000);
    expect(puts).toEqual([]);
    expect(bytes(await raw())).toBe(bytes(old));

    const next = updateTower(state().plan, dataset.towers, 'T3', { operator: 'MobiFone' });
    state().planEdited(next);
    await wait(400);
    await until(() => phase() === 'saved', 'the save');
    expect(await raw()).toMatchObject({ schema: 3, datasetKey: KEY, revision: 1, plan: { removed: ['T4'] } });
  });

  it('edits made while the saved plan is read win in the tab, and are not saved over it unasked', async () => {
    const saved: PlanDoc = { added: [], changed: {}, removed: ['T1'] };
    await savePlan(KEY, saved, { indexedDB: db });
    stop = startPersistence();
    load();
    const mine = placed(EMPTY_PLAN, 105.25);
    state().planEdited(mine);
    // The edit was made on no saved plan, and one is there: a conflict, both kept.
    await wait(400);
    await until(() => phase() === 'conflict', 'the conflict');
    expect(state().plan).toBe(mine);
    expect(state().planPast).toEqual([EMPTY_PLAN]);
    expect(puts).toEqual([]);
    expectSame(((await raw()) as { plan: unknown }).plan, saved);
    await keepMine();
    await until(() => phase() === 'saved', 'the save');
    expectSame(await raw(), { schema: 3, datasetKey: KEY, savedAt: (state().saveState as { savedAt: string }).savedAt, revision: 2, plan: mine });
  });

  it("does not offer one dataset's plan on another", async () => {
    stop = startPersistence();
    await editAndSave();
    const other = fixture();
    other.towers = other.towers.slice(1);
    expect(datasetKey(other)).not.toBe(KEY);
    load(other);
    await settle();
    expect(state().plan).toBe(EMPTY_PLAN);
    expect(state().saveState).not.toMatchObject({ restored: true });
  });
});

describe('a saved plan that cannot be read', () => {
  const newer = { schema: 4, datasetKey: KEY, savedAt: '2030-01-01T00:00:00.000Z', plan: { layers: [{ towers: 12 }] } };
  const damaged = { schema: 2, datasetKey: KEY, savedAt: '2024-01-01T00:00:00.000Z', plan: { added: 'oops', changed: {}, removed: [] } };

  it.each([
    ['from a newer version', newer, 'the plan was saved by a newer version of Sóng Map (format 4; this version reads up to 3); update the app to open it'],
    ['damaged', damaged, 'the saved plan is damaged: added is not a list'],
  ])("%s: says 'unreadable' and is never autosaved over", async (_name, record, message) => {
    await putRaw(db, PLANS_STORE, KEY, record);
    const before = bytes(await raw());
    stop = startPersistence();
    load();
    await until(() => phase() === 'unreadable', 'the restore');
    expect(state().saveState).toEqual({ phase: 'unreadable', message });
    expect(state().plan).toBe(EMPTY_PLAN);

    // Edits go on, unsaved: the record stays as it was.
    let plan = placed(EMPTY_PLAN, 105.2);
    state().planEdited(plan);
    await wait(200);
    plan = placed(plan, 105.3);
    state().planEdited(plan);
    await wait(2000);
    state().planUndone();
    await wait(2000);
    expect(puts).toEqual([]);
    expect(state().saveState).toEqual({ phase: 'unreadable', message });
    expect(bytes(await raw())).toBe(before);

    // Until the user chooses to replace it.
    await forceSave();
    await settle();
    expect(phase()).toBe('saved');
    expectSame(((await raw()) as { plan: unknown }).plan, state().plan);
    // From then on, autosave as usual.
    const next = placed(state().plan, 105.4);
    state().planEdited(next);
    await wait(400);
    await until(() => puts.length === 2 && phase() === 'saved', 'the autosave');
    expectSame(((await raw()) as { plan: unknown }).plan, next);
  });

  it('another dataset loaded afterwards is saved as usual', async () => {
    await putRaw(db, PLANS_STORE, KEY, newer);
    stop = startPersistence();
    load();
    await until(() => phase() === 'unreadable', 'the restore');

    const other = fixture();
    other.towers = other.towers.slice(1);
    const otherKey = datasetKey(other);
    load(other);
    await settle();
    expect(phase()).not.toBe('unreadable');
    const plan = placed(EMPTY_PLAN, 105.2);
    state().planEdited(plan);
    await wait(400);
    await until(() => phase() === 'saved', 'the autosave of the other dataset');
    expectSame(((await getRaw(db, PLANS_STORE, otherKey)) as { plan: unknown }).plan, plan);
    expect(await raw()).toEqual(newer);
  });
});
