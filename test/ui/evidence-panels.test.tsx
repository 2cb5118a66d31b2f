// @vitest-environment jsdom
// The evidence panels on the bundled data with the engine's own answer (issue 16): the tests
// that count under a point, a district's disputes after a confirmation that shows the count,
// understated gaps proposed for closing, and calibration applied as a plan step and removed.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTRADICTED, UNDERSTATED } from '../../src/domain/evidence/verdict.ts';
import { currentGap, gapIdOf } from '../../src/domain/gaps/status.ts';
import { haversineKm } from '../../src/domain/geo/haversine.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { pointAt } from '../../src/domain/points/table.ts';
import { useAppStore } from '../../src/state/store.ts';
import { CalibrationPanel } from '../../src/ui/map/CalibrationPanel.tsx';
import { DistrictDisputes } from '../../src/ui/gaps/DistrictDisputes.tsx';
import { EvidenceDetail } from '../../src/ui/gaps/EvidenceDetail.tsx';
import { CoverageSession } from '../../src/worker/compute.ts';
import { viewOf } from './view-of.ts';

const files = readdirSync('data', { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(geojson|csv|json)$/.test(f))
  .map((path) => ({ path, text: readFileSync(`data/${path}`, 'utf8') }));
const dataset = parseDataset(files).dataset!;
const session = new CoverageSession(dataset, 1);
const answer = session.coverage(1, 'current');
const evidence = answer.evidence!;
const report = session.calibration('current');

vi.mock('../../src/state/engine-client.ts', () => ({ engineNow: () => ({ calibration: () => Promise.resolve(report) }) }));

const initial = useAppStore.getState();
beforeEach(() => useAppStore.setState({ ...initial, dataset: viewOf(dataset), coverage: answer as never }, true));
afterEach(cleanup);

const statusOf = (i: number) => {
  const p = pointAt(viewOf(dataset).points, i)!;
  return currentGap(useAppStore.getState().gapStatuses, gapIdOf(p.kind, p.item.id));
};

describe('EvidenceDetail', () => {
  it('lists the tests that count, nearest first, dated dd/mm/yyyy, as many as a plain scan finds', () => {
    const index = evidence.agreement.indexOf(CONTRADICTED);
    render(<EvidenceDetail index={index} />);
    const p = pointAt(viewOf(dataset).points, index)!.item;
    const plain = dataset.measurements!.filter((m, t) => evidence.counted[t] === 1 && haversineKm(p.lon, p.lat, m.lon, m.lat) <= 0.5);
    expect(plain.length).toBe(evidence.tests[index]);
    const rows = [...screen.getByTestId('evidence-tests').querySelectorAll('tbody tr')];
    expect(rows.length).toBe(Math.min(12, plain.length));
    const cells = rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? ''));
    for (const [date, operator, , distance] of cells) {
      expect(date).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(['Viettel', 'VNPT', 'MobiFone']).toContain(operator);
      expect(Number((distance ?? '').replace(/\D/g, ''))).toBeLessThanOrEqual(500);
    }
    const metres = cells.map((c) => Number((c[3] ?? '').replace(/\D/g, '')));
    expect(metres).toEqual([...metres].sort((a, b) => a - b));
  });

  it('proposes an understated gap for closing, with the evidence in the note', () => {
    const index = evidence.agreement.indexOf(UNDERSTATED);
    render(<EvidenceDetail index={index} />);
    fireEvent.click(screen.getByRole('button', { name: 'Đề xuất đóng điểm lõm này (ghi là tranh chấp)' }));
    const state = statusOf(index);
    expect(state.status).toBe('disputed');
    expect(state.last?.note).toMatch(/^Đề xuất đóng điểm lõm: .* \d+ lần đo trong 500 m, trung vị [\d,]+ Mbps \(từ 10 Mbps trở lên\), từ \d{2}\/\d{2}\/\d{4} đến/);
  });
});

describe('DistrictDisputes', () => {
  // The district with the most contradicted points.
  const counts = dataset.districts.map((_, k) => evidence.agreement.filter((a, i) => a === CONTRADICTED && viewOf(dataset).district[i] === k).length);
  const district = counts.indexOf(Math.max(...counts));
  const contradicted = [...evidence.agreement.keys()].filter((i) => evidence.agreement[i] === CONTRADICTED && viewOf(dataset).district[i] === district);

  it('shows the count first, changes nothing on cancel, and opens every contradicted point of the district on confirm', () => {
    expect(contradicted.length).toBeGreaterThan(1);
    render(<DistrictDisputes />);
    fireEvent.change(screen.getByLabelText('Xử lý số đo của huyện'), { target: { value: String(district) } });
    fireEvent.click(screen.getByRole('button', { name: `Mở ${contradicted.length} điểm trái mô hình thành tranh chấp…` }));
    const confirm = screen.getByTestId('district-confirm');
    expect(confirm.textContent).toContain(`Ghi ${contradicted.length} điểm trái mô hình của ${dataset.districts[district]!.name}`);
    expect(useAppStore.getState().gapStatuses.gaps).toEqual({});
    fireEvent.click(within(confirm).getByRole('button', { name: 'Huỷ' }));
    expect(useAppStore.getState().gapStatuses.gaps).toEqual({});
    fireEvent.click(screen.getByRole('button', { name: `Mở ${contradicted.length} điểm trái mô hình thành tranh chấp…` }));
    fireEvent.click(screen.getByRole('button', { name: `Xác nhận ghi ${contradicted.length} điểm` }));
    expect(screen.getByTestId('district-done').textContent).toBe(`Đã ghi ${contradicted.length} điểm; 0 điểm không ghi được.`);
    for (const i of contradicted) {
      const state = statusOf(i);
      expect(state.status).toBe('disputed');
      expect(state.last?.note).toContain(`Đo tốc độ trái mô hình: ${evidence.tests[i]} lần đo trong 500 m`);
    }
    expect(Object.keys(useAppStore.getState().gapStatuses.gaps).length).toBe(contradicted.length);
    // Now all are disputed: nothing left to open, and they are said to be left out.
    expect(screen.getByRole('button', { name: 'Mở 0 điểm trái mô hình thành tranh chấp…' })).toHaveProperty('disabled', true);
    expect(screen.getByText(`${contradicted.length} điểm đã ở trạng thái tranh chấp, được bỏ qua.`)).toBeTruthy();
  });
});

describe('CalibrationPanel', () => {
  it('applies the factors as one plan step, shows agreement before → after, and removes them', async () => {
    render(<CalibrationPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Hiệu chỉnh bán kính theo số đo' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Áp dụng hệ số (giả định)' }));
    const plan = useAppStore.getState().plan;
    expect(plan.calibration).toEqual({ Viettel: 1.3 });
    expect(useAppStore.getState().planPast.length).toBe(1);
    expect(screen.getByTestId('calibration-applied').textContent).toContain('Viettel × 1,3');
    // The engine's answer with the factors comes: the change shows.
    const calibrated = session.setPlan(2, plan, 'current');
    useAppStore.setState({ coverage: { ...answer, ...calibrated } as never });
    const effect = await screen.findByTestId('calibration-effect');
    expect(effect.textContent).toBe('Đối chiếu với số đo, trước → sau: xác nhận 493 → 499, trái mô hình 34 → 37, đánh giá thấp 9 → 0.');
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ hiệu chỉnh' }));
    expect(useAppStore.getState().plan.calibration).toBeUndefined();
    useAppStore.getState().planUndone();
    expect(useAppStore.getState().plan.calibration).toEqual({ Viettel: 1.3 });
  });
});
