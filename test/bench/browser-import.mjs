// Browser benchmark (not a test): a ~50 MB hamlets GeoJSON imported through the import panel of
// the production build in headless Chromium, then the gap register scrolled. Prints figures.
//
//   npx vite build --logLevel warn   # once, when dist/ is missing or stale
//   npm run bench:browser            # BENCH_MB=50 BENCH_SEED=20240601 BENCH_KEEP=1 to keep the file
//
// Timings of what happens in the page come from the page's own clock (performance.now()),
// stamped by a MutationObserver the moment the DOM changes, so short phases are not missed.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { browserPath, CHROMIUM_ARGS } from '../browser/chromium.mjs';
import { startPreview } from '../browser/server.mjs';
import { writeBigHamlets } from './big-geojson.mjs';
import { workerHeapProbe } from './worker-heap.mjs';

const MB = Number(process.env.BENCH_MB ?? 50);
const SEED = Number(process.env.BENCH_SEED ?? 20240601);
const MIN = 60_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SCROLL_STEPS = 200;
const SCROLL_PX = 800;

const fmtMs = (ms) => (ms === undefined || ms === null || Number.isNaN(ms) ? 'n/a' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtMB = (bytes) => (bytes === undefined || bytes === null || !Number.isFinite(bytes) ? 'n/a' : `${(bytes / 1048576).toFixed(0)} MiB`);
const digits = (s) => Number(String(s).replace(/\D/g, ''));
const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Sum of VmRSS over the Chromium processes this script started and their descendants (Linux /proc). */
function chromiumRss() {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const tree = new Set();
  for (const [pid, ppid] of parent) {
    if (ppid !== process.pid) continue;
    try {
      if (/chrom/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) tree.add(pid);
    } catch {
      // gone
    }
  }
  if (tree.size === 0) return undefined;
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // gone
    }
  }
  return kb * 1024;
}

/** Installed in the page: stamps every change of the watched DOM states with performance.now(). */
function installRecorder() {
  const bench = { events: [], longtasks: [], last: {} };
  window.__bench = bench;
  const rec = (kind, value) => {
    if (bench.last[kind] === value) return;
    bench.last[kind] = value;
    bench.events.push({ t: performance.now(), kind, value });
  };
  const text = (sel) => document.querySelector(sel)?.textContent ?? null;
  const check = () => {
    const status = document.querySelector('[data-testid="import-status"]');
    rec('phase', status?.getAttribute('data-phase') ?? null);
    rec('status', status?.textContent ?? null);
    rec('result', document.querySelector('[data-testid="import-result"]') ? 'shown' : 'none');
    rec('issues', document.querySelector('[data-testid="import-issues"]') ? 'shown' : 'none');
    rec('hamlets', text('[data-testid="coverage-summary"] [data-figure="hamlets"] dd'));
    rec('gaps', text('[data-testid="gaps-count"]'));
    rec('mapReady', document.querySelector('[data-map-ready]')?.getAttribute('data-map-ready') ?? null);
  };
  check();
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-phase', 'data-map-ready'] });
  document.addEventListener('change', (e) => e.target?.type === 'file' && bench.events.push({ t: performance.now(), kind: 'input-change', value: String(e.target.files?.length) }), true);
  document.addEventListener('click', (e) => bench.events.push({ t: performance.now(), kind: 'click', value: e.target?.closest?.('button,label,input')?.textContent?.trim() || e.target?.value || '' }), true);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longtasks.push({ t: entry.startTime, d: entry.duration });
    }).observe({ type: 'longtask' });
  } catch {
    // no longtask support
  }
}

async function main() {
  const executablePath = browserPath();
  if (!executablePath) throw new Error('No Chromium: set CHROMIUM_PATH or install /usr/bin/chromium');
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npx vite build --logLevel warn` first');

  const gen = writeBigHamlets({ targetBytes: MB * 1e6, seed: SEED });
  console.log(`generated ${gen.path}: ${gen.features} features, ${(gen.bytes / 1e6).toFixed(1)} MB in ${fmtMs(gen.ms)} (seed ${SEED})`);

  const errors = [];
  const blocked = [];
  const heapSamples = []; // { t: Date.now(), stage, used, total, wUsed, wTotal, rss }
  let stage = 'load';
  let server;
  let browser;
  let poller;
  const fig = {}; // figures for the table
  const notes = [];
  let crashed;
  const crash = new Promise((_, reject) => (crashed = reject));
  crash.catch(() => {});
  const guard = (p) => Promise.race([p, crash]);

  try {
    server = await startPreview();
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 2 * MIN });
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (LOOPBACK.has(url.hostname)) return route.continue();
      blocked.push(url.href);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.setDefaultTimeout(5 * MIN);
    page.on('pageerror', (error) => errors.push(`[${stage}] pageerror: ${error.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`[${stage}] console: ${m.text()}`));
    page.on('crash', () => {
      errors.push(`[${stage}] page crashed (renderer gone)`);
      crashed(new Error(`page crashed during ${stage}`));
    });
    page.on('worker', (w) => {
      w.on('close', () => /data\.worker/.test(w.url()) && errors.push(`[${stage}] data worker closed`));
    });

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const pageHeap = async () => {
      const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
      return { used: m.JSHeapUsedSize, total: m.JSHeapTotalSize };
    };

    const loadStart = Date.now();
    await page.goto(server.url);
    await guard(page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 3 * MIN }));
    fig.firstMapReady = Date.now() - loadStart;

    const worker = await workerHeapProbe(cdp);
    if (worker.error) notes.push(`worker heap not measured: ${worker.error}`);
    fig.workerHeap = !worker.error;

    // Heap poller: every 250 ms, skipping a tick while the previous answer is still owed.
    let busy = false;
    poller = setInterval(async () => {
      if (busy) return;
      busy = true;
      const sample = { t: Date.now(), stage };
      try {
        const timed = (f) => {
          const start = Date.now();
          return f().then((r) => ({ r, ms: Date.now() - start }), () => ({ ms: Date.now() - start }));
        };
        const [pt, wt] = await Promise.all([timed(pageHeap), worker.heap ? timed(worker.heap) : { ms: 0 }]);
        const p = pt.r;
        const w = wt.r;
        sample.pageMs = pt.ms;
        sample.workerMs = wt.ms;
        if (p) Object.assign(sample, p);
        if (w) Object.assign(sample, { wUsed: w.usedSize, wTotal: w.totalSize });
        sample.rss = chromiumRss();
        sample.answeredMs = Date.now() - sample.t;
        heapSamples.push(sample);
      } finally {
        busy = false;
      }
    }, 250);
    const snapshot = async (gc) => {
      if (gc) {
        await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
        if (worker.gc) await worker.gc().catch(() => {});
      }
      const p = await pageHeap();
      const w = worker.heap ? await worker.heap().catch(() => undefined) : undefined;
      return { ...p, wUsed: w?.usedSize, wTotal: w?.totalSize, rss: chromiumRss() };
    };

    await page.evaluate(installRecorder);
    await sleep(1000);
    fig.heapBefore = await snapshot(false);
    const before = await page.evaluate(() => ({ ...window.__bench.last }));
    fig.hamletsBefore = before.hamlets;
    fig.gapsBefore = before.gaps;

    // 1. Pick the file: read + stage + validate in the worker, until the result shows.
    stage = 'check';
    const t0 = await page.evaluate(() => (window.__bench.t0 = performance.now()));
    await page.setInputFiles('[data-testid="import-panel"] input[type=file]', gen.path);
    await guard(
      page.waitForFunction(() => document.querySelector('[data-testid="import-result"]') || document.querySelector('[data-testid="import-status"]')?.getAttribute('data-phase') === 'failed', undefined, {
        timeout: 5 * MIN,
        polling: 250,
      }),
    );
    const checkedPhase = await page.getByTestId('import-status').getAttribute('data-phase');
    if (checkedPhase === 'failed') throw new Error(`import check failed: ${await page.getByTestId('import-status').innerText()}`);
    const resultText = await page.getByTestId('import-result').innerText();
    fig.resultLines = resultText.split('\n').filter((l) => /dòng hợp lệ|lỗi|cảnh báo|error|warning/i.test(l));
    fig.issuesShown = await page.locator('[data-testid="import-issues"] li').count();
    fig.issueTexts = fig.issuesShown ? (await page.locator('[data-testid="import-issues"] li').allInnerTexts()).slice(0, 3) : [];

    // 2. Take it: coverage summary, gap register, map.
    stage = 'commit';
    const importButton = page.getByRole('button', { name: 'Nhập', exact: true });
    if ((await importButton.count()) === 0) throw new Error(`no "Nhập" button: the check refused the file.\n${resultText.slice(0, 2000)}`);
    const tClickNode = Date.now();
    await importButton.click();
    await guard(
      page.waitForFunction(
        (n) => {
          const dd = document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] dd')?.textContent ?? '';
          const m = /trên ([\d.,\s\u00a0]+)\)$/.exec(dd);
          return (m && Number(m[1].replace(/\D/g, '')) === n) || document.querySelector('[data-testid="import-status"]')?.getAttribute('data-phase') === 'failed';
        },
        gen.features,
        { timeout: 5 * MIN, polling: 250 },
      ),
    );
    const gapsOldTotal = digits(String(fig.gapsBefore).split('trên')[1] ?? '');
    await guard(
      page.waitForFunction(
        (old) => {
          const m = /trên ([\d.,\s\u00a0]+) điểm/.exec(document.querySelector('[data-testid="gaps-count"]')?.textContent ?? '');
          const total = m ? Number(m[1].replace(/\D/g, '')) : 0;
          return total > 0 && total !== old;
        },
        gapsOldTotal,
        { timeout: 5 * MIN, polling: 250 },
      ),
    );
    const mapBack = await guard(
      page
        .locator('[data-map-ready="true"]')
        .waitFor({ state: 'attached', timeout: 3 * MIN })
        .then(() => true, () => false),
    );
    if (!mapBack) notes.push('map not ready again within 3 min after the import');
    stage = 'settle';
    await sleep(5000); // saveImport to IndexedDB runs after import-done; a failure would show as phase "failed"
    fig.commitNodeMs = Date.now() - tClickNode;
    fig.heapAfter = await snapshot(false);
    fig.heapAfterGc = await snapshot(true);

    // 3. Scenario "as recorded" (Trạm như trong hồ sơ): how long the register takes to follow.
    stage = 'scenario';
    const gapsBeforeScenario = await page.getByTestId('gaps-count').innerText();
    const tScenario = await page.evaluate(() => performance.now());
    await page.getByRole('radio', { name: 'Trạm như trong hồ sơ (chưa tính nâng cấp)' }).check();
    const changed = await guard(
      page
        .waitForFunction((old) => document.querySelector('[data-testid="gaps-count"]')?.textContent !== old, gapsBeforeScenario, { timeout: 2 * MIN, polling: 100 })
        .then(() => true, () => false),
    );
    await sleep(1000);
    const scenarioEvents = await page.evaluate((t) => window.__bench.events.filter((e) => e.t >= t), tScenario);
    const scenarioGaps = scenarioEvents.filter((e) => e.kind === 'gaps');
    fig.scenarioGaps = await page.getByTestId('gaps-count').innerText();
    fig.scenarioMs = changed && scenarioGaps.length ? scenarioGaps.at(-1).t - tScenario : undefined;
    if (!changed) notes.push(`gap count did not change on the as-recorded scenario within 2 min (${gapsBeforeScenario})`);
    fig.tScenario = tScenario;
    fig.tScenarioGaps = changed && scenarioGaps.length ? scenarioGaps.at(-1).t : undefined;
    // Before scrolling, wait until frames come steadily again (the map redraws its points for the new scenario).
    fig.settle = await page.evaluate(async (limitMs) => {
      const raf = () => new Promise((r) => requestAnimationFrame(r));
      const start = performance.now();
      let prev = await raf();
      let calm = 0;
      let slowest = 0;
      while (calm < 20 && performance.now() - start < limitMs) {
        const t = await raf();
        slowest = Math.max(slowest, t - prev);
        calm = t - prev < 50 ? calm + 1 : 0;
        prev = t;
      }
      return { ms: performance.now() - start, calm: calm >= 20, slowest, at: start };
    }, 60_000);

    // 4. Scroll the register.
    stage = 'scroll';
    const scroll = await page.evaluate(
      async ({ steps, px }) => {
        const el = document.querySelector('.gap-scroll');
        const raf = () => new Promise((r) => requestAnimationFrame(r));
        const ROW = 32;
        const drawn = () => !!el.querySelector(`tr[aria-rowindex="${Math.floor(el.scrollTop / ROW) + 2}"]`);
        el.scrollTop = 0;
        await raf();
        await raf();
        const frames = [];
        let stale = 0;
        let prev = await raf();
        const longBefore = window.__bench.longtasks.length;
        const t0 = performance.now();
        for (let i = 0; i < steps; i++) {
          el.scrollTop += px;
          const t = await raf();
          frames.push(t - prev);
          prev = t;
          if (!drawn()) stale += 1;
        }
        const sweepMs = performance.now() - t0;
        // Jumps: frames until the rows at a new position are in the DOM.
        const jumps = [];
        for (let i = 0; i < 40; i++) {
          const top = Math.floor(((i * 7919) % 40) / 40 * (el.scrollHeight - el.clientHeight));
          const start = performance.now();
          el.scrollTop = top;
          let n = 0;
          while (!drawn() && n < 60) {
            await raf();
            n += 1;
          }
          jumps.push({ frames: n, ms: performance.now() - start, ok: drawn() });
        }
        const table = el.querySelector('table');
        return {
          frames,
          slow: frames.map((d, i) => ({ i, d })).filter((f) => f.d > 50).map((f) => `#${f.i} ${Math.round(f.d)} ms`),
          stale,
          sweepMs,
          jumps,
          rows: Number(table?.getAttribute('aria-rowcount') ?? 1) - 1,
          domRows: el.querySelectorAll('tr[data-gap]').length,
          scrollHeight: el.scrollHeight,
          reachedTop: el.scrollTop,
          longtasks: window.__bench.longtasks.slice(longBefore),
        };
      },
      { steps: SCROLL_STEPS, px: SCROLL_PX },
    );
    stage = 'done';
    clearInterval(poller);
    poller = undefined;
    fig.heapEnd = await snapshot(false);

    // Derive the figures from the page's event log.
    const bench = await page.evaluate(() => window.__bench);
    const ev = bench.events.filter((e) => e.t >= t0);
    const first = (pred, from = t0) => ev.find((e) => e.t >= from && pred(e));
    const change = first((e) => e.kind === 'input-change');
    const resultShown = first((e) => e.kind === 'result' && e.value === 'shown');
    const click = first((e) => e.kind === 'click' && e.value === 'Nhập');
    const tClick = click?.t;
    const hamletsNew = first((e) => e.kind === 'hamlets' && /trên ([\d.,\s\u00a0]+)\)$/.test(e.value) && digits(/trên ([\d.,\s\u00a0]+)\)$/.exec(e.value)[1]) === gen.features, tClick);
    const gapsNew = first((e) => {
      if (e.kind !== 'gaps') return false;
      const total = digits((/trên ([\d.,\s\u00a0]+) điểm/.exec(e.value) ?? [])[1] ?? '');
      return total > 0 && total !== gapsOldTotal;
    }, tClick);
    const mapReadyAgain = first((e) => e.kind === 'mapReady' && e.value === 'true', first((e) => e.kind === 'mapReady' && e.value !== 'true', tClick)?.t ?? Infinity);
    const doneAt = first((e) => e.kind === 'phase' && e.value === 'done', tClick);
    const phases = [];
    for (const e of ev) if (e.kind === 'phase' && phases.at(-1)?.phase !== e.value) phases.push({ phase: e.value, t: e.t });
    const statusTexts = ev.filter((e) => e.kind === 'status' && e.t < (tClick ?? Infinity) && /MB|KB/.test(e.value ?? ''));
    const lt = (from, to) => {
      const list = bench.longtasks.filter((x) => x.t >= from && x.t < to);
      return { n: list.length, sum: list.reduce((a, x) => a + x.d, 0), max: Math.max(0, ...list.map((x) => x.d)) };
    };
    const peak = (stages, key) => Math.max(-Infinity, ...heapSamples.filter((s) => stages.includes(s.stage) && s[key] !== undefined).map((s) => s[key]));
    const sorted = [...scroll.frames].sort((a, b) => a - b);
    const jumpFrames = scroll.jumps.map((j) => j.frames).sort((a, b) => a - b);
    const jumpMs = scroll.jumps.map((j) => j.ms).sort((a, b) => a - b);

    const rows = [];
    const row = (label, value) => rows.push([label, value]);
    const sect = (label) => rows.push([`— ${label}`, '']);
    sect('input');
    row('file', `${gen.features.toLocaleString('en')} hamlets, ${(gen.bytes / 1e6).toFixed(1)} MB`);
    row('first load to map ready', fmtMs(fig.firstMapReady));
    row('before: coverage hamlets / gaps', `${fig.hamletsBefore} / ${fig.gapsBefore}`);
    sect('check (setInputFiles → import-result)');
    row('setInputFiles → input change event', fmtMs(change && change.t - t0));
    for (let i = 0; i < phases.length; i++) {
      const p = phases[i];
      const next = phases[i + 1];
      if (p.t >= (tClick ?? Infinity)) break;
      row(`  phase "${p.phase}"`, `at +${fmtMs(p.t - t0)}${next && next.t <= (tClick ?? Infinity) ? `, lasted ${fmtMs(next.t - p.t)}` : ''}`);
    }
    row('  progress updates seen (reading)', `${statusTexts.length}${statusTexts.length ? ` (last: "${statusTexts.at(-1).value}")` : ''}`);
    row('setInputFiles → import-result visible', fmtMs(resultShown && resultShown.t - t0));
    for (const line of fig.resultLines) row('  result', line);
    row('  issues listed (first 100 shown)', String(fig.issuesShown));
    for (const text of fig.issueTexts) row('    issue', text.slice(0, 160));
    const ltCheck = lt(t0, resultShown?.t ?? Infinity);
    row('  main-thread long tasks during check', `${ltCheck.n}, total ${fmtMs(ltCheck.sum)}, max ${fmtMs(ltCheck.max)}`);
    sect('commit (click "Nhập" → …)');
    row('→ phase "done"', fmtMs(doneAt && doneAt.t - tClick));
    row('→ coverage summary shows new total', `${fmtMs(hamletsNew && hamletsNew.t - tClick)}  (${hamletsNew?.value ?? 'not seen'})`);
    row('→ gaps-count shows new total', `${fmtMs(gapsNew && gapsNew.t - tClick)}  (${gapsNew?.value ?? 'not seen'})`);
    row('  register after coverage result', fmtMs(gapsNew && hamletsNew && gapsNew.t - hamletsNew.t));
    row('→ map ready again', fmtMs(mapReadyAgain && mapReadyAgain.t - tClick));
    const ltCommit = lt(tClick ?? Infinity, (mapReadyAgain ?? gapsNew)?.t ?? Infinity);
    row('  main-thread long tasks during commit', `${ltCommit.n}, total ${fmtMs(ltCommit.sum)}, max ${fmtMs(ltCommit.max)}`);
    row('  import status after 5 s settle', (bench.last.status ?? '').slice(0, 120));
    sect("scenario as recorded");
    row('radio → gaps-count updated', `${fmtMs(fig.scenarioMs)}  (${fig.scenarioGaps})`);
    const ltScenario = lt(fig.tScenario, fig.tScenarioGaps ?? fig.tScenario + 5000);
    row('  main-thread long tasks until then', `${ltScenario.n}, total ${fmtMs(ltScenario.sum)}, max ${fmtMs(ltScenario.max)}`);
    const ltSettle = lt(fig.settle.at, fig.settle.at + fig.settle.ms);
    row('  then until frames steady (20 < 50 ms)', `${fmtMs(fig.settle.ms)}${fig.settle.calm ? '' : ' (never steady within 60 s)'}, slowest frame ${fmtMs(fig.settle.slowest)}, long tasks ${ltSettle.n} (max ${fmtMs(ltSettle.max)})`);
    sect(`scroll .gap-scroll (${SCROLL_STEPS} × ${SCROLL_PX} px, rAF between)`);
    row('rows in register (aria-rowcount − 1)', `${scroll.rows.toLocaleString('en')} (scrollHeight ${scroll.scrollHeight.toLocaleString('en')} px, ${scroll.domRows} rows in DOM)`);
    row('frame time median / p95 / max', `${sorted.length ? quantile(sorted, 0.5).toFixed(1) : 'n/a'} / ${quantile(sorted, 0.95).toFixed(1)} / ${sorted.at(-1)?.toFixed(1)} ms (${sorted.length} frames, sweep ${fmtMs(scroll.sweepMs)})`);
    row('frames > 50 ms', `${scroll.slow.length}${scroll.slow.length ? ` (${scroll.slow.slice(0, 8).join(', ')})` : ''}`);
    row('frames whose rows were not yet in DOM at rAF', `${scroll.stale} / ${sorted.length}`);
    row('jump → rows in DOM: frames median / max', `${quantile(jumpFrames, 0.5)} / ${jumpFrames.at(-1)} (ms median ${quantile(jumpMs, 0.5).toFixed(1)}, max ${jumpMs.at(-1).toFixed(1)}; ${scroll.jumps.filter((j) => !j.ok).length} never drawn)`);
    row('long tasks during scroll', `${scroll.longtasks.length}, max ${fmtMs(Math.max(0, ...scroll.longtasks.map((x) => x.d)))}`);
    sect('memory (page = main-thread JS heap, CDP Performance.getMetrics)');
    const heapRow = (label, h) => row(label, `page ${fmtMB(h.used)} used / ${fmtMB(h.total)} total · worker ${fig.workerHeap ? `${fmtMB(h.wUsed)} / ${fmtMB(h.wTotal)}` : 'n/a'} · chromium RSS ${fmtMB(h.rss)}`);
    heapRow('before import', fig.heapBefore);
    row('peak during check (250 ms polls)', `page ${fmtMB(peak(['check'], 'used'))} / ${fmtMB(peak(['check'], 'total'))} · worker ${fig.workerHeap ? `${fmtMB(peak(['check'], 'wUsed'))} / ${fmtMB(peak(['check'], 'wTotal'))}` : 'n/a'} · RSS ${fmtMB(peak(['check'], 'rss'))}`);
    row('peak during commit', `page ${fmtMB(peak(['commit', 'settle'], 'used'))} / ${fmtMB(peak(['commit', 'settle'], 'total'))} · worker ${fig.workerHeap ? `${fmtMB(peak(['commit', 'settle'], 'wUsed'))} / ${fmtMB(peak(['commit', 'settle'], 'wTotal'))}` : 'n/a'} · RSS ${fmtMB(peak(['commit', 'settle'], 'rss'))}`);
    heapRow('after import (settled)', fig.heapAfter);
    heapRow('after import + forced GC', fig.heapAfterGc);
    heapRow('end (after scenario + scroll)', fig.heapEnd);
    const polls = heapSamples.filter((s) => s.stage === 'check' || s.stage === 'commit');
    row('heap polls answered (check+commit)', `${polls.length}; slowest answer: page ${fmtMs(Math.max(0, ...polls.map((s) => s.pageMs)))}, worker ${fmtMs(Math.max(0, ...polls.map((s) => s.workerMs)))}`);
    sect('errors');
    row('page/console errors', errors.length ? String(errors.length) : 'none');
    row('blocked non-loopback requests', String(blocked.length));

    const width = Math.max(...rows.map(([l]) => l.length));
    console.log('');
    for (const [l, v] of rows) console.log(v === '' ? `\n${l}` : `${l.padEnd(width)}  ${v}`);
    for (const e of errors.slice(0, 30)) console.log(`  ${e}`);
    for (const n of notes) console.log(`note: ${n}`);

    // What limited them.
    const ltScroll = Math.max(0, ...scroll.longtasks.map((x) => x.d));
    const gpuBound = fig.settle.slowest > 2 * Math.max(ltSettle.max, 50);
    console.log(
      `\nLimited by: check ${fmtMs(resultShown && resultShown.t - t0)} = worker-bound (read+parse+validate off the main thread: ${ltCheck.n} main-thread long tasks); ` +
        `commit → register ${fmtMs(gapsNew && gapsNew.t - tClick)} = worker coverage then main thread (${ltCommit.n} long tasks, ${fmtMs(ltCommit.sum)}, max ${fmtMs(ltCommit.max)}), map ready at ${fmtMs(mapReadyAgain && mapReadyAgain.t - tClick)}; ` +
        `scenario switch ${fmtMs(fig.scenarioMs)} (main-thread long tasks ${fmtMs(ltScenario.sum)}), then ${gpuBound ? `map redraw on the GPU process (frames up to ${fmtMs(fig.settle.slowest)} with no main-thread task that long)` : `frames up to ${fmtMs(fig.settle.slowest)}`}; ` +
        `scroll p95 ${quantile(sorted, 0.95).toFixed(1)} ms vs 16.7 ms at 60 Hz (long tasks up to ${fmtMs(ltScroll)}), rows follow a scroll one frame late (React renders after the scroll event; ${scroll.stale}/${sorted.length} frames) — ` +
        `on headless Chromium with SwiftShader (CPU) WebGL and ${(await import('node:os')).cpus().length} shared CPUs${fig.workerHeap ? '' : '; worker heap not included'}.`,
    );
  } finally {
    if (poller) clearInterval(poller);
    if (errors.length && stage !== 'done') {
      console.log(`\nerrors (${errors.length}):`);
      for (const e of errors) console.log(`  ${e}`);
    }
    await browser?.close().catch(() => {});
    server?.stop();
    if (!process.env.BENCH_KEEP) rmSync(gen.dir, { recursive: true, force: true });
    else console.log(`kept ${gen.path}`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`\nbenchmark failed: ${error.stack ?? error}`);
    process.exit(1);
  },
);
