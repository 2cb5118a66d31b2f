/**
 * Live sync of the gap register with a sync server (src/server/), over the sync client
 * (io/sync-client.ts); no React, no storage of its own: the caller gives the register, a
 * way to merge events into it, and where to keep the progress (sync-wiring.ts binds them to
 * the app's store and IndexedDB; tests bind them to plain values and a fake or real socket).
 *
 * What is sent: every event of the register that the server is not known to have (not
 * received from it, not acknowledged by it) and has not refused. So changes made offline,
 * merged from a file or from another tab are all sent once the server can be reached, and
 * sending one twice is harmless (the server answers "known").
 *
 * The progress (`SyncProgress`) is saved after each exchange. Events received are marked
 * confirmed in the same record as the cursor that skips them next time: should the register
 * holding them not have reached the disk (the tab closed in between), a confirmed id missing
 * from the register at start sends the cursor back to 0, and the server sends everything.
 */
import type { GapEvent, GapHistory, HistoryIssue } from '../domain/gaps/history.ts';
import type { EventRefusal } from '../domain/gaps/sync-protocol.ts';
import { createSyncClient, type SocketLike, type SyncClient, type SyncState } from '../io/sync-client.ts';
import type { SyncProgress, SyncSettings } from '../io/sync-store.ts';

/** Where live sync stands, as the status panel says it. */
export interface LiveSyncState {
  /**
   * off: no server set. connecting. online: connected (and caught up once `caughtUp`).
   * offline: the server cannot be reached, retried later. noNetwork: the device is offline.
   * refused: the server refused the connection (`issue`), not retried until the settings change.
   */
  phase: 'off' | 'connecting' | 'online' | 'offline' | 'noNetwork' | 'refused';
  /** Changes of this register the server does not have yet. */
  waiting: number;
  /** ISO instant of the last exchange with the server. */
  lastSyncedAt?: string;
  /** The organisation the token belongs to, once connected. */
  organisation?: string;
  operator?: string;
  /** Why the server refused the connection. */
  issue?: HistoryIssue;
  /** Changes the server refused in this session, the latest last (at most `MAX_REFUSALS`). */
  refusals: EventRefusal[];
}

export const SYNC_OFF: LiveSyncState = Object.freeze({ phase: 'off', waiting: 0, refusals: [] }) as LiveSyncState;

export const MAX_REFUSALS = 20;

export interface LiveSyncDeps {
  history(): GapHistory;
  /** Calls `listener` after each change of the register; returns the unsubscribe. */
  watchHistory(listener: () => void): () => void;
  /** Merges the server's events into the register. */
  merge(events: GapEvent[]): void;
  saveProgress(progress: SyncProgress): void;
  onState(state: LiveSyncState): void;
  /** Whether the device has a network now (navigator.onLine); defaults to yes. */
  online?: () => boolean;
  /** Calls `listener` when the device goes online or offline; returns the unsubscribe. */
  watchNetwork?: (listener: (online: boolean) => void) => () => void;
  WebSocket?: new (url: string) => SocketLike;
  now?: () => number;
  retryMinMs?: number;
  retryMaxMs?: number;
}

export interface LiveSync {
  state(): LiveSyncState;
  progress(): SyncProgress;
  /** Stops for good (the progress is saved). */
  stop(): void;
}

/** The progress to start from: none for another server, and from 0 when the register lacks what it says was received. */
export function startingProgress(settings: SyncSettings, saved: SyncProgress | undefined, history: GapHistory): SyncProgress {
  if (saved === undefined || saved.url !== settings.url) return { url: settings.url, cursor: 0, confirmed: [], refused: [] };
  const whole = saved.confirmed.every((id) => history.events.has(id));
  return whole ? saved : { ...saved, cursor: 0 };
}

/** The register's events the server is not known to have, and that it has not refused. */
export function unsentEvents(history: GapHistory, confirmed: ReadonlySet<string>, refused: ReadonlySet<string>): GapEvent[] {
  const out: GapEvent[] = [];
  for (const [id, event] of history.events) if (!confirmed.has(id) && !refused.has(id)) out.push(event);
  return out;
}

export function startLiveSync(settings: SyncSettings, saved: SyncProgress | undefined, deps: LiveSyncDeps): LiveSync {
  const now = deps.now ?? Date.now;
  const start = startingProgress(settings, saved, deps.history());
  const confirmed = new Set(start.confirmed);
  const refused = new Set(start.refused);
  let cursor = start.cursor;
  let lastSyncedAt = start.lastSyncedAt;
  let client: SyncClient | undefined;
  let stopped = false;
  let state: LiveSyncState = { phase: 'connecting', waiting: 0, refusals: [] };
  if (lastSyncedAt !== undefined) state.lastSyncedAt = lastSyncedAt;

  const progress = (): SyncProgress => {
    const p: SyncProgress = { url: settings.url, cursor, confirmed: [...confirmed], refused: [...refused] };
    if (lastSyncedAt !== undefined) p.lastSyncedAt = lastSyncedAt;
    return p;
  };
  const unsent = () => unsentEvents(deps.history(), confirmed, refused);
  const publish = (patch: Partial<LiveSyncState>) => {
    const next: LiveSyncState = { ...state, ...patch, waiting: unsent().length };
    if (lastSyncedAt !== undefined) next.lastSyncedAt = lastSyncedAt;
    state = next;
    deps.onState(state);
  };
  const synced = () => {
    lastSyncedAt = new Date(now()).toISOString();
    deps.saveProgress(progress());
  };

  const onClientState = (s: SyncState) => {
    if (stopped) return;
    switch (s.phase) {
      case 'connecting':
        return publish({ phase: 'connecting' });
      case 'online': {
        const patch: Partial<LiveSyncState> = { phase: 'online', organisation: s.organisation };
        if (s.operator !== undefined) patch.operator = s.operator;
        synced();
        publish(patch);
        client?.push(unsent());
        return;
      }
      case 'offline':
        return publish({ phase: 'offline' });
      case 'refused':
        return publish({ phase: 'refused', issue: s.issue });
      case 'closed':
        return;
    }
  };

  const connect = () => {
    if (stopped || client !== undefined) return;
    const options: Parameters<typeof createSyncClient>[0] = {
      url: settings.url,
      token: settings.token,
      cursor,
      pending: unsent(),
      onEvents: (events, next) => {
        for (const e of events) confirmed.add(e.id);
        cursor = next;
        deps.merge(events);
        synced();
        publish({});
      },
      onAcknowledged: (ids) => {
        for (const id of ids) confirmed.add(id);
        synced();
        publish({});
      },
      onRefused: (refusals) => {
        for (const r of refusals) refused.add(r.eventId);
        synced();
        publish({ refusals: [...state.refusals, ...refusals].slice(-MAX_REFUSALS) });
      },
      onState: onClientState,
    };
    if (deps.WebSocket !== undefined) options.WebSocket = deps.WebSocket;
    if (deps.retryMinMs !== undefined) options.retryMinMs = deps.retryMinMs;
    if (deps.retryMaxMs !== undefined) options.retryMaxMs = deps.retryMaxMs;
    client = createSyncClient(options);
  };

  const disconnect = () => {
    const c = client;
    client = undefined;
    c?.close();
  };

  const unwatchHistory = deps.watchHistory(() => {
    if (stopped) return;
    const events = unsent();
    if (events.length !== state.waiting) publish({});
    if (events.length > 0) client?.push(events);
  });
  const unwatchNetwork =
    deps.watchNetwork?.((online) => {
      if (stopped) return;
      if (online) {
        if (state.phase === 'refused') return;
        // Back on the network: at once, not after the client's back-off.
        disconnect();
        connect();
      } else if (state.phase !== 'refused') {
        disconnect();
        publish({ phase: 'noNetwork' });
      }
    }) ?? (() => {});

  if (deps.online?.() === false) publish({ phase: 'noNetwork' });
  else {
    publish({ phase: 'connecting' });
    connect();
  }

  return {
    state: () => state,
    progress,
    stop() {
      if (stopped) return;
      stopped = true;
      unwatchHistory();
      unwatchNetwork();
      disconnect();
      deps.saveProgress(progress());
    },
  };
}
