// @vitest-environment jsdom
// The siting form reads numbers as the language writes them: "4,5" km is four and a half in
// Vietnamese, whatever the browser; text that is not a number is marked and not sent.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DatasetView } from '../../src/domain/points/dataset-view.ts';
import { useAppStore } from '../../src/state/store.ts';

const engine = vi.hoisted(() => ({ suggestSites: vi.fn(), placePlannedTowers: vi.fn() }));
vi.mock('../../src/state/engine-client.ts', () => engine);
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
});
