// The gap register in headless Chromium: accent-free search finds Vietnamese names, a row
// shows its place on the map, and the CSV export holds what the filters show (UTF-8 BOM), as
// does the GeoParquet export.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGeoParquet } from '../../src/domain/formats/geoparquet.ts';
import { executablePath, openSession, savedDownload, type Session } from './session.ts';

describe.skipIf(!executablePath)('Gap register in headless Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await s.page.getByRole('radio', { name: 'Trạm như trong hồ sơ (chưa tính nâng cấp)' }).check();
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

  it('moves a gap through its workflow, shows it in the row, and keeps it across a reload', async () => {
    const editor = s.page.getByTestId('gap-status-editor');
    await editor.waitFor();
    const gapId = await editor.getAttribute('data-gap');
    expect(gapId).toMatch(/^(hamlet|school):/);
    const next = editor.getByRole('combobox', { name: /^Chuyển sang/ });
    // From open, only "assigned" and "disputed" are offered: resolving needs an operator first.
    expect(await next.locator('option').allInnerTexts()).toEqual(['Đã giao', 'Có tranh chấp']);
    await next.selectOption({ label: 'Đã giao' });
    await editor.getByRole('combobox', { name: /^Nhà mạng nhận/ }).selectOption('VNPT');
    await editor.getByLabel('Ghi chú').fill('<b>kiểm tra</b> cột điện');
    await editor.getByLabel('Ngày').fill('2026-11-20');
    await editor.getByRole('button', { name: 'Ghi nhận' }).click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="gap-status-editor"]')?.getAttribute('data-status') === 'assigned');
    await next.selectOption({ label: 'Đang xử lý' });
    // A date before the last change is refused with the reason.
    await editor.getByLabel('Ngày').fill('2026-11-01');
    await editor.getByRole('button', { name: 'Ghi nhận' }).click();
    expect(await editor.innerText()).toContain('ngày 01/11/2026 sớm hơn lần thay đổi gần nhất của điểm này, ngày 20/11/2026');
    await editor.getByLabel('Ngày').fill('2026-11-25');
    await editor.getByRole('button', { name: 'Ghi nhận' }).click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="gap-status-editor"]')?.getAttribute('data-status') === 'in_progress');
    const history = await s.page.getByTestId('gap-history').innerText();
    // The note is shown as text, never as HTML.
    expect(history).toContain('20/11/2026: Đã giao · VNPT — <b>kiểm tra</b> cột điện');
    expect(await s.page.locator(`tr[data-gap="${gapId}"]`).innerText()).toContain('Đang xử lý · VNPT');
    await s.page.waitForTimeout(300);
    await s.page.reload();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await s.page.getByRole('radio', { name: 'Trạm như trong hồ sơ (chưa tính nâng cấp)' }).check();
    await s.page.getByTestId('gap-register').getByRole('combobox', { name: /^Trạng thái xử lý/ }).selectOption({ label: 'Đang xử lý' });
    await s.page.waitForFunction(() => document.querySelector('[data-testid="gaps-count"]')?.textContent === '1 trên 70 điểm');
    expect(await s.page.locator(`tr[data-gap="${gapId}"]`).innerText()).toContain('Đang xử lý · VNPT');
  });

  it('exports the filtered rows as a CSV that Excel reads in Vietnamese', async () => {
    const count = Number((await s.page.getByTestId('gaps-count').innerText()).split(' ')[0]);
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Xuất CSV (đang lọc)' }).click()]);
    const text = readFileSync(await savedDownload(download), 'utf8');
    expect(text.slice(0, 12)).toMatch(/^\uFEFF/);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(count + 1);
    expect(lines.slice(1).every((line) => line.includes('Đang xử lý') || line.includes('in_progress'))).toBe(true);
    await download.saveAs('test-results/gaps.csv');
    // The same rows as GeoParquet, read back by the importer's reader.
    const [parquet] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Xuất GeoParquet (đang lọc)' }).click()]);
    expect(parquet.suggestedFilename()).toMatch(/^gaps-\d{4}-\d{2}-\d{2}\.parquet$/);
    const read = await readGeoParquet('gaps.parquet', new Uint8Array(readFileSync(await savedDownload(parquet))));
    expect(read.issues).toEqual([]);
    const statusAt = read.table?.header.indexOf('status') ?? -1;
    const chunks = [];
    for await (const chunk of read.table?.chunks([statusAt]) ?? []) chunks.push(chunk);
    expect(chunks.reduce((n, c) => n + c.length, 0)).toBe(count);
    expect(chunks.flatMap((c) => Array.from(c.columns[statusAt] ?? []))).toEqual(Array(count).fill('in_progress'));
    await s.page.getByTestId('gap-register').screenshot({ path: 'test-results/gaps.png' });
    expect(s.errors).toEqual([]);
  });
});
