// @vitest-environment jsdom
// While a GeoParquet or FlatGeobuf file's rows are checked, the panel says how far it is, in
// the user's language, with a progress bar; the check of the whole data set says no count.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../src/state/store.ts';

const engine = vi.hoisted(() => ({ checkImport: vi.fn(), commitImport: vi.fn(), cancelImport: vi.fn(), revertToBundled: vi.fn() }));
vi.mock('../../src/state/engine-client.ts', () => engine);
const { ImportPanel } = await import('../../src/ui/import/ImportPanel.tsx');

afterEach(cleanup);

describe('the import panel while rows are checked', () => {
  it.each([
    ['vi', 'Đang kiểm tra dòng 300.000 / 900.000…', 'Đang kiểm tra toàn bộ dữ liệu…'],
    ['en', 'Checking row 300,000 / 900,000…', 'Checking the whole data set…'],
  ] as const)('(%s) says the rows checked and shows a bar, then the whole check without a count', (lang, rows, whole) => {
    useAppStore.setState({ lang, importState: { phase: 'checking', importId: 1, done: 300_000, total: 900_000 } });
    const { rerender } = render(<ImportPanel />);
    const status = screen.getByTestId('import-status');
    expect(status.textContent).toBe(rows);
    const bar = screen.getByRole('progressbar');
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['300000', '900000']);
    useAppStore.setState({ importState: { phase: 'checking', importId: 1, done: 0, total: 1 } });
    rerender(<ImportPanel />);
    expect(screen.getByTestId('import-status').textContent).toBe(whole);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
