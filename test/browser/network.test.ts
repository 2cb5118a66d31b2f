// One network at a time and "why this level" in headless Chromium: choosing Viettel changes
// the figures and the map, a shared link lands on that network, and a forest hamlet says why
// it has no good signal, in Vietnamese and in English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT, executablePath, openSession, sharedBrowser, type Session } from './session.ts';

const summaryHamlets = '[data-testid="coverage-summary"] [data-figure="hamlets"] strong';

describe.skipIf(!executablePath)('Network selector and why, in headless Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
  });
  afterAll(async () => s?.close());

  it('counts only the chosen network, side by side with the others, and a link keeps it', async () => {
    const page = s.page;
    await page.getByTestId('network-table').waitFor();
    expect(await page.locator('[data-testid="network-table"] tbody tr').count()).toBe(4);
    const all = await page.locator(summaryHamlets).innerText();
    const before = await s.pixelsWhen((c) => c.good > 200);
    expect(before.good).toBeGreaterThan(200);
    const select = page.getByLabel('Tính vùng phủ cho mạng');
    await select.focus();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('network-select');
    await select.selectOption('Viettel');
    await page.waitForFunction((text) => document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] strong')?.textContent !== text, all);
    const viettel = await page.locator(summaryHamlets).innerText();
    // The table's Viettel row says what the figures now say.
    expect(await page.locator('[data-testid="network-table"] tr[data-network="Viettel"] td').first().innerText()).toBe(viettel);
    expect(await page.locator('[data-testid="network-table"] tr[data-network="Viettel"]').getAttribute('aria-current')).toBe('true');
    // Fewer points drawn good, more drawn without signal: the map follows the network.
    const after = await s.pixelsWhen((c) => c.good < before.good && c.none > before.none);
    expect(after.good).toBeLessThan(before.good);
    expect(after.none).toBeGreaterThan(before.none);
    await page.waitForFunction(() => window.location.hash.includes('net=Viettel'));
    await page.screenshot({ path: 'test-results/network-viettel.png' });

    // Its own connection: new contexts, nothing saved by the first page.
    const browser = await sharedBrowser();
    try {
      const fresh = await (await browser.newContext({ ...CONTEXT, viewport: { width: 1280, height: 1000 } })).newPage();
      const errors: string[] = [];
      fresh.on('pageerror', (error) => errors.push(error.message));
      // A forest hamlet that Viettel does not reach with 4G.
      await fresh.goto(`${page.url()}&sel=hamlet%3AH-32048-01`);
      await fresh.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
      expect(await fresh.getByLabel('Tính vùng phủ cho mạng').inputValue()).toBe('Viettel');
      await fresh.waitForFunction((text) => document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] strong')?.textContent === text, viettel);
      const sentence = fresh.getByTestId('why-sentence');
      await sentence.waitFor({ timeout: 30000 });
      expect(await sentence.getAttribute('data-clutter')).toBe('forest');
      expect(await sentence.innerText()).toBe('Không có sóng tốt: trạm 4G gần nhất của Viettel cách 4,8 km, vùng phủ 4 km trong rừng.');
      const rows = fresh.locator('[data-testid="why-list"] li');
      expect(await rows.count()).toBeGreaterThan(0);
      expect(await rows.first().innerText()).toContain('Viettel');
      expect(await rows.first().innerText()).toMatch(/[-−]\d+,\d dB/);
      await fresh.getByTestId('selection').scrollIntoViewIfNeeded();
      await fresh.screenshot({ path: 'test-results/network-why-vi.png' });
      await fresh.getByTestId('selection').screenshot({ path: 'test-results/network-why-panel-vi.png' });
      await fresh.getByRole('button', { name: 'Switch to English' }).click();
      await fresh.waitForFunction(() => document.querySelector('[data-testid="why-sentence"]')?.textContent?.startsWith('No good signal: Viettel’s nearest 4G tower is'));
      expect(await fresh.getByTestId('why-sentence').innerText()).toMatch(/ km in forest\.$/);
      await fresh.getByTestId('network-panel').scrollIntoViewIfNeeded();
      await fresh.screenshot({ path: 'test-results/network-why-en.png' });
      await fresh.getByTestId('selection').screenshot({ path: 'test-results/network-why-panel-en.png' });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
    expect(s.errors).toEqual([]);
    // Two page loads of the whole province on a shared machine.
  }, 240000);
});
