// `npx tsx test/bench/evidence.ts`: verdicts for 1M points against 1M speed tests as the
// worker answers them for a scenario (issue 16, item 8: within 2× one coverage pass):
// EvidenceSession.answer — the window's tests, the grid, every point's verdict, the agreement
// and the copies for transfer — next to one coverage pass of the same points against 100k
// towers. Tests are placed like the points (data.ts: 70% clustered around towns, as tests
// cluster where people are), across Vietnam's box, three operators, dated through 2025 so
// that all 1M count in every scenario timed; radius 500 m (the contract's default). Each run
// starts a session (untimed: the test columns are made once per data set) and times its first
// answer, which also puts every test on the grid, then another scenario's, then a coverage
// pass: a busy machine slows all three alike, so each ratio is taken within its run.
import { onAirTowers } from '../../src/domain/coverage/columns.ts';
import { classify } from '../../src/domain/coverage/classify.ts';
import type { Measurement } from '../../src/domain/types.ts';
import { EvidenceSession } from '../../src/worker/evidence.ts';
import { VIETNAM, randomPoints, randomTowers, rng } from './data.ts';
import { median, time } from './measure.ts';

const POINTS = 1_000_000;
const TESTS = 1_000_000;
const RUNS = 7;
const points = randomPoints(16, POINTS, VIETNAM);
const placed = randomPoints(1616, TESTS, VIETNAM);
const random = rng(7);
const OPERATORS = ['Viettel', 'VNPT', 'MobiFone'];
const JAN_1_2025 = Date.UTC(2025, 0, 1);
const measurements: Measurement[] = Array.from({ length: TESTS }, (_, i) => ({
  // 2025-01-01 .. 2025-12-24: inside every timed scenario's 365-day window.
  date: new Date(JAN_1_2025 + Math.floor(random() * 358) * 86_400_000).toISOString().slice(0, 10),
  lon: placed.lon[i] as number,
  lat: placed.lat[i] as number,
  operator: OPERATORS[Math.floor(random() * 3)] as string,
  downloadMbps: random() * 40,
}));
const scenarios = ['current', 'planned', '2025-12-24', '2025-12-25', '2025-12-26', '2025-12-27', '2025-12-28', '2025-12-29'];
const towers = onAirTowers(randomTowers(16, 100_000, VIETNAM), 'planned');

const level = classify(points, towers).level;
let columnsMs = 0;
let counted = 0;
let perPoint = 0;
const answer = (session: EvidenceSession, scenario: string) => {
  const evidence = session.answer(scenario, level);
  counted = evidence.counted.reduce((a, b) => a + b, 0);
  perPoint = evidence.tests.reduce((a, b) => a + b, 0) / POINTS;
};
const firstMs: number[] = [];
const nextMs: number[] = [];
const coverageMs: number[] = [];
for (let r = 0; r <= RUNS; r++) {
  let session: EvidenceSession | undefined;
  columnsMs = time(() => (session = EvidenceSession.of({ measurements }, points)));
  if (!session) throw new Error('no evidence session');
  const s = session;
  const first = time(() => answer(s, scenarios[r % scenarios.length] as string));
  const next = time(() => answer(s, scenarios[(r + 1) % scenarios.length] as string));
  const coverage = time(() => classify(points, towers));
  // Run 0 warms up.
  if (r === 0) continue;
  firstMs.push(first);
  nextMs.push(next);
  coverageMs.push(coverage);
}
const minMedian = (xs: number[], digits: number) => `min ${Math.min(...xs).toFixed(digits)}, median ${median(xs).toFixed(digits)}`;
const ratios = (xs: number[]) => minMedian(xs.map((x, r) => x / (coverageMs[r] as number)), 2);
console.log(`test columns, once per data set: ${columnsMs.toFixed(0)} ms`);
console.log(`verdicts 1M points × 1M tests (500 m, ${counted} counted, ${perPoint.toFixed(2)} tests a point), ${RUNS} runs:`);
console.log(`  first answer (grid of every test, then the verdicts): ${minMedian(firstMs, 0)} ms; ratio ${ratios(firstMs)}`);
console.log(`  another scenario (the verdicts): ${minMedian(nextMs, 0)} ms; ratio ${ratios(nextMs)}`);
console.log(`one coverage pass 1M points × 100k towers: ${minMedian(coverageMs, 0)} ms (ratios per run, budget 2)`);
