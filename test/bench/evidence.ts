// `npx tsx test/bench/evidence.ts`: verdicts for 1M points against 1M speed tests (issue 16,
// item 8: within 2× one coverage pass), next to one coverage pass of the same points
// against 100k towers. Tests are placed like the points (data.ts: 70% clustered around
// towns, as tests cluster where people are), across Vietnam's box; radius 500 m. Median of
// three runs after a warm-up; one thread.
import { onAirTowers } from '../../src/domain/coverage/columns.ts';
import { classify } from '../../src/domain/coverage/classify.ts';
import type { TestColumns } from '../../src/domain/evidence/tests.ts';
import { measurePoints } from '../../src/domain/evidence/verdict.ts';
import { VIETNAM, randomPoints, randomTowers, rng } from './data.ts';
import { median, time } from './measure.ts';

const POINTS = 1_000_000;
const TESTS = 1_000_000;
const points = randomPoints(16, POINTS, VIETNAM);
const placed = randomPoints(1616, TESTS, VIETNAM);
const random = rng(7);
const tests: TestColumns = {
  count: TESTS,
  lon: placed.lon,
  lat: placed.lat,
  day: new Int32Array(TESTS),
  downloadMbps: Float64Array.from({ length: TESTS }, () => random() * 40),
  operator: new Int32Array(TESTS),
  operators: ['A'],
};
const selected = Int32Array.from({ length: TESTS }, (_, i) => i);
const params = { radiusM: 500, minTests: 3, goodMbps: 10 };
const towers = onAirTowers(randomTowers(16, 100_000, VIETNAM), 'planned');

let counted = 0;
measurePoints(points, tests, selected, params);
const verdictMs = median([1, 2, 3].map(() => time(() => (counted = measurePoints(points, tests, selected, params).tests.reduce((a, b) => a + b, 0)))));
classify(points, towers);
const coverageMs = median([1, 2, 3].map(() => time(() => classify(points, towers))));
console.log(`verdicts 1M points × 1M tests (500 m): ${verdictMs.toFixed(0)} ms, ${(counted / POINTS).toFixed(2)} tests a point`);
console.log(`one coverage pass 1M points × 100k towers: ${coverageMs.toFixed(0)} ms; ratio ${(verdictMs / coverageMs).toFixed(2)}`);
