// One offline browser session over the built app: every non-loopback request is blocked
// and counted, page and console errors are collected, pixels of the map can be counted.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { COLORS } from '../../src/map/palette.ts';
import { browserPath } from './chromium.mjs';
import { countColors, type ColorCounts } from './pixels.ts';

export const executablePath = browserPath();
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const palette = {
  water: COLORS.water,
  land: COLORS.land,
  good: COLORS.levelGood,
  weak: COLORS.levelWeak,
  none: COLORS.levelNone,
  tower4g: COLORS.tech4g,
  tower2g3g: COLORS.tech2g3g,
  selection: COLORS.selection,
};
export type Counts = ColorCounts<keyof typeof palette>;

export interface Session {
  page: Page;
  blocked: string[];
  errors: string[];
  startedAt: number;
  pixels: () => Promise<Counts>;
  /** Polls the pixel counts until `ready` holds or about 10 s pass. */
  pixelsWhen: (ready: (c: Counts) => boolean) => Promise<Counts>;
  close: () => Promise<void>;
}

/**
 * Pages of the tests run without the service worker: its precache (every asset, about 8.5 MiB)
 * cost each page load 1.5–2 s on two cores. offline.test.ts, which tests it, opens its own.
 */
export const CONTEXT = { serviceWorkers: 'block' } as const;

/** The built app, served once for every file (test/browser/global-setup.ts). */
export const previewUrl = (): string => inject('previewUrl');

/**
 * The Chromium shared by every file. Closing what this returns closes only the contexts
 * opened through it, so a file leaves nothing behind for the next.
 */
export function sharedBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserEndpoint'));
}

export async function openSession(): Promise<Session> {
  mkdirSync('test-results', { recursive: true });
  const browser = await sharedBrowser();
  const context = await browser.newContext({ ...CONTEXT, viewport: { width: 1280, height: 860 } });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK.has(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  const startedAt = Date.now();
  await page.goto(previewUrl());
  const pixels = () => page.evaluate(countColors, palette) as Promise<Counts>;
  const pixelsWhen = async (ready: (c: Counts) => boolean) => {
    let counts = await pixels();
    for (let i = 0; i < 40 && !ready(counts); i++) {
      await page.waitForTimeout(250);
      counts = await pixels();
    }
    return counts;
  };
  return {
    page,
    blocked,
    errors,
    startedAt,
    pixels,
    pixelsWhen,
    close: async () => {
      await browser.close();
    },
  };
}

/** Presses Space on a layer toggle and checks its new state. */
export async function toggleLayer(page: Page, layer: string, checked: boolean): Promise<void> {
  const toggle = page.locator(`input[data-layer="${layer}"]`);
  await toggle.focus();
  await page.keyboard.press('Space');
  if ((await toggle.isChecked()) !== checked) throw new Error(`toggle ${layer} did not switch to ${checked}`);
}

/**
 * Where a download lies on this machine: the suite's browser is shared (connected, not
 * launched), and Playwright gives no path of a remote browser's download, so it is saved.
 */
export async function savedDownload(download: Download): Promise<string> {
  const path = `test-results/downloads/${Date.now()}-${download.suggestedFilename()}`;
  mkdirSync('test-results/downloads', { recursive: true });
  await download.saveAs(path);
  return path;
}
