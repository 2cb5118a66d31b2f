// After an import's check the engine makes the next data set's session and its first answer's
// pass ahead (engine.ts prepareImport, open-dataset.ts), so that taking it costs no second
// pass. The answers must stay those of an engine that loads the imported files from scratch
// (the oracle): the same levels, nearest towers, figures and gap rows, and the same impact as
// import/impact.ts gives on its own. The work ahead is kept for one import at a time, never
// for a check that was cancelled or replaced, and a take asked meanwhile waits for it.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoverageResult } from '../../src/domain/coverage/answer.ts';
import { importImpact } from '../../src/domain/import/impact.ts';
import { parseDataset, type SourceFile } from '../../src/domain/parse/index.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { classify } from '../../src/domain/coverage/classify.ts';
import type { PointColumns, Scenario } from '../../src/domain/coverage/columns.ts';
import { CoverageSession, RADIUS_FACTORS } from '../../src/worker/compute.ts';
import { EMPTY_PLAN } from '../../src/domain/plan/plan.ts';
import { ClassifyPool, type Helper } from '../../src/worker/helpers.ts';
import { Engine, type Loaded } from '../../src/worker/engine.ts';
import { ImportSession, type ImportRequestFile } from '../../src/worker/import-session.ts';
import { buffersOf } from '../../src/worker/moved.ts';

const texts = new Map(
  readdirSync('data', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(geojson|csv|json)$/.test(f))
    .map((path) => [path, readFileSync(`data/${path}`, 'utf8')]),
);
/** What the oracle engine's fetch serves: the bundled files, or those with an import laid over. */
let served = texts;
beforeAll(() => vi.stubGlobal('fetch', async (url: string) => new Response(served.get(url) ?? null, { status: served.has(url) ? 200 : 404 })));
afterAll(() => vi.unstubAllGlobals());

type Features = { features: { properties: Record<string, unknown>; geometry: { coordinates: number[] } }[] };

/** The bundled file `name` with each feature changed by `edit` (its index given). */
function edited(name: string, edit: (f: Features['features'][number], i: number) => void): string {
  const json = JSON.parse(texts.get(name) ?? '') as Features;
  json.features.forEach(edit);
  return JSON.stringify(json);
}

// Towers moved, shrunk, downgraded and taken off air; hamlets moved: levels, nearest towers and gaps all change.
const TOWERS = edited('towers.geojson', (f, i) => {
  if (i % 3 === 0) f.geometry.coordinates = [(f.geometry.coordinates[0] as number) + 0.03, f.geometry.coordinates[1] as number];
  if (i % 4 === 1) f.properties.radius_km = 1.5;
  if (i % 7 === 2 && f.properties.technology === '4G') f.properties.technology = '3G';
  if (i % 11 === 5 && f.properties.status === 'existing') f.properties.status = 'planned';
});
const HAMLETS = edited('hamlets.geojson', (f, i) => {
  if (i % 2 === 0) f.geometry.coordinates = [f.geometry.coordinates[0] as number, (f.geometry.coordinates[1] as number) - 0.02];
});

const load = (engine: Engine) => engine.load([...served.keys()].map((path) => ({ path, url: path }))) as Promise<Loaded>;
/** The files as `import` leaves them. */
const over = (files: Record<string, string>) => new Map([...texts].map(([path, text]) => [path, files[path] ?? text]));
const datasetOf = (files: Map<string, string>): Dataset => parseDataset([...files].map(([path, text]) => ({ path, text }))).dataset as Dataset;
/** As Comlink sends an answer: its typed arrays moved. */
const wire = <T extends object>(answer: T): T => structuredClone(answer, { transfer: buffersOf(answer) });
const GAPS = { filter: {}, sort: { key: 'weight', direction: 'desc' }, lang: 'vi' } as const;

/** Everything the page reads of a coverage answer, without its timing and ids. */
function comparable(answer: CoverageResult) {
  const { elapsedMs: _e, requestId: _r, datasetId: _d, ...rest } = answer;
  return rest;
}

/** The oracle: a fresh engine that loads the imported files, asked the same. */
async function oracle(files: Record<string, string>, scenario: Scenario, network?: string) {
  served = over(files);
  const engine = new Engine();
  const loaded = await load(engine);
  const answer = wire((await engine.coverage(scenario, network)) as CoverageResult);
  const gaps = structuredClone(await engine.gaps(GAPS));
  served = texts;
  return { loaded, answer, gaps };
}

/** Imports `files` into an engine that last answered `scenario` in `network`; the pass made ahead, watched. */
async function imported(files: Record<string, string>, scenario: Scenario, network?: string, asked: Scenario = scenario) {
  const engine = new Engine();
  await load(engine);
  await engine.coverage(scenario, network);
  const ahead = vi.spyOn(CoverageSession.prototype, 'classifyAhead');
  const request: ImportRequestFile[] = Object.entries(files).map(([name, text], i) => (i % 2 ? { name, text } : { name, file: new Blob([text]) }));
  const checked = await engine.checkImport(1, request);
  expect(checked.canImport).toBe(true);
  // As the page asks: the work ahead and the shares once the check is shown, then the take.
  const shares = await engine.prepareImport(1);
  const impact = { ...checked.impact, hamletsGoodPct: shares };
  const taken = await engine.commitImport(1, false);
  const answer = (await engine.coverage(asked, network)) as CoverageResult;
  const madeAhead = await ahead.mock.results[0]?.value;
  ahead.mockRestore();
  return { engine, checked, impact, taken, answer, madeAhead, gaps: structuredClone(await engine.gaps(GAPS)) };
}

const FILES = { 'towers.geojson': TOWERS, 'hamlets.geojson': HAMLETS };
/** Radii from each point's clutter class (rule 8): the impact's rule 2 levels are not the engine's then. */
const PATH_LOSS = { ...FILES, 'model.json': JSON.stringify({ ...JSON.parse(texts.get('model.json') ?? ''), radius_model: 'path_loss' }) };

describe('an import made ahead in its check', () => {
  it.each([
    ['current', undefined],
    ['planned', 'Viettel'],
  ] as const)('answers %s (network %s) as a fresh engine does, from the pass made in the check', async (scenario, network) => {
    const made = await imported(FILES, scenario, network);
    const fresh = await oracle(FILES, scenario, network);
    // The answer's levels are the very array the check classified: no second pass.
    expect(made.madeAhead).toBe(made.answer.level);
    expect(comparable(wire(made.answer))).toEqual(comparable(fresh.answer));
    expect(made.gaps?.view).toEqual(fresh.gaps?.view);
    expect(wire(made.taken).loaded.dataset).toEqual(fresh.loaded.dataset);
    expect(made.taken.loaded.asOf).toBe(fresh.loaded.asOf);
    // The data changed: the comparison above compares something.
    const before = await oracle({}, scenario, network);
    expect(Array.from(fresh.answer.level)).not.toEqual(Array.from(before.answer.level));
  });

  it('answers under path loss as a fresh engine does, its impact from rule 2 as before', async () => {
    const made = await imported(PATH_LOSS, 'current');
    const fresh = await oracle(PATH_LOSS, 'current');
    expect(made.answer.radiusModel).toBe('path_loss');
    expect(made.madeAhead).toBe(made.answer.level);
    expect(comparable(wire(made.answer))).toEqual(comparable(fresh.answer));
    expect(made.impact).toEqual(importImpact(datasetOf(texts), datasetOf(over(PATH_LOSS)), ['hamlets', 'towers']));
  });

  it('answers another scenario than the one made ahead with its own pass, as a fresh engine does', async () => {
    const made = await imported(FILES, 'current', 'VNPT', 'planned');
    const fresh = await oracle(FILES, 'planned', 'VNPT');
    expect(made.madeAhead).not.toBe(made.answer.level);
    expect(comparable(wire(made.answer))).toEqual(comparable(fresh.answer));
    expect(made.gaps?.view).toEqual(fresh.gaps?.view);
  });

  it.each([
    ['current', undefined],
    ['current', 'MobiFone'],
    ['planned', undefined],
  ] as const)("gives the impact import/impact.ts gives alone (engine on %s, network %s)", async (scenario, network) => {
    const made = await imported(FILES, scenario, network);
    const alone = importImpact(datasetOf(texts), datasetOf(over(FILES)), ['hamlets', 'towers']);
    expect(made.impact).toEqual(alone);
    const { before, after } = alone.hamletsGoodPct;
    expect(before).not.toBe(after);
  });
});

describe('the first answer after a take', () => {
  /** An engine that has checked FILES and made the work ahead for `scenario`; the answers counted from the take on. */
  async function taking(scenario: Scenario) {
    const engine = new Engine();
    await load(engine);
    await engine.coverage(scenario);
    await engine.checkImport(1, Object.entries(FILES).map(([name, text]) => ({ name, text })));
    await engine.prepareImport(1);
    const answers = vi.spyOn(CoverageSession.prototype, 'coverage');
    await engine.commitImport(1, false);
    return { engine, answers };
  }

  it('is made while the page reads the data set, and the first request takes it', async () => {
    const { engine, answers } = await taking('current');
    // The page reads the data set meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answers).toHaveBeenCalledTimes(1);
    const answer = (await engine.coverage('current')) as CoverageResult;
    expect(answers).toHaveBeenCalledTimes(1);
    answers.mockRestore();
    expect(comparable(wire(answer))).toEqual(comparable((await oracle(FILES, 'current')).answer));
    // It is the newest request's: the radius range that follows it is answered.
    expect(await engine.radiusRange(answer.requestId, 'current')).toHaveLength(RADIUS_FACTORS.length);
  });

  it('is not taken by a request for another scenario, nor after a plan came first', async () => {
    const other = await taking('current');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const planned = (await other.engine.coverage('planned')) as CoverageResult;
    expect(other.answers).toHaveBeenCalledTimes(2);
    other.answers.mockRestore();
    expect(comparable(wire(planned))).toEqual(comparable((await oracle(FILES, 'planned')).answer));
    // A loaded tower on air (its slot is its place in the file), then taken out by a plan.
    const features = (JSON.parse(TOWERS) as Features).features;
    const slot = features.findIndex((f) => f.properties.status === 'existing');
    expect(Array.from((await oracle(FILES, 'current')).answer.onAir.towerIndex)).toContain(slot);
    const edited = await taking('current');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(edited.answers).toHaveBeenCalledTimes(1);
    edited.engine.plan({ ...EMPTY_PLAN, removed: [features[slot]?.properties.id as string] }, 'current');
    const answer = (await edited.engine.coverage('current')) as CoverageResult;
    edited.answers.mockRestore();
    // The plan's answer, not the one made before it.
    expect(Array.from(answer.onAir.towerIndex)).not.toContain(slot);
  });
});

describe('a pass made ahead on helper threads', () => {
  it('is the answer a session that classifies alone gives, and no helper passes again', async () => {
    const dataset = datasetOf(over(FILES));
    const session = new CoverageSession(dataset, 1);
    let passes = 0;
    // A helper that runs in this thread, on a copy of its slice as a worker holds one.
    let part: PointColumns | undefined;
    const helper: Helper = {
      setPoints: (p) => (part = structuredClone(p)),
      classify: (towers) => (passes++, classify(part as PointColumns, structuredClone(towers))),
      terminate: () => undefined,
    };
    const pool = new ClassifyPool(session.pointColumns, [helper]);
    const level = await session.classifyAhead('planned', 'Viettel', pool);
    session.setNetwork('Viettel');
    const answer = await session.coverageWith(pool, 2, 'planned');
    expect(answer.level).toBe(level);
    expect(passes).toBe(1);
    const alone = new CoverageSession(dataset, 1);
    alone.setNetwork('Viettel');
    expect(comparable(wire(answer))).toEqual(comparable(wire(alone.coverage(2, 'planned'))));
  });
});

describe('the work ahead of an import', () => {
  const bundled: SourceFile[] = [...texts].map(([path, text]) => ({ path, text }));
  const current = datasetOf(texts);
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  /** An ImportSession whose work ahead is a marker that records being dropped. */
  function session() {
    const dropped: number[] = [];
    let made = 0;
    const imports = new ImportSession<{ dataset: Dataset; n: number; drop(): void }>(bundled);
    const engine = {
      prepare: async (dataset: Dataset) => {
        const n = ++made;
        return { ahead: { dataset, n, drop: () => dropped.push(n) } };
      },
      later: settle,
    };
    const check = (id: number) => imports.check(id, [{ name: 'towers.geojson', text: TOWERS }], () => undefined, current);
    /** Checked, then its work ahead and shares asked for, as the page does. */
    const prepared = async (id: number) => {
      await check(id);
      return imports.prepare(id, engine);
    };
    return { imports, engine, check, prepared, dropped, made: () => made };
  }

  it('goes with the import taken, and is dropped by a cancel or a newer check', async () => {
    const s = session();
    await s.prepared(1);
    await s.prepared(2);
    await settle();
    expect(s.dropped).toEqual([1]);
    expect(s.imports.commit(1, false)).toBeUndefined();
    expect((await s.imports.commit(2, false)?.ahead)?.n).toBe(2);
    expect(s.dropped).toEqual([1]);
    await s.prepared(3);
    s.imports.cancel(3);
    await settle();
    expect(s.dropped).toEqual([1, 3]);
    expect(s.imports.commit(3, false)).toBeUndefined();
  });

  it('answers the shares import/impact.ts gives, and none once the import is cancelled, replaced or taken', async () => {
    const s = session();
    const next = datasetOf(over({ 'towers.geojson': TOWERS }));
    expect(await s.prepared(1)).toEqual(importImpact(current, next, ['towers']).hamletsGoodPct);
    // Cancelled while its work ahead is made: no shares, and the work dropped once made.
    await s.check(2);
    const cancelled = s.imports.prepare(2, s.engine);
    s.imports.cancel(2);
    expect(await cancelled).toBeUndefined();
    await settle();
    expect(s.dropped).toEqual([1, 2]);
    // Replaced by a newer check meanwhile: the same.
    await s.check(3);
    const replaced = s.imports.prepare(3, s.engine);
    await s.check(4);
    expect(await replaced).toBeUndefined();
    await settle();
    expect(s.dropped).toEqual([1, 2, 3]);
    expect(s.imports.commit(3, false)).toBeUndefined();
    // Taken while its work is made: the take waits for that work and keeps it; the shares' pass is not made.
    const taking = s.imports.prepare(4, s.engine);
    const taken = s.imports.commit(4, false);
    expect((await taken?.ahead)?.n).toBe(4);
    expect(await taking).toBeUndefined();
    expect(s.made()).toBe(4);
    expect(s.dropped).toEqual([1, 2, 3]);
  });

  it('is taken without work ahead when none was asked for', async () => {
    const s = session();
    await s.check(1);
    const taken = s.imports.commit(1, false);
    expect(taken?.dataset.towers.length).toBeGreaterThan(0);
    expect(await taken?.ahead).toBeUndefined();
    expect(s.made()).toBe(0);
  });
});
