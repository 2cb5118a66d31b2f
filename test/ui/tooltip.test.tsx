// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dataset, Hamlet, Tower } from '../../src/domain/types.ts';
import { useAppStore } from '../../src/state/store.ts';
import { Tooltip } from '../../src/ui/map/Tooltip.tsx';
import { viewOf } from './view-of.ts';

afterEach(() => {
  cleanup();
  useAppStore.setState({ lang: 'vi' });
});

const square = { type: 'Polygon' as const, coordinates: [[[105, 9], [105.1, 9], [105.1, 9.1], [105, 9]]] as [number, number][][] };
const dataset: Dataset = {
  province: [],
  districts: [{ id: '969', name: 'Huyện Cái Nước', geometry: square }],
  communes: [{ id: '32150', name: 'Xã Đông Hưng', districtId: '969', geometry: square }],
  hamlets: [],
  schools: [],
  towers: [],
  programme: { name: 'p', targets: [] },
};

const hamlet: Hamlet = {
  id: 'H-1',
  name: '<img src=x onerror=alert(1)>',
  lon: 105.05,
  lat: 9.05,
  population: 1234,
  households: 320,
  gridPower: false,
  commune: '32150',
  district: '969',
  synthetic: true,
};

describe('Tooltip', () => {
  it('names the hamlet, its commune and district, and its figures in Vietnamese format', () => {
    const { container } = render(<Tooltip picked={{ kind: 'hamlet', item: hamlet, index: 0 }} dataset={viewOf(dataset)} x={0} y={0} />);
    const text = container.textContent ?? '';
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
    expect(text).toContain('Xã Đông Hưng');
    expect(text).toContain('Huyện Cái Nước');
    expect(text).toContain('1.234');
    expect(text).toContain('Chưa có điện lưới');
    expect(text).toContain('mô phỏng');
  });

  it('shows a tower upgrade with its date, in English when chosen', () => {
    useAppStore.setState({ lang: 'en' });
    const tower: Tower = {
      id: 'T-1',
      lon: 105,
      lat: 9,
      operator: 'VNPT',
      status: 'existing',
      technology: '3G',
      upgradeTechnology: '4G',
      upgradeDate: '2021-09-20',
      synthetic: true,
    };
    const { container } = render(<Tooltip picked={{ kind: 'tower', item: tower, index: 0 }} dataset={viewOf(dataset)} x={0} y={0} />);
    const text = container.textContent ?? '';
    expect(text).toContain('VNPT T-1');
    expect(text).toContain('5 km');
    expect(text).toContain('→ 4G · Sep 20, 2021');
  });
});
