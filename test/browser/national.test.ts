// A large data set in headless Chromium: a simulated national folder of 100,000 points
// (90,000 hamlets, 10,000 schools) and 10,000 towers is imported; zoomed out, the map shows
// coverage per grid cell; a gap chosen in the register is framed, the map is panned by mouse,
// and the point under the cursor is the one that was chosen, by tooltip and by click.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFolder } from './national-folder.ts';
import { screenOf } from './screen.mjs';
import { executablePath, openSession, type Session } from './session.ts';

const SCALE = 0.1;

describe.skipIf(!executablePath)('100,000 points in headless Chromium', () => {
  let s: Session;
  let folder: { dir: string; paths: string[] };
  const mode = () => s.page.getByTestId('map').getAttribute('data-point-mode');
  const settled = () => s.page.locator('[data-testid="map"][data-moving="false"]').waitFor({ state: 'attached', timeout: 30000 });

  beforeAll(async () => {
    folder = nationalFolder(SCALE);
    s = await openSession();
    s.page.on('console', (m) => { if (/CLICK|MLDOWN|MLUP/.test(m.text())) console.log('PAGE', Date.now() % 100000, m.text()); });
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await s.page.locator('[data-testid="import-panel"] input[type=file]').setInputFiles(folder.paths);
    await s.page.getByRole('button', { name: 'Nhập', exact: true }).click({ timeout: 60000 });
    await s.page.waitForFunction(
      () => /trên 90\.000\)$/.test(document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] dd')?.textContent ?? ''),
      undefined,
      { timeout: 60000 },
    );
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 60000 });
  }, 180000);
  afterAll(async () => {
    await s?.close();
    if (folder) rmSync(folder.dir, { recursive: true, force: true });
  });

  it('shows the whole country as coverage per grid cell, with the figures of a cell on hover', async () => {
    expect(await mode()).toBe('cells');
    expect(await s.page.getByTestId('map-cells-note').innerText()).toContain('Phóng to để thấy từng ấp');
    // A school of the data, somewhere in a cell: hovering there names the cell and its figures.
    const map = s.page.getByTestId('map');
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await s.page.screenshot({ path: 'test-results/national-cells.png' });
    // Below the sticky time bar and right of the note: the map's open part.
    const top = Math.max(box.y, 300);
    let found = '';
    for (let k = 0; k < 80 && !found; k++) {
      const x = box.x + box.width * (0.45 + 0.5 * ((k * 7) % 11) / 10);
      const y = top + (Math.min(box.y + box.height, 860) - top) * (0.05 + 0.9 * ((k * 3) % 13) / 12);
      await s.page.mouse.move(x, y);
      await s.page.waitForTimeout(30);
      found = (await s.page.locator('.tooltip').allInnerTexts()).join('');
    }
    expect(found).toMatch(/^Ô lưới khoảng \d+ km/);
    expect(found).toMatch(/Số điểm\s*[\d.]+/);
    expect(s.errors).toEqual([]);
  });

  it('frames a gap from the register, pans by mouse, and picks that very point', async () => {
    const row = s.page.locator('[data-testid="gap-register"] tbody tr[data-gap]').first();
    await row.scrollIntoViewIfNeeded();
    const name = (await row.locator('td').first().innerText()).trim();
    await row.getByRole('button').first().click();
    const selection = s.page.getByTestId('selection');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-point-mode') === 'points', undefined, { timeout: 30000 });
    await settled();
    expect(await selection.innerText()).toContain(name);
    // The chosen point's place, as the selection panel holds it.
    const [lon, lat] = ((await selection.getAttribute('data-lonlat')) ?? '').split(',').map(Number) as [number, number];
    expect(Number.isFinite(lon) && Number.isFinite(lat)).toBe(true);

    await s.page.getByTestId('map').scrollIntoViewIfNeeded();
    // Pan: drag the map 180 px left and 90 px down.
    const before = await s.page.getByTestId('map').getAttribute('data-center');
    const start = await screenOf(s.page, lon, lat);
    await s.page.mouse.move(start.x + 40, start.y + 40);
    await s.page.mouse.down();
    await s.page.mouse.move(start.x - 60, start.y + 90, { steps: 8 });
    await s.page.mouse.move(start.x - 140, start.y + 130, { steps: 8 });
    await s.page.mouse.up();
    await s.page.waitForFunction((c) => document.querySelector('[data-testid="map"]')?.getAttribute('data-center') !== c, before);
    await settled();
    const after = await screenOf(s.page, lon, lat);
    expect(Math.abs(after.x - (start.x - 180))).toBeLessThan(3);
    expect(Math.abs(after.y - (start.y + 90))).toBeLessThan(3);

    // Hover: the tooltip names the point; a click on it selects it again.
    await s.page.keyboard.press('Escape');
    await s.page.mouse.move(after.x, after.y);
    await s.page.locator('.tooltip').waitFor();
    expect((await s.page.locator('.tooltip strong').innerText()).trim()).toBe(name);
    // As a hand clicks (a press of ~80 ms): right after a drag, an instant press is not taken as a click.
    console.log('CLICKING', Date.now() % 100000, after);
    await s.page.mouse.click(after.x, after.y, { delay: 80 });
    await s.page.waitForFunction(() => document.querySelector('[data-testid="selection"] strong') !== null);
    expect(await selection.innerText()).toContain(name);
    expect(await selection.getAttribute('data-lonlat')).toBe(`${lon},${lat}`);
    expect(s.errors).toEqual([]);
  });
});
