// Live sync between two devices (two browser contexts, each with its own storage) through
// `npm run sync-server` on 127.0.0.1: both connect with the address and a token typed in
// the status panel, go offline, change the same gap and one other each, go online, and
// both end with all four changes; the concurrent pair shows the same winner on both and
// the loser kept, struck through.
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCE_TOKEN, startChildServer, workFolder, type ChildServer } from '../server/helpers.ts';
import { CONTEXT, executablePath, previewUrl, sharedBrowser } from './session.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

interface Device {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

describe.skipIf(!executablePath)('live sync between two devices', () => {
  let sync: ChildServer;
  let browser: Browser;
  const devices: Device[] = [];

  async function open(): Promise<Device> {
    const context = await browser.newContext({ ...CONTEXT, viewport: { width: 1280, height: 900 } });
    await context.route('**/*', (route) => (LOOPBACK.has(new URL(route.request().url()).hostname) ? route.continue() : route.abort('blockedbyclient')));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    // Loads refused while the context is offline are what offline means, not a fault.
    page.on('console', (m) => void (m.type() === 'error' && !m.text().includes('ERR_INTERNET_DISCONNECTED') && errors.push(`console: ${m.text()}`)));
    await page.goto(previewUrl());
    await page.locator('[data-testid="gap-register"] tbody tr[data-gap]').first().waitFor({ timeout: 60000 });
    return { context, page, errors };
  }

  const panel = (d: Device) => d.page.getByTestId('live-sync');
  // Clicks as DOM events: while the map is still being drawn (software WebGL) the browser may
  // hold back real mouse input, and this test is about the register, not the mouse.
  const press = (locator: Locator) => locator.dispatchEvent('click');
  const waitFor = async (d: Device, selector: string) => {
    try {
      await d.page.locator(selector).waitFor({ state: 'attached', timeout: 60000 });
    } catch (error) {
      // Say what the panel said instead, and the page's errors.
      const said = await panel(d).evaluate((e) => `${e.getAttribute('data-phase')} ${e.getAttribute('data-waiting')}: ${e.textContent ?? ''}`);
      throw new Error(`${String(error).slice(0, 200)}\nlive sync panel: ${said}\nerrors: ${d.errors.join('; ')}`);
    }
  };
  let last = Date.now();
  /** Where the test is, with the time each step took (a slow machine shows where). */
  const step = (what: string) => {
    console.log(`live sync browser test: ${what} (${Date.now() - last} ms)`);
    last = Date.now();
  };

  async function change(d: Device, gapId: string, status: string, operator?: string): Promise<void> {
    await press(d.page.locator(`tr[data-gap="${gapId}"] button.link`));
    const editor = d.page.locator(`[data-testid="gap-status-editor"][data-gap="${gapId}"]`);
    await editor.waitFor();
    await editor.getByRole('combobox', { name: /^Chuyển sang/ }).selectOption({ label: status });
    if (operator) await editor.getByRole('combobox', { name: /^Nhà mạng nhận/ }).selectOption(operator);
    await press(editor.getByRole('button', { name: 'Ghi nhận' }));
    await d.page.waitForFunction((id) => document.querySelector(`[data-testid="gap-status-editor"][data-gap="${id}"]`)?.getAttribute('data-status') !== 'open', gapId);
  }

  beforeAll(async () => {
    [sync, browser] = await Promise.all([startChildServer(workFolder()), sharedBrowser()]);
    devices.push(...(await Promise.all([open(), open()])));
    step('server, preview and two devices ready');
  });
  afterAll(async () => {
    await browser?.close();
    sync?.child.kill('SIGTERM');
    await sync?.exited;
  });

  it('both devices end with the union of their offline changes, the concurrent one kept struck through', async () => {
    const started = Date.now();
    const [a, b] = devices as [Device, Device];
    const gaps = await a.page.locator('[data-testid="gap-register"] tbody tr[data-gap]').evaluateAll((rows) => rows.slice(0, 3).map((r) => r.getAttribute('data-gap') as string));
    const [g1, g2, g3] = gaps as [string, string, string];

    for (const [d, name] of [[a, 'Lan'], [b, 'Minh']] as const) {
      await d.page.getByLabel('Người ghi').fill(name);
      await panel(d).getByLabel('Địa chỉ máy chủ (ws://…)').fill(sync.url);
      await panel(d).getByLabel('Mã truy cập của đơn vị').fill(PROVINCE_TOKEN);
      await press(panel(d).getByRole('button', { name: 'Kết nối' }));
    }
    for (const d of devices) await waitFor(d, '[data-testid="live-sync"][data-phase="online"]');
    step('both connected');
    expect(await panel(a).getByTestId('live-sync-status').innerText()).toContain('Đã kết nối (Sở TT&TT Cà Mau)');

    await Promise.all(devices.map((d) => d.context.setOffline(true)));
    for (const d of devices) await waitFor(d, '[data-testid="live-sync"][data-phase="noNetwork"]');
    step('both offline');
    await change(a, g1, 'Đã giao', 'VNPT');
    await change(a, g2, 'Có tranh chấp');
    await change(b, g1, 'Đã giao', 'Viettel');
    await change(b, g3, 'Đã giao', 'MobiFone');
    for (const d of devices) await waitFor(d, '[data-testid="live-sync"][data-waiting="2"]');
    step('four changes made offline');
    expect(await panel(b).getByTestId('live-sync-status').innerText()).toContain('2 thay đổi đang chờ gửi');

    await Promise.all(devices.map((d) => d.context.setOffline(false)));
    for (const d of devices) await waitFor(d, '[data-testid="live-sync"][data-phase="online"][data-waiting="0"]');
    step('both online, nothing waiting');

    const shown: string[] = [];
    for (const d of devices) {
      // Each holds the other's change to its own gap…
      for (const [gap, status] of [[g2, 'disputed'], [g3, 'assigned']] as const) {
        await press(d.page.locator(`tr[data-gap="${gap}"] button.link`));
        await waitFor(d, `[data-testid="gap-status-editor"][data-gap="${gap}"][data-status="${status}"]`);
      }
      // …and both changes to the shared one: one applied, the other kept as a conflict, struck through.
      await press(d.page.locator(`tr[data-gap="${g1}"] button.link`));
      await waitFor(d, `[data-testid="gap-status-editor"][data-gap="${g1}"] [data-testid="gap-history"] [data-state="conflict"] s`);
      const history = d.page.getByTestId('gap-history');
      expect(await history.locator('li').count()).toBe(2);
      shown.push(await d.page.locator(`tr[data-gap="${g1}"]`).innerText());
      expect(await panel(d).getByTestId('live-sync-status').innerText()).toMatch(/Không còn thay đổi chờ gửi · Đồng bộ lần cuối: \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    }
    expect(shown[0]).toBe(shown[1]);
    expect(shown[0]).toMatch(/Đã giao · (VNPT|Viettel)/);
    for (const d of devices) expect(d.errors).toEqual([]);
    step('both hold the union');
    console.log(`live sync browser test: ${Date.now() - started} ms from connecting to the union on both`);
    // Generous for a loaded 2-core machine; the steps above say where the time went.
  }, 240000);
});
