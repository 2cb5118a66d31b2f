// @vitest-environment jsdom
// The siting form reads numbers as the language writes them: "4,5" km is four and a half in
// Vietnamese, whatever the browser; text that is not a number is marked and not sent.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DatasetView } from '../../src/domain/points/dataset-view.ts';
import { useAppStore } from '../../src/state/store.ts';

const engine = vi.hoisted(() => ({ suggestSites: vi.fn(), cancelSiting: vi.fn(), placePlannedTowers: vi.fn(), sitingCosts: vi.fn(() => new Promise(() => undefined)) }));
vi.mock('../../src/state/engine-client.ts', () => ({ suggestSites: engine.suggestSites, engineNow: () => engine }));
vi.mock('../../src/state/plan-actions.ts', () => ({ placePlannedTowers: engine.placePlannedTowers }));
const { SitingPanel } = await import('../../src/ui/plan/SitingPanel.tsx');

afterEach(cleanup);
const dataset = { districts: [], communes: [] } as unknown as DatasetView;

describe('siting numbers', () => {
  it('sends 4,5 km as 4.5 in Vietnamese and refuses "abc"', () => {
    useAppStore.setState({ lang: 'vi', siting: { phase: 'idle' } });
    render(<SitingPanel dataset={dataset} />);
    const [k, radius] = screen.getAllByRole<HTMLInputElement>('textbox');
    fireEvent.change(radius as HTMLInputElement, { target: { value: '4,5' } });
    fireEvent.submit((radius as HTMLInputElement).closest('form') as HTMLFormElement);
    expect(engine.suggestSites).toHaveBeenCalledWith(expect.objectContaining({ k: 10, radiusKm: 4.5 }));
    fireEvent.change(k as HTMLInputElement, { target: { value: 'abc' } });
    expect((k as HTMLInputElement).getAttribute('aria-invalid')).toBe('true');
    fireEvent.submit((radius as HTMLInputElement).closest('form') as HTMLFormElement);
    expect(engine.suggestSites).toHaveBeenCalledTimes(1);
  });

  it('sends a budget of "1,5" tỷ đồng as 1.5e9 and the edited costs in đồng', () => {
    engine.suggestSites.mockClear();
    useAppStore.setState({ lang: 'vi', siting: { phase: 'idle' } });
    render(<SitingPanel dataset={dataset} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Ngân sách mua được gì' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Ngân sách (tỷ đồng)' }), { target: { value: '1,5' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Xây trạm' }), { target: { value: '1.200' } });
    fireEvent.submit(screen.getByRole('textbox', { name: 'Xây trạm' }).closest('form') as HTMLFormElement);
    expect(engine.suggestSites).toHaveBeenCalledWith(
      expect.objectContaining({ mode: 'budget', budget: 1.5e9, costs: { currency: 'VND', siteCapex: 1.2e9, solarCapex: 4e8, backhaulPerKm: 5e7 } }),
    );
  });

  it('shows a running search\'s progress in either language, with a button that stops it', () => {
    const options = { mode: 'k' as const, k: 10, radiusKm: 4, weight: 'population' as const, costs: { currency: 'VND', siteCapex: 1, solarCapex: 1, backhaulPerKm: 1 }, timeLimitS: 10 };
    useAppStore.setState({ lang: 'vi', siting: { phase: 'running', options, progress: { stage: 'quick', done: 45, total: 100 } } });
    const { unmount } = render(<SitingPanel dataset={dataset} />);
    expect(screen.getByTestId('siting-running').textContent).toContain('Đang tìm vị trí… đã xong 45,0 %');
    fireEvent.click(screen.getByRole('button', { name: 'Dừng tìm vị trí' }));
    expect(engine.cancelSiting).toHaveBeenCalledTimes(1);
    unmount();
    useAppStore.setState({ lang: 'en' });
    render(<SitingPanel dataset={dataset} />);
    expect(screen.getByTestId('siting-running').textContent).toContain('Finding sites… 45.0 % done');
    act(() => useAppStore.setState({ siting: { phase: 'cancelled' } }));
    expect(screen.getByText('Finding sites was stopped.')).toBeTruthy();
  });
});
