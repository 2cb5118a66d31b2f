import { beforeEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ExactAnswer, SitingAnswer, SitingRequest } from '../../src/domain/siting/modes.ts';
import { runActions, type RunsState } from '../../src/state/runs.ts';
import type { ImportChecked } from '../../src/worker/import-session.ts';
import type { CoverageResult, NetworkFigures } from '../../src/domain/coverage/answer.ts';
import { useAppStore } from '../../src/state/store.ts';

// A store of the runs' own, so that no other test file's state is shared.
const fresh = () =>
  createStore<RunsState>()((set, get) => ({
    load: { phase: 'ready' },
    siting: { phase: 'idle' },
    importState: { phase: 'idle' },
    importedFiles: [],
    ...runActions(set, get),
  }));
let store = fresh();
const s = () => store.getState();
beforeEach(() => (store = fresh()));

const options = { mode: 'k', k: 3 } as SitingRequest;
const quick = { answer: { sites: [] } as unknown as SitingAnswer, elapsedMs: 12 };
const exact = { answer: { feasible: true } as unknown as ExactAnswer, elapsedMs: 340 };
const checked = (importId: number, dropped?: number): ImportChecked => ({
  importId,
  files: [],
  issues: [],
  canImport: dropped === undefined,
  ...(dropped === undefined ? {} : { validOnly: { dropped } }),
  elapsedMs: 5,
});

describe('a load as the store follows it', () => {
  it('counts progress only while loading: a late message after the data set came is dropped', () => {
    s().loadProgressed(1, 4);
    expect(s().load).toEqual({ phase: 'ready' });
    s().loadStarted(4);
    expect(s().load).toEqual({ phase: 'loading', done: 0, total: 4 });
    s().loadProgressed(2, 4);
    expect(s().load).toEqual({ phase: 'loading', done: 2, total: 4 });
  });
});

describe('a siting run as the store follows it', () => {
  it('shows the greedy progress, then its answer with the exact search running, then the exact answer', () => {
    const run = s().sitingStarted(options);
    expect(s().siting).toEqual({ phase: 'running', options });
    s().sitingProgressed(run, { stage: 'quick', done: 5, total: 10 });
    expect(s().siting).toEqual({ phase: 'running', options, progress: { stage: 'quick', done: 5, total: 10 } });
    expect(s().sitingAnswered(run, quick)).toBe(true);
    expect(s().siting).toEqual({ phase: 'done', options, result: quick.answer, elapsedMs: 12, exact: { phase: 'running' } });
    s().sitingProgressed(run, { stage: 'solving', value: 9, bound: 11 });
    expect(s().siting).toMatchObject({ phase: 'done', exact: { phase: 'running', progress: { stage: 'solving', value: 9, bound: 11 } } });
    s().sitingExactAnswered(run, exact);
    expect(s().siting).toMatchObject({ phase: 'done', result: quick.answer, exact: { phase: 'done', answer: exact.answer, elapsedMs: 340 } });
  });

  it('leaves progress that comes after its answer unshown (the greedy\'s and the exact search\'s)', () => {
    const run = s().sitingStarted(options);
    s().sitingAnswered(run, quick);
    const done = s().siting;
    s().sitingProgressed(run, { stage: 'quick', done: 10, total: 10 });
    expect(s().siting).toBe(done);
    s().sitingExactAnswered(run, exact);
    const answered = s().siting;
    s().sitingProgressed(run, { stage: 'curve', done: 1, total: 3 });
    s().sitingFailed(run, 'late');
    expect(s().siting).toBe(answered);
  });

  it('drops everything of a run that a newer one replaced, and of a run the data set dropped', () => {
    const old = s().sitingStarted(options);
    const newer = s().sitingStarted({ ...options, k: 4 });
    expect(newer).not.toBe(old);
    s().sitingProgressed(old, { stage: 'quick', done: 1, total: 10 });
    expect(s().sitingAnswered(old, undefined)).toBe(false);
    s().sitingFailed(old, 'boom');
    expect(s().siting).toEqual({ phase: 'running', options: { ...options, k: 4 } });
    store.setState({ siting: { phase: 'idle' } });
    expect(s().sitingAnswered(newer, quick)).toBe(false);
    expect(s().siting).toEqual({ phase: 'idle' });
  });

  it('says cancelled and failed for the greedy, and for the exact search beside the greedy answer', () => {
    let run = s().sitingStarted(options);
    expect(s().sitingAnswered(run, undefined)).toBe(false);
    expect(s().siting).toEqual({ phase: 'cancelled' });
    run = s().sitingStarted(options);
    s().sitingFailed(run, 'no candidates');
    expect(s().siting).toEqual({ phase: 'failed', message: 'no candidates' });
    run = s().sitingStarted(options);
    s().sitingAnswered(run, quick);
    s().sitingFailed(run, 'highs');
    expect(s().siting).toMatchObject({ phase: 'done', result: quick.answer, exact: { phase: 'failed', message: 'highs' } });
    run = s().sitingStarted(options);
    s().sitingAnswered(run, quick);
    s().sitingExactAnswered(run, undefined);
    expect(s().siting).toMatchObject({ phase: 'done', exact: { phase: 'cancelled' } });
  });
});

describe('an import as the store follows it', () => {
  it('drops the import shown, naming the checked one for the engine to forget, and forgets the imported files', () => {
    expect(s().importDropped()).toBeUndefined();
    const id = s().importStarted();
    expect(s().importDropped()).toBeUndefined();
    expect(s().importState).toEqual({ phase: 'idle' });
    const checkedId = s().importStarted();
    s().importChecked(checkedId, checked(checkedId));
    expect(s().importDropped()).toBe(checkedId);
    expect(s().importState).toEqual({ phase: 'idle' });
    s().importChecked(checkedId, checked(checkedId));
    expect(s().importState).toEqual({ phase: 'idle' });
    expect(id).not.toBe(checkedId);
    store.setState({ importState: { phase: 'failed', message: 'x' }, importedFiles: ['towers.geojson'] });
    s().importsForgotten();
    expect(s().importState).toEqual({ phase: 'idle' });
    expect(s().importedFiles).toEqual([]);
  });

  it('shows the check while it is the one shown: not after a cancel, not after a newer check', () => {
    const first = s().importStarted();
    expect(s().importState).toEqual({ phase: 'reading', importId: first, done: 0, total: 1 });
    s().importProgressed(first, 'checking', 3, 7);
    expect(s().importState).toEqual({ phase: 'checking', importId: first, done: 3, total: 7 });
    const second = s().importStarted();
    s().importProgressed(first, 'checking', 4, 7);
    s().importChecked(first, checked(first));
    s().importFailed(first, 'late');
    expect(s().importState).toEqual({ phase: 'reading', importId: second, done: 0, total: 1 });
    store.setState({ importState: { phase: 'idle' } });
    s().importChecked(second, checked(second));
    expect(s().importState).toEqual({ phase: 'idle' });
  });

  it('adds the shares of hamlets with good signal to the check shown, and to no other', () => {
    const id = s().importStarted();
    s().importChecked(id, checked(id));
    const result = (s().importState as { result: ImportChecked }).result;
    s().importShared(id, undefined);
    expect(s().importState).toEqual({ phase: 'checked', result });
    s().importShared(id + 1, { before: 80, after: 90 });
    expect(s().importState).toEqual({ phase: 'checked', result });
    s().importShared(id, { before: 80, after: 90 });
    // The result itself is kept: the user's word on its risks stays given.
    expect(s().importState).toEqual({ phase: 'checked', result, shares: { before: 80, after: 90 } });
    expect((s().importState as { result: ImportChecked }).result).toBe(result);
    s().importApplying();
    s().importShared(id, { before: 1, after: 2 });
    expect(s().importState.phase).toBe('applying');
  });

  it('takes a checked import: applying, then done with the rows left out and the replaced files', () => {
    expect(s().importApplying()).toBeUndefined();
    const id = s().importStarted();
    s().importChecked(id, checked(id, 2));
    expect(s().importState).toEqual({ phase: 'checked', result: checked(id, 2) });
    expect(s().importApplying()).toEqual(checked(id, 2));
    expect(s().importState).toEqual({ phase: 'applying', importId: id, result: checked(id, 2) });
    s().importProgressed(id, 'reading', 1, 2);
    expect(s().importState.phase).toBe('applying');
    s().importTaken(true, ['hamlets.geojson']);
    expect(s().importState).toEqual({ phase: 'done', files: [], validOnly: true, dropped: 2 });
    expect(s().importedFiles).toEqual(['hamlets.geojson']);
  });

  it('counts no rows left out when the whole import is taken, and says why taking it failed', () => {
    let id = s().importStarted();
    s().importChecked(id, checked(id, 2));
    s().importApplying();
    s().importTaken(false, []);
    expect(s().importState).toEqual({ phase: 'done', files: [], validOnly: false, dropped: 0 });
    id = s().importStarted();
    s().importChecked(id, checked(id));
    s().importApplying();
    s().importFailed(id, 'gone');
    expect(s().importState).toEqual({ phase: 'failed', message: 'gone' });
  });
});

describe('network figures', () => {
  it('are kept only for the result on screen: those of a result a newer one replaced are dropped', () => {
    const app = useAppStore;
    try {
      app.setState({ coverage: { requestId: 7 } as CoverageResult, networkFigures: undefined });
      const figures = { scenario: 'current', rows: [] } as unknown as NetworkFigures;
      app.getState().networkFiguresComputed(6, figures);
      expect(app.getState().networkFigures).toBeUndefined();
      app.getState().networkFiguresComputed(7, figures);
      expect(app.getState().networkFigures).toBe(figures);
    } finally {
      app.setState(app.getInitialState(), true);
    }
  });
});
