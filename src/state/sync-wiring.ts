// Live sync in the app: the settings and progress from the device (io/sync-store.ts), the
// register from the store, the device's network from the browser (online/offline events).
// Starts once the saved register is restored; restarts when the user changes the settings.
import { historyOf } from '../domain/gaps/history.ts';
import { loadSyncProgress, loadSyncSettings, saveSyncProgress, saveSyncSettings, type SyncProgress, type SyncSettings } from '../io/sync-store.ts';
import { whenGapsRestored } from './persistence.ts';
import { useAppStore } from './store.ts';
import { startLiveSync, SYNC_OFF, type LiveSync } from './sync.ts';

const PROGRESS_DELAY_MS = 300;

export function startSyncWiring(): () => void {
  const store = useAppStore;
  let sync: LiveSync | undefined;
  let stopped = false;
  let loaded = false;
  let progressTimer: ReturnType<typeof setTimeout> | undefined;
  let progressDue: SyncProgress | undefined;

  const writeProgress = () => {
    progressTimer = undefined;
    if (progressDue) void saveSyncProgress(progressDue);
    progressDue = undefined;
  };
  const saveProgress = (progress: SyncProgress) => {
    progressDue = progress;
    progressTimer ??= setTimeout(writeProgress, PROGRESS_DELAY_MS);
  };

  const start = async (settings: SyncSettings | undefined) => {
    sync?.stop();
    sync = undefined;
    if (settings === undefined) return store.getState().liveSyncChanged(SYNC_OFF);
    const saved = await loadSyncProgress();
    if (stopped || store.getState().syncSettings !== settings) return;
    sync = startLiveSync(settings, saved, {
      history: () => store.getState().gapHistory,
      watchHistory: (listener) => store.subscribe((s, p) => s.gapHistory !== p.gapHistory && listener()),
      merge: (events) => store.getState().gapHistoryMerged(historyOf(events)),
      saveProgress,
      onState: (state) => store.getState().liveSyncChanged(state),
      online: () => navigator.onLine,
      watchNetwork: (listener) => {
        const on = () => listener(true);
        const off = () => listener(false);
        window.addEventListener('online', on);
        window.addEventListener('offline', off);
        return () => {
          window.removeEventListener('online', on);
          window.removeEventListener('offline', off);
        };
      },
    });
  };

  const unsubscribe = store.subscribe((s, p) => {
    if (!loaded || s.syncSettings === p.syncSettings) return;
    void saveSyncSettings(s.syncSettings);
    void start(s.syncSettings);
  });
  void (async () => {
    const [settings] = await Promise.all([loadSyncSettings(), whenGapsRestored()]);
    if (stopped) return;
    loaded = true;
    // Set on this tab before the saved ones were read: those win.
    const current = store.getState().syncSettings ?? settings;
    if (current !== store.getState().syncSettings) store.getState().syncSettingsChanged(current);
    else void start(current);
  })();

  return () => {
    stopped = true;
    unsubscribe();
    sync?.stop();
    sync = undefined;
    if (progressTimer !== undefined) {
      clearTimeout(progressTimer);
      writeProgress();
    }
  };
}
