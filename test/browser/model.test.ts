// The coverage model as a what-if in headless Chromium: switching to path loss changes the
// figures and the map, a parameter typed with a decimal comma changes them again, a value
// model.json would refuse is refused with its message, and undo brings the parameter back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executablePath, openSession, type Session } from './session.ts';

const impactHamlets = '[data-testid="plan-impact"] [data-figure="hamlets"] [data-after]';

describe.skipIf(!executablePath)('Coverage model panel, in headless Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
  });
  afterAll(async () => s?.close());

  it('switches to path loss, edits a parameter and undoes it', async () => {
    const page = s.page;
    const before = await s.pixelsWhen((c) => c.good > 200);
    await page.getByRole('tab', { name: 'Kế hoạch' }).click();
    const panel = page.getByTestId('model-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-model')).toBe('fixed');
    const fixed = await page.locator(impactHamlets).innerText();
    const changed = (text: string) =>
      page.waitForFunction(([sel, old]) => document.querySelector(sel as string)?.textContent !== old, [impactHamlets, text] as const);

    await page.getByRole('radio', { name: /Suy hao đường truyền/ }).check();
    await changed(fixed);
    const pathLoss = await page.locator(impactHamlets).innerText();
    expect(Number(pathLoss.replace(/\D/g, ''))).toBeLessThan(Number(fixed.replace(/\D/g, '')));
    expect(await panel.getAttribute('data-model')).toBe('path_loss');
    // Before → after in the panel: the fixed figure, then the path-loss one.
    await page.getByTestId('model-impact').waitFor();
    expect(await page.locator('[data-testid="model-impact"] [data-figure="hamlets"] [data-before]').innerText()).toBe(fixed);
    // Fewer points drawn with good signal: the map follows the model.
    const drawn = await s.pixelsWhen((c) => c.good < before.good);
    expect(drawn.good).toBeLessThan(before.good);

    // A larger 4G path loss budget, typed with a decimal comma: more hamlets reached.
    const mapl4g = panel.locator('[data-group="maxPathLossDb"] input').nth(2);
    expect(await mapl4g.inputValue()).toBe('125');
    await mapl4g.fill('131,5');
    await mapl4g.press('Enter');
    await changed(pathLoss);
    const wider = await page.locator(impactHamlets).innerText();
    expect(Number(wider.replace(/\D/g, ''))).toBeGreaterThan(Number(pathLoss.replace(/\D/g, '')));
    expect(await mapl4g.inputValue()).toBe('131,5');

    // model.json's own check: a band outside 100–6000 MHz is refused, with why.
    const band4g = panel.locator('[data-group="bandMhz"] input').nth(2);
    await band4g.fill('50');
    await band4g.press('Enter');
    const problem = panel.locator('[data-group="bandMhz"] [role="alert"]');
    expect(await problem.innerText()).toMatch(/100.*6000|6\.000/);
    await band4g.press('Escape');
    await panel.getByRole('button', { name: 'Trả lại lần sửa mô hình trước' }).click();
    await changed(wider);
    expect(await page.locator(impactHamlets).innerText()).toBe(pathLoss);
    expect(await mapl4g.inputValue()).toBe('125');
    // The panel is taller than the window: a taller one, and the panel's box of the page.
    await page.setViewportSize({ width: 1280, height: 2000 });
    const shot = async (path: string) => {
      await panel.scrollIntoViewIfNeeded();
      const box = await panel.boundingBox();
      if (box) await page.screenshot({ path, clip: box });
    };
    await shot('test-results/model-panel-vi.png');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await panel.getByRole('radio', { name: /Path loss/ }).waitFor();
    await shot('test-results/model-panel-en.png');
    expect(s.errors).toEqual([]);
  }, 120000);
});
