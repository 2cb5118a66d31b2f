// Keyboard only, in Vietnamese and English: a 2G tower found by typing in the search list,
// chosen, and its upgrade planned; the map reached by Tab shows a focus ring and its arrow
// keys move between nearby features, each read out in the live region; and an axe scan.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executablePath, openSession, type Session } from './session.ts';

describe.skipIf(!executablePath)('Every feature by keyboard', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
  });
  afterAll(async () => s?.close());

  /**
   * Presses Tab until the focused element matches `selector` (and has the text `text`, when
   * given); how many presses it took.
   */
  const tabTo = async (selector: string, text?: string, limit = 80): Promise<number> => {
    for (let i = 1; i <= limit; i++) {
      await s.page.keyboard.press('Tab');
      const hit = await s.page.evaluate(
        ([sel, want]) => document.activeElement?.matches(sel) === true && (want === null || document.activeElement.textContent === want),
        [selector, text ?? null] as const,
      );
      if (hit) return i;
    }
    throw new Error('not reached by Tab');
  };
  const announced = () => s.page.getByTestId('map-announcer').innerText();

  for (const lang of ['vi', 'en'] as const) {
    const words =
      lang === 'vi'
        ? { chosen: 'Đang chọn: Trạm', plan: 'Lập kế hoạch cho trạm này', apply: 'Lên kế hoạch nâng cấp', counts: '0 trạm mới, 1 trạm sửa, 0 trạm bỏ', undo: 'Hoàn tác', mapTab: 'Bản đồ' }
        : { chosen: 'Chosen: Tower', plan: 'Plan this tower', apply: 'Plan the upgrade', counts: '0 new, 1 changed, 0 removed towers', undo: 'Undo', mapTab: 'Map' };

    it(`${lang}: finds a 2G tower by typing, chooses it and plans its upgrade`, async () => {
      if (lang === 'en') {
        // The language switch by keyboard too.
        await s.page.locator('body').focus();
        // Tab goes on from the last focused control (the map tab) and wraps round to the header.
        await tabTo('button', 'English', 250);
        await s.page.keyboard.press('Enter');
        await s.page.waitForFunction(() => document.documentElement.lang === 'en');
      }
      await s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const presses = await tabTo('#finder-input');
      expect(presses).toBeLessThan(60);
      await s.page.keyboard.type('2G');
      const options = s.page.locator('#feature-finder-list [role="option"]');
      // The list follows the typed text a moment later (deferred): wait for "2G", not "2".
      await s.page.waitForFunction(() => /, 2G, /.test(document.querySelector('#feature-finder-list [role="option"]')?.textContent ?? ''));
      const first = await options.first().innerText();
      expect(first).toMatch(/, 2G, /);
      await s.page.keyboard.press('ArrowDown');
      const second = await options.nth(1).innerText();
      expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
      await s.page.keyboard.press('Enter');
      const towerId = /^\S+ (\S+):/.exec(second)?.[1] ?? '';
      expect(towerId).not.toBe('');
      await s.page.waitForFunction((id) => document.querySelector('[data-testid="map-announcer"]')?.textContent?.includes(id), towerId);
      expect(await announced()).toContain('2G');
      expect(await s.page.getByTestId('finder-tower').innerText()).toContain(`${words.chosen} ${towerId}`);

      await tabTo('button', words.plan);
      await s.page.keyboard.press('Enter');
      // The tower's editor, in the plan tab, has the focus.
      await s.page.waitForFunction(() => document.activeElement?.closest('[data-testid="tower-editor"]') !== null);
      expect(await s.page.locator('#tower-heading').innerText()).toContain(towerId);
      await tabTo('button', words.apply, 10);
      await s.page.keyboard.press('Enter');
      await s.page.waitForFunction((text) => document.querySelector('[data-testid="plan-counts"]')?.textContent === text, words.counts);
      // Back to where it was, for the next language.
      await s.page.getByRole('button', { name: words.undo }).focus();
      await s.page.keyboard.press('Enter');
      await s.page.getByRole('tab', { name: words.mapTab }).focus();
      await s.page.keyboard.press('Enter');
    });

    it(`${lang}: the map by Tab shows a focus ring, and its arrow keys move between features`, async () => {
      await s.page.locator('#finder-input').focus();
      await tabTo('.maplibregl-canvas');
      const ring = await s.page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return { style: style.outlineStyle, width: style.outlineWidth };
      });
      expect(ring).toEqual({ style: 'solid', width: '4px' });
      const before = await announced();
      const seen = new Set([before]);
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowUp', 'ArrowLeft', 'ArrowDown']) {
        const last = await announced();
        await s.page.keyboard.press(key);
        await s.page.waitForFunction((text) => document.querySelector('[data-testid="map-announcer"]')?.textContent !== text, last, { timeout: 5000 });
        seen.add(await announced());
      }
      // Each press chose another feature (a step back may return to one seen before).
      expect(seen.size).toBeGreaterThanOrEqual(4);
      // The focus stayed on the map, and the map did not pan under the plain arrows' default.
      expect(await s.page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
      await s.page.screenshot({ path: `test-results/keyboard-map-${lang}.png` });
    });

    it(`${lang}: has no serious accessibility violations`, async () => {
      const results = await new AxeBuilder({ page: s.page }).exclude('.maplibregl-canvas').analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
    });
  }

  it('made no requests off the machine and threw no errors', () => {
    expect(s.blocked).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
