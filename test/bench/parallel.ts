// `npm run bench` (last part): does splitting one coverage pass over worker threads pay, on
// this machine's cores? 1M points × 100k towers (data.ts, Vietnam's box), all towers on air:
// one thread against k threads that each hold the towers (sent once, as in a worker pool)
// and classify an equal slice of the points per pass (slices copied there, answers moved
// back). Medians of a few passes after a warm-up. A benchmark, not a test.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { onAirTowers, type PointColumns } from '../../src/domain/coverage/columns.ts';
import { classify } from '../../src/domain/coverage/classify.ts';
import { randomPoints, randomTowers, VIETNAM } from './data.ts';
import { median, time } from './measure.ts';

const POINTS = 1_000_000;
const TOWERS = 100_000;
const RUNS = 5;

const points = randomPoints(11, POINTS, VIETNAM);
const towers = onAirTowers(randomTowers(12, TOWERS, VIETNAM), 'planned');

function slice(p: PointColumns, from: number, to: number): PointColumns {
  return { count: to - from, lon: p.lon.slice(from, to), lat: p.lat.slice(from, to), fixedBroadband: p.fixedBroadband.slice(from, to) };
}

async function pool(k: number): Promise<{ pass: () => Promise<Uint8Array>; close: () => Promise<void> }> {
  // The worker is TypeScript: tsx's loader is registered in it first.
  const script = new URL('./parallel-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); })`;
  const workers = Array.from({ length: k }, () => new Worker(boot, { eval: true }));
  const once = (w: Worker) => new Promise<unknown>((resolve) => w.once('message', resolve));
  await Promise.all(workers.map((w) => (w.postMessage({ towers }), once(w))));
  const bounds = Array.from({ length: k + 1 }, (_, j) => Math.round((j * POINTS) / k));
  return {
    pass: async () => {
      const answers = await Promise.all(
        workers.map((w, j) => {
          const answer = once(w);
          w.postMessage({ points: slice(points, bounds[j] as number, bounds[j + 1] as number) });
          return answer as Promise<{ level: Uint8Array }>;
        }),
      );
      const level = new Uint8Array(POINTS);
      answers.forEach((a, j) => level.set(a.level, bounds[j] as number));
      return level;
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

const cores = availableParallelism();
console.log(`\nparallel coverage pass: ${POINTS.toLocaleString('en')} points × ${TOWERS.toLocaleString('en')} towers, ${cores} cores`);
const one = classify(points, towers).level;
const single = median(Array.from({ length: RUNS }, () => time(() => classify(points, towers))));
console.log(`  1 thread (in place)      ${single.toFixed(0).padStart(6)} ms`);
for (const k of [...new Set([2, cores])].filter((n) => n >= 2)) {
  const p = await pool(k);
  const check = await p.pass();
  if (check.some((v, i) => v !== one[i])) throw new Error(`${k} threads gave other levels than one`);
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    await p.pass();
    times.push(performance.now() - start);
  }
  await p.close();
  const t = median(times);
  console.log(`  ${k} threads (slices)       ${t.toFixed(0).padStart(6)} ms   × ${(single / t).toFixed(2)} vs one thread`);
}
