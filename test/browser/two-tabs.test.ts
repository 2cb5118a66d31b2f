// Two tabs of one browser profile (one IndexedDB): a tab with nothing unsaved takes the other
// tab's saved plan at once; a tab that cannot be told (no BroadcastChannel, as in a second
// window of an old browser) and edits on top of an older revision is stopped with both
// versions kept, never saying "saved" of what it did not store, and nothing of the other
// tab's plan is lost until the user chooses.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT, executablePath, previewUrl, sharedBrowser } from './session.ts';

const counts = (page: Page) => page.getByTestId('plan-counts').innerText();
const phase = (page: Page) => page.getByTestId('save-status').getAttribute('data-phase');

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
  await page.getByRole('tab', { name: 'Kế hoạch' }).click();
  await page.getByTestId('plan-counts').waitFor();
  return page;
}

async function addTower(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Thêm trạm ở giữa bản đồ' }).click();
}

const waitCounts = (page: Page, prefix: string) =>
  page.waitForFunction((p) => document.querySelector('[data-testid="plan-counts"]')?.textContent?.startsWith(p), prefix, { timeout: 20000 });
const waitPhase = (page: Page, wanted: string) =>
  page.waitForFunction((w) => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-phase') === w, wanted, { timeout: 20000 });

describe.skipIf(!executablePath)('two tabs on one browser profile', () => {
  let browser: Browser;
  let context: BrowserContext;
  let url: string;
  /** Tab A of the first test stays open for the second: a page load costs seconds. */
  let first: Page;

  beforeAll(async () => {
    url = previewUrl();
    browser = await sharedBrowser();
    context = await browser.newContext({ ...CONTEXT, viewport: { width: 1280, height: 860 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a tab with nothing unsaved takes the other tab’s saved plan', async () => {
    const a = await open(context, url);
    const b = await open(context, url);
    await addTower(a);
    await waitPhase(a, 'saved');
    await waitCounts(b, '1 trạm mới');
    expect(await counts(b)).toBe('1 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    first = a;
    await b.close();
  }, 120000);

  it('a tab that was not told stops at a conflict, keeps both, and never says saved', async () => {
    const a = first;
    const b = await context.newPage();
    // This tab hears nothing from the others: it keeps working on the revision it read.
    await b.addInitScript(() => {
      Reflect.deleteProperty(window, 'BroadcastChannel');
    });
    await b.goto(url);
    await b.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await b.getByRole('tab', { name: 'Kế hoạch' }).click();
    await waitCounts(b, '1 trạm mới');

    await addTower(a);
    await waitPhase(a, 'saved');
    expect(await counts(a)).toBe('2 trạm mới, 0 trạm sửa, 0 trạm bỏ');

    await addTower(b);
    await b.getByTestId('save-conflict').waitFor({ timeout: 20000 });
    expect(await phase(b)).not.toBe('saved');
    expect(await b.getByTestId('save-conflict').innerText()).toContain('một thẻ hoặc cửa sổ khác');
    expect(await counts(b)).toBe('2 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    // Editing on in the conflict: still nothing stored, still both kept.
    await addTower(b);
    expect(await counts(b)).toBe('3 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    await b.waitForTimeout(1000);
    expect(await b.getByTestId('save-conflict').count()).toBe(1);

    // Tab A's plan is still what is stored: a fresh tab finds its two towers.
    const c = await open(context, url);
    await waitCounts(c, '2 trạm mới');
    await c.close();

    // "Keep mine" stores tab B's version over the one it was shown.
    await b.getByRole('button', { name: 'Giữ bản trong thẻ này (thay bản đã lưu)' }).click();
    await waitPhase(b, 'saved');
    await b.getByTestId('save-conflict').waitFor({ state: 'detached' });
    const d = await open(context, url);
    await waitCounts(d, '3 trạm mới');
    await a.close();
    await b.close();
    await d.close();
  }, 180000);
});
