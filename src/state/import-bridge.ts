// The page's side of importing: asks the data worker to check files, then to take them or
// drop them. The worker saves what was taken on this device and lays it over the bundled data
// again on the next visit (the texts, hundreds of MB at national scale, never cross to the
// page). Nothing reaches the loaded data without the worker's `import-done`.
import { clearImport } from '../io/import-store.ts';
import type { ImportRequestFile, WorkerRequest, WorkerResponse } from '../worker/protocol.ts';
import { useAppStore } from './store.ts';

type Post = (request: WorkerRequest) => void;

let api: { check: (files: ImportRequestFile[]) => void; commit: (validOnly: boolean) => void; cancel: () => void; revert: () => void } | undefined;

/** Checks files for import (nothing changes yet). */
export function checkImport(files: ImportRequestFile[]): void {
  api?.check(files);
}

/** Takes the checked import: all of it, or only the rows without errors. */
export function commitImport(validOnly: boolean): void {
  api?.commit(validOnly);
}

/** Drops the checked import; the loaded data stays as it was. */
export function cancelImport(): void {
  api?.cancel();
}

/** Forgets the imported files and goes back to the bundled data. */
export function revertToBundled(): void {
  api?.revert();
}

/** Wires the import messages; `reload` loads the bundled files again. Returns the handler. */
export function startImportBridge(post: Post, reload: () => void): { handle: (message: WorkerResponse) => boolean; stop: () => void } {
  let latest = 0;
  let restoring = false;
  const state = () => useAppStore.getState();
  api = {
    check: (files) => {
      latest += 1;
      state().importChanged({ phase: 'reading', importId: latest, done: 0, total: 1 });
      post({ type: 'import-check', importId: latest, files });
    },
    commit: (validOnly) => {
      const current = state().importState;
      if (current.phase !== 'checked') return;
      state().importChanged({ phase: 'applying', importId: current.result.importId, result: current.result });
      post({ type: 'import-commit', importId: current.result.importId, validOnly });
    },
    cancel: () => {
      const current = state().importState;
      if (current.phase === 'checked') post({ type: 'import-cancel', importId: current.result.importId });
      latest += 1;
      state().importChanged({ phase: 'idle' });
    },
    revert: () => {
      void clearImport().then((result) => {
        if (!result.ok) {
          state().importChanged({ phase: 'failed', message: result.message });
          return;
        }
        state().importedFilesChanged([]);
        state().importChanged({ phase: 'idle' });
        reload();
      });
    },
  };

  const handle = (message: WorkerResponse): boolean => {
    switch (message.type) {
      case 'import-restoring':
        restoring = true;
        state().importedFilesChanged(message.paths);
        return true;
      case 'import-progress':
        if (message.importId === latest) state().importChanged({ phase: message.phase, importId: message.importId, done: message.done, total: message.total });
        return true;
      case 'import-checked':
        if (message.importId === latest) state().importChanged({ phase: 'checked', result: message });
        return true;
      case 'import-failed':
        if (restoring && message.importId === 0) {
          restoring = false;
          state().importedFilesChanged([]);
        }
        if (message.importId === latest || message.importId === 0) state().importChanged({ phase: 'failed', message: message.message });
        return true;
      case 'import-done': {
        const current = state().importState;
        if (current.phase === 'applying' && current.importId === message.importId) {
          const { files, validOnly } = current.result;
          state().importChanged({ phase: 'done', files, validOnly: message.validOnly, dropped: message.validOnly ? (validOnly?.dropped ?? 0) : 0 });
        }
        state().importedFilesChanged(message.paths);
        return true;
      }
      default:
        return false;
    }
  };
  return {
    handle,
    stop: () => {
      api = undefined;
    },
  };
}
