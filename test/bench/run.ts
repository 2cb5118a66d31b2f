// `npm run bench`: how fast the coverage engine is, against naive implementations.
//
// A benchmark, not a test (npm test does not run it). For each size: seeded random towers and
// points (data.ts: 70% 4G at 4 km, 10% 5G at 1.5 km, 12% 3G at 5 km, 8% 2G at 8 km; 30% of
// towers and 70% of points clustered around towns), then
//   engine  classify (builds its tower grids inside) + locateDistricts (the real Cà Mau
//           districts; its index is built once per boundary file, outside the timing),
//           median of a few runs after a warm-up; "1st call" is the very first call at that
//           size (for the first size it includes compiling the engine);
//   turf    @turf/turf brute force: nearestPoint for the nearest 4G/5G, distance to every
//           tower for coverage (stopping once good), booleanPointInPolygon over the
//           districts in file order; measured where it finishes in seconds, else
//           extrapolated per point-tower pair (districts per point) from the largest size
//           measured;
//   oracle  brute-force.ts (pointLevel over towersOnAir, classification only), measured in
//           full or on an even sample of the points and scaled.
// Densities: Cà Mau's box (~11,700 km²) for 1k towers, the Mekong delta's (~76,000 km²) for
// 10k, Vietnam's (~1.3M km²) for 100k: 0.08-0.13 towers per km², about 3 towers within 4 km of
// a point. Keep it to a couple of minutes; one thread.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, distance, featureCollection, nearestPoint, point } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import type { Boundary, Tower } from '../../src/domain/types.ts';
import type { Classification, PointColumns, TowerColumns } from '../../src/domain/coverage/columns.ts';
import { LEVEL_GOOD, LEVEL_WEAK, onAirTowers } from '../../src/domain/coverage/columns.ts';
import type { OnAirTower } from '../../src/domain/coverage/brute-force.ts';
import { pointLevel, towersOnAir } from '../../src/domain/coverage/brute-force.ts';
import { classify } from '../../src/domain/coverage/classify.ts';
import { buildDistrictIndex, locateDistricts } from '../../src/domain/coverage/districts.ts';
import type { Extent } from './data.ts';
import { CA_MAU, MEKONG, VIETNAM, randomPoints, randomTowers } from './data.ts';
import { camauDistricts, median, time } from './measure.ts';

interface Size {
  label: string;
  points: number;
  towers: number;
  extent: Extent;
  runs: number;
  /** Measure turf on every point (else extrapolate). */
  turf: boolean;
  /** Points the oracle is run on (all when ≥ points). */
  oracleSample: number;
}

const SIZES: Size[] = [
  { label: '1k × 1k', points: 1_000, towers: 1_000, extent: CA_MAU, runs: 9, turf: true, oracleSample: 1_000 },
  { label: '10k × 1k', points: 10_000, towers: 1_000, extent: CA_MAU, runs: 9, turf: true, oracleSample: 10_000 },
  { label: '100k × 10k', points: 100_000, towers: 10_000, extent: MEKONG, runs: 7, turf: false, oracleSample: 2_000 },
  { label: '1M × 100k', points: 1_000_000, towers: 100_000, extent: VIETNAM, runs: 5, turf: false, oracleSample: 200 },
];

const TARGETS: Record<string, number> = { '100k × 10k': 80, '1M × 100k': 800 };

/** Turf, naively: per point, nearest 4G/5G, then every tower until good, then every district. */
function turfClassify(points: PointColumns, towers: TowerColumns, count: number): number {
  const all = Array.from({ length: towers.count }, (_, k) => point([towers.lon[k] as number, towers.lat[k] as number], { k }));
  const broadband = featureCollection(all.filter((_, k) => towers.broadband[k] === 1));
  let checksum = 0;
  for (let i = 0; i < count; i++) {
    const p = point([points.lon[i] as number, points.lat[i] as number]);
    let level = points.fixedBroadband[i] === 1 ? 2 : 0;
    if (broadband.features.length > 0) {
      const nearest = nearestPoint(p, broadband, { units: 'kilometers' }) as Feature<Point, { k: number; distanceToPoint: number }>;
      checksum += nearest.properties.k;
    }
    for (let k = 0; k < towers.count && level < 2; k++) {
      if (distance(p, all[k] as Feature<Point>, { units: 'kilometers' }) <= (towers.radiusKm[k] as number)) {
        level = Math.max(level, towers.broadband[k] === 1 ? 2 : 1);
      }
    }
    checksum += level;
  }
  return checksum;
}

function turfDistricts(points: PointColumns, districts: readonly Boundary[], count: number): number {
  let checksum = 0;
  for (let i = 0; i < count; i++) {
    const p = point([points.lon[i] as number, points.lat[i] as number]);
    for (let d = 0; d < districts.length; d++) {
      if (booleanPointInPolygon(p, (districts[d] as Boundary).geometry)) {
        checksum += d;
        break;
      }
    }
  }
  return checksum;
}

function oracle(points: PointColumns, onAir: readonly OnAirTower[], sample: number): number {
  const step = Math.max(1, Math.floor(points.count / sample));
  let checksum = 0;
  for (let i = 0; i < points.count; i += step) {
    const r = pointLevel(points.lon[i] as number, points.lat[i] as number, onAir, points.fixedBroadband[i] === 1);
    checksum += r.level.length + (r.nearest4gKm ?? 0);
  }
  return checksum;
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const pad = (s: string, n: number): string => s.padStart(n);

interface SizeResult {
  engineMs: number;
  classifyMs: number;
  districtMs: number;
  firstMs: number;
  /** Turf, when measured: per point-tower pair (classification) and per point (districts). */
  turfPairMs?: number;
  turfPointMs?: number;
  turfMs?: number;
  oracleMs: number;
  oracleSampled: number;
  good: number;
  weak: number;
}

/** Everything measured for one size (in a process of its own: see `main`). */
function measure(size: Size): SizeResult {
  const districts = camauDistricts();
  const districtIndex = buildDistrictIndex(districts);
  const towers: Tower[] = randomTowers(1000 + size.towers, size.towers, size.extent);
  const points = randomPoints(2000 + size.points, size.points, size.extent);
  const columns = onAirTowers(towers, 'current');
  const onAir = towersOnAir(towers, 'current');

  // Engine: the very first call (cold: it includes compiling), a warm-up of at least 2 runs
  // and half a second (small inputs need many runs before the JIT settles), then the median
  // of a few runs, classify and the district join apart.
  let classification: Classification | undefined;
  const firstMs =
    time(() => (classification = classify(points, columns))) + time(() => locateDistricts(districtIndex, points.lon, points.lat));
  const warmStart = performance.now();
  for (let w = 0; w < 2 || (performance.now() - warmStart < 500 && w < 500); w++) {
    classify(points, columns);
    locateDistricts(districtIndex, points.lon, points.lat);
  }
  const classifyMs: number[] = [];
  const districtMs: number[] = [];
  for (let r = 0; r < size.runs; r++) {
    classifyMs.push(time(() => (classification = classify(points, columns))));
    districtMs.push(time(() => locateDistricts(districtIndex, points.lon, points.lat)));
  }
  const levels = (classification as Classification).level;
  let good = 0;
  let weak = 0;
  for (let i = 0; i < points.count; i++) {
    if (levels[i] === LEVEL_GOOD) good++;
    else if (levels[i] === LEVEL_WEAK) weak++;
  }
  const result: SizeResult = {
    engineMs: median(classifyMs.map((c, r) => c + (districtMs[r] as number))),
    classifyMs: median(classifyMs),
    districtMs: median(districtMs),
    firstMs,
    oracleMs: 0,
    oracleSampled: 0,
    good,
    weak,
  };
  if (size.turf) {
    const pairMs = time(() => turfClassify(points, columns, points.count));
    const pointMs = time(() => turfDistricts(points, districts, points.count));
    result.turfPairMs = pairMs / (points.count * columns.count);
    result.turfPointMs = pointMs / points.count;
    result.turfMs = pairMs + pointMs;
  }
  const sample = Math.min(size.oracleSample, points.count);
  const step = Math.max(1, Math.floor(points.count / sample));
  result.oracleSampled = Math.ceil(points.count / step);
  oracle(points, onAir, sample); // warm-up
  result.oracleMs = (time(() => oracle(points, onAir, sample)) * points.count) / result.oracleSampled;
  return result;
}

/**
 * Each size runs in a fresh Node process (this script with `--size i`), so that one size's
 * JIT state and heap (turf's objects, above all) do not slow the next one's timings.
 */
function measureApart(index: number): SizeResult {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--size', String(index)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (child.status !== 0 || line === undefined) {
    throw new Error(`bench: size ${SIZES[index]?.label} failed (status ${child.status}):\n${child.stderr}`);
  }
  return JSON.parse(line.slice('RESULT '.length)) as SizeResult;
}

function main(): void {
  const started = performance.now();
  const districts = camauDistricts();
  const districtBuildMs = median([1, 2, 3, 4, 5].map(() => time(() => buildDistrictIndex(districts))));
  console.log(`Sóng Map coverage benchmark — node ${process.version}, one thread, each size in a fresh process; times in ms`);
  console.log(`district index (${districts.length} districts of data/, built once per file): ${fmt(districtBuildMs)} ms, not in "engine"`);
  console.log('');
  const header =
    `${'size'.padEnd(11)} ${pad('engine', 8)} ${pad('classify', 9)} ${pad('districts', 9)} ${pad('1st call', 9)} ` +
    `${pad('turf naive', 22)} ${pad('× faster', 9)} ${pad('oracle', 22)} ${pad('× faster', 9)}  levels good/weak/none`;
  console.log(header);
  console.log('-'.repeat(header.length));
  let turfPairMs = 0;
  let turfPointMs = 0;
  const results: Record<string, number> = {};
  SIZES.forEach((size, index) => {
    const r = measureApart(index);
    results[size.label] = r.engineMs;
    let turfText: string;
    let turfMs: number;
    if (r.turfMs !== undefined) {
      turfPairMs = r.turfPairMs ?? 0;
      turfPointMs = r.turfPointMs ?? 0;
      turfMs = r.turfMs;
      turfText = `${fmt(turfMs)} measured`;
    } else {
      turfMs = turfPairMs * size.points * size.towers + turfPointMs * size.points;
      turfText = `${fmt(turfMs)} extrapolated`;
    }
    const oracleText =
      r.oracleSampled === size.points ? `${fmt(r.oracleMs)} measured` : `${fmt(r.oracleMs)} extrap. (${r.oracleSampled} pts)`;
    const pct = (n: number): string => ((100 * n) / size.points).toFixed(0);
    console.log(
      `${size.label.padEnd(11)} ${pad(fmt(r.engineMs), 8)} ${pad(fmt(r.classifyMs), 9)} ${pad(fmt(r.districtMs), 9)} ${pad(fmt(r.firstMs), 9)} ` +
        `${pad(turfText, 22)} ${pad(Math.round(turfMs / r.engineMs).toLocaleString('en'), 9)} ${pad(oracleText, 22)} ` +
        `${pad(Math.round(r.oracleMs / r.engineMs).toLocaleString('en'), 9)}  ` +
        `${pct(r.good)}/${pct(r.weak)}/${pct(size.points - r.good - r.weak)}% (${size.extent.name})`,
    );
  });
  console.log('');
  console.log('targets (engine = classify + nearest + district join, median, this machine):');
  let allPass = true;
  for (const [label, limit] of Object.entries(TARGETS)) {
    const ms = results[label] as number;
    const pass = ms <= limit;
    allPass &&= pass;
    console.log(`  ${label.padEnd(11)} ≤ ${String(limit).padStart(3)} ms: ${pass ? 'PASS' : 'FAIL'} (measured ${fmt(ms)} ms)`);
  }
  console.log(`bench took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (!allPass) process.exitCode = 1;
}

const sizeArg = process.argv.indexOf('--size');
if (sizeArg >= 0) {
  const size = SIZES[Number(process.argv[sizeArg + 1])];
  if (size === undefined) throw new Error(`bench: no size ${process.argv[sizeArg + 1]}`);
  console.log(`RESULT ${JSON.stringify(measure(size))}`);
} else {
  main();
}
