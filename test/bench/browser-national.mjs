// Browser benchmark (not a test) for national scale: the bundled data's first frame and first
// coverage, then the national test set (`npm run data -- --scale national --out DIR`) loaded
// through the import panel, covered, and the map panned. Prints each figure against the
// issue's budget; a figure the app cannot reach (a crash, a time-out) is printed as such.
//
//   npx vite build --logLevel warn
//   npm run data -- --scale national --out /tmp/national
//   NATIONAL=/tmp/national node test/bench/browser-national.mjs
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { browserPath, CHROMIUM_ARGS } from '../browser/chromium.mjs';
import { startPreview } from '../browser/server.mjs';

const FOLDER = process.env.NATIONAL ?? '/tmp/national';
const LIMIT_MS = Number(process.env.BENCH_LIMIT_MS ?? 600_000);
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

async function heap(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  return `${(used / 1048576).toFixed(0)} MiB`;
}

/** Frame times while the mouse wheel zooms in 20 steps and out 20 steps over the map's centre. */
async function zoomFrames(page) {
  return page.evaluate(async () => {
    const canvas = document.querySelector('.map canvas');
    const box = canvas.getBoundingClientRect();
    const times = [];
    let last = performance.now();
    for (let i = 0; i < 40; i++) {
      canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: i < 20 ? -120 : 120, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times.sort((a, b) => a - b);
  });
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
  say('bundled: navigation → first map frame (idle)', ms(Date.now() - t0), 'budget 2 s');
  await page.waitForFunction(() => document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] dd'));
  say('bundled: navigation → first coverage result', ms(Date.now() - t0), 'budget 3 s');
  say('bundled: JS heap (page)', await heap(cdp));
  const bundledFrames = await zoomFrames(page);
  say('bundled: zoom frames median / max', `${ms(bundledFrames[bundledFrames.length >> 1])} / ${ms(bundledFrames[bundledFrames.length - 1])}`, 'smooth: ≤ 33 ms');

  if (!existsSync(FOLDER)) {
    say('national', `no folder ${FOLDER}`, 'make it with npm run data -- --scale national --out DIR');
  } else {
    const list = files(FOLDER);
    const bytes = list.reduce((sum, f) => sum + statSync(f).size, 0);
    say('national: files', `${list.length} files, ${(bytes / 1e6).toFixed(0)} MB`);
    const t1 = Date.now();
    await page.locator('[data-testid="import-panel"] input[type=file]').setInputFiles(list);
    await page.locator('[data-testid="import-result"], [data-testid="import-status"][data-phase="failed"]').first().waitFor({ timeout: LIMIT_MS });
    say('national: files → checked (worker: read, parse, validate)', ms(Date.now() - t1));
    say('national: JS heap (page) after the check', await heap(cdp));
    const take = page.getByRole('button', { name: 'Nhập', exact: true });
    if ((await take.count()) === 0) {
      say('national: import', (await page.getByTestId('import-panel').innerText()).slice(0, 300).replace(/\s+/g, ' '));
    } else {
      const t2 = Date.now();
      await take.click();
      await page.waitForFunction(() => /trên 900\.000\)$/.test(document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] dd')?.textContent ?? ''), undefined, { timeout: LIMIT_MS, polling: 500 });
      say('national: Import → first coverage result', ms(Date.now() - t2));
      say('national: files → covered, in all', ms(Date.now() - t1), 'budget 15 s');
      await page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: LIMIT_MS });
      say('national: files → map drawn', ms(Date.now() - t1));
      say('national: JS heap (page) after load', await heap(cdp), 'budget 1.5 GB');
      const frames = await zoomFrames(page);
      say('national: zoom frames median / max', `${ms(frames[frames.length >> 1])} / ${ms(frames[frames.length - 1])}`, 'smooth: ≤ 33 ms');
    }
  }
} catch (error) {
  say('stopped', error instanceof Error ? error.message.split('\n')[0] : String(error));
} finally {
  if (errors.length) say('errors', errors.slice(0, 5).join(' | '));
  await browser.close();
  server.stop();
}
