// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onAirTowers } from '../../src/domain/coverage/columns.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { scenarioOf, useAppStore } from '../../src/state/store.ts';
import { CoverageSummary } from '../../src/ui/dashboard/CoverageSummary.tsx';
import { ScenarioPanel } from '../../src/ui/plan/ScenarioPanel.tsx';
import { SelectionPanel } from '../../src/ui/map/SelectionPanel.tsx';
import type { CoverageResult } from '../../src/domain/coverage/answer.ts';
import { viewOf } from './view-of.ts';

const initial = useAppStore.getState();
beforeEach(() => useAppStore.setState(initial, true));
afterEach(cleanup);

const square = { type: 'Polygon' as const, coordinates: [[[105, 9], [105.1, 9], [105.1, 9.1], [105, 9]]] as [number, number][][] };
const dataset: Dataset = {
  province: [],
  districts: [{ id: '969', name: 'Huyện Cái Nước', geometry: square }],
  hamlets: [
    { id: 'H1', name: 'Ấp Một', lon: 105.01, lat: 9.01, population: 1500, gridPower: true, synthetic: true },
    { id: 'H2', name: 'Ấp Hai', lon: 105.09, lat: 9.09, population: 500, gridPower: false, synthetic: true },
  ],
  schools: [
    { id: 'S1', name: 'Trường Tiểu học Một', lon: 105.02, lat: 9.02, level: 'primary', students: 300, fixedBroadband: false, synthetic: true },
  ],
  towers: [{ id: 'T-VT-0001', operator: 'Viettel', lon: 105, lat: 9, status: 'existing', technology: '4G', synthetic: true }],
  programme: { name: 'p', targets: [] },
};

const result: CoverageResult = {
  requestId: 1,
  scenario: 'current',
  radiusModel: 'fixed',
  level: Uint8Array.from([2, 0, 2]),
  nearestTower: Int32Array.from([0, 0, 0]),
  nearestKm: Float64Array.from([1.5612, 13.9, 3.1]),
  datasetId: 0,
  onAir: onAirTowers(dataset.towers, 'current'),
  towerChanges: [],
  figures: {
    hamlets: { total: 2, good: 1, weak: 0, none: 1, population: 2000, population_good: 1500 },
    schools: { total: 1, good: 1, weak: 0, none: 0, students: 300, students_good: 300 },
    areas: [{ hamlets: 2, hamlets_good: 1, population: 2000, population_good: 1500, schools: 1, schools_good: 1 }],
  },
  baselineLevel: Uint8Array.from([2, 0, 2]),
  cellCounts: new Uint32Array(0),
  baselineFigures: {
    hamlets: { total: 2, good: 1, weak: 0, none: 1, population: 2000, population_good: 1500 },
    schools: { total: 1, good: 1, weak: 0, none: 0, students: 300, students_good: 300 },
    areas: [{ hamlets: 2, hamlets_good: 1, population: 2000, population_good: 1500, schools: 1, schools_good: 1 }],
  },
  elapsedMs: 0.4,
};

describe('ScenarioPanel', () => {
  it('sets the map scenario: the as-of day by default, else current or planned', () => {
    useAppStore.setState({ asOf: '2021-12-31' });
    render(<ScenarioPanel />);
    expect(scenarioOf(useAppStore.getState())).toBe('2021-12-31');
    expect(screen.getByRole('radio', { name: 'Theo ngày đang xem (31/12/2021)' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('radio', { name: 'Theo quy hoạch' }));
    expect(scenarioOf(useAppStore.getState())).toBe('planned');
    fireEvent.click(screen.getByRole('radio', { name: 'Trạm như trong hồ sơ (chưa tính nâng cấp)' }));
    expect(scenarioOf(useAppStore.getState())).toBe('current');
    fireEvent.click(screen.getByRole('radio', { name: /Theo ngày đang xem/ }));
    useAppStore.getState().asOfChosen('2021-10-15');
    expect(scenarioOf(useAppStore.getState())).toBe('2021-10-15');
  });
});

describe('CoverageSummary', () => {
  it('shows the shares with Vietnamese decimals, and says when it is computing', () => {
    useAppStore.getState().coverageComputed(result);
    useAppStore.getState().coverageRequested();
    render(<CoverageSummary />);
    expect(screen.getByText('Đang tính vùng phủ…')).toBeTruthy();
    const hamlets = document.querySelector('[data-figure="hamlets"] dd')?.textContent;
    expect(hamlets).toBe('50,0 % (1 trên 2)');
    const population = document.querySelector('[data-figure="population"] dd')?.textContent;
    expect(population).toBe('75,0 % (1.500 trên 2.000)');
  });
});

describe('SelectionPanel', () => {
  it('names the level, the nearest tower and its distance; Escape clears it', () => {
    useAppStore.setState({ coverage: result, towers: dataset.towers, selectedPoint: 1 });
    render(<SelectionPanel dataset={viewOf(dataset)} />);
    const panel = screen.getByTestId('selection');
    expect(panel.textContent).toContain('Ấp Hai');
    expect(panel.textContent).toContain('Không có sóng');
    expect(panel.textContent).toContain('Viettel T-VT-0001 (4G)');
    expect(panel.textContent).toContain('13,9 km');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(useAppStore.getState().selectedPoint).toBeUndefined();
  });

  it('points a school at its index after the hamlets', () => {
    useAppStore.setState({ coverage: result, towers: dataset.towers, selectedPoint: 2 });
    render(<SelectionPanel dataset={viewOf(dataset)} />);
    expect(screen.getByTestId('selection').textContent).toContain('Trường Tiểu học Một');
    expect(screen.getByTestId('selection').textContent).toContain('3,1 km');
  });
});
