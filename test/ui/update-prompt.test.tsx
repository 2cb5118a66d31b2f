// @vitest-environment jsdom
// "A new version is available": hidden until the service worker has one waiting, then offered
// in the chosen language; the button activates it, "later" hides the prompt.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../src/state/store.ts';

const pwa = vi.hoisted(() => {
  let listener: ((ready: boolean) => void) | undefined;
  return {
    applyUpdate: vi.fn(),
    onUpdateReady: (l: (ready: boolean) => void) => {
      listener = l;
      return () => (listener = undefined);
    },
    fire: () => listener?.(true),
  };
});
vi.mock('../../src/app/pwa.ts', () => pwa);

const { UpdatePrompt } = await import('../../src/ui/common/UpdatePrompt.tsx');

afterEach(cleanup);

describe('UpdatePrompt', () => {
  it('appears only when a new version waits, and applies it on request', () => {
    useAppStore.setState({ lang: 'vi' });
    render(<UpdatePrompt />);
    expect(screen.queryByTestId('update-prompt')).toBeNull();
    act(() => pwa.fire());
    expect(screen.getByTestId('update-prompt').textContent).toContain('Có phiên bản mới');
    fireEvent.click(screen.getByRole('button', { name: 'Cập nhật và tải lại' }));
    expect(pwa.applyUpdate).toHaveBeenCalledTimes(1);
  });

  it('speaks English when asked, and "later" hides it', () => {
    useAppStore.setState({ lang: 'en' });
    render(<UpdatePrompt />);
    act(() => pwa.fire());
    expect(screen.getByTestId('update-prompt').textContent).toContain('A new version');
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByTestId('update-prompt')).toBeNull();
  });
});
