// Importing in headless Chromium: a file dropped on the page is checked in the worker and
// taken only on the user's word; a bad file leaves the data as it was; what was imported
// comes back after a reload until the user goes back to the bundled data; the map exports
// as a PNG.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataFolder } from '../../src/cli/folder.ts';
import { importImpact } from '../../src/domain/import/impact.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { formatPercent } from '../../src/ui/common/metrics.ts';
import { drop } from './drop.ts';
import { executablePath, openSession, savedDownload, type Session } from './session.ts';

/** The bundled hamlets and three new ones in a gap at the province's southern tip. */
function withNewHamlets(): string {
  const json = JSON.parse(readFileSync('data/hamlets.geojson', 'utf8')) as { features: unknown[] };
  for (let i = 1; i <= 3; i++) {
    json.features.push({
      type: 'Feature',
      properties: { id: `H-NEW-${i}`, name: `Ấp Mới ${i}`, population: 500 * i, grid_power: false, synthetic: true },
      geometry: { type: 'Point', coordinates: [104.717 + i * 0.002, 8.647] },
    });
  }
  return JSON.stringify(json);
}

describe.skipIf(!executablePath)('Import in headless Chromium', () => {
  let s: Session;
  const hamlets = () => s.page.locator('[data-testid="coverage-summary"] [data-figure="hamlets"] dd').innerText();

  beforeAll(async () => {
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
  });
  afterAll(async () => s?.close());

  it('checks a dropped file, then takes it when the user says so: the new points appear', async () => {
    expect(await hamlets()).toMatch(/trên 909\)$/);
    await drop(s.page, [{ name: 'hamlets.geojson', text: withNewHamlets() }]);
    const result = s.page.getByTestId('import-result');
    await result.waitFor({ timeout: 30000 });
    expect(await result.innerText()).toContain('hamlets.geojson: Ấp, khóm (hamlets) · GeoJSON · 912 / 912 dòng hợp lệ');
    // The share of hamlets with good signal in `current`, before and after (they follow the
    // check, once the worker has prepared the as-of day's pass): as the domain says.
    const files = readDataFolder('data');
    const before = parseDataset(files).dataset as Dataset;
    const after = parseDataset(files.map((f) => (f.path === 'hamlets.geojson' ? { ...f, text: withNewHamlets() } : f))).dataset as Dataset;
    const want = importImpact(before, after, ['hamlets']).hamletsGoodPct;
    expect(want.after).not.toBe(want.before);
    await s.page.locator('[data-testid="import-impact"] [data-figure="hamlets-good"][aria-busy="false"]').waitFor({ timeout: 30000 });
    const good = s.page.locator('[data-testid="import-impact"] [data-figure="hamlets-good"] td');
    expect(await good.nth(0).innerText()).toBe(formatPercent(want.before, 'vi'));
    expect(await good.nth(1).innerText()).toBe(formatPercent(want.after, 'vi'));
    // Nothing changed yet.
    expect(await hamlets()).toMatch(/trên 909\)$/);
    const map = s.page.getByTestId('map');
    const drawn = Number(await map.getAttribute('data-drawn'));
    await s.page.evaluate(() => Reflect.set(window, 'mapCanvasBefore', document.querySelector('[data-testid="map"] canvas')));
    await s.page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await s.page.waitForFunction(() => /trên 912\)$/.test(document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] dd')?.textContent ?? ''));
    expect(await s.page.getByTestId('import-status').innerText()).toBe('Đã nhập hamlets.geojson.');
    expect(await s.page.getByTestId('imported-files').innerText()).toContain('hamlets.geojson');
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    // The map drew the three new hamlets on the canvas it had: its GL context was kept, not made again.
    expect(Number(await map.getAttribute('data-drawn'))).toBe(drawn + 3);
    expect(await s.page.evaluate(() => document.querySelector('[data-testid="map"] canvas') === Reflect.get(window, 'mapCanvasBefore'))).toBe(true);
    await s.page.screenshot({ path: 'test-results/import.png' });
  });

  it('refuses a bad file with its reasons and keeps the data as it was', async () => {
    const broken = withNewHamlets().replace('"name":"Ấp Mới 2","population":1000', '"name":"Ấp Mới 2","population":-1000');
    await drop(s.page, [{ name: 'hamlets_fix.geojson', text: broken }]);
    const issues = s.page.getByTestId('import-issues');
    await issues.waitFor({ timeout: 30000 });
    // Said in the UI's language (Vietnamese), the feature counted from 1.
    expect(await issues.innerText()).toContain('hamlets_fix.geojson: đối tượng 911 (mã "H-NEW-2"), trường dữ liệu "population": là -1.000, phải là số nguyên ≥ 0');
    expect(await s.page.getByRole('button', { name: 'Nhập', exact: true }).count()).toBe(0);
    await s.page.getByRole('button', { name: 'Huỷ' }).click();
    expect(await hamlets()).toMatch(/trên 912\)$/);
    await drop(s.page, [{ name: 'notes.txt', text: 'hello' }]);
    await issues.waitFor({ timeout: 30000 });
    expect(await issues.innerText()).toContain('notes.txt: không biết tệp này chứa loại dữ liệu gì');
    await s.page.getByRole('button', { name: 'Huỷ' }).click();
    expect(await hamlets()).toMatch(/trên 912\)$/);
  });

  it('refuses a file with a byte-order mark, offers to strip it, then can take it; cancelled, the data stays', async () => {
    await drop(s.page, [{ name: 'hamlets.geojson', text: `\uFEFF${withNewHamlets()}` }]);
    const result = s.page.getByTestId('import-result');
    const issues = s.page.getByTestId('import-issues');
    await issues.waitFor({ timeout: 30000 });
    expect(await issues.innerText()).toContain('hamlets.geojson: tệp bắt đầu bằng dấu BOM (U+FEFF)');
    // Counted through the BOM; none valid while the whole file is refused.
    expect(await result.innerText()).toContain('hamlets.geojson: Ấp, khóm (hamlets) · GeoJSON · 0 / 912 dòng hợp lệ');
    expect(await s.page.getByRole('button', { name: 'Nhập', exact: true }).count()).toBe(0);
    const strip = s.page.getByRole('button', { name: 'Bỏ dấu BOM rồi kiểm tra lại' });
    expect(await strip.count()).toBe(1);
    await strip.click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="import-result"]')?.textContent?.includes('912 / 912 dòng hợp lệ') ?? false, undefined, { timeout: 30000 });
    expect(await issues.count()).toBe(0);
    expect(await strip.count()).toBe(0);
    expect(await s.page.getByRole('button', { name: 'Nhập', exact: true }).count()).toBe(1);
    await s.page.getByRole('button', { name: 'Huỷ' }).click();
    expect(await result.count()).toBe(0);
    expect(await hamlets()).toMatch(/trên 912\)$/);
  });

  it('keeps the imported data across a reload, until the user goes back to the bundled data', async () => {
    await s.page.reload();
    await s.page.waitForFunction(() => /trên 912\)$/.test(document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] dd')?.textContent ?? ''), undefined, { timeout: 60000 });
    await s.page.getByRole('button', { name: 'Quay về dữ liệu mẫu' }).click();
    await s.page.waitForFunction(() => /trên 909\)$/.test(document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] dd')?.textContent ?? ''), undefined, { timeout: 60000 });
    expect(await s.page.getByTestId('imported-files').count()).toBe(0);
  });

  it('exports the map as a PNG with its key and attribution', async () => {
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Tải ảnh bản đồ (PNG)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^song-map-.*\.png$/);
    const png = readFileSync(await savedDownload(download));
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.length).toBeGreaterThan(50_000);
    await download.saveAs('test-results/map-export.png');
    expect(s.errors).toEqual([]);
    expect(s.blocked).toEqual([]);
  });
});
