// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../src/state/store.ts';
import { Attribution } from '../../src/ui/common/Attribution.tsx';
import { Header } from '../../src/ui/common/Header.tsx';
import { LayerPanel } from '../../src/ui/map/LayerPanel.tsx';
import { Legend } from '../../src/ui/map/Legend.tsx';
import { LoadStatus } from '../../src/ui/common/LoadStatus.tsx';

const initial = useAppStore.getState();

beforeEach(() => useAppStore.setState(initial, true));
afterEach(cleanup);

describe('panels', () => {
  it('toggles a layer from a labelled checkbox', () => {
    render(<LayerPanel />);
    const hamlets = screen.getByRole<HTMLInputElement>('checkbox', { name: /Ấp, khóm/ });
    expect(hamlets.checked).toBe(true);
    fireEvent.click(hamlets);
    expect(useAppStore.getState().layers.hamlets).toBe(false);
    expect(useAppStore.getState().layers.schools).toBe(true);
    expect(screen.getAllByText('mô phỏng').length).toBeGreaterThanOrEqual(3);
  });

  it('switches every text to English with the language button', () => {
    render(
      <>
        <Header onPrint={() => {}} />
        <LayerPanel />
        <Legend />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(useAppStore.getState().lang).toBe('en');
    expect(screen.getByRole('checkbox', { name: /Hamlets/ })).toBeTruthy();
    expect(screen.getByText('Planned tower')).toBeTruthy();
    expect(screen.getAllByText('simulated').length).toBeGreaterThanOrEqual(3);
  });

  it('shows the attribution block in the chosen language, names and copyright as they are', () => {
    useAppStore.setState({ lang: 'vi' });
    const { unmount } = render(<Attribution />);
    expect(screen.getByText(/censusVN2009 © 2017 Marc Choisy \(giấy phép MIT\)/)).toBeTruthy();
    expect(screen.getByText(/Trường học, ấp và trạm: dữ liệu mô phỏng để minh họa\./)).toBeTruthy();
    unmount();
    useAppStore.setState({ lang: 'en' });
    render(<Attribution />);
    expect(screen.getByText(/censusVN2009 © 2017 Marc Choisy \(MIT\)/)).toBeTruthy();
    expect(screen.getByText(/Schools, hamlets and towers: simulated for demonstration\./)).toBeTruthy();
    useAppStore.setState({ lang: 'vi' });
  });

  it('lists every load problem as text, never as HTML', () => {
    useAppStore.getState().datasetRejected('invalid', [
      {
        severity: 'error',
        code: 'enum',
        file: 'hamlets.geojson',
        featureIndex: 3,
        field: 'name',
        params: { got: 'string', value: '<img src=x onerror=alert(1)>', allowed: ['a'] },
        message: 'hamlets.geojson: feature 4, field "name": is "<img src=x onerror=alert(1)>", must be one of "a"',
      },
    ]);
    const { container } = render(<LoadStatus />);
    // Rendered in the UI's language (Vietnamese by default), the feature counted from 1.
    expect(screen.getByRole('alert').textContent).toContain('hamlets.geojson: đối tượng 4, trường dữ liệu "name": là "<img src=x onerror=alert(1)>"');
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows progress while loading', () => {
    useAppStore.getState().loadProgressed(3, 9);
    render(<LoadStatus />);
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('value')).toBe('3');
    expect(bar.getAttribute('max')).toBe('9');
  });
});
