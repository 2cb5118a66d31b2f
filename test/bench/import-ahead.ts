// The part of Import → first figures that an import's check now does ahead (engine.ts
// prepare), before and after, in one process on the same parsed data: the impact, opening
// the data set, and its first `current` answer. Before: the impact classifies the hamlets of
// both data sets, and the answer classifies the new points again. After: one pass, made while
// checking, serves the impact and the answer. Runs alternate.
//
//   NATIONAL=/tmp/national npx tsx test/bench/import-ahead.ts
import { readdirSync, readFileSync } from 'node:fs';
import { importImpact } from '../../src/domain/import/impact.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { ImportSession } from '../../src/worker/import-session.ts';
import { openDataset } from '../../src/worker/open-dataset.ts';

const folder = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(geojson|csv|json)$/.test(f))
    .map((path) => ({ path, text: readFileSync(`${dir}/${path}`, 'utf8') }));
const bundled = folder('data');
const national = folder(process.env.NATIONAL ?? '/tmp/national');
const current = parseDataset(bundled).dataset as Dataset;
// The data set an import of the folder stages, as the check hands it to the engine.
let staged: Dataset | undefined;
const imports = new ImportSession(bundled);
await imports.check(1, national.map((f) => ({ name: f.path.split('/').pop() as string, text: f.text })), () => undefined, current);
await imports.prepare(1, {
  prepare: async (dataset) => ((staged = dataset), { ahead: { dataset, drop: () => undefined } }),
  later: async () => undefined,
});
const next = staged as Dataset;
const layers = ['hamlets', 'schools', 'towers'] as const;
// The loaded data's own answer, as the page has asked before importing: its baseline is the impact's "before".
const shown = openDataset(current, 1).session;
shown.coverage(1, 'current');
const before = shown.currentLevels;

function timed(run: () => unknown): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}
for (let r = 0; r < 3; r++) {
  const old = timed(() => {
    importImpact(current, next, layers);
    openDataset(next, 2).session.coverage(1, 'current');
  });
  let check = 0;
  let take = 0;
  await (async () => {
    const t = performance.now();
    const { session } = openDataset(next, 3);
    const after = await session.classifyAhead('current', undefined);
    importImpact(current, next, layers, { ...(before ? { before } : {}), after });
    check = performance.now() - t;
    take = timed(() => session.coverage(1, 'current'));
  })();
  console.log(JSON.stringify({ before: Math.round(old), after: Math.round(check + take), afterInCheck: Math.round(check), afterTakeToFigures: Math.round(take) }));
}
process.exit(0);
