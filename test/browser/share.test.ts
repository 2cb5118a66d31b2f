// A shared link: the URL holds the view, and opening it in a fresh browser (nothing saved)
// shows the same view: language, tab, scenario, as-of day, layers, camera and selection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT, executablePath, openSession, sharedBrowser, type Session } from './session.ts';

describe.skipIf(!executablePath)('Shareable view in headless Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
  });
  afterAll(async () => s?.close());

  it('opens a copied URL in a fresh browser on the same view', async () => {
    const page = s.page;
    await page.getByLabel('Số liệu tính đến ngày').fill('2021-10-15');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.locator('input[data-layer="towerRadius"]').uncheck();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction(() => Number(document.querySelector('.map')?.getAttribute('data-zoom')) > 8.5);
    await page.getByLabel('Search (name, id, district, commune; accents optional)').fill('dat mui');
    await page.getByRole('tab', { name: 'Plan' }).click();
    await page.waitForFunction(() => window.location.hash.includes('tab=plan') && window.location.hash.includes('gq=dat+mui'));
    const url = page.url();
    const zoom = Number(await page.locator('.map').getAttribute('data-zoom'));
    expect(url).toMatch(/#v=1&lang=en&at=[\d.]+%2C[\d.]+%2C[\d.]+&mode=asOf&date=2021-10-15&layers=hamlets%2Cschools%2Ctowers%2Cchoropleth&/);

    // Its own connection: new contexts, nothing saved by the first page.
    const browser = await sharedBrowser();
    try {
      const fresh = await (await browser.newContext({ ...CONTEXT, viewport: { width: 1280, height: 860 } })).newPage();
      // A link names its selection by id (what the app writes when a point is chosen).
      await fresh.goto(`${url}&sel=hamlet%3AH-32248-02`);
      await fresh.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
      expect(await fresh.getByRole('tab', { name: 'Plan' }).getAttribute('aria-selected')).toBe('true');
      expect(await fresh.getByTestId('as-of').innerText()).toBe('Oct 15, 2021');
      await fresh.getByRole('tab', { name: 'Map' }).click();
      expect(await fresh.locator('input[data-layer="towerRadius"]').isChecked()).toBe(false);
      expect(await fresh.locator('input[data-layer="hamlets"]').isChecked()).toBe(true);
      expect(await fresh.getByLabel('Search (name, id, district, commune; accents optional)').inputValue()).toBe('dat mui');
      await fresh.waitForFunction(() => /^\d+ of \d+ places$/.test(document.querySelector('[data-testid="gaps-count"]')?.textContent ?? ''));
      const [shown, total] = (await fresh.getByTestId('gaps-count').innerText()).split(' of ').map((n) => Number.parseInt(n, 10));
      expect(shown).toBeLessThan(total as number);
      const freshZoom = Number(await fresh.locator('.map').getAttribute('data-zoom'));
      expect(Math.abs(freshZoom - zoom)).toBeLessThan(0.05);
      await fresh.waitForFunction(() =>
        document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] dd')?.textContent?.startsWith('97.5 %'),
      );
      expect(await fresh.getByTestId('selection').innerText()).toContain('Ấp 2');
      await fresh.screenshot({ path: 'test-results/share-fresh.png' });
      // The fresh page keeps its hash in step: the selection is written back by id.
      await fresh.waitForFunction(() => window.location.hash.includes('sel=hamlet%3AH-32248-02') && window.location.hash.includes('tab=map'));
    } finally {
      await browser.close();
    }
  });
});
