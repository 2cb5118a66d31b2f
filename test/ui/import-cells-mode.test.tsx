// @vitest-environment jsdom
// A cell export is added to the loaded towers unless the user chooses to replace them: the
// panel offers both (add checked first), says what was merged, and sends the choice.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../src/state/store.ts';
import type { ImportChecked } from '../../src/worker/import-session.ts';

const engine = vi.hoisted(() => ({ checkImport: vi.fn(), commitImport: vi.fn(), cancelImport: vi.fn(), revertToBundled: vi.fn() }));
vi.mock('../../src/state/engine-client.ts', () => engine);
const { ImportPanel } = await import('../../src/ui/import/ImportPanel.tsx');

afterEach(cleanup);

const checked = (mode: 'add' | 'replace'): ImportChecked => ({
  importId: 1,
  files: [
    {
      name: 'cells.csv',
      kind: 'towers',
      format: 'cells',
      rows: 6,
      validRows: 4,
      fixes: [],
      cells: { rows: 6, cells: 4, towers: 3, skipped: {}, mode, merged: mode === 'add' ? 1 : 0, appended: mode === 'add' ? 2 : 3 },
    },
  ],
  issues: [],
  canImport: true,
  elapsedMs: 1,
});

describe('a cell export in the import panel', () => {
  it.each([
    ['vi', 'Thêm vào các trạm đang có', 'Thay thế các trạm đang có', 'Chọn tệp…', /1 trạm trùng trạm đang có được gộp, thêm 2 trạm mới/],
    ['en', 'Add to the loaded towers', 'Replace the loaded towers', 'Choose files…', /1 tower already loaded merged, 2 new towers added/],
  ] as const)('(%s) offers add (the default) or replace, and sends the choice', (lang, add, replace, pick, said) => {
    engine.checkImport.mockClear();
    useAppStore.setState({ lang, importState: { phase: 'idle' } });
    render(<ImportPanel />);
    fireEvent.change(screen.getByLabelText(pick), { target: { files: [new File(['x'], 'cells.csv')] } });
    act(() => useAppStore.setState({ importState: { phase: 'checked', result: checked('add') } }));
    const addBox = screen.getByRole<HTMLInputElement>('radio', { name: new RegExp(add) });
    const replaceBox = screen.getByRole<HTMLInputElement>('radio', { name: new RegExp(replace) });
    expect(addBox.checked).toBe(true);
    expect(replaceBox.checked).toBe(false);
    expect(screen.getByTestId('import-cells-added').textContent).toMatch(said);
    fireEvent.click(replaceBox);
    const sent = engine.checkImport.mock.calls.at(-1)?.[0] as { cells?: string }[];
    expect(sent[0]?.cells).toBe('replace');
    act(() => useAppStore.setState({ importState: { phase: 'checked', result: checked('replace') } }));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: new RegExp(replace) }).checked).toBe(true);
  });
});
