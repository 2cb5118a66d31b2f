/**
 * The app's side of live sync (protocol: src/domain/gaps/sync-protocol.ts), with the
 * browser's WebSocket (or any class with its interface, e.g. `ws` in Node tests).
 *
 * - A pending queue: changes pushed here stay pending until the server acknowledges them
 *   (committed to disk there) or refuses them; the app stores `pending()` and `cursor()`
 *   with its register so that nothing is lost when the tab closes offline.
 * - One push in flight at a time, with every change queued meanwhile in the next one
 *   (up to `batchSize`): a burst becomes a few transactions on the server.
 * - Reconnects after a drop with exponential back-off (1 s doubling to 30 s, jittered);
 *   a refused token stops it. On each connection the server first sends every event after
 *   the cursor, so a device catches up after days offline.
 * - Changes deferred by the server (their parent is not there yet) are sent again once
 *   new events arrive or on the next connection.
 */
import type { GapEvent, HistoryIssue, Role } from '../domain/gaps/history.ts';
import { parseServerMessage, type EventRefusal } from '../domain/gaps/sync-protocol.ts';

/** What the client needs of a WebSocket: the browser's interface. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SyncState =
  | { phase: 'connecting' }
  | { phase: 'online'; organisation: string; role: Role; operator?: string }
  | { phase: 'offline'; retryInMs: number }
  | { phase: 'refused'; issue: HistoryIssue }
  | { phase: 'closed' };

export interface SyncClientOptions {
  /** ws:// or wss:// address of the sync server. */
  url: string;
  token: string;
  /** The server sequence number of the last event received (0: none yet). */
  cursor?: number;
  /** Changes not acknowledged yet, from a previous session. */
  pending?: readonly GapEvent[];
  /** Events from the server (others' changes, or a catch-up), and the new cursor to store. */
  onEvents: (events: GapEvent[], cursor: number) => void;
  /** Changes now committed on the server. */
  onAcknowledged?: (eventIds: string[]) => void;
  /** Changes the server will never take (workflow, network, organisation), with why. */
  onRefused?: (refusals: EventRefusal[]) => void;
  onState?: (state: SyncState) => void;
  /** Defaults to the global WebSocket. */
  WebSocket?: new (url: string) => SocketLike;
  batchSize?: number;
  retryMinMs?: number;
  retryMaxMs?: number;
}

export interface SyncClient {
  /** Queues changes for the server (ones already pending are not queued twice). */
  push(events: readonly GapEvent[]): void;
  pending(): GapEvent[];
  cursor(): number;
  state(): SyncState;
  /** Stops for good; pending changes stay in `pending()`. */
  close(): void;
}

const OPEN = 1;

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const Socket = options.WebSocket ?? (globalThis.WebSocket as unknown as new (url: string) => SocketLike);
  const batchSize = options.batchSize ?? 500;
  const retryMinMs = options.retryMinMs ?? 1000;
  const retryMaxMs = options.retryMaxMs ?? 30_000;
  const pending = new Map<string, GapEvent>();
  for (const e of options.pending ?? []) pending.set(e.id, e);
  /** Deferred by the server: not sent again until something new arrives. */
  const held = new Set<string>();
  let cursor = options.cursor ?? 0;
  let state: SyncState = { phase: 'connecting' };
  let socket: SocketLike | undefined;
  let online = false;
  let inFlight: { ref: number; ids: string[] } | undefined;
  let nextRef = 1;
  let retryMs = retryMinMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const setState = (next: SyncState) => {
    state = next;
    options.onState?.(next);
  };

  const flush = () => {
    if (!online || inFlight !== undefined || socket === undefined) return;
    const batch: GapEvent[] = [];
    for (const e of pending.values()) {
      if (held.has(e.id)) continue;
      batch.push(e);
      if (batch.length >= batchSize) break;
    }
    if (batch.length === 0) return;
    inFlight = { ref: nextRef++, ids: batch.map((e) => e.id) };
    socket.send(JSON.stringify({ type: 'push', ref: inFlight.ref, events: batch }));
  };

  const onMessage = (data: unknown) => {
    if (typeof data !== 'string') return;
    const message = parseServerMessage(data);
    if (message === undefined) return;
    switch (message.type) {
      case 'welcome': {
        online = true;
        retryMs = retryMinMs;
        const next: SyncState = { phase: 'online', organisation: message.organisation, role: message.role };
        if (message.operator !== undefined) next.operator = message.operator;
        setState(next);
        flush();
        return;
      }
      case 'events': {
        cursor = Math.max(cursor, message.cursor);
        held.clear();
        options.onEvents(message.events, cursor);
        flush();
        return;
      }
      case 'ack': {
        if (inFlight?.ref !== message.ref) return;
        inFlight = undefined;
        const done = [...message.accepted, ...message.known];
        for (const id of done) pending.delete(id);
        for (const r of message.refused) pending.delete(r.eventId);
        for (const r of message.deferred) held.add(r.eventId);
        if (done.length > 0) options.onAcknowledged?.(done);
        if (message.refused.length > 0) options.onRefused?.(message.refused);
        flush();
        return;
      }
      case 'refused':
        stopped = true;
        setState({ phase: 'refused', issue: message.issue });
        socket?.close();
        return;
    }
  };

  const connect = () => {
    timer = undefined;
    if (stopped) return;
    setState({ phase: 'connecting' });
    let s: SocketLike;
    try {
      s = new Socket(options.url);
    } catch {
      scheduleRetry();
      return;
    }
    socket = s;
    s.onopen = () => s.send(JSON.stringify({ type: 'hello', token: options.token, after: cursor }));
    s.onmessage = (event) => {
      if (socket === s) onMessage(event.data);
    };
    s.onerror = () => {};
    s.onclose = () => {
      if (socket !== s) return;
      socket = undefined;
      online = false;
      inFlight = undefined;
      held.clear();
      if (!stopped) scheduleRetry();
    };
  };

  const scheduleRetry = () => {
    const wait = Math.round(retryMs * (0.5 + Math.random() / 2));
    retryMs = Math.min(retryMs * 2, retryMaxMs);
    setState({ phase: 'offline', retryInMs: wait });
    timer = setTimeout(connect, wait);
  };

  connect();

  return {
    push(events) {
      for (const e of events) if (!pending.has(e.id)) pending.set(e.id, e);
      flush();
    },
    pending: () => [...pending.values()],
    cursor: () => cursor,
    state: () => state,
    close() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      const s = socket;
      socket = undefined;
      online = false;
      if (s !== undefined && (s.readyState === OPEN || s.readyState === 0)) s.close(1000, 'closed');
      if (state.phase !== 'refused') setState({ phase: 'closed' });
    },
  };
}
