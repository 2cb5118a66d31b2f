// @vitest-environment jsdom
// What an import would change, shown before it is taken; its risks in the user's language;
// the shares of hamlets with good signal said to be computing until they come.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LayersImpact } from '../../src/domain/import/impact.ts';
import { ImportImpact } from '../../src/ui/import/ImportImpact.tsx';

afterEach(cleanup);

const emptied: LayersImpact = {
  layers: [
    { layer: 'hamlets', before: 909, after: 0, insideAfter: 0 },
    { layer: 'schools', before: 449, after: 449 },
    { layer: 'towers', before: 397, after: 397 },
    { layer: 'districts', before: 9, after: 9 },
    { layer: 'communes', before: 101, after: 101 },
  ],
  risks: [{ code: 'import-empties-layer', layer: 'hamlets', before: 909 }],
};

describe('ImportImpact', () => {
  it('shows before and after in Vietnamese, says the risk and asks for the word', () => {
    const onConfirm = vi.fn();
    const { rerender } = render(<ImportImpact impact={emptied} lang="vi" confirmed={false} onConfirm={onConfirm} />);
    const good = () => screen.getByRole('row', { name: /sóng tốt/ });
    expect(good().textContent).toBe('Ấp, khóm có sóng tốt (hiện tại)đang tính…đang tính…–');
    expect(good().getAttribute('aria-busy')).toBe('true');
    rerender(<ImportImpact impact={emptied} shares={{ before: 99.12, after: null }} lang="vi" confirmed={false} onConfirm={onConfirm} />);
    expect(good().getAttribute('aria-busy')).toBe('false');
    const row = screen.getByRole('row', { name: /^Ấp, khóm 909/ });
    expect(row.textContent).toContain('909');
    expect(screen.getByRole('alert').textContent).toBe('Lớp ấp, khóm sẽ trống: 909 đối tượng hiện có sẽ bị thay bằng 0.');
    expect(good().textContent).toContain('99,1 %');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tôi đã xem các thay đổi trên và vẫn muốn nhập' }));
    expect(onConfirm).toHaveBeenCalledWith(true);
  });

  it('asks nothing when nothing is at risk, and speaks English', () => {
    render(<ImportImpact impact={{ ...emptied, risks: [] }} lang="en" confirmed={false} onConfirm={() => {}} />);
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByRole('columnheader', { name: 'After import' })).toBeTruthy();
    expect(screen.getByRole('row', { name: /good signal/ }).textContent).toContain('computing…');
  });
});
