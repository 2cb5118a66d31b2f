// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLASS_FOREST, defaultRadioModel } from '../../src/domain/coverage/radio-model.ts';
import { whyLevel } from '../../src/domain/coverage/why.ts';
import type { Tower } from '../../src/domain/types.ts';
import { useAppStore } from '../../src/state/store.ts';
import { translate, translateWith, type Lang } from '../../src/ui/common/i18n.ts';
import { NetworkPanel } from '../../src/ui/network/NetworkPanel.tsx';
import { whySentence } from '../../src/ui/network/WhyLevel.tsx';
import { destination } from '../domain/coverage/classify-helpers.ts';

const initial = useAppStore.getState();
beforeEach(() => useAppStore.setState(initial, true));
afterEach(cleanup);

const tower = (id: string, operator: string): Tower => ({ id, operator, lon: 105, lat: 9, status: 'existing', technology: '4G', synthetic: true });
const totals = (good: number) => ({
  hamlets: { total: 10, good, weak: 0, none: 10 - good, population: 1000, population_good: good * 100 },
  schools: { total: 4, good: 1, weak: 0, none: 3, students: 400, students_good: 100 },
});

describe('NetworkPanel', () => {
  it('chooses the network by a labelled select, and shows every network side by side', () => {
    useAppStore.setState({
      towers: [tower('A', 'Viettel'), tower('B', 'VNPT'), tower('C', 'Viettel')],
      coverage: { scenario: 'current' } as never,
      networkFigures: {
        scenario: 'current',
        rows: [
          { operator: undefined, ...totals(7) },
          { operator: 'VNPT', ...totals(2) },
          { operator: 'Viettel', ...totals(6) },
        ],
        sims: { until: null, status: 'none_delivered', total: { sims: 0, good: 0, unknown: 0, pct: null }, operators: [], districts: [], outside: { sims: 0, good: 0, unknown: 0, pct: null } },
      },
    });
    render(<NetworkPanel />);
    const select = screen.getByLabelText('Tính vùng phủ cho mạng');
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Tất cả các mạng', 'VNPT', 'Viettel']);
    fireEvent.change(select, { target: { value: 'Viettel' } });
    expect(useAppStore.getState().network).toBe('Viettel');
    fireEvent.change(select, { target: { value: '' } });
    expect(useAppStore.getState().network).toBeUndefined();
    const rows = screen.getByTestId('network-table').querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.querySelector('td')?.textContent)).toEqual(['70,0 %', '20,0 %', '60,0 %']);
  });
});

describe('whySentence', () => {
  const texts = (lang: Lang) => ({ lang, t: (k: never) => translate(lang, k), tw: (k: never, v: Record<string, string | number>) => translateWith(lang, k, v) });
  const [x, y] = destination(105, 9, 90, 5.2);
  const why = whyLevel({ lon: x, lat: y, clutter: CLASS_FOREST, fixedBroadband: false }, [{ ...tower('V1', 'Viettel'), radiusKm: 3.9 }], 'current', defaultRadioModel());

  it('says it in Vietnamese with a decimal comma, and in English', () => {
    expect(whySentence(why, texts('vi') as never)).toBe('Không có sóng tốt: trạm 4G gần nhất của Viettel cách 5,2 km, vùng phủ 3,9 km trong rừng.');
    expect(whySentence(why, texts('en') as never)).toBe('No good signal: Viettel’s nearest 4G tower is 5.2 km away, reaching 3.9 km in forest.');
  });
});
