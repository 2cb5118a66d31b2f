// Field-ready layout and report: at 640, 1280 and 1920 px (and 200 % zoom, as 640 px at scale
// 2), in Vietnamese and English, nothing fixed or sticky covers the map; the cards fill their
// rows evenly; screenshots for a person to look at; and the report printed to PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executablePath, openSession, type Session } from './session.ts';

describe.skipIf(!executablePath)('Field-ready layout', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await s.page.getByTestId('target-cards').waitFor({ timeout: 60000 });
  });
  afterAll(async () => s?.close());

  /** Sticky or fixed elements whose box overlaps the map's, with the map scrolled to the top. */
  const covering = () =>
    s.page.evaluate(() => {
      const map = document.querySelector('[data-testid="map"]') as HTMLElement;
      window.scrollTo(0, map.getBoundingClientRect().top + window.scrollY);
      const m = map.getBoundingClientRect();
      const found: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        if (map.contains(el) || el.contains(map)) continue;
        const position = getComputedStyle(el).position;
        if (position !== 'sticky' && position !== 'fixed') continue;
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0 && r.left < m.right && r.right > m.left && r.top < m.bottom && r.bottom > m.top) found.push(el.className || el.tagName);
      }
      return found;
    });
  /** How many cards sit in each row of the cards' grid. */
  const cardRows = () =>
    s.page.evaluate(() => {
      const rows = new Map<number, number>();
      for (const card of document.querySelectorAll('[data-testid="target-cards"] .card')) {
        const top = Math.round(card.getBoundingClientRect().top);
        rows.set(top, (rows.get(top) ?? 0) + 1);
      }
      return [...rows.values()];
    });

  for (const lang of ['vi', 'en'] as const) {
    for (const width of [640, 1280, 1920]) {
      it(`${lang} at ${width} px: nothing sticky covers the map, the cards fill even rows`, async () => {
        if (lang === 'en' && (await s.page.evaluate(() => document.documentElement.lang)) !== 'en') {
          await s.page.getByRole('button', { name: 'Switch to English' }).click();
        }
        await s.page.setViewportSize({ width, height: 900 });
        await s.page.waitForTimeout(300);
        expect(await covering()).toEqual([]);
        const rows = await cardRows();
        expect(new Set(rows).size).toBe(1);
        await s.page.evaluate(() => window.scrollTo(0, 0));
        await s.page.screenshot({ path: `test-results/field-${lang}-${width}.png` });
      });
    }
  }

  it('prints the report to PDF (A4)', async () => {
    await s.page.setViewportSize({ width: 1280, height: 900 });
    await s.page.emulateMedia({ media: 'print' });
    await s.page.getByTestId('report-since').waitFor({ state: 'attached' });
    const pdf = await s.page.pdf({ path: 'test-results/field-report.pdf', format: 'A4', printBackground: true });
    expect(pdf.byteLength).toBeGreaterThan(10000);
    await s.page.emulateMedia({ media: 'screen' });
  });

  it('made no requests off the machine and threw no errors', () => {
    expect(s.blocked).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
