// Installable and offline: after one visit the app opens and computes with the server gone and
// the network off (the service worker serves the app, the bundled data and the fonts); the web
// manifest is valid and its icons are real PNGs of the sizes it states.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from './server.mjs';
import { executablePath, sharedBrowser } from './session.ts';

interface Manifest {
  name: string;
  short_name: string;
  lang: string;
  start_url: string;
  display: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe.skipIf(!executablePath)('offline after one visit', () => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; stop: () => void };
  const failed: string[] = [];

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    // Its own server, since the test stops it; the shared browser, in a context of its own.
    server = await startPreview();
    browser = await sharedBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    // What the network failed. A request aborted (a worker's script or a font still loading when
    // the page is reloaded: Chromium may report that abort before the new page's navigation) is
    // not a failure of being offline, which reads net::ERR_FAILED or ERR_INTERNET_DISCONNECTED.
    page.on('requestfailed', (request) => {
      const error = request.failure()?.errorText ?? '';
      if (error !== 'net::ERR_ABORTED') failed.push(`${request.url()} ${error}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  it('has a valid web manifest with real icons', async () => {
    await page.goto(server.url);
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBeTruthy();
    const manifestUrl = new URL(manifestHref as string, server.url).href;
    const manifest = (await (await fetch(manifestUrl)).json()) as Manifest;
    expect(manifest.name).toContain('Sóng Map');
    expect(manifest.short_name).toBe('Sóng Map');
    expect(manifest.lang).toBe('vi');
    expect(manifest.display).toBe('standalone');
    expect(new URL(manifest.start_url, manifestUrl).href).toBe(server.url);
    const sizes = new Set<string>();
    for (const icon of manifest.icons) {
      const response = await fetch(new URL(icon.src, manifestUrl));
      expect(response.ok, icon.src).toBe(true);
      if (icon.type !== 'image/png') continue;
      const { width, height } = pngSize(new Uint8Array(await response.arrayBuffer()));
      expect(`${width}x${height}`).toBe(icon.sizes);
      sizes.add(icon.sizes);
    }
    // What browsers need to offer installation: 192 and 512 px icons.
    expect(sizes).toContain('192x192');
    expect(sizes).toContain('512x512');
  });

  it('opens and computes with the server stopped and the network off', async () => {
    await page.getByTestId('coverage-summary').waitFor({ timeout: 90000 });
    // The first visit installs the worker and fills its cache; a reload puts the page under it.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30000 });
    await page.getByTestId('coverage-summary').waitFor({ timeout: 90000 });
    const online = await page.getByTestId('dataset-summary').innerText();
    // Nothing of the online page still loading (a font asked for late) may fail after the stop.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForLoadState('networkidle');

    server.stop();
    await page.context().setOffline(true);
    failed.length = 0;
    const started = Date.now();
    await page.reload();
    await page.getByTestId('coverage-summary').waitFor({ timeout: 90000 });
    await page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    console.log(`offline: map ready ${Date.now() - started} ms after reload (SwiftShader)`);
    expect(await page.getByTestId('dataset-summary').innerText()).toBe(online);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "Be Vietnam Pro"', 'Sóng và máy tính cho em');
    });
    expect(fonts).toBe(true);
    await page.screenshot({ path: 'test-results/offline.png' });
    expect(failed.join('\n')).toBe('');
  });

  it('solves a siting budget exactly offline: the solver WebAssembly is precached', async () => {
    failed.length = 0;
    await page.getByRole('tab', { name: 'Kế hoạch' }).click();
    const panel = page.getByTestId('siting-panel');
    await panel.getByRole('radio', { name: 'Ngân sách mua được gì' }).check();
    await panel.getByRole('textbox', { name: 'Ngân sách (tỷ đồng)' }).fill('20');
    await panel.getByRole('button', { name: 'Gợi ý', exact: true }).click();
    await page.locator('[data-testid="siting-exact"][data-phase="done"]').waitFor({ timeout: 60000 });
    expect(await page.getByTestId('siting-exact').getAttribute('data-optimal')).toBe('true');
    expect(failed.join('\n')).toBe('');
  });
});
