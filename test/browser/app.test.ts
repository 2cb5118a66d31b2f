// The built app in headless Chromium, offline: every non-loopback request is blocked and
// counted, the map must draw the basemap and every layer (checked by pixel colours).
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLORS } from '../../src/map/palette.ts';
import { browserPath, CHROMIUM_ARGS } from './chromium.mjs';
import { countColors, type ColorCounts } from './pixels.ts';
import { startPreview } from './server.mjs';

const executablePath = browserPath();
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

describe.skipIf(!executablePath)('Sóng Map in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; stop: () => void };
  let startedAt = 0;
  const blocked: string[] = [];
  const errors: string[] = [];

  const palette = {
    water: COLORS.water,
    land: COLORS.land,
    hamlet: COLORS.hamlet,
    school: COLORS.school,
    tower4g: COLORS.tech4g,
    tower2g3g: COLORS.tech2g3g,
  };

  async function pixels(): Promise<ColorCounts<keyof typeof palette>> {
    return page.evaluate(countColors, palette);
  }

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    server = await startPreview();
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (LOOPBACK.has(url.hostname)) return route.continue();
      blocked.push(url.href);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    startedAt = Date.now();
    await page.goto(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  it('loads the bundled data and shows its counts', async () => {
    const summary = page.getByTestId('dataset-summary');
    await summary.waitFor({ timeout: 60000 });
    const text = await summary.innerText();
    // Vietnamese number format: thousands separated by dots.
    expect(text).toMatch(/\d{1,3}\.\d{3}\.\d{3}\s+dân số/);
    expect(text).toContain('ấp, khóm');
  });

  async function pixelsWhen(ready: (c: ColorCounts<keyof typeof palette>) => boolean) {
    let counts = await pixels();
    // Icons and repaints arrive asynchronously: poll until the condition holds or time runs out.
    for (let i = 0; i < 40 && !ready(counts); i++) {
      await page.waitForTimeout(250);
      counts = await pixels();
    }
    return counts;
  }

  async function toggleByKeyboard(layer: string, checked: boolean) {
    const toggle = page.locator(`input[data-layer="${layer}"]`);
    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await toggle.isChecked()).toBe(checked);
  }

  it('draws the basemap and every layer', async () => {
    await page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    const counts = await pixelsWhen((c) => c.hamlet > 300 && c.school > 150 && c.tower4g > 150);
    console.log(`map drawn ${Date.now() - startedAt} ms after navigation (SwiftShader, no GPU)`);
    await page.screenshot({ path: 'test-results/app.png' });
    expect(counts.total).toBeGreaterThan(100000);
    expect(counts.water).toBeGreaterThan(counts.total * 0.05);
    expect(counts.hamlet).toBeGreaterThan(300);
    expect(counts.school).toBeGreaterThan(150);
    expect(counts.tower4g).toBeGreaterThan(150);
    expect(counts.tower2g3g).toBeGreaterThan(20);
  });

  it('tints the land with the tower discs, and shows it plain without them', async () => {
    const withDiscs = await pixels();
    await toggleByKeyboard('towerRadius', false);
    const without = await pixelsWhen((c) => c.land > withDiscs.land + c.total * 0.02);
    expect(without.land).toBeGreaterThan(without.total * 0.04);
    expect(without.land).toBeGreaterThan(withDiscs.land + without.total * 0.02);
    await toggleByKeyboard('towerRadius', true);
  });

  it('hides the hamlets when their toggle is switched off by keyboard', async () => {
    await toggleByKeyboard('hamlets', false);
    const counts = await pixelsWhen((c) => c.hamlet < 20);
    expect(counts.hamlet).toBeLessThan(20);
    expect(counts.school).toBeGreaterThan(150);
    await toggleByKeyboard('hamlets', true);
  });

  it('shows a tooltip with the name and key figures of a hovered feature', async () => {
    const box = await page.getByTestId('map').boundingBox();
    expect(box).not.toBeNull();
    const { x, y, width, height } = box as { x: number; y: number; width: number; height: number };
    let text = '';
    // Sweep the pointer over the province until it lands on a feature.
    for (let row = 1; row < 40 && !text; row++) {
      for (let col = 1; col < 40 && !text; col++) {
        await page.mouse.move(x + (width * (0.3 + (0.4 * col) / 40)), y + (height * row) / 40);
        const tooltip = page.locator('.tooltip');
        if (await tooltip.count()) text = await tooltip.innerText();
      }
    }
    expect(text).toMatch(/Dân số|Học sinh|Nhà mạng/);
    expect(text).toContain('mô phỏng');
    await page.screenshot({ path: 'test-results/app-tooltip.png' });
    await page.mouse.move(x + 5, y + 5);
  });

  it('draws the points under the basemap labels, so names stay readable', async () => {
    const order = (await page.getByTestId('map').getAttribute('data-layer-order'))?.split(' ') ?? [];
    const deck = order.findIndex((id) => id.startsWith('deck-'));
    expect(deck).toBeGreaterThan(order.indexOf('province-line'));
    expect(deck).toBeLessThan(order.indexOf('commune-labels'));
  });

  it('labels districts and communes in Vietnamese when zoomed in', async () => {
    const zoomIn = page.getByRole('button', { name: 'Zoom in' });
    for (let i = 0; i < 3; i++) {
      await zoomIn.click();
      await page.waitForTimeout(400);
    }
    await page.locator('[data-map-ready="true"]').waitFor({ state: 'attached' });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: 'test-results/app-zoomed.png' });
    const counts = await pixels();
    expect(counts.water + counts.land).toBeGreaterThan(0);
  });

  it('switches to English and formats numbers for it', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    const text = await page.getByTestId('dataset-summary').innerText();
    expect(text).toMatch(/\d{1,3},\d{3},\d{3}\s+population/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'test-results/app-en.png' });
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  });

  it('has no serious accessibility violations', async () => {
    const results = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });

  it('stays usable at 200% zoom (a 640 px wide viewport) without sideways scrolling', async () => {
    await page.setViewportSize({ width: 640, height: 860 });
    await page.waitForTimeout(500);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/app-narrow.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('made no request off the machine and logged no error', () => {
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });
});
