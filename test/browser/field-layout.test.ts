// Field-ready layout and report, in Vietnamese and English: from 320 to 1920 px and at 200 %
// zoom (a 1280 × 860 screen zoomed is 640 × 430 CSS px at scale 2) nothing fixed or sticky
// covers the map, the page never scrolls sideways, the cards fill their rows evenly, the gap
// register fits 1280 px and choosing a row brings the map into view; screenshots for a person
// to look at; the report printed to PDF.
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executablePath, openSession, type Session } from './session.ts';

const SCREENS = [
  { name: '320', width: 320, height: 640, scale: 1 },
  { name: '640', width: 640, height: 900, scale: 1 },
  { name: '1280', width: 1280, height: 860, scale: 1 },
  { name: '1920', width: 1920, height: 1000, scale: 1 },
  { name: '200pc', width: 640, height: 430, scale: 2 },
];

describe.skipIf(!executablePath)('Field-ready layout', () => {
  let s: Session;
  let cdp: CDPSession;

  beforeAll(async () => {
    s = await openSession();
    cdp = await s.page.context().newCDPSession(s.page);
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await s.page.getByTestId('target-cards').waitFor({ timeout: 60000 });
    await s.page.getByTestId('gap-register').locator('tbody button.link').first().waitFor({ timeout: 60000 });
  });
  afterAll(async () => s?.close());

  /** Emulates a screen through the DevTools protocol: Playwright's viewport has no scale per page. */
  const screen = async (w: (typeof SCREENS)[number]) => {
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: w.width, height: w.height, deviceScaleFactor: w.scale, mobile: false });
    await s.page.waitForFunction((width) => window.innerWidth === width, w.width);
    await s.page.waitForTimeout(400);
  };

  /** Captured through the protocol: Playwright's own screenshot would reset the emulated scale. */
  const shot = async (name: string) => {
    const png = await cdp.send('Page.captureScreenshot', { format: 'png' });
    writeFileSync(`test-results/field-${name}.png`, Buffer.from(png.data, 'base64'));
  };

  /** With the map scrolled to the top: what sticks over it, how wide the page is, cards per row, the register's fit. */
  const layout = () =>
    s.page.evaluate(() => {
      const map = document.querySelector('[data-testid="map"]') as HTMLElement;
      window.scrollTo(0, map.getBoundingClientRect().top + window.scrollY);
      const m = map.getBoundingClientRect();
      const covering: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        if (map.contains(el) || el.contains(map)) continue;
        const position = getComputedStyle(el).position;
        if (position !== 'sticky' && position !== 'fixed') continue;
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0 && r.left < m.right && r.right > m.left && r.top < m.bottom && r.bottom > m.top) covering.push(el.className || el.tagName);
      }
      const rows = new Map<number, number>();
      for (const card of document.querySelectorAll('[data-testid="target-cards"] .card')) {
        const top = Math.round(card.getBoundingClientRect().top);
        rows.set(top, (rows.get(top) ?? 0) + 1);
      }
      const register = document.querySelector('.gap-scroll') as HTMLElement;
      return {
        covering,
        overflow: (document.scrollingElement as Element).scrollWidth - window.innerWidth,
        // Every row as full as the first; the last may hold fewer (seven cards in rows of two).
        cardsPerRow: [...new Set([...rows.values()].slice(0, -1))].concat([...rows.values()].slice(-1).filter((n) => n > Math.max(...rows.values()))),
        registerOverflow: register.scrollWidth - register.clientWidth,
        mapHeight: Math.round(m.height),
      };
    });

  /** Chooses a register row far below the map; the map's box must then meet the viewport. */
  const chooseRowSeesMap = async (name: string) => {
    const row = s.page.getByTestId('gap-register').locator('tbody button.link').nth(2);
    await row.scrollIntoViewIfNeeded();
    await shot(`${name}-register`);
    expect(await s.page.evaluate(() => (document.querySelector('[data-testid="map"]') as HTMLElement).getBoundingClientRect().bottom)).toBeLessThan(0);
    await row.click();
    await s.page.waitForTimeout(300);
    return s.page.evaluate(() => {
      const r = (document.querySelector('[data-testid="map"]') as HTMLElement).getBoundingClientRect();
      return Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0);
    });
  };

  for (const lang of ['vi', 'en'] as const) {
    it(`${lang}: at every width and at 200 % the map stays clear, nothing runs off the side, choosing a row shows the map`, async () => {
      if (lang === 'en') await s.page.getByRole('button', { name: 'Switch to English' }).click();
      await s.page.waitForFunction((l) => document.documentElement.lang === l, lang);
      for (const w of SCREENS) {
        await screen(w);
        // The cards' charts follow their boxes a frame or two after a resize.
        await expect.poll(async () => (await layout()).overflow, { timeout: 5000 }).toBeLessThanOrEqual(0);
        const found = await layout();
        expect(found.covering, w.name).toEqual([]);
        expect(found.cardsPerRow, w.name).toHaveLength(1);
        expect(found.mapHeight, w.name).toBeGreaterThan(w.height / 2);
        if (w.width >= 1280) expect(found.registerOverflow, w.name).toBeLessThanOrEqual(0);
        if (w.name === '1280' || w.name === '200pc') expect(await chooseRowSeesMap(`${lang}-${w.name}`), w.name).toBeGreaterThan(w.height / 3);
        if (w.name !== '320') {
          await shot(`${lang}-${w.name}-map`);
          await s.page.evaluate(() => window.scrollTo(0, 0));
          await shot(`${lang}-${w.name}-top`);
        }
      }
      await cdp.send('Emulation.clearDeviceMetricsOverride');
    });
  }

  it('prints the report to PDF (A4) from a narrow screen, in en and vi: the map at its printed size', async () => {
    await s.page.setViewportSize({ width: 640, height: 900 });
    for (const lang of ['en', 'vi'] as const) {
      if (lang === 'vi') await s.page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
      await s.page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await s.page.emulateMedia({ media: 'print' });
      await s.page.getByTestId('report-since').waitFor({ state: 'attached' });
      const box = await s.page.getByTestId('report-map').locator('svg').first().boundingBox();
      // 110 mm at 96 px to the inch, whatever the screen's map shows.
      expect(box?.height).toBeGreaterThan(400);
      const pdf = await s.page.pdf({ path: `test-results/field-report-${lang}.pdf`, format: 'A4', printBackground: true });
      expect(pdf.byteLength).toBeGreaterThan(10000);
      await s.page.emulateMedia({ media: 'screen' });
    }
  });

  it('made no requests off the machine and threw no errors', () => {
    expect(s.blocked).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
