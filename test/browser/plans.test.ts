// Several plans: the plan cleared in one undoable step, two named plans saved on the device
// and compared side by side, one opened again (an undo step), and the names kept over a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executablePath, openSession, type Session } from './session.ts';

describe.skipIf(!executablePath)('Named plans in headless Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await s.page.getByRole('tab', { name: 'Kế hoạch' }).click();
    await s.page.getByTestId('plan-panel').waitFor();
  });
  afterAll(async () => s?.close());

  const counts = () => s.page.getByTestId('plan-counts').innerText();
  const saveAs = async (name: string) => {
    await s.page.getByLabel('Tên phương án').fill(name);
    await s.page.getByRole('button', { name: 'Lưu thành phương án' }).click();
    await s.page.getByText(`Đã lưu phương án “${name}”.`).waitFor({ timeout: 30000 });
  };
  const column = (name: string) => s.page.locator(`[data-testid="named-compare"] th[data-plan="${name}"]`);
  const figure = async (row: string, col: number) =>
    s.page.locator(`[data-testid="named-compare"] tr[data-figure="${row}"] td`).nth(col).innerText();

  it('saves two named plans, compares them, clears and reopens in one step each', async () => {
    await s.page.getByRole('button', { name: 'Thêm trạm ở giữa bản đồ' }).click();
    await s.page.getByRole('button', { name: 'Thêm trạm ở giữa bản đồ' }).click();
    expect(await counts()).toBe('2 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    await saveAs('Hai trạm');
    await s.page.getByRole('button', { name: 'Xóa hết kế hoạch' }).click();
    expect(await counts()).toBe('0 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    await saveAs('Không có gì');
    await column('Hai trạm').waitFor();
    await column('Không có gì').waitFor();
    // Columns: the names in order ("Hai trạm", "Không có gì"), then the plan being edited.
    const withTwo = Number((await figure('hamlets', 0)).replace(/\./g, ''));
    const without = Number((await figure('hamlets', 1)).replace(/\./g, ''));
    expect(without).toBeGreaterThan(0);
    expect(withTwo).toBeGreaterThanOrEqual(without);
    expect(await s.page.locator('[data-testid="named-compare"] [data-status]').count()).toBeGreaterThan(0);

    await s.page.getByRole('button', { name: 'Mở “Hai trạm”' }).click();
    expect(await counts()).toBe('2 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    await s.page.getByRole('button', { name: 'Hoàn tác' }).click();
    expect(await counts()).toBe('0 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    await s.page.getByRole('button', { name: 'Hoàn tác' }).click();
    expect(await counts()).toBe('2 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    await s.page.getByTestId('named-plans').screenshot({ path: 'test-results/named-plans.png' });
  });

  it('keeps the named plans over a reload', async () => {
    await s.page.reload();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await s.page.getByRole('tab', { name: 'Kế hoạch' }).click();
    await column('Hai trạm').waitFor();
    await column('Không có gì').waitFor();
  });

  it('made no requests off the machine and threw no errors', () => {
    expect(s.blocked).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
