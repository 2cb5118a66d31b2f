// Files in formats other than the contract's, in the import panel in headless Chromium, on
// one page: a GeoParquet file of hamlets (written by the project's own writer) is read in the
// worker, shown as GeoParquet with every row valid, and taken; then a Giga school file
// (GeoJSON whose properties are not the contract's) shows its properties' mapping like a
// CSV's columns, the user's change holds on screen and applies once checked again, and the
// schools are taken.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataFolder } from '../../src/cli/folder.ts';
import { writePointFile } from '../../src/domain/formats/index.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { drop } from './drop.ts';
import { executablePath, openSession, type Session } from './session.ts';

describe.skipIf(!executablePath)('Files in other formats in the import panel', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
  });
  afterAll(async () => s?.close());

  it('reads the hamlets, says they are GeoParquet, and takes them', async () => {
    const hamlets = parseDataset(readDataFolder('data')).dataset?.hamlets ?? [];
    expect(hamlets.length).toBeGreaterThan(0);
    const changed = hamlets.map((h) => ({ ...h, population: h.population + 1 }));
    await drop(s.page, [{ name: 'hamlets.parquet', text: writePointFile('hamlets', changed, 'geoparquet') }]);
    const result = s.page.getByTestId('import-result');
    await result.waitFor({ timeout: 30000 });
    const text = await result.innerText();
    expect(text).toContain('hamlets.parquet');
    expect(text).toContain('GeoParquet');
    const n = changed.length.toLocaleString('vi-VN');
    expect(text).toContain(`${n} / ${n}`);
    const guard = s.page.getByLabel('Tôi đã xem các thay đổi trên và vẫn muốn nhập');
    if ((await guard.count()) > 0) await guard.check();
    await s.page.getByRole('button', { name: 'Nhập', exact: true }).focus();
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="import-status"]')?.textContent === 'Đã nhập hamlets.parquet.', undefined, { timeout: 60000 });
    expect(await s.page.getByTestId('imported-files').innerText()).toContain('hamlets.geojson');
  });

  it('shows the guessed properties, keeps the user\'s choice, and takes the schools', async () => {
    await drop(s.page, [{ name: 'giga_schools.geojson', text: readFileSync('test/fixtures/import/geojson/giga_schools.geojson', 'utf8') }]);
    const result = s.page.getByTestId('import-result');
    await result.waitFor({ timeout: 30000 });
    const idSelect = s.page.getByLabel('Thuộc tính cho Mã (id)');
    expect(await idSelect.locator('option:checked').innerText()).toBe('school_id_giga');
    expect(await s.page.getByLabel('Thuộc tính cho Kinh độ (lon)').locator('option:checked').innerText()).toBe('longitude');
    await idSelect.selectOption({ label: 'school_id_govt' });
    // The choice stays on screen before and after the check.
    expect(await idSelect.locator('option:checked').innerText()).toBe('school_id_govt');
    // By keyboard, as a user who tabs to it would (the pointer may sit over the map's overlays).
    await s.page.getByRole('button', { name: 'Kiểm tra lại' }).focus();
    await s.page.keyboard.press('Enter');
    await s.page.getByTestId('import-issues').waitFor({ timeout: 30000 });
    expect(await s.page.getByLabel('Thuộc tính cho Mã (id)').locator('option:checked').innerText()).toBe('school_id_govt');
    const text = await result.innerText();
    expect(text).toContain('giga_schools.geojson');
    expect(text).toContain('3 / 3');
    expect(await s.page.getByTestId('import-issues').innerText()).toContain('"1 234" được đọc là 1.234');
    // Three schools in place of the province's: the guard asks for a confirmation first.
    await s.page.getByLabel('Tôi đã xem các thay đổi trên và vẫn muốn nhập').check();
    await s.page.getByRole('button', { name: 'Nhập', exact: true }).focus();
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="import-status"]')?.textContent === 'Đã nhập giga_schools.geojson.', undefined, { timeout: 60000 });
    expect(await s.page.getByTestId('imported-files').innerText()).toContain('schools.geojson');
  });
});
