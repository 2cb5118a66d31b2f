// Speed tests and verdicts in headless Chromium (issue 16): the layer draws the bundled tests
// and the verdict rings, its counts match the `coverage` command's on the same scenario, and
// the panel reads in both languages (screenshots in test-results/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { CONTRADICTED } from '../../src/domain/evidence/verdict.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { EVIDENCE_COLORS } from '../../src/map/icons.ts';
import { CoverageSession } from '../../src/worker/compute.ts';
import { countColors, type ColorCounts } from './pixels.ts';
import { executablePath, openSession, toggleLayer, type Session } from './session.ts';

const marks = { contradicted: EVIDENCE_COLORS.contradicted, confirmed: EVIDENCE_COLORS.confirmed };

describe.skipIf(!executablePath)('Speed tests and verdicts in headless Chromium', () => {
  let s: Session;
  const pixels = () => s.page.evaluate(countColors, marks) as Promise<ColorCounts<keyof typeof marks>>;

  beforeAll(async () => {
    s = await openSession();
    await s.page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
    await s.page.getByRole('radio', { name: 'Trạm như trong hồ sơ (chưa tính nâng cấp)' }).check();
  });
  afterAll(async () => s?.close());

  it('draws the tests and verdicts when the layer is on, with the counts of the command line', async () => {
    await s.page.waitForTimeout(500);
    const before = await pixels();
    expect(before.contradicted).toBeLessThan(20);
    await toggleLayer(s.page, 'evidence', true);
    const counts = s.page.getByTestId('evidence-counts');
    await counts.waitFor();
    // `npm run coverage -- --data data --scenario current`: each point's measured verdict
    // against its level (the report's figures in test/worker/evidence.test.ts's oracle).
    expect(Number(await counts.getAttribute('data-confirmed'))).toBe(493);
    expect(Number(await counts.getAttribute('data-contradicted'))).toBe(34);
    expect(Number(await counts.getAttribute('data-understated'))).toBe(9);
    expect(await counts.innerText()).toContain('34 trái mô hình');
    let after = await pixels();
    for (let i = 0; i < 40 && after.contradicted < 60; i++) {
      await s.page.waitForTimeout(250);
      after = await pixels();
    }
    expect(after.contradicted).toBeGreaterThan(60);
    expect(after.confirmed).toBeGreaterThan(before.confirmed + 100);
    await s.page.locator('.maplibregl-canvas').scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: 'test-results/evidence-vi.png' });
    await s.page.getByRole('button', { name: 'Hiệu chỉnh bán kính theo số đo' }).click();
    const viettel = s.page.locator('[data-testid="calibration"] tr[data-operator="Viettel"]');
    await viettel.waitFor();
    // npm run calibrate -- --data data: Viettel × 1.3, agreement 310 → 319 of 326 points.
    expect(await viettel.getAttribute('data-factor')).toBe('1.3');
    expect(await viettel.innerText()).toContain('97,9 %');
    // Applied as a what-if: the engine recomputes with Viettel's radii × 1.3 (unit oracle:
    // test/worker/calibration-whatif.test.ts), and Ctrl+Z undoes it.
    await s.page.getByRole('button', { name: 'Áp dụng hệ số (giả định)' }).click();
    const effect = s.page.getByTestId('calibration-effect');
    await effect.waitFor();
    expect(await effect.innerText()).toBe('Đối chiếu với số đo, trước → sau: xác nhận 493 → 499, trái mô hình 34 → 37, đánh giá thấp 9 → 0.');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="evidence-counts"]')?.getAttribute('data-understated') === '0');
    await s.page.getByTestId('calibration').scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: 'test-results/evidence-calibrated-vi.png' });
    await s.page.keyboard.press('Control+z');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="evidence-counts"]')?.getAttribute('data-understated') === '9');
    expect(Number(await counts.getAttribute('data-contradicted'))).toBe(34);
    expect(await s.page.getByTestId('calibration-applied').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });

  it('says the same in English', async () => {
    await s.page.getByRole('button', { name: 'Switch to English' }).click();
    const counts = s.page.getByTestId('evidence-counts');
    await s.page.waitForFunction(() => document.querySelector('[data-testid="evidence-counts"]')?.textContent?.includes('contradicted'));
    expect(await counts.innerText()).toContain('34 contradicted');
    expect(await s.page.getByText('Hollow shapes (◇ a test, ○ a verdict) are measurements').count()).toBe(1);
    await s.page.locator('.maplibregl-canvas').scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: 'test-results/evidence-en.png' });
    await s.page.getByRole('button', { name: 'Apply factors (what-if)' }).click();
    await s.page.getByTestId('calibration-effect').waitFor();
    expect(await s.page.getByTestId('calibration-applied').innerText()).toContain('Calibration what-if applied: Viettel × 1.3.');
    await s.page.getByTestId('calibration').scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: 'test-results/evidence-calibrated-en.png' });
    await s.page.getByRole('button', { name: 'Remove calibration' }).click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="evidence-counts"]')?.getAttribute('data-understated') === '9');
    expect(s.errors).toEqual([]);
    // On the as-of day the cards say how much of their value the tests confirm.
    await s.page.getByRole('radio', { name: /^On the as-of day/ }).check();
    const confirmed = s.page.getByTestId('card-confirmed').first();
    await confirmed.waitFor();
    expect(await confirmed.innerText()).toMatch(/^of which \d+\.\d %? ?confirmed by speed tests$|^of which \d+\.\d % confirmed by speed tests$/);
    await confirmed.scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: 'test-results/evidence-cards-en.png' });
  });

  it('opens a contradicted hamlet as a disputed gap in one action, with the evidence in the note', async () => {
    const files = readdirSync('data', { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(geojson|csv|json)$/.test(f))
      .map((path) => ({ path, text: readFileSync(`data/${path}`, 'utf8') }));
    const dataset = parseDataset(files).dataset;
    if (!dataset) throw new Error('bundled data does not parse');
    const answer = new CoverageSession(dataset, 1).coverage(1, 'current');
    const index = answer.evidence?.agreement.indexOf(CONTRADICTED) ?? -1;
    const hamlet = dataset.hamlets[index];
    if (!hamlet) throw new Error('no contradicted hamlet');
    const base = s.page.url().split('#')[0];
    await s.page.goto(`${base}#v=1&lang=vi&mode=current&layers=hamlets%2Cschools%2Ctowers%2Cevidence&sel=hamlet%3A${encodeURIComponent(hamlet.id)}`);
    await s.page.reload();
    const detail = s.page.getByTestId('evidence-detail');
    await detail.waitFor({ timeout: 90000 });
    await s.page.waitForFunction(() => document.querySelector('[data-testid="evidence-detail"]')?.getAttribute('data-agreement') === '2');
    expect(await detail.innerText()).toContain('Đo trái mô hình: mô hình tốt, đo kém.');
    await detail.getByRole('button', { name: 'Mở thành điểm lõm có tranh chấp' }).click();
    await s.page.getByTestId('evidence-disputed').waitFor();
    await s.page.getByTestId('selection').scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: 'test-results/evidence-dispute-vi.png' });
    expect(s.errors).toEqual([]);
  });
});
