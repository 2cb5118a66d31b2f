// candidates.geojson in headless Chromium (issue 18 item 6): imported through the import panel,
// chosen in the siting panel as "Chỉ danh sách ứng viên", a budget suggestion lists only the
// candidate places (expected figures: `npm run siting -- --budget 20000000000` on the bundled
// data with test/fixtures/import/candidates/candidates.geojson in the folder); in both
// languages. Then the build schedule's forecast on the hamlets' target card.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drop } from './drop.ts';
import { executablePath, openSession, type Session } from './session.ts';

const PLACES = ['Ứng viên Đất Mũi', 'Ứng viên Rạch Gốc', 'Ứng viên Khánh Bình'];

describe.skipIf(!executablePath)('Candidate sites in the siting panel', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await s.page.setViewportSize({ width: 1280, height: 2200 });
  });
  afterAll(async () => s?.close());

  const panel = () => s.page.getByTestId('siting-panel');
  const sites = async () => (await panel().locator('[data-testid="siting-sites"] li').allInnerTexts()).map((t) => t.trim());

  it('imports candidates.geojson and suggests only candidate places within the budget', async () => {
    await drop(s.page, [{ name: 'candidates.geojson', text: readFileSync('test/fixtures/import/candidates/candidates.geojson', 'utf8') }]);
    const result = s.page.getByTestId('import-result');
    await result.waitFor({ timeout: 30000 });
    expect(await result.innerText()).toContain('candidates.geojson');
    await s.page.getByRole('button', { name: 'Nhập', exact: true }).focus();
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="import-status"]')?.textContent === 'Đã nhập candidates.geojson.', undefined, { timeout: 60000 });

    // By keyboard (the taken data set is drawn again meanwhile; a pointer click may wait on it).
    await s.page.getByRole('tab', { name: 'Kế hoạch' }).focus();
    await s.page.keyboard.press('Enter');
    const where = panel().getByTestId('siting-where');
    await where.waitFor({ timeout: 60000 });
    expect(await where.innerText()).toContain('Danh sách ứng viên: 4 vị trí từ candidates.geojson.');
    await where.getByRole('radio', { name: 'Chỉ danh sách ứng viên' }).check();
    await panel().getByRole('radio', { name: 'Ngân sách mua được gì' }).check();
    await panel().getByRole('textbox', { name: 'Ngân sách (tỷ đồng)' }).fill('20');
    await panel().getByRole('button', { name: 'Gợi ý', exact: true }).click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="siting-summary"]')?.textContent?.startsWith('Trong'), undefined, { timeout: 20000 });
    expect(await s.page.getByTestId('siting-summary').innerText()).toMatch(/^Trong ngân sách 20 tỷ đồng: 3 vị trí, thêm 4\.510, đạt [\d,]+ % có sóng tốt\. Tổng chi phí: 3,88 tỷ đồng\.$/);
    const listed = await sites();
    expect(listed).toHaveLength(3);
    listed.forEach((text, i) => expect(text).toContain(`${PLACES[i]} (vị trí ứng viên)`));
    await s.page.locator('[data-testid="siting-exact"][data-phase="done"]').waitFor({ timeout: 60000 });
    expect(await s.page.getByTestId('siting-exact').getAttribute('data-optimal')).toBe('true');
    expect(await s.page.getByTestId('siting-exact').innerText()).toContain('Tối ưu (đã chứng minh): thêm 4.510 với 3,88 tỷ đồng.');
    await panel().screenshot({ path: 'test-results/siting-candidates-vi.png' });
    expect(s.errors).toEqual([]);
  });

  it('draws the build schedule on the hamlets target card (points not good)', async () => {
    await panel().getByTestId('siting-where').getByRole('radio', { name: 'Chỉ các điểm chưa có sóng tốt' }).check();
    await panel().getByRole('radio', { name: 'Rẻ nhất để đạt mục tiêu' }).check();
    await panel().getByRole('textbox', { name: 'Mục tiêu (%)' }).fill('100');
    await panel().getByLabel('Chỉ tiêu').selectOption('hamlets');
    await panel().getByRole('button', { name: 'Gợi ý', exact: true }).click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="siting-summary"]')?.textContent?.startsWith('Để đạt'), undefined, { timeout: 20000 });
    expect((await sites()).some((text) => text.includes('vị trí ứng viên'))).toBe(false);
    await panel().getByText('Lịch xây dựng theo tháng').click();
    expect(await s.page.getByTestId('schedule-target').innerText()).toBe('Đạt mục tiêu vào tháng 12/2021.');
    const card = s.page.locator('article.card', { has: s.page.getByTestId('card-schedule') });
    expect(await card.getByTestId('card-schedule').innerText()).toContain('12/2021');
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: 'test-results/siting-forecast-vi.png' });
  });

  it('says it in English: candidate list only', async () => {
    await s.page.getByRole('button', { name: 'Switch to English' }).click();
    await panel().getByTestId('siting-where').getByRole('radio', { name: 'Candidate list only' }).check();
    await panel().getByRole('radio', { name: 'What a budget buys' }).check();
    await panel().getByRole('textbox', { name: 'Budget (billion VND)' }).fill('20');
    await panel().getByRole('button', { name: 'Suggest', exact: true }).click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="siting-summary"]')?.textContent?.startsWith('Within'), undefined, { timeout: 20000 });
    expect(await s.page.getByTestId('siting-summary').innerText()).toMatch(/^Within a budget of VND 20 billion: 3 sites add 4,510, .* Total cost: VND 3\.88 billion\.$/);
    const listed = await sites();
    expect(listed).toHaveLength(3);
    listed.forEach((text, i) => expect(text).toContain(`${PLACES[i]} (candidate site)`));
    await s.page.locator('[data-testid="siting-exact"][data-phase="done"]').waitFor({ timeout: 60000 });
    await panel().screenshot({ path: 'test-results/siting-candidates-en.png' });
    expect(s.errors).toEqual([]);
  });
});
