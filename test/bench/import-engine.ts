// The engine's import of a national folder in one Node process, without a browser: a bare
// read + JSON.parse of the folder's JSON files (the national bench's baseline), then the
// engine's check of the same files given as Blobs (as the file picker gives them: read as
// they stream in, checked, staged), then Import → first coverage. Runs alternate with nothing
// else; each line is one run. It separates the worker's own time from the page's, which the
// browser bench (browser-national.mjs) adds on top. FORMAT=parquet imports the hamlets,
// schools and towers as GeoParquet instead (the baseline stays the GeoJSON folder's parse).
// The page has shown the bundled data's coverage before an import: so does each run.
//
//   NATIONAL=/tmp/national [FORMAT=parquet] [RUNS=3] npx tsx test/bench/import-engine.ts
import { readdirSync, readFileSync, openAsBlob } from 'node:fs';
import { Engine } from '../../src/worker/engine.ts';
const texts = new Map(readdirSync('data', { recursive: true, encoding: 'utf8' }).filter((f) => /\.(geojson|csv|json)$/.test(f)).map((path) => [path, readFileSync(`data/${path}`, 'utf8')]));
globalThis.fetch = (async (url: string) => new Response(texts.get(url) ?? null, { status: texts.has(url) ? 200 : 404 })) as typeof fetch;
const F = `${process.env.NATIONAL ?? '/tmp/national'}/`;
const names = readdirSync(F, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(geojson|json|csv)$/.test(f));
const POINT_FILE = /^(hamlets|schools|towers)\.geojson$/;
const imported = process.env.FORMAT === 'parquet' ? names.map((n) => (POINT_FILE.test(n) ? n.replace(/geojson$/, 'parquet') : n)) : names;
for (let r = 0; r < Number(process.env.RUNS ?? 3); r++) {
  const engine = new Engine();
  await engine.load([...texts.keys()].map((path) => ({ path, url: path })));
  await engine.coverage('current');
  // CPU time too (this process's, GC threads included): wall times swing when other work shares the cores.
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let t = performance.now();
  let c = cpu();
  for (const n of names) if (/json$/.test(n)) JSON.parse(await (await openAsBlob(F + n)).text());
  const bare = performance.now() - t;
  const cbare = cpu() - c;
  t = performance.now();
  c = cpu();
  const files = await Promise.all(imported.map(async (n) => ({ name: n.split('/').pop()!, file: await openAsBlob(F + n) })));
  const checked = await engine.checkImport(1, files);
  // As the page asks once the check is shown: the work ahead and the impact's shares.
  await engine.prepareImport(1);
  const tcheck = performance.now() - t;
  const ccheck = cpu() - c;
  t = performance.now();
  c = cpu();
  await engine.commitImport(1, false);
  await engine.coverage('current');
  const tcov = performance.now() - t;
  const ccov = cpu() - c;
  const ms = Math.round;
  console.log(JSON.stringify({ bare: ms(bare), check: ms(tcheck), takeToFigures: ms(tcov), can: checked.canImport, checkRatio: (tcheck / bare).toFixed(2), ratio: ((tcheck + tcov) / bare).toFixed(2), cpu: { bare: ms(cbare), check: ms(ccheck), takeToFigures: ms(ccov), ratio: ((ccheck + ccov) / cbare).toFixed(2) } }));
}
process.exit(0);
