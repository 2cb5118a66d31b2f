// Live sync (state/sync.ts) against the real sync server in process on 127.0.0.1, with `ws`
// standing in for the browser's WebSocket: two devices change the same and different gaps
// offline, go online and both end with the union (the concurrent change kept as a conflict);
// the progress saved lets a restart send nothing again; refusals are reported per change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { randomEventId } from '../../src/domain/gaps/event-id.ts';
import { EMPTY_HISTORY, gapTimeline, mergeHistories, historyOf, recordChange, type GapEvent, type GapHistory, type NewChange } from '../../src/domain/gaps/history.ts';
import type { SocketLike } from '../../src/io/sync-client.ts';
import type { SyncProgress } from '../../src/io/sync-store.ts';
import { startSyncServer, type SyncServer } from '../../src/server/sync-server.ts';
import { Tokens } from '../../src/server/tokens.ts';
import { startingProgress, startLiveSync, unsentEvents, type LiveSync, type LiveSyncState } from '../../src/state/sync.ts';
import { PROVINCE, PROVINCE_TOKEN, TOKENS, VIETTEL, VIETTEL_TOKEN, workFolder } from '../server/helpers.ts';

let server: SyncServer;
let url: string;
const running: LiveSync[] = [];

beforeAll(async () => {
  const tokens = Tokens.read(TOKENS);
  if (Array.isArray(tokens)) throw new Error(tokens.join('; '));
  // Viettel's network: hamlet:V1 only.
  server = await startSyncServer({ dbPath: workFolder().db, tokens, networks: new Map([['hamlet:V1', 'Viettel']]), host: '127.0.0.1', port: 0 });
  url = `ws://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  for (const s of running) s.stop();
  await server?.close();
});

/** One device: its register, its network switch, what it saved and said. */
class Device {
  history: GapHistory = EMPTY_HISTORY;
  online: boolean;
  saved: SyncProgress | undefined;
  state: LiveSyncState | undefined;
  sync: LiveSync | undefined;
  private listeners = new Set<() => void>();
  private network: ((online: boolean) => void) | undefined;

  constructor(
    readonly signer: { org: string; role: 'province' | 'partner'; by: string },
    online = true,
  ) {
    this.online = online;
  }

  start(token: string, saved = this.saved): void {
    this.sync = startLiveSync({ url, token }, saved, {
      history: () => this.history,
      watchHistory: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      merge: (events) => this.set(mergeHistories(this.history, historyOf(events))),
      saveProgress: (p) => (this.saved = p),
      onState: (s) => (this.state = s),
      online: () => this.online,
      watchNetwork: (listener) => {
        this.network = listener;
        return () => (this.network = undefined);
      },
      WebSocket: WebSocket as unknown as new (url: string) => SocketLike,
      retryMinMs: 50,
      retryMaxMs: 200,
    });
    running.push(this.sync);
  }

  set(history: GapHistory): void {
    this.history = history;
    for (const l of this.listeners) l();
  }

  record(change: Omit<NewChange, 'org' | 'role' | 'by'>): GapEvent {
    const done = recordChange(this.history, { ...change, ...this.signer }, randomEventId());
    if (!done.ok) throw new Error(done.issue.message);
    this.set(done.history);
    return done.event;
  }

  goOnline(online: boolean): void {
    this.online = online;
    this.network?.(online);
  }
}

async function until(test: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 8000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ids = (h: GapHistory) => [...h.events.keys()].sort();

describe('live sync', () => {
  it('two devices offline change the same and different gaps; online, both hold the union with the loser kept', async () => {
    const a = new Device({ ...PROVINCE, by: 'Lan' }, false);
    const b = new Device({ ...PROVINCE, by: 'Minh' }, false);
    a.start(PROVINCE_TOKEN);
    b.start(PROVINCE_TOKEN);
    expect(a.state?.phase).toBe('noNetwork');
    const a1 = a.record({ gapId: 'hamlet:H1', status: 'assigned', operator: 'VNPT', date: '2026-11-02' });
    const b1 = b.record({ gapId: 'hamlet:H1', status: 'assigned', operator: 'Viettel', date: '2026-11-02' });
    a.record({ gapId: 'hamlet:H2', status: 'disputed', date: '2026-11-03' });
    b.record({ gapId: 'school:S1', status: 'assigned', operator: 'MobiFone', due: '2026-12-01', date: '2026-11-03' });
    expect(a.state?.waiting).toBe(2);
    expect(b.state?.waiting).toBe(2);

    a.goOnline(true);
    b.goOnline(true);
    await until(() => a.history.events.size === 4 && b.history.events.size === 4 && a.state?.waiting === 0 && b.state?.waiting === 0, 'both hold all four changes');
    expect(ids(a.history)).toEqual(ids(b.history));
    expect(server.size()).toBe(4);
    // The concurrent pair: the same winner on both devices, the other kept as a conflict.
    const ta = gapTimeline(a.history, 'hamlet:H1');
    const tb = gapTimeline(b.history, 'hamlet:H1');
    expect(ta.head?.id).toBe(tb.head?.id);
    expect(ta.conflicts.map((c) => c.event.id)).toEqual([ta.head?.id === a1.id ? b1.id : a1.id]);
    expect(a.state).toMatchObject({ phase: 'online', organisation: PROVINCE.org, waiting: 0, refusals: [] });
    expect(a.state?.lastSyncedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // What each saved: everything confirmed, and a cursor at the server's head.
    await until(() => a.saved?.confirmed.length === 4, 'progress saved');
    expect(a.saved?.cursor).toBe(4);

    // Restarted from its progress, a device has nothing to send, and still receives new changes.
    a.sync?.stop();
    a.start(PROVINCE_TOKEN, a.saved);
    await until(() => a.state?.phase === 'online', 'back online');
    expect(a.state?.waiting).toBe(0);
    b.record({ gapId: 'hamlet:H2', status: 'open', note: 'kiểm tra lại', date: '2026-11-05' });
    await until(() => a.history.events.size === 5, 'the new change arrives');
    expect(server.size()).toBe(5);

    // Offline again: the change waits, and goes once the network is back.
    a.goOnline(false);
    expect(a.state?.phase).toBe('noNetwork');
    a.record({ gapId: 'school:S1', status: 'in_progress', date: '2026-11-06' });
    expect(a.state?.waiting).toBe(1);
    a.goOnline(true);
    await until(() => b.history.events.size === 6 && a.state?.waiting === 0, 'sent after reconnecting');
  });

  it("reports a partner's change outside its network as refused, never sent again; an unknown token stops", async () => {
    const v = new Device({ ...VIETTEL, by: 'Hùng' });
    v.start(VIETTEL_TOKEN);
    await until(() => v.state?.phase === 'online', 'online');
    expect(v.state?.operator).toBe('Viettel');
    v.record({ gapId: 'hamlet:V1', status: 'assigned', operator: 'Viettel', date: '2026-11-02' });
    const outside = v.record({ gapId: 'hamlet:Z9', status: 'assigned', operator: 'Viettel', date: '2026-11-02' });
    await until(() => v.state?.refusals.length === 1 && v.state.waiting === 0, 'one refusal');
    expect(v.state?.refusals[0]).toMatchObject({ eventId: outside.id, issue: { code: 'sync.outsideNetwork' } });
    await until(() => v.saved?.refused.includes(outside.id) === true, 'refusal saved');

    const stranger = new Device({ ...PROVINCE, by: 'X' });
    stranger.start('not-a-token-of-this-server-000000');
    await until(() => stranger.state?.phase === 'refused', 'refused');
    expect(stranger.state?.issue?.code).toBe('sync.tokenUnknown');
  });

  it('starts again from 0 when the register lacks a change its progress says was received, and from nothing on another server', () => {
    const history = historyOf([{ id: 'aaaaaaaa-1', gapId: 'hamlet:H1', status: 'disputed', date: '2026-01-01' }]);
    const saved: SyncProgress = { url: 'ws://127.0.0.1:1', cursor: 9, confirmed: ['aaaaaaaa-1'], refused: [] };
    expect(startingProgress({ url: saved.url, token: 't' }, saved, history)).toBe(saved);
    expect(startingProgress({ url: saved.url, token: 't' }, { ...saved, confirmed: ['aaaaaaaa-1', 'bbbbbbbb-2'] }, history).cursor).toBe(0);
    expect(startingProgress({ url: 'ws://elsewhere:1', token: 't' }, saved, history)).toEqual({ url: 'ws://elsewhere:1', cursor: 0, confirmed: [], refused: [] });
    expect(unsentEvents(history, new Set(), new Set())).toHaveLength(1);
    expect(unsentEvents(history, new Set(['aaaaaaaa-1']), new Set())).toHaveLength(0);
    expect(unsentEvents(history, new Set(), new Set(['aaaaaaaa-1']))).toHaveLength(0);
  });
});
