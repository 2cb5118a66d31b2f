// The page draws from the engine's answers alone (worker/engine.ts, as the page's client
// uses it): after a plan edit, the gap register and the selection name the towers the answer
// names. The bug this guards: the quick answer to an edit kept the last full answer's tower
// indexes, which the page read against its own copy of the towers with the plan applied; a
// deleted tower shifted that list, so a gap's "nearest tower" was another one until the next
// full refresh.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LEVEL_GOOD, onAirTowers } from '../../src/domain/coverage/columns.ts';
import { gapRow } from '../../src/domain/gaps/register.ts';
import { viewRow } from '../../src/domain/gaps/view.ts';
import { haversineKm } from '../../src/domain/geo/haversine.ts';
import { applyPlan, EMPTY_PLAN, removeTower } from '../../src/domain/plan/plan.ts';
import type { Tower } from '../../src/domain/types.ts';
import { datasetLayers } from '../../src/map/layers.ts';
import { useAppStore } from '../../src/state/store.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { CoverageSession } from '../../src/worker/compute.ts';
import { Engine, type Loaded } from '../../src/worker/engine.ts';
import { buffersOf } from '../../src/worker/moved.ts';
import type { CoverageResult, PlanCoverage } from '../../src/domain/coverage/answer.ts';

const texts = new Map(
  readdirSync('data', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(geojson|csv|json)$/.test(f))
    .map((path) => [path, readFileSync(`data/${path}`, 'utf8')]),
);
beforeAll(() => vi.stubGlobal('fetch', async (url: string) => new Response(texts.get(url) ?? null, { status: texts.has(url) ? 200 : 404 })));
afterAll(() => vi.unstubAllGlobals());

const store = () => useAppStore.getState();

/** As Comlink sends an answer: its typed arrays moved, so the engine must not keep them. */
const wire = <T extends CoverageResult | PlanCoverage>(answer: T): T => structuredClone(answer, { transfer: buffersOf(answer) });

/** The nearest 4G/5G tower on air, by brute force. */
function nearest(towers: readonly Tower[], lon: number, lat: number): { id: string; km: number } {
  const onAir = onAirTowers(towers, 'current');
  let best = { id: '', km: Infinity };
  for (let k = 0; k < onAir.count; k++) {
    if (!onAir.broadband[k]) continue;
    const km = haversineKm(lon, lat, onAir.lon[k]!, onAir.lat[k]!);
    if (km < best.km) best = { id: towers[onAir.towerIndex[k]!]!.id, km };
  }
  return best;
}

describe('a tower deleted from the plan', () => {
  it("names a gap's new nearest tower in the register and the selection at once", async () => {
    const engine = new Engine();
    const loaded = (await engine.load([...texts.keys()].map((path) => ({ path, url: path })))) as Loaded;
    expect(loaded.dataset.points.count).toBeGreaterThan(0);
    store().datasetLoaded(loaded.dataset, loaded.issues, loaded.asOf);
    store().scenarioModeChosen('current');
    const full = wire((await engine.coverage('current'))!);
    // The engine's points are the page's table's columns: the same levels as from the parsed points.
    const parsed = parseDataset([...texts].map(([path, text]) => ({ path, text }))).dataset!;
    expect(Array.from(full.level)).toEqual(Array.from(new CoverageSession(parsed).coverage(0, 'current').level));
    store().towersPatched(full.towerChanges);
    store().coverageComputed(full);

    // A gap whose nearest 4G tower is not the last one: deleting it shifts the later towers.
    const { dataset } = store();
    const base = dataset!.towers;
    const i = full.level.findIndex((level, p) => level < LEVEL_GOOD && full.nearestTower[p]! >= 0 && full.nearestTower[p]! < base.length - 1);
    expect(i).toBeGreaterThanOrEqual(0);
    const gone = base[full.nearestTower[i]!]!;
    const plan = removeTower(EMPTY_PLAN, base, gone.id);
    const lon = dataset!.points.lon[i]!;
    const lat = dataset!.points.lat[i]!;
    const want = nearest(applyPlan(base, plan).towers, lon, lat);
    expect(want.id).not.toBe(gone.id);
    // What the page did before: the last full answer's index into its own applied list.
    const before = applyPlan(base, plan).towers[full.nearestTower[i]!]!.id;
    expect(before).not.toBe(want.id);

    // The quick answer, taken as the client takes it.
    const quick = wire(engine.plan(plan, 'current')!);
    store().towersPatched(quick.towerChanges);
    store().planCoverageComputed(quick);
    const { coverage, towers } = store();

    // The register as the worker sends it, and the selected gap's row as the page makes it.
    const { view } = structuredClone((await engine.gaps({ filter: {}, sort: { key: 'point', direction: 'asc' }, lang: 'vi' }))!);
    const j = view.points.indexOf(i);
    expect(j).toBeGreaterThanOrEqual(0);
    for (const row of [viewRow(dataset!, towers, dataset!.district, view, j), gapRow(dataset!, towers, dataset!.district, i, coverage!.level[i]!, coverage!.nearestTower[i]!, coverage!.nearestKm[i]!)]) {
      expect(row.point).toBe(i);
      expect(row.nearestId).toBe(want.id);
      expect(row.nearestKm).toBe(want.km);
    }

    const layers = datasetLayers(
      { dataset: dataset!, towers, coverage, onAir: coverage!.onAir, visible: store().layers, selectedPoint: i, box: undefined, zoom: 10 },
      { onHover: () => undefined },
      'labels',
    );
    const line = layers.find((l) => l.id === 'selected-nearest-line');
    const at = towers.find((t) => t?.id === want.id)!;
    expect((line?.props.data as { to: [number, number] }[])[0]?.to).toEqual([at.lon, at.lat]);
  });
});

describe('the engine, as the page calls it', () => {
  it('answers only the newest of a burst of coverage requests, and drops the radius range of an overtaken one', async () => {
    const engine = new Engine();
    await engine.load([...texts.keys()].map((path) => ({ path, url: path })));
    // Scrubbing through dates: three requests before the engine gets to any.
    const asked = [engine.coverage('2020-01-01'), engine.coverage('2021-01-01'), engine.coverage('current')];
    const [first, second, last] = await Promise.all(asked);
    expect(first).toBeUndefined();
    expect(second).toBeUndefined();
    expect(last?.scenario).toBe('current');
    const range = await engine.radiusRange(last!.requestId, 'current');
    expect(range?.map((r) => r.factor)).toEqual([0.75, 1, 1.25]);
    expect(range?.[1]?.figures).toEqual(last!.figures);
    // A plan edit overtakes a range not yet computed.
    const pending = engine.radiusRange(last!.requestId, 'current');
    engine.plan(EMPTY_PLAN, 'current');
    expect(await pending).toBeUndefined();
  });

  it('builds the timeline once per data set and plan, and takes an import as a new data set', async () => {
    const engine = new Engine();
    const loaded = (await engine.load([...texts.keys()].map((path) => ({ path, url: path })))) as Loaded;
    const timeline = await engine.timeline();
    expect(timeline?.datasetId).toBe(loaded.datasetId);
    expect(await engine.timeline()).toBeUndefined();
    const hamlets = [...texts.keys()].find((p) => p.endsWith('hamlets.geojson'))!;
    const progress: string[] = [];
    const checked = await engine.checkImport(1, [{ name: 'hamlets.geojson', text: texts.get(hamlets)! }], (phase) => progress.push(phase));
    expect(checked.canImport).toBe(true);
    expect(progress).toContain('checking');
    const taken = await engine.commitImport(1, false);
    expect(taken.loaded.datasetId).not.toBe(loaded.datasetId);
    await expect(engine.commitImport(1, false)).rejects.toThrow(/engine-import-gone/);
    // The new data set's timeline is due again.
    expect((await engine.timeline())?.datasetId).toBe(taken.loaded.datasetId);
  });
});
