// Tells the app's other tabs and windows (same browser profile) that a record was saved, so
// a tab with nothing unsaved can take the newer version at once. BroadcastChannel is missing
// in some environments (old WebKit, some embedded views): then no tab is told, and the
// revision check of each save still keeps any overwrite from going unnoticed.
import { DB_NAME } from './db.ts';

export type SaveNotice = { store: 'plans' | 'gaps'; key: string; revision: number };

export interface Notices {
  /** Tells the other tabs (never this channel's own listeners). */
  post(notice: SaveNotice): void;
  listen(listener: (notice: SaveNotice) => void): () => void;
  close(): void;
}

const NONE: Notices = { post: () => undefined, listen: () => () => undefined, close: () => undefined };

function isNotice(data: unknown): data is SaveNotice {
  if (typeof data !== 'object' || data === null) return false;
  const { store, key, revision } = data as Record<string, unknown>;
  return (store === 'plans' || store === 'gaps') && typeof key === 'string' && typeof revision === 'number';
}

export function openNotices(name = `${DB_NAME}-saves`): Notices {
  let channel: BroadcastChannel;
  try {
    if (typeof BroadcastChannel === 'undefined') return NONE;
    channel = new BroadcastChannel(name);
  } catch {
    return NONE;
  }
  const listeners = new Set<(notice: SaveNotice) => void>();
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (!isNotice(event.data)) return;
    for (const listener of listeners) listener(event.data);
  };
  let closed = false;
  return {
    post(notice) {
      if (closed) return;
      try {
        channel.postMessage(notice);
      } catch {
        // A closing page: the other tabs find out at their next save.
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      listeners.clear();
      channel.close();
    },
  };
}
