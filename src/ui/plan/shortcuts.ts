import { useEffect } from 'react';
import { useAppStore } from '../../state/store.ts';

// Text fields keep their own undo.
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Ctrl/⌘+Z undoes a plan edit, Ctrl/⌘+Shift+Z or Ctrl+Y redoes; Escape leaves "add" mode. */
export function usePlanShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const store = useAppStore.getState();
      if (event.key === 'Escape' && store.editMode === 'add') {
        store.editModeChosen('browse');
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey || typing(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        store.planUndone();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        store.planRedone();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
