// The planner's workbench in headless Chromium: a tower added and moved onto a gap raises the
// covered count at once, undo and redo step through the edits, the plan survives a reload,
// siting suggestions join the plan in one step, and the exported towers file re-imports.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/domain/parse/index.ts';
import type { Tower } from '../../src/domain/types.ts';
import { executablePath, openSession, savedDownload, type Session } from './session.ts';

// A hamlet without good signal even in the planned scenario (the siting command's first pick
// on the bundled data): a tower there covers it.
const GAP = { lon: '104.71719', lat: '8.64723' };
const LOADED_TOWERS = 397;

describe.skipIf(!executablePath)('Planner workbench in headless Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await s.page.getByRole('tab', { name: 'Kế hoạch' }).click();
    await s.page.getByTestId('plan-impact').waitFor();
  });
  afterAll(async () => s?.close());

  const counts = () => s.page.getByTestId('plan-counts').innerText();
  const after = async (figure: string) =>
    Number((await s.page.locator(`[data-testid="plan-impact"] tr[data-figure="${figure}"] td[data-after]`).innerText()).replace(/\./g, ''));
  const waitAfter = (figure: string, test: 'gt' | 'eq', value: number) =>
    s.page.waitForFunction(
      ([f, t, v]) => {
        const text = document.querySelector(`[data-testid="plan-impact"] tr[data-figure="${f}"] td[data-after]`)?.textContent;
        if (!text) return false;
        const n = Number(text.replace(/\./g, ''));
        return t === 'gt' ? n > (v as number) : n === v;
      },
      [figure, test, value] as const,
      { timeout: 15000 },
    );
  let baseline = 0;
  let withTower = 0;

  it('adds a tower, moves it onto a gap by its fields, and the covered count rises at once', async () => {
    const before = await s.page.locator('[data-testid="plan-impact"] tr[data-figure="hamlets"] td').first().innerText();
    expect(before).toMatch(/^\d+$/);
    await s.page.getByRole('button', { name: 'Thêm trạm ở giữa bản đồ' }).click();
    expect(await counts()).toBe('1 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    // A planned tower without a date is on air in the planned scenario only: the view moves there.
    expect(await s.page.getByRole('radio', { name: 'Theo quy hoạch' }).isChecked()).toBe(true);
    // The figures of the planned scenario, once the worker has answered for it.
    await s.page.locator('[data-testid="plan-impact"][data-scenario="planned"]').waitFor();
    baseline = Number((await s.page.locator('[data-testid="plan-impact"] tr[data-figure="hamlets"] td').first().innerText()).replace(/\./g, ''));
    const editor = s.page.getByTestId('tower-editor');
    await editor.getByLabel('Kinh độ').fill(GAP.lon);
    await editor.getByLabel('Kinh độ').press('Enter');
    await editor.getByLabel('Vĩ độ').fill(GAP.lat);
    await editor.getByLabel('Vĩ độ').press('Enter');
    await waitAfter('hamlets', 'gt', baseline);
    withTower = await after('hamlets');
    expect(withTower).toBeGreaterThan(baseline);
    expect(await after('population')).toBeGreaterThan(0);
    expect(await s.page.getByTestId('plan-gained').innerText()).toMatch(/^[1-9]\d* điểm mới có sóng tốt/);
    await s.page.locator('.workspace').screenshot({ path: 'test-results/planner.png' });
  });

  it('undoes and redoes each edit, by button and by keyboard', async () => {
    await s.page.getByRole('button', { name: 'Hoàn tác' }).click();
    await waitAfter('hamlets', 'eq', baseline);
    expect(await counts()).toBe('1 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    await s.page.getByRole('button', { name: 'Làm lại' }).click();
    await waitAfter('hamlets', 'eq', withTower);
    // Shortcuts act outside text fields.
    await s.page.locator('#plan-heading').click();
    await s.page.keyboard.press('Control+z');
    await s.page.keyboard.press('Control+z');
    await s.page.keyboard.press('Control+z');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="plan-counts"]')?.textContent?.startsWith('0 trạm mới'));
    await waitAfter('hamlets', 'eq', baseline);
    await s.page.keyboard.press('Control+Shift+z');
    await s.page.keyboard.press('Control+Shift+z');
    await s.page.keyboard.press('Control+y');
    await waitAfter('hamlets', 'eq', withTower);
    expect(await counts()).toBe('1 trạm mới, 0 trạm sửa, 0 trạm bỏ');
  });

  it('places a tower with a click in add mode', async () => {
    await s.page.getByRole('button', { name: 'Thêm trạm (bấm lên bản đồ)' }).click();
    const box = await s.page.locator('.map canvas').first().boundingBox();
    if (!box) throw new Error('no map canvas');
    await s.page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.4);
    expect(await counts()).toBe('2 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    await s.page.keyboard.press('Escape');
    expect(await s.page.getByRole('button', { name: 'Thêm trạm (bấm lên bản đồ)' }).getAttribute('aria-pressed')).toBe('false');
    await s.page.getByRole('button', { name: 'Hoàn tác' }).click();
    expect(await counts()).toBe('1 trạm mới, 0 trạm sửa, 0 trạm bỏ');
  });

  it('drags a planned tower to move it, as one undo step', async () => {
    await s.page.getByRole('button', { name: 'Thêm trạm ở giữa bản đồ' }).click();
    expect(await counts()).toBe('2 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    const editor = s.page.getByTestId('tower-editor');
    // Vietnamese fields show a decimal comma.
    const lonBefore = Number((await editor.getByLabel('Kinh độ').inputValue()).replace(',', '.'));
    const box = await s.page.locator('.map canvas').first().boundingBox();
    if (!box) throw new Error('no map canvas');
    // The new tower sits at the map's centre.
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await s.page.mouse.move(cx, cy);
    await s.page.mouse.down();
    for (let i = 1; i <= 5; i++) await s.page.mouse.move(cx + 16 * i, cy);
    await s.page.mouse.up();
    await s.page.waitForFunction((before) => {
      const input = [...document.querySelectorAll('[data-testid="tower-editor"] label')].find((l) => l.textContent?.startsWith('Kinh độ'));
      return Number(input?.querySelector('input')?.value.replace(',', '.')) > before + 0.001;
    }, lonBefore);
    expect(await counts()).toBe('2 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    // The whole drag is one step: one undo puts the tower back where it was placed.
    await s.page.getByRole('button', { name: 'Hoàn tác' }).click();
    expect(Number((await editor.getByLabel('Kinh độ').inputValue()).replace(',', '.'))).toBeCloseTo(lonBefore, 5);
    await s.page.getByRole('button', { name: 'Hoàn tác' }).click();
    expect(await counts()).toBe('1 trạm mới, 0 trạm sửa, 0 trạm bỏ');
  });

  it('finds the plan intact after a reload', async () => {
    await s.page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-phase') === 'saved');
    await s.page.reload();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await s.page.getByRole('tab', { name: 'Kế hoạch' }).click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="plan-counts"]')?.textContent?.startsWith('1 trạm mới'));
    expect(await s.page.getByTestId('save-status').innerText()).toMatch(/^Đã khôi phục/);
    await s.page.getByRole('radio', { name: 'Theo quy hoạch' }).check();
    await s.page.locator('[data-testid="plan-impact"][data-scenario="planned"]').waitFor();
    await waitAfter('hamlets', 'eq', withTower);
  });

  it('suggests sites, flags those off the grid, and adds the chosen ones in one step', async () => {
    const panel = s.page.getByTestId('siting-panel');
    await panel.getByRole('button', { name: 'Gợi ý', exact: true }).click();
    await s.page.getByTestId('siting-summary').waitFor({ timeout: 20000 });
    const sites = panel.locator('[data-testid="siting-sites"] li');
    const n = await sites.count();
    expect(n).toBeGreaterThan(0);
    expect(await panel.getByText('cần nguồn điện riêng', { exact: false }).count()).toBeGreaterThan(0);
    await panel.getByRole('button', { name: `Thêm ${n} vị trí đã chọn vào kế hoạch` }).click();
    expect(await counts()).toBe(`${1 + n} trạm mới, 0 trạm sửa, 0 trạm bỏ`);
    await waitAfter('hamlets', 'gt', withTower);
    await s.page.locator('.workspace').screenshot({ path: 'test-results/planner-siting.png' });
    // The whole tab, with a tower chosen and suggestions listed: labelled, keyboard-reachable.
    const results = await new AxeBuilder({ page: s.page }).include('#tabpanel-plan').analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    await s.page.setViewportSize({ width: 640, height: 860 });
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await s.page.setViewportSize({ width: 1280, height: 860 });
    await s.page.getByRole('button', { name: 'Hoàn tác' }).click();
    expect(await counts()).toBe('1 trạm mới, 0 trạm sửa, 0 trạm bỏ');
  });

  it('exports the plan as towers.geojson and imports it back', async () => {
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByRole('button', { name: 'Xuất kế hoạch (GeoJSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('towers.geojson');
    const path = await savedDownload(download);
    const text = readFileSync(path, 'utf8');
    const { value, issues } = parseFile('towers', 'towers.geojson', text);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const towers = value as Tower[];
    expect(towers).toHaveLength(LOADED_TOWERS + 1);
    const added = towers[towers.length - 1] as Tower;
    expect([added.status, added.technology, added.lon.toFixed(5), added.lat.toFixed(5)]).toEqual(['planned', '4G', GAP.lon, GAP.lat]);

    // A partner's edit of the file: the added tower under another id, one loaded tower gone.
    const geojson = JSON.parse(text) as { features: { properties: { id: string } }[] };
    const last = geojson.features[geojson.features.length - 1];
    if (!last) throw new Error('empty export');
    last.properties.id = 'P-0009';
    geojson.features.splice(0, 1);
    const edited = join(mkdtempSync(join(tmpdir(), 'song-plan-')), 'towers-edited.geojson');
    writeFileSync(edited, JSON.stringify(geojson));
    await s.page.getByLabel('Nhập kế hoạch').setInputFiles(edited);
    await s.page.waitForFunction(() => document.querySelector('[data-testid="plan-counts"]')?.textContent?.startsWith('1 trạm mới, 0 trạm sửa, 1 trạm bỏ'));
    expect(await s.page.getByTestId('plan-panel').innerText()).toContain('Đã nhập towers-edited.geojson: 1 trạm mới, 0 trạm sửa, 1 trạm bỏ.');
    await waitAfter('hamlets', 'gt', baseline);

    // A broken file is refused with its reason, and the plan stays as it was.
    const broken = join(mkdtempSync(join(tmpdir(), 'song-plan-')), 'towers-broken.geojson');
    writeFileSync(broken, text.replace('"technology": "4G"', '"technology": "6G"'));
    await s.page.getByLabel('Nhập kế hoạch').setInputFiles(broken);
    await s.page.getByText('Không nhập được towers-broken.geojson; kế hoạch hiện tại giữ nguyên:').waitFor();
    expect(await s.page.getByTestId('plan-panel').innerText()).toMatch(/technology/);
    expect(await counts()).toBe('1 trạm mới, 0 trạm sửa, 1 trạm bỏ');

    // The import is one undo step.
    await s.page.getByRole('button', { name: 'Hoàn tác' }).click();
    expect(await counts()).toBe('1 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    expect(s.errors.filter((e) => !e.includes('404'))).toEqual([]);
    expect(s.blocked).toEqual([]);
  });
});
