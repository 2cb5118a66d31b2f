// Browser benchmark (not a test) for national scale: the bundled data's first frame and first
// coverage, then the national test set (`npm run data -- --scale national --out DIR`) loaded
// through the import panel, covered, and the map panned; then, on a fresh page, the same set
// with its points as GeoParquet (`--format parquet`). Prints each figure against the issue's
// budget; the import budgets are ratios to a bare `JSON.parse` of the same GeoJSON files in a
// worker, measured in the same run. A figure the app cannot reach (a crash, a time-out) is
// printed as such.
//
//   npx vite build --logLevel warn
//   npm run data -- --scale national --format parquet --out /tmp/national
//   NATIONAL=/tmp/national node test/bench/browser-national.mjs
//
// IMPORT_ONLY=1 leaves out the frames (zoom, pan, hover) for a run of the import budgets only.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { browserPath, CHROMIUM_ARGS } from '../browser/chromium.mjs';
import { screenOf } from '../browser/screen.mjs';
import { startPreview } from '../browser/server.mjs';
import { workerHeapProbe } from './worker-heap.mjs';

const FOLDER = process.env.NATIONAL ?? '/tmp/national';
const LIMIT_MS = Number(process.env.BENCH_LIMIT_MS ?? 600_000);
const IMPORT_ONLY = process.env.IMPORT_ONLY === '1';
const rows = [];
const say = (what, value, budget = '') => {
  rows.push([what, value, budget]);
  console.log(`${what.padEnd(52)} ${String(value).padEnd(26)} ${budget}`);
};
const ms = (t) => (t >= 10_000 ? `${(t / 1000).toFixed(1)} s` : `${Math.round(t)} ms`);

function files(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(geojson|json|csv)$/.test(name)) out.push(path);
    }
  };
  walk(root);
  return out;
}

/** The point files as GeoParquet where the folder has them beside their GeoJSON. */
const asParquet = (list) => list.map((f) => f.replace(/(hamlets|schools|towers)\.geojson$/, '$1.parquet')).map((f, i) => (existsSync(f) ? f : list[i]));

/** Hamlets in the folder's file (features counted in the text), as the coverage summary writes the total. */
function hamletTotal(list) {
  const path = list.find((f) => f.endsWith('hamlets.geojson'));
  const count = path ? (readFileSync(path, 'utf8').match(/"type"\s*:\s*"Feature"/g) ?? []).length : 0;
  return count.toLocaleString('vi-VN');
}

/**
 * The baseline of the import budgets: the files read as text and given to a bare `JSON.parse`
 * in a worker of the page, nothing kept. Milliseconds of read + parse, and of the parse only.
 */
async function bareParse(page, list) {
  await page.evaluate(() => {
    const input = Object.assign(document.createElement('input'), { type: 'file', multiple: true, id: 'bench-parse' });
    input.hidden = true;
    document.body.append(input);
  });
  await page.locator('#bench-parse').setInputFiles(list);
  return page.evaluate(async () => {
    const input = document.getElementById('bench-parse');
    const code = `onmessage = async (e) => {
      const t0 = performance.now(); let parse = 0;
      for (const file of e.data) { if (!/\\.(geo)?json$/.test(file.name)) continue; const text = await file.text(); const t = performance.now(); JSON.parse(text); parse += performance.now() - t; }
      postMessage({ total: performance.now() - t0, parse });
    };`;
    const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    const answer = await new Promise((resolve) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.postMessage([...input.files]);
    });
    worker.terminate();
    input.remove();
    return answer;
  });
}

/**
 * The floor of a GeoParquet import: the point files read and their columns decoded in a worker
 * by the app's own reader (parquet-floor.worker.ts), nothing checked, kept or covered.
 * Milliseconds, and the rows decoded.
 */
async function parquetFloor(page, list) {
  const bundled = await build({ entryPoints: [new URL('./parquet-floor.worker.ts', import.meta.url).pathname], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  await page.evaluate(() => {
    const input = Object.assign(document.createElement('input'), { type: 'file', multiple: true, id: 'bench-floor' });
    input.hidden = true;
    document.body.append(input);
  });
  await page.locator('#bench-floor').setInputFiles(list.filter((f) => f.endsWith('.parquet')));
  return page.evaluate(async (code) => {
    const input = document.getElementById('bench-floor');
    const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })), { type: 'module' });
    const answer = await new Promise((resolve, reject) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage([...input.files]);
    });
    worker.terminate();
    input.remove();
    return answer;
  }, bundled.outputFiles[0].text);
}

/** Files given to the import panel, checked, taken: times to the check and to the first figures (the hamlets' total shown). */
async function importToFigures(page, list, total) {
  const t1 = Date.now();
  await page.locator('[data-testid="import-panel"] input[type=file]').setInputFiles(list);
  await page.locator('[data-testid="import-result"], [data-testid="import-status"][data-phase="failed"]').first().waitFor({ timeout: LIMIT_MS });
  const checked = Date.now() - t1;
  // The worker's own time for the check (read, parse, validate, stage), the rest being the page's.
  const worker = Number(await page.locator('[data-testid="import-result"]').getAttribute('data-check-ms', { timeout: 1000 }).catch(() => NaN));
  const take = page.getByRole('button', { name: 'Nhập', exact: true });
  if ((await take.count()) === 0) return { checked, refused: (await page.getByTestId('import-panel').innerText()).slice(0, 300).replace(/\s+/g, ' ') };
  const t2 = Date.now();
  await take.click();
  await page.waitForFunction(
    (n) => (document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] dd')?.textContent ?? '').endsWith(`trên ${n})`),
    total,
    { timeout: LIMIT_MS, polling: 200 },
  );
  return { checked, worker, take: Date.now() - t2, figures: Date.now() - t1, t1 };
}

async function heap(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  return `${(used / 1048576).toFixed(0)} MiB`;
}

/** Frame times while the mouse wheel zooms in 20 steps and out 20 steps over the map's centre. */
async function zoomFrames(page, step = 120) {
  return page.evaluate(async (delta) => {
    const canvas = document.querySelector('.map canvas');
    const box = canvas.getBoundingClientRect();
    const times = [];
    let last = performance.now();
    for (let i = 0; i < 40; i++) {
      canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: i < 20 ? -delta : delta, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times.sort((a, b) => a - b);
  }, step);
}

/** Frame times while the mouse drags the map 30 steps of 8 px (events dispatched in the page). */
async function panFrames(page, sign = 1) {
  return page.evaluate(async (way) => {
    const canvas = document.querySelector('.map canvas');
    const box = canvas.getBoundingClientRect();
    const at = (i) => ({ clientX: box.x + box.width / 2 - way * i * 8, clientY: box.y + box.height / 2 - way * i * 4, bubbles: true, button: 0, buttons: 1 });
    canvas.dispatchEvent(new MouseEvent('mousedown', at(0)));
    const times = [];
    let last = performance.now();
    for (let i = 1; i <= 30; i++) {
      canvas.dispatchEvent(new MouseEvent('mousemove', at(i)));
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    canvas.dispatchEvent(new MouseEvent('mouseup', { ...at(30), buttons: 0 }));
    return times.sort((a, b) => a - b);
  }, sign);
}

const spread = (t) => `${ms(t[t.length >> 1])} / ${ms(t[t.length - 1])}`;
const settled = (page) => page.locator('[data-testid="map"][data-moving="false"]').waitFor({ state: 'attached', timeout: LIMIT_MS });

/** The first script and what it imports at once (modulepreload), gzip: what the first screen waits on. */
function firstScriptKb() {
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/<script type="module"[^>]*src="\.\/([^"]+)"|<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join('dist', f))).length, 0) / 1024;
}

const executablePath = browserPath();
if (!executablePath) throw new Error('no Chromium (set CHROMIUM_PATH or install chromium)');
if (!existsSync('dist/index.html')) throw new Error('no dist/: run npx vite build first');
const server = await startPreview();
const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--js-flags=--max-old-space-size=4096'] });
const errors = [];
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('crash', () => errors.push('the page crashed'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const t0 = Date.now();
  await page.goto(server.url);
  await page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 120_000 });
  const firstFrame = Number(await page.getByTestId('map').getAttribute('data-first-frame-ms'));
  say('bundled: navigation → first map frame drawn', ms(firstFrame), 'budget 2 s');
  say('bundled: navigation → map complete (idle)', ms(Date.now() - t0));
  await page.waitForFunction(() => document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] dd'));
  say('bundled: navigation → first coverage result', ms(Date.now() - t0), 'budget 3 s');
  say('bundled: JS heap (page)', await heap(cdp));
  const worker = await workerHeapProbe(cdp);
  const workerHeap = async () => {
    if (worker.error) return `n/a (${worker.error})`;
    const { usedSize } = await worker.heap();
    return `${(usedSize / 1048576).toFixed(0)} MiB`;
  };
  say('bundled: JS heap (data worker)', await workerHeap());
  const bundledFrames = await zoomFrames(page);
  say('bundled: zoom frames median / max', spread(bundledFrames), 'smooth: ≤ 33 ms');
  say('first script (with its preloads), gzip', `${firstScriptKb().toFixed(0)} KB`, 'budget 150 KB, map chunk lazy');

  if (!existsSync(FOLDER)) {
    say('national', `no folder ${FOLDER}`, 'make it with npm run data -- --scale national --out DIR');
  } else {
    const list = files(FOLDER);
    const bytes = list.reduce((sum, f) => sum + statSync(f).size, 0);
    say('national: files', `${list.length} files, ${(bytes / 1e6).toFixed(0)} MB`);
    const total = hamletTotal(list);
    // The baseline on a quiet page: after a load and the zoom frames above, Chromium's GPU
    // process goes on drawing for 2-3 s of CPU under software WebGL (0.5-1 s with software
    // compositing, test/browser/chromium.mjs), which would slow the bare parse and flatter
    // every ratio below.
    await page.waitForTimeout(5000);
    const parsed = await bareParse(page, list);
    say('national: bare JSON.parse in a worker (read + parse)', `${ms(parsed.total)} (parse ${ms(parsed.parse)})`, 'the baseline of the ratios below');
    const geojson = await importToFigures(page, list, total);
    say('national: files → checked (worker: read, parse, validate)', ms(geojson.checked));
    say('national: … of which the worker\'s check', ms(geojson.worker), 'its ratio to the bare parse: ' + (geojson.worker / parsed.total).toFixed(2) + '×');
    say('national: JS heap (page) after the check', await heap(cdp));
    if (geojson.refused) {
      say('national: import', geojson.refused);
    } else {
      const t1 = geojson.t1;
      say('national: Import → first coverage result', ms(geojson.take));
      say('national: files → covered, in all', ms(geojson.figures), 'budget 15 s');
      say('national: GeoJSON → first figures / bare JSON.parse', `${(geojson.figures / parsed.total).toFixed(2)}×`, 'budget ≤ 1.5×');
      await page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: LIMIT_MS });
      say('national: files → map drawn', ms(Date.now() - t1));
      say('national: JS heap (page) after load', await heap(cdp), 'budget 1.5 GB');
      if (!worker.error) await worker.gc();
      say('national: JS heap (data worker) after load', await workerHeap(), 'budget ≤ 400 MB');
    }
    if (!geojson.refused && !IMPORT_ONLY) {
      // Zoomed out as far as the map goes: the country as coverage per cell.
      await page.getByTestId('map').scrollIntoViewIfNeeded();
      await zoomFrames(page, 400);
      await settled(page);
      const mode = await page.getByTestId('map').getAttribute('data-point-mode');
      say(`national: zoom frames at zoom ${await page.getByTestId('map').getAttribute('data-zoom')} (${mode})`, spread(await zoomFrames(page, 60)), 'smooth: ≤ 33 ms');
      await page.waitForTimeout(500);
      await settled(page);
      // A gap framed from the register: points drawn for the view only.
      const row = page.locator('[data-testid="gap-register"] tbody tr[data-gap]').first();
      const name = (await row.locator('td').first().innerText()).trim();
      await row.getByRole('button').first().click();
      await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-point-mode') === 'points', undefined, { timeout: 60_000, polling: 250 }).catch(async (error) => {
        const map = page.getByTestId('map');
        throw new Error(`no points after framing a gap (mode ${await map.getAttribute('data-point-mode')}, zoom ${await map.getAttribute('data-zoom')}): ${error.message.split('\n')[0]}`);
      });
      await settled(page);
      await page.getByTestId('map').scrollIntoViewIfNeeded();
      const drawn = await page.getByTestId('map').getAttribute('data-drawn');
      say(`national: pan frames at zoom 12, ${drawn} points drawn, radius discs on`, spread(await panFrames(page)), 'smooth: ≤ 33 ms');
      await settled(page);
      await page.locator('input[data-layer="towerRadius"]').click();
      say('national: pan frames at zoom 12, radius discs off', spread(await panFrames(page, -1)), 'smooth: ≤ 33 ms');
      await settled(page);
      const [lon, lat] = (await page.getByTestId('selection').getAttribute('data-lonlat')).split(',').map(Number);
      const at = await screenOf(page, lon, lat);
      const t3 = Date.now();
      await page.mouse.move(at.x, at.y);
      await page.locator('.tooltip').waitFor({ timeout: 10_000 });
      const named = (await page.locator('.tooltip strong').innerText()).trim();
      say('national: hover → tooltip of the framed gap', `${ms(Date.now() - t3)}, ${named === name ? 'right point' : `WRONG: ${named} ≠ ${name}`}`);
      say('national: JS heap (page) at the end', await heap(cdp), 'budget 1.5 GB');
    }
    const parquet = asParquet(list);
    if (parquet.every((f, i) => f === list[i])) {
      say('national: GeoParquet', 'no .parquet files in the folder', 'make them with npm run data -- --scale national --format parquet');
    } else {
      // A fresh page: nothing of the GeoJSON run is left in its worker.
      await page.close();
      const fresh = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
      fresh.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await fresh.goto(server.url);
      await fresh.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 120_000 });
      const bytesIn = parquet.reduce((sum, f) => sum + statSync(f).size, 0);
      const floor = await parquetFloor(fresh, parquet).catch((error) => ({ error: error.message }));
      if (floor.error) say('national: GeoParquet read + decode only (the floor)', `n/a (${floor.error})`);
      else say(`national: GeoParquet read + decode only, ${floor.rows} rows (the floor)`, `${ms(floor.total)} = ${(floor.total / parsed.total).toFixed(2)}×`, 'no checks, records or coverage');
      const run = await importToFigures(fresh, parquet, total);
      if (run.refused) say('national: GeoParquet import', run.refused);
      else {
        say(`national: GeoParquet files (${(bytesIn / 1e6).toFixed(0)} MB) → checked`, ms(run.checked));
        say('national: GeoParquet files → first figures', ms(run.figures));
        say('national: GeoParquet → first figures / bare JSON.parse', `${(run.figures / parsed.total).toFixed(2)}×`, 'budget ≤ 0.3×');
        const cdp2 = await fresh.context().newCDPSession(fresh);
        const probe = await workerHeapProbe(cdp2);
        if (!probe.error) await probe.gc();
        say('national: JS heap (data worker) after the GeoParquet load', probe.error ? `n/a (${probe.error})` : `${((await probe.heap()).usedSize / 1048576).toFixed(0)} MiB`, 'budget ≤ 400 MB');
      }
    }
  }
} catch (error) {
  say('stopped', error instanceof Error ? error.message.split('\n')[0] : String(error));
} finally {
  if (errors.length) say('errors', errors.slice(0, 5).join(' | '));
  await browser.close();
  server.stop();
}
