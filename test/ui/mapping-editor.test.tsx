// @vitest-environment jsdom
// The CSV mapping holds: a chosen column stays chosen on screen, and two changes before
// "Kiểm tra lại" both apply (before, each change started again from the last check's mapping).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../src/state/store.ts';
import type { ImportChecked } from '../../src/worker/import-session.ts';

const engine = vi.hoisted(() => ({ checkImport: vi.fn(), commitImport: vi.fn(), cancelImport: vi.fn(), revertToBundled: vi.fn() }));
vi.mock('../../src/state/engine-client.ts', () => engine);
const { ImportPanel } = await import('../../src/ui/import/ImportPanel.tsx');

afterEach(cleanup);

const checked: ImportChecked = {
  importId: 1,
  files: [
    {
      name: 'hamlets.csv',
      kind: 'hamlets',
      format: 'csv',
      rows: 2,
      validRows: 2,
      fixes: [],
      header: ['Mã', 'Tên', 'Dân số', 'X', 'Y', 'Mã xã', 'Mã huyện'],
      mapping: {
        lon: 3,
        lat: 4,
        properties: { id: 0, name: 1, population: 2, households: null, poor_households: null, students: null, grid_power: null, commune: null, district: null, synthetic: null },
      },
    },
  ],
  issues: [],
  canImport: true,
  elapsedMs: 1,
};

describe('the CSV mapping editor', () => {
  it('keeps every choice on screen and sends them all with "Kiểm tra lại"', () => {
    useAppStore.setState({ lang: 'vi', importState: { phase: 'idle' } });
    render(<ImportPanel />);
    fireEvent.change(screen.getByLabelText('Chọn tệp…'), { target: { files: [new File(['x'], 'hamlets.csv')] } });
    expect(engine.checkImport).toHaveBeenCalledTimes(1);
    act(() => useAppStore.setState({ importState: { phase: 'checked', result: checked } }));
    const commune = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Cột cho Mã xã (commune)' });
    const district = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Cột cho Mã huyện (district)' });
    fireEvent.change(commune, { target: { value: '5' } });
    expect(commune.value).toBe('5');
    fireEvent.change(district, { target: { value: '6' } });
    expect(commune.value).toBe('5');
    expect(district.value).toBe('6');
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra lại' }));
    const sent = engine.checkImport.mock.calls[1]?.[0] as { mapping: { properties: Record<string, number | null> } }[];
    expect(sent[0]?.mapping.properties).toMatchObject({ commune: 5, district: 6, id: 0 });
    // Kinds are named in Vietnamese, the contract's name beside.
    expect(screen.getByRole('option', { name: 'Ấp, khóm (hamlets)' })).toBeTruthy();
  });
});
