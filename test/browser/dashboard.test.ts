// The leadership view in headless Chromium: moving the as-of day moves every card and
// chart, the district table sorts and zooms the map, and the A4 report prints on one page.
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executablePath, openSession, type Session } from './session.ts';

const hamletsCard = '[data-target="hamlets-4g-2021-10"]';

describe.skipIf(!executablePath)('Leadership view in headless Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession();
    await s.page.getByTestId('target-cards').waitFor({ timeout: 60000 });
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
  });
  afterAll(async () => s?.close());

  const cardValue = (card: string) => s.page.locator(`${card} [data-testid="card-value"]`).innerText();
  const cardStatus = (card: string) => s.page.locator(card).getAttribute('data-status');
  /** A fingerprint of a card's chart canvas, to see it redraw. */
  const chartPixels = (card: string) =>
    s.page.locator(`${card} [data-testid="progress-chart"] canvas`).evaluate((c) => (c as HTMLCanvasElement).toDataURL());

  it('opens on the data\'s last day with a card, status and chart per target', async () => {
    expect(await s.page.getByTestId('as-of').innerText()).toBe('14/12/2022');
    expect(await s.page.locator('.card[data-target]').count()).toBe(6);
    // The data SIMs card follows the programme's (issue 15): every SIM was delivered by then.
    await s.page.waitForFunction(() => document.querySelector('[data-testid="sim-card"] [data-testid="sim-count"]')?.textContent?.includes('trên 8.157 SIM'));
    expect(await s.page.getByTestId('sim-card').isVisible()).toBe(true);
    expect(await cardValue('[data-testid="sim-card"]')).toMatch(/^\d{2},\d %$/);
    expect(await cardValue(hamletsCard)).toBe('99,1 %');
    expect(await cardStatus(hamletsCard)).toBe('overdue');
    // 4,500 computers were reached on 12/01/2022, twelve days after the deadline: met late.
    expect(await cardStatus('[data-target="computers-2021-12"]')).toBe('met_late');
    expect(await s.page.locator('[data-target="computers-2021-12"]').innerText()).toContain('đạt sau hạn 12 ngày');
    await s.page.locator(`${hamletsCard} [data-testid="progress-chart"] canvas`).first().waitFor();
    await s.page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });
  });

  it('moves every card and chart with the as-of date field', async () => {
    const before = await chartPixels(hamletsCard);
    await s.page.getByLabel('Số liệu tính đến ngày').fill('2021-10-15');
    await s.page.waitForFunction((sel) => document.querySelector(`${sel} [data-testid="card-value"]`)?.textContent === '97,5 %', hamletsCard);
    expect(await cardStatus(hamletsCard)).toBe('behind');
    expect(await s.page.locator(hamletsCard).innerText()).toContain('đến hạn hôm nay');
    expect(await cardValue('[data-target="computers-2021-12"]')).toBe('775');
    expect(await cardValue('[data-target="data-sims-2021-12"]')).toBe('4.683');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="sim-card"] [data-testid="card-value"]')?.textContent === '63,9 %');
    expect(await s.page.getByTestId('sim-count').innerText()).toBe('2.996 trên 4.683 SIM · SIM đã trao đến ngày 15/10/2021');
    await s.page.waitForTimeout(300);
    expect(await chartPixels(hamletsCard)).not.toBe(before);
    // The map follows: its coverage figures are those of the same day.
    await s.page.waitForFunction(() =>
      document.querySelector('[data-testid="coverage-summary"] [data-figure="hamlets"] dd')?.textContent?.startsWith('97,5 %'),
    );
    await s.page.screenshot({ path: 'test-results/dashboard-2021-10-15.png', fullPage: true });
  });

  it('moves by keyboard on the slider and plays through time', async () => {
    const slider = s.page.getByRole('slider');
    await slider.focus();
    await s.page.keyboard.press('ArrowRight');
    expect(await s.page.getByTestId('as-of').innerText()).toBe('16/10/2021');
    await s.page.getByRole('button', { name: 'Cho ngày xem chạy theo thời gian' }).click();
    await s.page.waitForTimeout(1200);
    await s.page.getByRole('button', { name: 'Cho ngày xem chạy theo thời gian' }).click();
    const played = await s.page.getByTestId('as-of').innerText();
    expect(played).not.toBe('16/10/2021');
    await s.page.getByRole('button', { name: 'Đến hạn 31/12/2021' }).click();
    expect(await cardValue('[data-target="computers-2021-12"]')).toBe('4.186');
    expect(await cardValue('[data-target="data-sims-2021-12"]')).toBe('7.414');
  });

  it('sorts the district table (Vietnamese collation) and zooms the map to a district', async () => {
    const names = () => s.page.locator('[data-testid="district-table"] tbody tr[data-district] th button.link').allInnerTexts();
    const byName = await names();
    expect(byName).toEqual([...byName].sort(new Intl.Collator('vi').compare));
    await s.page.getByTestId('district-table').getByRole('button', { name: 'Dân số' }).click();
    expect((await names())[0]).toBe('Thành phố Cà Mau');
    await s.page.getByTestId('district-table').getByRole('button', { name: 'Dân số' }).click();
    expect((await names())[0]).toBe('Huyện Năm Căn');
    await s.page.getByRole('button', { name: 'Xem các xã của Huyện Năm Căn' }).click();
    expect(await s.page.locator('tr.commune-row').count()).toBeGreaterThan(3);
    const zoom = Number(await s.page.getByTestId('map').getAttribute('data-zoom'));
    await s.page.getByTestId('district-table').getByRole('button', { name: 'Huyện Năm Căn', exact: true }).click();
    await s.page.waitForFunction(
      (z) => Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-zoom')) > z + 0.5,
      zoom,
    );
  });

  it('shades districts by the chosen indicator and gives the province value', async () => {
    await s.page.getByLabel('Chỉ số', { exact: true }).selectOption('students_in_need_equipped_pct');
    expect(await s.page.getByTestId('province-value').innerText()).toBe('Toàn tỉnh: 17,1 %');
    await s.page.getByLabel('Chỉ số', { exact: true }).selectOption('hamlets_good_pct');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="province-value"]')?.textContent === 'Toàn tỉnh: 99,0 %');
  });

  it('prints an A4 report of at most two pages with the map, cards, table and attribution', async () => {
    await s.page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'true');
    });
    await s.page.getByRole('button', { name: 'In báo cáo' }).click();
    expect(await s.page.locator('body').getAttribute('data-printed')).toBe('true');
    // The report's map is drawn from the data: every hamlet and school, every district named.
    const map = s.page.locator('[data-testid="report-map"] > svg');
    const drawn = await map.evaluate((svg) => ({
      points: svg.querySelectorAll('circle, rect[stroke="#fff"]').length,
      labels: [...svg.querySelectorAll('text')].map((t) => t.textContent),
      label: svg.getAttribute('aria-label'),
    }));
    const summary = await s.page.getByTestId('dataset-summary').innerText();
    const count = (word: string) => Number(new RegExp(`([\\d.]+)\\s+${word}`).exec(summary)?.[1]?.replace(/\\./g, ''));
    expect(drawn.points).toBe(count('ấp, khóm') + count('trường'));
    expect(drawn.labels).toContain('Thành phố Cà Mau');
    expect(drawn.labels.length).toBeGreaterThanOrEqual(9);
    expect(drawn.label).toContain('Cà Mau');
    const path = 'test-results/report.pdf';
    await s.page.pdf({ path, format: 'A4', printBackground: true });
    const pdf = readFileSync(path, 'latin1');
    // Page 1: the map, the cards and the district table; page 2: the change since a date and the plan.
    expect(pdf.match(/\/Type \/Page\b/g)?.length).toBeLessThanOrEqual(2);
    expect(statSync(path).size).toBeGreaterThan(100_000);
    await s.page.emulateMedia({ media: 'print' });
    const printed = await s.page.evaluate(() => document.body.innerText);
    await s.page.emulateMedia({ media: 'screen' });
    expect(printed).toContain('Báo cáo tiến độ chương trình');
    expect(printed).toContain('Số liệu đến ngày 31/12/2021');
    expect(printed).toContain('Toàn tỉnh');
    expect(printed).toContain('censusVN2009');
    expect(printed).not.toContain('Phát');
  });

  it('reads in English with English numbers and dates', async () => {
    await s.page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await cardValue('[data-target="computers-2021-12"]')).toBe('4,186');
    expect(await s.page.locator(hamletsCard).innerText()).toMatch(/Overdue, not met[\s\S]*Dec 31, 2021|Overdue/);
    await s.page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  });

  it('made no request off the machine and logged no error', () => {
    expect(s.blocked).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
