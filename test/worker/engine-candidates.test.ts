// candidates.geojson in the app (issue 18 item 6), through the engine as the page calls it:
// the importer stages it as kind `candidates` (a bad file is refused with file, feature and
// field in Vietnamese and English), the engine holds the places once taken, and the siting
// runs on its worker site only at them (`only`) or at them and the points not good (`also`),
// the same sites as `npm run siting --candidates` (the command's greedy, on the same data).
import { readdirSync, readFileSync } from 'node:fs';
import { expose } from 'comlink';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { budgetReport } from '../../src/cli/siting-budget.ts';
import { issueText } from '../../src/domain/messages/render.ts';
import { DEFAULT_COSTS } from '../../src/domain/parse/costs.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import type { SitingRequest } from '../../src/domain/siting/modes.ts';
import { Engine } from '../../src/worker/engine.ts';
import { SitingHelper } from '../../src/worker/siting-helper.ts';

const texts = new Map(
  readdirSync('data', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(geojson|csv|json)$/.test(f))
    .map((path) => [path, readFileSync(`data/${path}`, 'utf8')]),
);
const files = [...texts.keys()].map((path) => ({ path, url: path }));
beforeAll(() => vi.stubGlobal('fetch', async (url: string) => new Response(texts.get(url) ?? null, { status: texts.has(url) ? 200 : 404 })));
afterAll(() => vi.unstubAllGlobals());

const GOOD = readFileSync('test/fixtures/import/candidates/candidates.geojson', 'utf8');
const BAD = readFileSync('test/fixtures/import/staging/bad_candidates.geojson', 'utf8');

/** The siting worker: a SitingHelper over a MessageChannel (greedy only: HiGHS's wasm is the browser's). */
function siting(): Worker {
  const { port1, port2 } = new MessageChannel();
  const helper = new SitingHelper();
  expose({ setPoints: (p: Parameters<SitingHelper['setPoints']>[0]) => helper.setPoints(p), greedy: (...a: Parameters<SitingHelper['greedy']>) => helper.greedy(...a) }, port2);
  return Object.assign(port1, { terminate: () => (port1.close(), port2.close()) }) as unknown as Worker;
}

const bundled = parseDataset([...texts].map(([path, text]) => ({ path, text }))).dataset!;
// The panel starts from the data's costs.json, as the command does.
const budget: SitingRequest = { mode: 'budget', budget: 20e9, radiusKm: 4, weight: 'population', costs: bundled.costs ?? DEFAULT_COSTS, timeLimitS: 5 };

describe('candidates.geojson through the importer and the engine', () => {
  it('refuses a bad file, naming file, feature and field in both languages', async () => {
    const engine = new Engine(siting);
    await engine.load(files);
    const checked = await engine.checkImport(1, [{ name: 'bad_candidates.geojson', text: BAD }]);
    expect(checked.canImport).toBe(false);
    expect(checked.files[0]).toMatchObject({ kind: 'candidates', path: 'candidates.geojson', rows: 5 });
    const said = checked.issues.map((i) => [i.code, i.file, i.featureIndex, i.field]);
    expect(said).toEqual([
      ['candidates-duplicate-id', 'bad_candidates.geojson', 1, 'id'],
      ['candidates-bad-id', 'bad_candidates.geojson', 2, 'id'],
      ['candidates-bad-cost', 'bad_candidates.geojson', 3, 'cost_vnd'],
      ['candidates-bad-point', 'bad_candidates.geojson', 4, 'geometry'],
    ]);
    expect(issueText(checked.issues[0]!, 'vi')).toBe('bad_candidates.geojson: đối tượng 2 (mã "UV-01"), trường dữ liệu "id": mã "UV-01" đã dùng cho một vị trí ứng viên trước đó; các mã phải khác nhau');
    expect(issueText(checked.issues[2]!, 'en')).toContain('"cost_vnd": is -5, must be a number ≥ 0');
    // The valid places can still be taken: the first only (the others have errors).
    expect(checked.validOnly).toEqual({ dropped: 4 });
  });

  it('holds the places once taken, and sites only at them, or at them and the points not good', async () => {
    const engine = new Engine(siting);
    await engine.load(files);
    await expect(engine.sitingGreedy({ ...budget, candidateUse: 'only' })).rejects.toThrow(/engine-no-candidates/);
    const checked = await engine.checkImport(2, [{ name: 'candidates.geojson', text: GOOD }]);
    expect([checked.canImport, checked.issues, checked.files[0]?.kind, checked.files[0]?.rows]).toEqual([true, [], 'candidates', 4]);
    const { loaded } = await engine.commitImport(2, false);
    expect(loaded.dataset.candidates?.map((p) => p.id)).toEqual(['UV-01', 'UV-02', 'UV-03', 'UV-04']);
    await engine.coverage('planned');

    // The command's answer on the same files, as `npm run siting -- --budget 20000000000 [--candidate-use also]` gives it.
    const dataset = { ...bundled, candidates: loaded.dataset.candidates! };
    const io = { out: () => {}, err: () => {} };
    const { default: loadHighs } = await import('highs');
    const highs = await loadHighs();
    for (const use of ['only', 'also'] as const) {
      const cli = budgetReport(highs, dataset, { k: NaN, radiusKm: 4, weight: 'population', budget: 20e9, timeLimitS: 5, candidates: { places: dataset.candidates!, use } }, io);
      const app = (await engine.sitingGreedy({ ...budget, candidateUse: use }))!.answer;
      expect(app.sites.map((s) => s.atId), use).toEqual(cli.greedy.sites);
      expect(app.gain).toBe(cli.greedy.gain);
      expect(app.totalCost).toBeCloseTo(cli.greedy.total_cost, 3);
      expect(app.candidateCount).toBe(cli.candidates);
    }
    const only = (await engine.sitingGreedy({ ...budget, candidateUse: 'only' }))!.answer;
    expect(only.sites.map((s) => [s.atId, s.kind, s.name])).toEqual([
      ['UV-01', 'candidate', 'Ứng viên Đất Mũi'],
      ['UV-02', 'candidate', 'Ứng viên Rạch Gốc'],
      ['UV-03', 'candidate', 'Ứng viên Khánh Bình'],
    ]);
    expect(only.sites.find((s) => s.atId === 'UV-03')?.cost).toBe(900_000_000);
    // Target mode: the places are no hamlets (909 in the bundled data).
    const target = (await engine.sitingGreedy({ ...budget, mode: 'target', targetPct: 100, indicator: 'hamlets', candidateUse: 'only' }))!.answer;
    expect(target.totalWeight).toBe(dataset.hamlets.length);
    expect(target.sites.every((s) => s.kind === 'candidate')).toBe(true);
    // Without a choice the points not good, as before.
    const points = (await engine.sitingGreedy(budget))!.answer;
    expect(points.sites.some((s) => s.kind === 'candidate')).toBe(false);
  });
});
