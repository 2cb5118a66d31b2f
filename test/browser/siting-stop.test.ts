// Issue 13: stopping a siting run in headless Chromium. On the bundled data both searches end
// before a person could press "Dừng", so a simulated national folder of 100,000 points is
// imported (nothing in the app is slowed for the test): there the greedy over a budget that
// buys every site, each covering 30 km, takes long, and HiGHS, given ten minutes, searches
// long after the quick answer to 20 tỷ đồng. Each is
// stopped by its button; the panel says so in Vietnamese, the plan is as it was, and the
// plan edits right after are answered by the engine.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFolder } from './national-folder.ts';
import { executablePath, openSession, type Session } from './session.ts';

describe.skipIf(!executablePath)('Stopping a siting run in headless Chromium', () => {
  let s: Session;
  let folder: { dir: string; paths: string[] };
  const panel = () => s.page.getByTestId('siting-panel');
  const counts = () => s.page.getByTestId('plan-counts').innerText();
  const impact = () => s.page.locator('[data-testid="plan-impact"] tbody').innerText();
  let planned = '';

  beforeAll(async () => {
    folder = nationalFolder(0.1);
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await s.page.locator('[data-testid="import-panel"] input[type=file]').setInputFiles(folder.paths);
    await s.page.getByRole('button', { name: 'Nhập', exact: true }).click({ timeout: 60000 });
    await s.page.waitForFunction(
      () => /trên 90\.000\)$/.test(document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] dd')?.textContent ?? ''),
      undefined,
      { timeout: 90000 },
    );
    await s.page.getByRole('tab', { name: 'Kế hoạch' }).click();
    await s.page.getByTestId('siting-panel').waitFor();
    // A plan to keep: one new tower, its figures answered in the planned scenario.
    await s.page.getByRole('button', { name: 'Thêm trạm ở giữa bản đồ' }).click();
    await s.page.locator('[data-testid="plan-impact"][data-scenario="planned"]').waitFor({ timeout: 30000 });
    planned = await impact();
    // Back to the recorded towers, so that the next edit's switch to planned shows an answer.
    await s.page.getByRole('radio', { name: 'Trạm như trong hồ sơ (chưa tính nâng cấp)' }).check();
    await s.page.locator('[data-testid="plan-impact"][data-scenario="current"]').waitFor({ timeout: 30000 });
    await panel().getByRole('radio', { name: 'Ngân sách mua được gì' }).check();
    await panel().getByRole('textbox', { name: 'Thời gian tìm lời giải tối ưu (giây)' }).fill('600');
  }, 240000);
  afterAll(async () => {
    await s?.close();
    if (folder) rmSync(folder.dir, { recursive: true, force: true });
  });

  it('stops the exact search: the quick answer stays, the plan is as it was', async () => {
    await panel().getByRole('textbox', { name: 'Ngân sách (tỷ đồng)' }).fill('20');
    await panel().getByRole('button', { name: 'Gợi ý', exact: true }).click();
    await s.page.getByTestId('siting-summary').waitFor({ timeout: 60000 });
    const quick = await s.page.getByTestId('siting-summary').innerText();
    expect(quick).toMatch(/^Trong ngân sách 20 tỷ đồng: \d+ vị trí/);
    const running = s.page.locator('[data-testid="siting-exact"][data-phase="running"]');
    await running.waitFor({ timeout: 30000 });
    await running.getByRole('button', { name: 'Dừng tìm lời giải tối ưu' }).click();
    const stopped = s.page.locator('[data-testid="siting-exact"][data-phase="cancelled"]');
    await stopped.waitFor({ timeout: 10000 });
    expect(await stopped.innerText()).toBe('Đã dừng tìm lời giải tối ưu; lời giải nhanh vẫn giữ.');
    expect(await s.page.getByTestId('siting-summary').innerText()).toBe(quick);
    expect(await counts()).toBe('1 trạm mới, 0 trạm sửa, 0 trạm bỏ');
  });

  it('stops the greedy search midway: nothing suggested, the plan as it was, and the next edits answered', async () => {
    // A budget that buys every site, each covering 30 km around it: the greedy weighs every
    // candidate against thousands of points (at the 4 km default it ends within a second).
    await panel().getByRole('textbox', { name: 'Ngân sách (tỷ đồng)' }).fill('100000');
    await panel().getByRole('textbox', { name: 'Bán kính (km)', exact: true }).fill('30');
    await panel().getByRole('button', { name: 'Gợi ý', exact: true }).click();
    const running = s.page.getByTestId('siting-running');
    // Pressed once it has said how far it is: the search is under way, not yet done.
    await running.getByText(/đã xong/).waitFor({ timeout: 30000 });
    await running.getByRole('button', { name: 'Dừng tìm vị trí' }).click();
    await panel().getByText('Đã dừng tìm vị trí.', { exact: true }).waitFor({ timeout: 10000 });
    expect(await running.count()).toBe(0);
    expect(await s.page.getByTestId('siting-summary').count()).toBe(0);
    expect(await panel().getByRole('button', { name: 'Gợi ý', exact: true }).isEnabled()).toBe(true);
    expect(await counts()).toBe('1 trạm mới, 0 trạm sửa, 0 trạm bỏ');

    // Right after: a second tower switches the view to planned once the engine has answered...
    await s.page.getByRole('button', { name: 'Thêm trạm ở giữa bản đồ' }).click();
    expect(await counts()).toBe('2 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    await s.page.locator('[data-testid="plan-impact"][data-scenario="planned"]').waitFor({ timeout: 30000 });
    // ...and undoing it gives back the figures of the one-tower plan.
    await s.page.getByRole('button', { name: 'Hoàn tác' }).click();
    expect(await counts()).toBe('1 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    await expect.poll(impact, { timeout: 30000 }).toBe(planned);
    await panel().screenshot({ path: 'test-results/siting-stopped.png' });
    expect(s.errors).toEqual([]);
    expect(s.blocked).toEqual([]);
  });
});
