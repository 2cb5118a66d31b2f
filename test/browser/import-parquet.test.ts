// A GeoParquet file of hamlets (written by the project's own writer) dropped on the import
// panel in headless Chromium: read in the worker, shown as GeoParquet with every row valid,
// and taken.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataFolder } from '../../src/cli/folder.ts';
import { writePointFile } from '../../src/domain/formats/index.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { executablePath, openSession, type Session } from './session.ts';

async function dropBytes(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ name, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name));
      const zone = document.querySelector('[data-testid="drop-zone"]') as HTMLElement;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { name, base64: Buffer.from(bytes).toString('base64') },
  );
}

describe.skipIf(!executablePath)('A GeoParquet file in the import panel', () => {
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
    await dropBytes(s.page, 'hamlets.parquet', writePointFile('hamlets', changed, 'geoparquet'));
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
});
