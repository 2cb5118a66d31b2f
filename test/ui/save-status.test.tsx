// @vitest-environment jsdom
// The save status when another tab saved the plan (or the gap statuses) since this tab read
// it: said in Vietnamese first, then English, with the two choices.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../src/state/store.ts';
import { SaveStatus } from '../../src/ui/common/SaveStatus.tsx';

const initial = useAppStore.getState();
const AT = '2026-12-01T08:05:00.000Z';

beforeEach(() => useAppStore.setState(initial, true));
afterEach(cleanup);

describe('SaveStatus', () => {
  it('a conflict: what happened, that both are kept, and a button for each version', () => {
    useAppStore.setState({ saveState: { phase: 'conflict', savedAt: AT } });
    render(<SaveStatus />);
    expect(screen.getByTestId('save-status').getAttribute('data-phase')).toBe('conflict');
    expect(screen.getByText(/một thẻ hoặc cửa sổ khác .* cả hai bản vẫn được giữ/)).toBeTruthy();
    // 08:05 UTC is 15:05 in Vietnam, whatever this machine's time zone.
    expect(screen.getByText(/15:05:00/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Giữ bản trong thẻ này (thay bản đã lưu)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Lấy bản đã lưu (bỏ thay đổi trong thẻ này)' })).toBeTruthy();
    expect(screen.queryByText(/Đã lưu trên máy này/)).toBeNull();
  });

  it('in English too; a plan taken from another tab says so', () => {
    useAppStore.setState({ lang: 'en', saveState: { phase: 'conflict', savedAt: AT } });
    render(<SaveStatus />);
    expect(screen.getByText(/^Another tab or window changed the plan saved on this device at .*both versions are kept/)).toBeTruthy();
    expect(screen.getByRole('button', { name: "Keep this tab's plan (replaces the saved one)" })).toBeTruthy();
    cleanup();
    useAppStore.setState({ saveState: { phase: 'saved', savedAt: AT, restored: true, fromOtherTab: true } });
    render(<SaveStatus />);
    expect(screen.getByText(/^Updated to the plan another tab saved at /)).toBeTruthy();
  });
});
