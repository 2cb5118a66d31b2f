// The gap register in headless Chromium: accent-free search finds Vietnamese names, a row
// shows its place on the map, and the CSV export holds what the filters show (UTF-8 BOM).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executablePath, openSession, type Session } from './session.ts';

describe.skipIf(!executablePath)('Gap register in headless Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await s.page.getByRole('radio', { name: 'Hiện tại' }).check();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="gaps-count"]')?.textContent === '70 trên 70 điểm');
  });
  afterAll(async () => s?.close());

  it('filters by an accent-free search and by district, and a row shows its place', async () => {
    await s.page.getByLabel('Tìm (tên, mã, huyện, xã; không cần dấu)').fill('dat mui');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="gaps-count"]')?.textContent === '4 trên 70 điểm');
    const rows = s.page.locator('[data-testid="gap-register"] tbody tr[data-gap]');
    expect(await rows.count()).toBe(4);
    expect(await rows.first().innerText()).toContain('Xã Đất Mũi');
    await rows.first().getByRole('button').click();
    const selection = s.page.getByTestId('selection');
    await selection.waitFor();
    expect(await selection.innerText()).toContain('Ấp 2');
    expect(await rows.first().getAttribute('aria-selected')).toBe('true');
    await s.page.getByLabel('Tìm (tên, mã, huyện, xã; không cần dấu)').fill('');
    await s.page.getByTestId('gap-register').getByRole('combobox', { name: /^Huyện/ }).selectOption({ label: 'Huyện Ngọc Hiển' });
    await s.page.waitForFunction(() => /^\d+ trên 70 điểm$/.test(document.querySelector('[data-testid="gaps-count"]')?.textContent ?? '') && document.querySelector('[data-testid="gaps-count"]')?.textContent !== '70 trên 70 điểm');
  });

  it('exports the filtered rows as a CSV that Excel reads in Vietnamese', async () => {
    const count = Number((await s.page.getByTestId('gaps-count').innerText()).split(' ')[0]);
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Xuất CSV (đang lọc)' }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.slice(0, 12)).toMatch(/^\uFEFF/);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(count + 1);
    expect(lines.slice(1).every((line) => line.includes('Huyện Ngọc Hiển'))).toBe(true);
    await download.saveAs('test-results/gaps.csv');
    await s.page.getByTestId('gap-register').screenshot({ path: 'test-results/gaps.png' });
    expect(s.errors).toEqual([]);
  });
});
