// The built app in headless Chromium, offline: the map must draw the basemap and every
// layer (checked by pixel colours), follow the scenario, and explain a clicked point.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/app/csp.ts';
import { executablePath, openSession, toggleLayer, type Session } from './session.ts';

describe.skipIf(!executablePath)('Sóng Map in headless Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => s?.close());

  /** Scrolls the map fully into view, below the sticky time bar. */
  async function showMap(): Promise<void> {
    await s.page.getByTestId('map').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await s.page.waitForTimeout(200);
  }

  /** Pixel counts once two samples 400 ms apart agree: the map has settled after a change. */
  async function settledPixels() {
    let previous = await s.pixels();
    for (let i = 0; i < 15; i++) {
      await s.page.waitForTimeout(400);
      const next = await s.pixels();
      if (next.none === previous.none && next.good === previous.good) return next;
      previous = next;
    }
    return previous;
  }

  async function figure(name: string): Promise<string> {
    return s.page.locator(`[data-testid="coverage-summary"] [data-figure="${name}"] dd`).innerText();
  }

  it('loads the bundled data and shows its counts', async () => {
    const summary = s.page.getByTestId('dataset-summary');
    await summary.waitFor({ timeout: 60000 });
    const text = await summary.innerText();
    // Vietnamese number format: thousands separated by dots.
    expect(text).toMatch(/\d{1,3}\.\d{3}\.\d{3}\s+dân số/);
    expect(text).toContain('ấp, khóm');
  });

  it('draws the basemap and every layer, coloured by coverage level', async () => {
    await s.page.getByTestId('coverage-summary').waitFor({ timeout: 60000 });
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    const counts = await s.pixelsWhen((c) => c.good > 400 && c.tower4g > 150 && c.none > 10);
    console.log(`map drawn ${Date.now() - s.startedAt} ms after navigation (SwiftShader, no GPU)`);
    await showMap();
    await s.page.screenshot({ path: 'test-results/app.png' });
    expect(counts.total).toBeGreaterThan(100000);
    expect(counts.water).toBeGreaterThan(counts.total * 0.05);
    expect(counts.good).toBeGreaterThan(400);
    expect(counts.none).toBeGreaterThan(10);
    expect(counts.tower4g).toBeGreaterThan(150);
    expect(counts.tower2g3g).toBeGreaterThan(20);
  });

  it('draws the points under the basemap labels, so names stay readable', async () => {
    const order = (await s.page.getByTestId('map').getAttribute('data-layer-order'))?.split(' ') ?? [];
    const deck = order.findIndex((id) => id.startsWith('deck-'));
    expect(deck).toBeGreaterThan(order.indexOf('province-line'));
    expect(deck).toBeLessThan(order.indexOf('commune-labels'));
  });

  it('shows the land plain without the discs and the choropleth', async () => {
    const before = await s.pixels();
    await toggleLayer(s.page, 'towerRadius', false);
    await toggleLayer(s.page, 'choropleth', false);
    const after = await s.pixelsWhen((c) => c.land > before.land + c.total * 0.02);
    expect(after.land).toBeGreaterThan(after.total * 0.04);
    expect(after.land).toBeGreaterThan(before.land + after.total * 0.02);
    await toggleLayer(s.page, 'towerRadius', true);
    await toggleLayer(s.page, 'choropleth', true);
  });

  it('hides hamlets and schools when their toggles are switched off by keyboard', async () => {
    const before = await s.pixels();
    await toggleLayer(s.page, 'hamlets', false);
    const withoutHamlets = await s.pixelsWhen((c) => c.good < before.good * 0.7);
    expect(withoutHamlets.good).toBeLessThan(before.good * 0.7);
    await toggleLayer(s.page, 'schools', false);
    const withoutPoints = await s.pixelsWhen((c) => c.good < 20);
    expect(withoutPoints.good).toBeLessThan(20);
    await toggleLayer(s.page, 'hamlets', true);
    await toggleLayer(s.page, 'schools', true);
  });

  it('recomputes coverage when the scenario changes', async () => {
    await s.page.getByRole('radio', { name: 'Trạm như trong hồ sơ (chưa tính nâng cấp)' }).check();
    await s.page.waitForFunction(() => {
      const section = document.querySelector('[data-testid="coverage-summary"]')?.closest('section');
      return section?.getAttribute('aria-busy') === 'false';
    });
    const current = await figure('hamlets');
    await s.pixelsWhen((c) => c.none > 10 && c.good > 400);
    const currentNone = (await settledPixels()).none;
    await s.page.getByRole('radio', { name: 'Theo quy hoạch' }).check();
    await s.page.waitForFunction((old) => {
      const dd = document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] dd');
      return dd !== null && dd.textContent !== old;
    }, current.replace(/\s+/g, ' '));
    const planned = await figure('hamlets');
    expect(planned).not.toBe(current);
    const percentOf = (text: string) => Number(text.split('%')[0]?.replace(',', '.').trim());
    expect(percentOf(planned)).toBeGreaterThan(percentOf(current));
    const plannedPixels = await s.pixelsWhen((c) => c.none < currentNone);
    expect(plannedPixels.none).toBeLessThan(currentNone);

    await s.page.getByRole('radio', { name: /Theo ngày đang xem/ }).check();
    await s.page.getByLabel('Số liệu tính đến ngày').fill('2021-01-01');
    await s.page.waitForFunction((old) => {
      const dd = document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] dd');
      return dd !== null && dd.textContent !== old;
    }, planned.replace(/\s+/g, ' '));
    expect(percentOf(await figure('hamlets'))).toBeLessThan(percentOf(planned));
    await showMap();
    await s.page.screenshot({ path: 'test-results/app-2021-01-01.png' });
    await s.page.getByRole('radio', { name: 'Trạm như trong hồ sơ (chưa tính nâng cấp)' }).check();
  });

  it('shows a tooltip on hover and, on click, the level, nearest tower and a line to it', async () => {
    await showMap();
    const box = await s.page.getByTestId('map').boundingBox();
    expect(box).not.toBeNull();
    const { x, y, width, height } = box as { x: number; y: number; width: number; height: number };
    let text = '';
    let at = { x: 0, y: 0 };
    // Sweep the pointer over the province until it lands on a hamlet or school.
    for (let row = 1; row < 40 && !/Dân số|Học sinh/.test(text); row++) {
      for (let col = 1; col < 40 && !/Dân số|Học sinh/.test(text); col++) {
        at = { x: x + width * (0.3 + (0.4 * col) / 40), y: y + (height * row) / 40 };
        await s.page.mouse.move(at.x, at.y);
        // Two frames: the tooltip read next belongs to this position, not the last one.
        await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const tooltip = s.page.locator('.tooltip');
        text = (await tooltip.count()) ? await tooltip.innerText() : '';
      }
    }
    expect(text).toMatch(/Dân số|Học sinh/);
    expect(text).toContain('mô phỏng');
    await s.page.screenshot({ path: 'test-results/app-tooltip.png' });
    const before = await s.pixels();
    await s.page.mouse.click(at.x, at.y);
    const selection = s.page.getByTestId('selection');
    await selection.waitFor();
    const details = await selection.innerText();
    expect(details).toMatch(/Sóng tốt|Sóng yếu|Không có sóng/);
    expect(details).toMatch(/Trạm 4G\/5G gần nhất\s+\S+ T-/);
    expect(details).toMatch(/\d+(,\d)? km/);
    const after = await s.pixelsWhen((c) => c.selection > before.selection + 40);
    expect(after.selection).toBeGreaterThan(before.selection + 40);
    await s.page.screenshot({ path: 'test-results/app-selection.png' });
    await s.page.keyboard.press('Escape');
    await selection.waitFor({ state: 'detached' });
  });

  it('labels districts and communes in Vietnamese when zoomed in', async () => {
    const zoomIn = s.page.getByRole('button', { name: 'Phóng to' });
    for (let i = 0; i < 3; i++) {
      await zoomIn.click();
      await s.page.waitForTimeout(400);
    }
    await s.page.waitForTimeout(1000);
    await s.page.screenshot({ path: 'test-results/app-zoomed.png' });
    const counts = await s.pixels();
    expect(counts.water + counts.land).toBeGreaterThan(0);
  });

  it('switches to English and formats numbers for it', async () => {
    await s.page.getByRole('button', { name: 'Switch to English' }).click();
    const text = await s.page.getByTestId('dataset-summary').innerText();
    expect(text).toMatch(/\d{1,3},\d{3},\d{3}\s+population/);
    expect(await s.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await figure('hamlets')).toMatch(/^\d+(\.\d)? % \(\d{3} of \d{3}\)$/);
    // The map's own controls and attribution follow the language too.
    expect(await s.page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('Zoom in');
    expect(await s.page.locator('.maplibregl-ctrl-attrib-inner').innerText()).toContain('points simulated');
    await s.page.waitForTimeout(500);
    await s.page.screenshot({ path: 'test-results/app-en.png' });
    await s.page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    expect(await s.page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('Phóng to');
    expect(await s.page.locator('.maplibregl-ctrl-attrib-inner').innerText()).toContain('điểm mô phỏng');
  });

  it('has no serious accessibility violations', async () => {
    const results = await new AxeBuilder({ page: s.page }).exclude('.maplibregl-canvas').analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });

  it('stays usable at 200% zoom (a 640 px wide viewport) without sideways scrolling', async () => {
    await s.page.setViewportSize({ width: 640, height: 860 });
    await s.page.waitForTimeout(500);
    const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await s.page.screenshot({ path: 'test-results/app-narrow.png', fullPage: true });
    await s.page.setViewportSize({ width: 1280, height: 860 });
  });

  it('enforces its Content-Security-Policy: the built page carries it first, and inline script does not run', async () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const head = html.slice(html.indexOf('<head>') + '<head>'.length).trimStart();
    expect(head.startsWith(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replaceAll("'", '&#39;')}">`)).toBe(true);
    const ran = await s.page.evaluate(async () => {
      const w = window as unknown as { injected?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 100));
      script.remove();
      return w.injected === true;
    });
    expect(ran).toBe(false);
    // The refusal is logged as an error by design; it is not one of the app's.
    const refusals = s.errors.filter((e) => e.includes('Content Security Policy'));
    expect(refusals.length).toBeGreaterThan(0);
    s.errors.splice(0, s.errors.length, ...s.errors.filter((e) => !refusals.includes(e)));
  });

  it('made no request off the machine and logged no error', () => {
    expect(s.blocked).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
