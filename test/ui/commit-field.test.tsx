// @vitest-environment jsdom
// Numbers and days typed as the language writes them: "6,5" is six and a half in Vietnamese
// (it once became a 65 km tower), "abc" is refused with a reason, an implausible radius asks.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommitField, type FieldValue } from '../../src/ui/common/CommitField.tsx';

afterEach(cleanup);

function field(props: Partial<Parameters<typeof CommitField>[0]> = {}) {
  const onCommit = vi.fn((_: FieldValue) => true as const);
  render(<CommitField label="Bán kính (km)" type="decimal" lang="vi" value={4} onCommit={onCommit} {...props} />);
  return { input: screen.getByLabelText<HTMLInputElement>(props.label ?? 'Bán kính (km)'), onCommit };
}

const type = (input: HTMLInputElement, text: string) => {
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter' });
};

describe('CommitField', () => {
  it('reads the decimal comma in Vietnamese and shows its value the same way', () => {
    const { input, onCommit } = field({ value: 1.5 });
    expect(input.value).toBe('1,5');
    expect(input.type).toBe('text');
    type(input, '6,5');
    expect(onCommit).toHaveBeenCalledWith(6.5);
  });

  it('refuses text that is not a number, says why, and commits nothing', () => {
    const { input, onCommit } = field();
    type(input, 'abc');
    expect(onCommit).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('dấu phẩy');
  });

  it('asks before an unusual value and uses it only on the word', () => {
    const unusual = (v: number) => (v > 35 ? `Bán kính ${v} km lớn bất thường` : undefined);
    const { input, onCommit } = field({ unusual });
    type(input, '40');
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('lớn bất thường');
    fireEvent.click(screen.getByRole('button', { name: 'Vẫn dùng giá trị này' }));
    expect(onCommit).toHaveBeenCalledWith(40);
  });

  it('reads English numbers in English', () => {
    const { input, onCommit } = field({ lang: 'en', label: 'Radius (km)' });
    type(input, '6.5');
    expect(onCommit).toHaveBeenCalledWith(6.5);
  });

  it('empties to null, and reads a day as dd/mm/yyyy', () => {
    const { input, onCommit } = field();
    type(input, '');
    expect(onCommit).toHaveBeenCalledWith(null);
    cleanup();
    const day = field({ type: 'day', label: 'Ngày phát sóng', value: '2022-10-12' });
    expect(day.input.value).toBe('12/10/2022');
    type(day.input, '5/9/2022');
    expect(day.onCommit).toHaveBeenCalledWith('2022-09-05');
  });

  it('shows the message a refusal gives', () => {
    const onCommit = vi.fn(() => 'Giá trị phải lớn hơn 0 và không quá 100.');
    render(<CommitField label="Bán kính (km)" type="decimal" lang="vi" value={4} onCommit={onCommit} />);
    type(screen.getByLabelText<HTMLInputElement>('Bán kính (km)'), '150');
    expect(screen.getByRole('alert').textContent).toBe('Giá trị phải lớn hơn 0 và không quá 100.');
  });
});
