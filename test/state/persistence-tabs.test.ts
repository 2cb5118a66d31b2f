// Two tabs of the app on one browser profile: this tab is src/state/persistence.ts on the
// store, the other a PlanStore / GapStatusStore of its own on the same fake-indexeddb
// database. Neither overwrites the other unseen: this tab's save made on an old revision is a
// 'conflict' (both versions kept, autosave stopped) until the user keeps one; a tab with
// nothing unsaved takes the other's save when told of it.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyStatusChange, EMPTY_STATUSES, type GapStatusChange, type GapStatuses } from '../../src/domain/gaps/status.ts';
import { addTower, EMPTY_PLAN, newPlannedTower, type PlanDoc } from '../../src/domain/plan/plan.ts';
import { datasetKey } from '../../src/domain/plan/dataset-key.ts';
import { GAPS_STORE, PLANS_STORE } from '../../src/io/db.ts';
import { openNotices, type Notices } from '../../src/io/notices.ts';
import { isConflict, PlanStore } from '../../src/io/plan-store.ts';
import { GapStatusStore, loadGapStatuses } from '../../src/io/status-store.ts';
import { mergeHistories } from '../../src/domain/gaps/history.ts';
import { migrateStatuses } from '../../src/domain/gaps/history-v1.ts';
import { keepMine, keepTheirs, startPersistence } from '../../src/state/persistence.ts';
import { useAppStore } from '../../src/state/store.ts';
import { buildTimeline } from '../../src/domain/progress/timeline.ts';
import { fixture } from '../domain/progress/fixture.ts';
import { expectSame, getRaw, hooked } from '../io/fake-idb.ts';
import { viewOf } from '../ui/view-of.ts';

const initial = useAppStore.getState();
const dataset = fixture();
const KEY = datasetKey(dataset);

let db: IDBFactory;
/** This tab's writes (the other tab writes past the counter). */
let puts: string[];
let stop: (() => void) | undefined;
let otherNotices: Notices | undefined;

beforeEach(() => {
  useAppStore.setState(initial, true);
  db = new IDBFactory();
  puts = [];
  vi.stubGlobal(
    'indexedDB',
    hooked(db, (store, _tx, put) => {
      puts.push(store.name);
      return put();
    }),
  );
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  stop?.();
  stop = undefined;
  otherNotices?.close();
  otherNotices = undefined;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 5000; i++) {
    if (check()) return;
    await turn();
  }
  throw new Error(`timed out waiting for ${what}`);
}
async function wait(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 100; i++) await turn();
}
const state = () => useAppStore.getState();
const phase = () => state().saveState.phase;
const placed = (plan: PlanDoc, lon: number): PlanDoc =>
  addTower(plan, newPlannedTower([...dataset.towers, ...plan.added], { lon, lat: 9.2, operator: 'Viettel', technology: '4G' }));
const raw = () => getRaw(db, PLANS_STORE, KEY) as Promise<{ revision: number; savedAt: string; plan: PlanDoc }>;

/** This tab, with the data loaded and its (empty) saved state read. */
async function openThisTab(): Promise<void> {
  stop = startPersistence();
  state().datasetLoaded(viewOf(dataset), [], '2021-10-15');
  state().timelineRebuilt(buildTimeline(dataset));
  await wait(0);
}

/** The other tab; `told`: it tells this one of its saves. */
function otherTab(told = false): { plans: PlanStore; gaps: GapStatusStore } {
  if (told) otherNotices = openNotices();
  const options = { indexedDB: db, ...(otherNotices ? { notices: otherNotices } : {}) };
  return { plans: new PlanStore(options), gaps: new GapStatusStore(options) };
}

async function edit(plan: PlanDoc): Promise<void> {
  state().planEdited(plan);
  await wait(400);
}

describe('the plan in two tabs', () => {
  it("the other tab saved first: this tab's save is a conflict, nothing is overwritten, and 'keep mine' saves over it", async () => {
    await openThisTab();
    const other = otherTab();
    await other.plans.load(KEY);
    const theirs = placed(EMPTY_PLAN, 105.1);
    const saved = await other.plans.save(KEY, theirs);
    if (!saved.ok) throw new Error('the other tab did not save');

    let mine = placed(EMPTY_PLAN, 105.3);
    await edit(mine);
    await until(() => phase() === 'conflict', 'the conflict');
    expect(state().saveState).toEqual({ phase: 'conflict', savedAt: saved.savedAt });
    expect(puts).toEqual([]);
    expectSame((await raw()).plan, theirs);

    // Edits go on in this tab, unsaved; the conflict stays until the user chooses.
    mine = placed(mine, 105.35);
    await edit(mine);
    await wait(2000);
    expect(puts).toEqual([]);
    expect(phase()).toBe('conflict');
    expectSame((await raw()).plan, theirs);

    await keepMine();
    await until(() => phase() === 'saved', 'the save');
    expect(puts).toEqual([PLANS_STORE]);
    expect(await raw()).toMatchObject({ revision: 2 });
    expectSame((await raw()).plan, mine);
    // Now the other tab is the one behind: its next save is a conflict in turn.
    expect(isConflict(await other.plans.save(KEY, placed(theirs, 105.15)))).toBe(true);
    // And this tab saves on as usual.
    await edit(placed(mine, 105.4));
    await until(() => puts.length === 2 && phase() === 'saved', 'the autosave');
    expect(await raw()).toMatchObject({ revision: 3 });
  });

  it("'keep theirs': the saved plan replaces this tab's, and later edits are saved on it", async () => {
    await openThisTab();
    const other = otherTab();
    await other.plans.load(KEY);
    const theirs = placed(EMPTY_PLAN, 105.1);
    await other.plans.save(KEY, theirs);
    await edit(placed(EMPTY_PLAN, 105.3));
    await until(() => phase() === 'conflict', 'the conflict');

    await keepTheirs();
    expectSame(state().plan, theirs);
    expect(state().saveState).toMatchObject({ phase: 'saved', restored: true });
    await wait(1000);
    expect(puts).toEqual([]);

    const next = placed(state().plan, 105.5);
    await edit(next);
    await until(() => phase() === 'saved' && puts.length === 1, 'the autosave');
    expect(await raw()).toMatchObject({ revision: 2 });
    expectSame((await raw()).plan, next);
  });

  it("told of the other tab's save with nothing unsaved: takes it at once, and writes nothing", async () => {
    await openThisTab();
    const mine = placed(EMPTY_PLAN, 105.3);
    await edit(mine);
    await until(() => phase() === 'saved', 'the autosave');
    const other = otherTab(true);
    await other.plans.load(KEY);
    const theirs = placed(mine, 105.6);
    const saved = await other.plans.save(KEY, theirs);
    if (!saved.ok) throw new Error('the other tab did not save');

    await until(() => state().plan !== mine, 'the notice');
    expectSame(state().plan, theirs);
    expect(state().saveState).toEqual({ phase: 'saved', savedAt: saved.savedAt, restored: true, fromOtherTab: true });
    await wait(1000);
    expect(puts).toEqual([PLANS_STORE]);
    // The next edit is made on the other tab's plan: no conflict.
    await edit(placed(theirs, 105.7));
    await until(() => puts.length === 2 && phase() === 'saved', 'the autosave');
    expect(await raw()).toMatchObject({ revision: 3 });
  });

  it('a notice of a save this tab has already taken changes nothing, undo history included', async () => {
    await openThisTab();
    const first = placed(EMPTY_PLAN, 105.3);
    await edit(first);
    const second = placed(first, 105.4);
    await edit(second);
    await until(() => phase() === 'saved' && puts.length === 2, 'the autosaves');
    otherTab(true);
    otherNotices?.post({ store: 'plans', key: KEY, revision: 1 });
    otherNotices?.post({ store: 'plans', key: KEY, revision: 2 });
    await wait(100);
    expect(state().plan).toBe(second);
    expect(state().planPast).toEqual([EMPTY_PLAN, first]);
    expect(state().saveState).not.toMatchObject({ fromOtherTab: true });
  });

  it("told while an edit waits for its save: the edit stays, and its save is the conflict", async () => {
    await openThisTab();
    await edit(placed(EMPTY_PLAN, 105.3));
    await until(() => phase() === 'saved', 'the autosave');
    const mine = placed(state().plan, 105.35);
    state().planEdited(mine);
    const other = otherTab(true);
    await other.plans.load(KEY);
    await other.plans.save(KEY, placed(EMPTY_PLAN, 105.9));
    for (let i = 0; i < 200; i++) await turn();
    expect(state().plan).toBe(mine);
    await wait(400);
    await until(() => phase() === 'conflict', 'the conflict');
    expect(state().plan).toBe(mine);
    expect(puts).toEqual([PLANS_STORE]);
  });
});

function change(statuses: GapStatuses, c: GapStatusChange): GapStatuses {
  const result = applyStatusChange(statuses, c);
  if (!result.ok) throw new Error(result.reason);
  return result.statuses;
}

describe('the gap register in two tabs', () => {
  const assigned: GapStatusChange = { gapId: 'hamlet:H-1', status: 'assigned', operator: 'VNPT', date: '2026-11-20' };
  const disputed: GapStatusChange = { gapId: 'school:S-1', status: 'disputed', date: '2026-11-21' };
  const gapsPhase = () => state().gapStatusesSaved.phase;
  const rawGaps = () => getRaw(db, GAPS_STORE, 'current') as Promise<{ revision: number; history: { events: unknown[] } }>;

  it("the other tab saved first: this tab's change is merged with theirs and the union saved, nothing lost", async () => {
    await openThisTab();
    const other = otherTab();
    await other.gaps.load();
    const theirs = migrateStatuses(change(EMPTY_STATUSES, assigned));
    await other.gaps.save(theirs);

    expect(state().gapStatusApplied(disputed)).toBeUndefined();
    await until(() => gapsPhase() === 'saved', 'the merged save');
    expect(Object.keys(state().gapStatuses.gaps).sort()).toEqual(['hamlet:H-1', 'school:S-1']);
    const raw = await rawGaps();
    expect(raw.revision).toBe(2);
    expect(raw.history.events).toHaveLength(2);
    // The other tab, behind now, gets a conflict from its store: it merges in turn.
    const again = await other.gaps.save(theirs);
    expect(isConflict(again)).toBe(true);
  });

  it("told of the other tab's save: takes their changes at once and keeps its own", async () => {
    await openThisTab();
    expect(state().gapStatusApplied(disputed)).toBeUndefined();
    await until(() => gapsPhase() === 'saved', 'the first save');
    const other = otherTab(true);
    await other.gaps.load();
    const loaded = await loadGapStatuses();
    if (loaded.status !== 'loaded') throw new Error(loaded.status);
    const theirs = mergeHistories(loaded.history, migrateStatuses(change(EMPTY_STATUSES, assigned)));
    await other.gaps.save(theirs);
    await until(() => Object.keys(state().gapStatuses.gaps).length === 2, 'the notice');
    expect(state().gapHistory.events.size).toBe(2);
    // The next change is made on them: saved, on their revision.
    state().gapStatusApplied({ ...disputed, gapId: 'school:S-2' });
    await until(() => puts.length === 2 && gapsPhase() === 'saved', 'the save');
    const raw = await rawGaps();
    expect(raw.history.events).toHaveLength(3);
    expect(raw.revision).toBe(3);
  });
});
