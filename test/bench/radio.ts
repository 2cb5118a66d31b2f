// `npm run bench` (radio part): the cost of contract rules 8-9 in the coverage engine.
//
// Seeded towers of three operators, each with a mast height (15-60 m) and a band now and then,
// and points with a clutter class (10% urban, 20% suburban, 50% rural, 20% forest); then, per
// size, the median of a few runs of:
//   fixed      onAirTowers + classify, rule 2's radii (v1);
//   path loss  onAirTowers under path_loss (Hata radii per class) + classify by class;
//   networks   the levels of all 4 networks at once (any + each operator), fixed and path loss,
//              against one pass of the same model.
// Targets at 1M × 100k: path loss ≤ 1.5 × fixed; all networks ≤ 2 × one pass. One thread.
import { classify } from '../../src/domain/coverage/classify.ts';
import { onAirTowers, type PointColumns, type TowerColumns } from '../../src/domain/coverage/columns.ts';
import { classifyNetworks } from '../../src/domain/coverage/networks.ts';
import { defaultRadioModel } from '../../src/domain/coverage/radio-model.ts';
import type { RadioModel, Tower } from '../../src/domain/types.ts';
import { MEKONG, VIETNAM, randomPoints, randomTowers, rng, type Extent } from './data.ts';
import { median, time } from './measure.ts';

const OPERATORS = ['MobiFone', 'VNPT', 'Viettel'];

function radioTowers(seed: number, n: number, extent: Extent): Tower[] {
  const random = rng(seed + 1);
  return randomTowers(seed, n, extent).map((t) => {
    const out: Tower = { ...t, operator: OPERATORS[Math.floor(random() * 3)] as string, heightM: 15 + Math.round(random() * 45) };
    if (random() < 0.2) out.bandMhz = t.technology === '4G' ? 900 : 2600;
    return out;
  });
}

function withClutter(points: PointColumns, seed: number): PointColumns {
  const random = rng(seed);
  const clutter = new Uint8Array(points.count);
  for (let i = 0; i < points.count; i++) {
    const r = random();
    clutter[i] = r < 0.1 ? 0 : r < 0.3 ? 1 : r < 0.8 ? 2 : 3;
  }
  return { ...points, clutter };
}

const SIZES = [
  { label: '100k × 10k', points: 100_000, towers: 10_000, extent: MEKONG, runs: 7 },
  { label: '1M × 100k', points: 1_000_000, towers: 100_000, extent: VIETNAM, runs: 5 },
];

const fmt = (ms: number): string => ms.toFixed(0).padStart(6);
const operatorsOf = (towers: readonly Tower[], columns: TowerColumns): Int32Array =>
  Int32Array.from(columns.towerIndex, (t) => OPERATORS.indexOf((towers[t] as Tower).operator));

console.log(`\nradius model and networks (contract rules 8-9) — node ${process.version}, one thread, median ms`);
console.log('size          fixed  path loss  ×fixed   networks fixed  ×pass   networks path loss  ×pass');
const checks: { label: string; ratio: number; limit: number }[] = [];
for (const size of SIZES) {
  const towers = radioTowers(11, size.towers, size.extent);
  const points = withClutter(randomPoints(12, size.points, size.extent), 13);
  const fixedModel = defaultRadioModel();
  const pathLoss: RadioModel = { ...defaultRadioModel(), radiusModel: 'path_loss' };
  const fixedPass = (): Uint8Array => classify(points, onAirTowers(towers, 'current', { model: fixedModel })).level;
  const pathPass = (): Uint8Array => classify(points, onAirTowers(towers, 'current', { model: pathLoss })).level;
  const networks = (model: RadioModel): Uint8Array => {
    const columns = onAirTowers(towers, 'current', { model });
    return classifyNetworks(points, columns, operatorsOf(towers, columns), OPERATORS.length);
  };
  // Warm up, and check that network 0 ("any") is the single pass.
  const any = networks(pathLoss).subarray(0, points.count);
  if (pathPass().some((l, i) => l !== any[i])) throw new Error('networks: "any" differs from one pass');
  fixedPass();
  networks(fixedModel);
  // Interleaved, so that a spell of load on a shared machine falls on every variant alike.
  const variants = [fixedPass, pathPass, () => networks(fixedModel), () => networks(pathLoss)];
  const times: number[][] = variants.map(() => []);
  for (let r = 0; r < size.runs; r++) variants.forEach((fn, v) => times[v]!.push(time(fn)));
  const [fixedMs, pathMs, netFixedMs, netPathMs] = times.map(median) as [number, number, number, number];
  console.log(
    `${size.label.padEnd(12)} ${fmt(fixedMs)} ${fmt(pathMs)}     ${(pathMs / fixedMs).toFixed(2)}   ${fmt(netFixedMs)}          ${(netFixedMs / fixedMs).toFixed(2)}   ${fmt(netPathMs)}              ${(netPathMs / pathMs).toFixed(2)}`,
  );
  if (size.label === '1M × 100k') {
    checks.push({ label: 'path loss / fixed', ratio: pathMs / fixedMs, limit: 1.5 });
    checks.push({ label: 'networks / pass (fixed)', ratio: netFixedMs / fixedMs, limit: 2 });
    checks.push({ label: 'networks / pass (path loss)', ratio: netPathMs / pathMs, limit: 2 });
  }
}
console.log('targets at 1M × 100k:');
for (const { label, ratio, limit } of checks) {
  console.log(`  ${label.padEnd(28)} ≤ ${limit.toFixed(1)}×: ${ratio <= limit ? 'PASS' : 'FAIL'} (measured ${ratio.toFixed(2)}×)`);
}
