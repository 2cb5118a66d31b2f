// @vitest-environment jsdom
// The data SIMs card on the hand-made fixture, its figures from the domain (sim-signal.ts):
// S1 gets T3's 4G (Viettel) in `planned`, S2 only its fixed broadband, which a SIM cannot use.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simSignal } from '../../src/domain/progress/sim-signal.ts';
import type { Dataset, Delivery } from '../../src/domain/types.ts';
import { useAppStore } from '../../src/state/store.ts';
import { SimSignalCard } from '../../src/ui/dashboard/SimSignalCard.tsx';
import { fixture } from '../domain/progress/fixture.ts';
import { viewOf } from './view-of.ts';

const initial = useAppStore.getState();
beforeEach(() => useAppStore.setState(initial, true));
afterEach(cleanup);

const deliveries: Delivery[] = [
  { date: '2021-04-01', schoolId: 'S1', kind: 'data_sim', quantity: 1200, operator: 'Viettel' },
  { date: '2021-04-01', schoolId: 'S1', kind: 'data_sim', quantity: 300, operator: 'VNPT' },
  { date: '2021-04-01', schoolId: 'S2', kind: 'data_sim', quantity: 500, operator: 'Viettel' },
  { date: '2021-04-01', schoolId: 'S2', kind: 'data_sim', quantity: 25 },
  { date: '2021-04-01', schoolId: 'NOPE', kind: 'data_sim', quantity: 10, operator: 'Viettel' },
];
const dataset: Dataset = { ...fixture(), deliveries };

function show(lang: 'vi' | 'en', scenario = 'planned'): HTMLElement {
  useAppStore.setState({
    lang,
    dataset: viewOf(dataset),
    coverage: { scenario } as never,
    networkFigures: { scenario, rows: [], sims: simSignal(dataset, scenario, [0, 0]) },
  });
  render(<SimSignalCard />);
  return screen.getByTestId('sim-card');
}

describe('SimSignalCard', () => {
  it('says the share, the count, the status in words, each network and the unknown one, in Vietnamese', () => {
    const card = show('vi');
    expect(within(card).getByRole('heading').textContent).toBe('SIM dữ liệu có sóng tốt của chính mạng đó tại trường');
    expect(within(card).getByTestId('card-value').textContent).toBe('58,9 %');
    expect(within(card).getByTestId('sim-count').textContent).toBe('1.200 trên 2.035 SIM · Mọi SIM đã trao');
    expect(card.querySelector('[data-status="some_without"]')?.textContent).toBe('Còn SIM thiếu sóng');
    expect(card.querySelector('[data-status="some_without"] svg')).not.toBeNull();
    expect([...within(card).getByTestId('sim-operators').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'VNPT: 0,0 % (0 / 300)',
      'Viettel: 70,1 % (1.200 / 1.710)',
      'Chưa rõ nhà mạng: 25 SIM (không tính là có sóng)',
    ]);
    const rows = [...within(card).getByTestId('sim-districts').querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['District 1', '2.025', '1.200 (59,2 %)', '25'],
      ['Ngoài các huyện hoặc trường không có trong danh sách', '10', '0 (0,0 %)', '0'],
    ]);
  });

  it('in English, with the day counted up to for a date scenario', () => {
    const card = show('en', '2021-08-31');
    expect(within(card).getByRole('heading').textContent).toBe('Data SIMs whose own network gives good signal at the school');
    // Before T3 is on air no SIM has its network's signal.
    expect(within(card).getByTestId('card-value').textContent).toBe('0.0 %');
    expect(within(card).getByTestId('sim-count').textContent).toBe('0 of 2,035 SIMs · SIMs delivered up to Aug 31, 2021');
    expect(card.querySelector('[data-status="some_without"]')?.textContent).toBe('Some SIMs lack signal');
    expect(within(card).getByText('Unknown network: 25 SIMs (not counted as having signal)')).toBeTruthy();
  });

  it('says no SIM was delivered before the first, and waits for figures of another scenario', () => {
    const card = show('en', '2021-03-01');
    expect(card.querySelector('[data-status="none_delivered"]')?.textContent).toBe('No SIM delivered yet');
    expect(within(card).getByTestId('card-value').textContent).toBe('–');
    cleanup();
    useAppStore.setState({ coverage: { scenario: 'current' } as never });
    render(<SimSignalCard />);
    expect(screen.getByTestId('sim-card').textContent).toContain('Computing…');
  });
});
