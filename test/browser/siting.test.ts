// The siting panel's budget and target modes in headless Chromium over the production build:
// the greedy answer at once, HiGHS's exact one from its worker (WebAssembly under the page's
// strict CSP, no request leaving the machine), costs in the user's words, in both languages.
// Expected figures: `npm run siting -- --budget 20000000000` and `--target-pct 100 --indicator
// hamlets` on the bundled data (README, "Target mode").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executablePath, openSession, type Session } from './session.ts';

describe.skipIf(!executablePath)('Siting budget and target modes in headless Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await s.page.getByRole('tab', { name: 'Kế hoạch' }).click();
    await s.page.getByTestId('siting-panel').waitFor();
    // Tall enough for the whole panel in one screenshot.
    await s.page.setViewportSize({ width: 1280, height: 2200 });
  });
  afterAll(async () => s?.close());

  const panel = () => s.page.getByTestId('siting-panel');
  const exactDone = () => s.page.locator('[data-testid="siting-exact"][data-phase="done"]').waitFor({ timeout: 60000 });

  it('answers "what do 20 tỷ đồng buy" at once, then proves it optimal with HiGHS', async () => {
    await panel().getByRole('radio', { name: 'Ngân sách mua được gì' }).check();
    await panel().getByRole('textbox', { name: 'Ngân sách (tỷ đồng)' }).fill('20');
    await panel().getByRole('button', { name: 'Gợi ý', exact: true }).click();
    const summary = s.page.getByTestId('siting-summary');
    await summary.waitFor({ timeout: 20000 });
    expect(await summary.innerText()).toMatch(/^Trong ngân sách 20 tỷ đồng: 5 vị trí, thêm 7\.869, đạt [\d,]+ % có sóng tốt\. Tổng chi phí: 9,22 tỷ đồng\.$/);
    expect(await panel().getByTestId('site-cost').first().innerText()).toMatch(/^chi phí [\d,]+ tỷ đồng$/);
    await exactDone();
    const exact = s.page.getByTestId('siting-exact');
    expect(await exact.getAttribute('data-optimal')).toBe('true');
    expect(await exact.innerText()).toContain('Tối ưu (đã chứng minh): thêm 7.869 với 9,22 tỷ đồng.');
    expect(await s.page.getByTestId('siting-gap').innerText()).toBe('Lời giải nhanh đạt 7.869, kém cận trên 0,0 %.');
    // The exact answer's list, here the same five sites (the greedy's was already optimal).
    const quickList = await panel().getByTestId('siting-sites').innerText();
    await panel().getByRole('radio', { name: 'Lời giải chính xác (HiGHS)' }).check();
    expect(await panel().locator('[data-testid="siting-sites"] li').count()).toBe(5);
    expect((await panel().getByTestId('siting-sites').innerText()).split('\n').sort()).toEqual(quickList.split('\n').sort());
    await panel().getByRole('radio', { name: 'Lời giải nhanh (tham lam)' }).check();
    await s.page.getByTestId('siting-chart').locator('canvas').waitFor();
    await panel().screenshot({ path: 'test-results/siting-budget.png' });
    expect(s.errors).toEqual([]);
    expect(s.blocked).toEqual([]);
  });

  it('adds the sites with the chosen operator, once however often the button is pressed', async () => {
    await panel().getByLabel('Nhà mạng của trạm thêm vào').selectOption('MobiFone');
    const add = panel().getByRole('button', { name: 'Thêm 5 vị trí đã chọn vào kế hoạch' });
    await add.click();
    expect(await s.page.getByTestId('plan-counts').innerText()).toBe('5 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    await add.click();
    expect(await s.page.getByTestId('plan-counts').innerText()).toBe('5 trạm mới, 0 trạm sửa, 0 trạm bỏ');
    expect(await s.page.getByTestId('tower-editor').getByLabel('Nhà mạng').inputValue()).toBe('MobiFone');
    await s.page.getByRole('button', { name: 'Hoàn tác' }).click();
    expect(await s.page.getByTestId('plan-counts').innerText()).toBe('0 trạm mới, 0 trạm sửa, 0 trạm bỏ');
  });

  it('finds the cheapest way to every hamlet with good signal', async () => {
    await panel().getByRole('radio', { name: 'Rẻ nhất để đạt mục tiêu' }).check();
    await panel().getByRole('textbox', { name: 'Mục tiêu (%)' }).fill('100');
    await panel().getByLabel('Chỉ tiêu').selectOption('hamlets');
    await panel().getByRole('button', { name: 'Gợi ý', exact: true }).click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="siting-summary"]')?.textContent?.startsWith('Để đạt'), undefined, { timeout: 20000 });
    await exactDone();
    expect(await s.page.getByTestId('siting-exact').innerText()).toContain('Tối ưu (đã chứng minh): rẻ nhất là 9,22 tỷ đồng.');
    // Schedule mode: two sites a month from October 2021 (the default) meet it in December.
    await panel().getByText('Lịch xây dựng theo tháng').click();
    expect(await s.page.getByTestId('schedule-target').innerText()).toBe('Đạt mục tiêu vào tháng 12/2021.');
    const rows = await panel().locator('.schedule-table tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').slice(0, 2))).toEqual([
      ['10/2021', '2'],
      ['11/2021', '2'],
      ['12/2021', '1'],
    ]);
    await panel().getByRole('textbox', { name: 'Số trạm mỗi tháng' }).fill('5');
    expect(await s.page.getByTestId('schedule-target').innerText()).toBe('Đạt mục tiêu vào tháng 10/2021.');
    await panel().getByRole('textbox', { name: 'Số trạm mỗi tháng' }).fill('2');
    await panel().screenshot({ path: 'test-results/siting-target.png' });
  });

  it('says the budget answer in English', async () => {
    await s.page.getByRole('button', { name: 'Switch to English' }).click();
    await panel().getByRole('radio', { name: 'What a budget buys' }).check();
    await panel().getByRole('textbox', { name: 'Budget (billion VND)' }).fill('20');
    await panel().getByRole('button', { name: 'Suggest', exact: true }).click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="siting-summary"]')?.textContent?.startsWith('Within'), undefined, { timeout: 20000 });
    expect(await s.page.getByTestId('siting-summary').innerText()).toMatch(/^Within a budget of VND 20 billion: 5 sites add 7,869, .* Total cost: VND 9\.22 billion\.$/);
    await exactDone();
    expect(await s.page.getByTestId('siting-exact').innerText()).toContain('Optimal (proven): adds 7,869 for VND 9.22 billion.');
    await panel().screenshot({ path: 'test-results/siting-budget-en.png' });
    expect(s.errors).toEqual([]);
  });
});
