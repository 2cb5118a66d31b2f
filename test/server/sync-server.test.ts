// The sync server in process, on 127.0.0.1 and a free port, over the bundled data: tokens
// refused, partners kept to their network, the workflow checked, catch-up by cursor, and
// the browser-safe client (with `ws` standing in for the browser's WebSocket).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { readDataFolder } from '../../src/cli/folder.ts';
import type { GapEvent } from '../../src/domain/gaps/history.ts';
import { plannedNetworks } from '../../src/domain/gaps/network.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { createSyncClient, type SocketLike } from '../../src/io/sync-client.ts';
import { startSyncServer, type SyncServer } from '../../src/server/sync-server.ts';
import { Tokens } from '../../src/server/tokens.ts';
import { chain, PROVINCE, PROVINCE_TOKEN, RawClient, received, TOKENS, VIETTEL, VIETTEL_TOKEN, VNPT_TOKEN, workFolder } from './helpers.ts';

let server: SyncServer;
let url: string;
let dbPath: string;
let tokens: Tokens;
let networks: Map<string, string>;
const open: RawClient[] = [];

async function connect(token: string, after = 0): Promise<RawClient> {
  const client = new RawClient(url);
  open.push(client);
  await client.opened();
  client.send({ type: 'hello', token, after });
  await client.until((ms) => ms.find((m) => m.type === 'welcome' || m.type === 'refused'));
  return client;
}

/** A gap whose nearest planned 4G/5G tower is `operator`'s. */
function gapOf(operator: string, skip = 0): string {
  const found = [...networks].filter(([, op]) => op === operator)[skip];
  if (found === undefined) throw new Error(`no gap in ${operator}'s network`);
  return found[0];
}

beforeAll(async () => {
  const { dataset } = parseDataset(readDataFolder('data'));
  if (dataset === undefined) throw new Error('the bundled data does not load');
  networks = plannedNetworks(dataset);
  const read = Tokens.read(TOKENS);
  if (Array.isArray(read)) throw new Error(read.join('\n'));
  tokens = read;
  dbPath = workFolder().db;
  server = await startSyncServer({ dbPath, tokens, networks, host: '127.0.0.1', port: 0, pageSize: 7 });
  url = `ws://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  for (const c of open) c.close();
  await server.close();
});

describe('tokens', () => {
  it('an unknown token is refused and the connection closed', async () => {
    const client = await connect('not-a-token-of-this-server-at-all');
    expect(client.messages).toEqual([{ type: 'refused', issue: { code: 'sync.tokenUnknown', params: {}, message: expect.any(String) } }]);
    await client.until(() => (client.closeCode === undefined ? undefined : true)).catch(() => undefined);
    expect(client.closeCode).toBe(4401);
  });

  it('a push before hello is refused', async () => {
    const client = new RawClient(url);
    open.push(client);
    await client.opened();
    client.send({ type: 'push', ref: 1, events: [] });
    await client.until((ms) => ms.find((m) => m.type === 'refused')).catch(() => undefined);
    expect(client.messages[0]).toMatchObject({ type: 'refused', issue: { code: 'sync.noHello' } });
  });

  it('a known token is welcomed with its organisation', async () => {
    const client = await connect(VIETTEL_TOKEN);
    expect(client.messages[0]).toMatchObject({ type: 'welcome', organisation: 'Viettel Cà Mau', role: 'partner', operator: 'Viettel' });
  });

  it('refuses tokens files with short tokens or no organisation', () => {
    expect(Tokens.read({ short: { organisation: 'X' } })).toEqual([expect.stringMatching(/at least 24 characters/)]);
    expect(Tokens.read({ [PROVINCE_TOKEN]: { operator: 'Viettel' } })).toEqual([expect.stringMatching(/organisation/)]);
  });
});

describe('networks', () => {
  it("refuses a partner's change to a gap outside its network, and accepts one inside", async () => {
    const viettel = await connect(VIETTEL_TOKEN);
    const outside = chain(gapOf('VNPT'), 1, 'net-out', VIETTEL);
    const inside = chain(gapOf('Viettel'), 2, 'net-in', VIETTEL);
    viettel.send({ type: 'push', ref: 1, events: [...outside, ...inside] });
    const ack = await viettel.ack(1);
    expect(ack.accepted).toEqual(inside.map((e) => e.id));
    expect(ack.refused.map((r) => [r.eventId, r.issue.code, r.issue.params['operator']])).toEqual([['net-out-000000', 'sync.outsideNetwork', 'Viettel']]);
    // The same change is VNPT's to make.
    const vnpt = await connect(VNPT_TOKEN);
    vnpt.send({ type: 'push', ref: 1, events: chain(gapOf('VNPT'), 1, 'net-vnpt', { org: 'VNPT Cà Mau', role: 'partner' }, 'VNPT') });
    expect((await vnpt.ack(1)).accepted).toEqual(['net-vnpt-000000']);
  });

  it('a partner assigns only to itself, signs only as itself; once the province assigns a gap to it, it may work on it', async () => {
    const viettel = await connect(VIETTEL_TOKEN);
    const mine = gapOf('Viettel', 1);
    const toVnpt = chain(mine, 1, 'assign-other', VIETTEL, 'VNPT');
    const forged = chain(mine, 1, 'forged', PROVINCE);
    viettel.send({ type: 'push', ref: 2, events: [...toVnpt, ...forged] });
    const ack = await viettel.ack(2);
    expect(ack.refused.map((r) => r.issue.code)).toEqual(['sync.assignOther', 'sync.wrongOrganisation']);
    const ahead = { ...chain(mine, 1, 'ahead', VIETTEL)[0]!, date: '2999-01-01' };
    viettel.send({ type: 'push', ref: 4, events: [ahead] });
    expect((await viettel.ack(4)).refused.map((r) => r.issue.code)).toEqual(['sync.dateAhead']);

    const vnptGap = gapOf('VNPT', 1);
    const province = await connect(PROVINCE_TOKEN);
    const assigned = chain(vnptGap, 1, 'prov-assign', PROVINCE, 'Viettel');
    province.send({ type: 'push', ref: 1, events: assigned });
    expect((await province.ack(1)).accepted).toEqual(['prov-assign-000000']);
    const work: GapEvent = { id: 'viettel-work-01', gapId: vnptGap, status: 'in_progress', date: '2025-06-02', parent: 'prov-assign-000000', ...VIETTEL };
    viettel.send({ type: 'push', ref: 3, events: [work] });
    expect((await viettel.ack(3)).accepted).toEqual(['viettel-work-01']);
  });
});

describe('changes', () => {
  it('are checked against the workflow after their parent; unknown parents are deferred, repeats known', async () => {
    const province = await connect(PROVINCE_TOKEN);
    const gap = 'hamlet:workflow-test';
    const broken: GapEvent = { id: 'broken-0001', gapId: gap, status: 'resolved', date: '2025-06-01', ...PROVINCE };
    const orphan: GapEvent = { id: 'orphan-0001', gapId: gap, status: 'open', date: '2025-06-01', parent: 'later-0001', ...PROVINCE };
    const good = chain(gap, 2, 'good');
    province.send({ type: 'push', ref: 5, events: [broken, orphan, ...good, good[0], { id: 'x' }] });
    const ack = await province.ack(5);
    expect(ack.accepted).toEqual(['good-000000', 'good-000001']);
    expect(ack.known).toEqual(['good-000000']);
    expect(ack.refused.map((r) => r.issue.code)).toEqual(['register.workflow', 'register.eventField']);
    expect(ack.deferred.map((r) => [r.eventId, r.issue.code])).toEqual([['orphan-0001', 'register.parentMissing']]);
  });

  it('reach other clients live, and a client back after days offline catches up from its cursor', async () => {
    const a = await connect(PROVINCE_TOKEN);
    const b = await connect(PROVINCE_TOKEN);
    const first = chain('school:catch-up', 3, 'catch-a');
    a.send({ type: 'push', ref: 1, events: first });
    await a.ack(1);
    await b.until((ms) => (received(ms).some((e) => e.id === 'catch-a-000002') ? true : undefined));
    const cursor = Math.max(...b.messages.flatMap((m) => (m.type === 'events' ? [m.cursor] : [])));
    b.close();
    const later = chain('school:catch-up-2', 20, 'catch-b');
    a.send({ type: 'push', ref: 2, events: later });
    await a.ack(2);
    const back = await connect(PROVINCE_TOKEN, cursor);
    const got = await back.until((ms) => (received(ms).length >= 20 ? received(ms) : undefined));
    expect(got.map((e) => e.id)).toEqual(later.map((e) => e.id));
    // From scratch, in pages of 7: everything the server holds, once each, in order.
    const fresh = await connect(PROVINCE_TOKEN, 0);
    const all = await fresh.until((ms) => (received(ms).length >= server.size() ? received(ms) : undefined));
    expect(new Set(all.map((e) => e.id)).size).toBe(server.size());
  });
});

describe('the sync client', () => {
  it('sends its pending queue, gets acknowledgements and others’ events, and reconnects after a drop', async () => {
    const got: GapEvent[] = [];
    const acked: string[] = [];
    const states: string[] = [];
    const client = createSyncClient({
      url,
      token: PROVINCE_TOKEN,
      WebSocket: WebSocket as unknown as new (url: string) => SocketLike,
      pending: chain('hamlet:client-test', 4, 'client'),
      onEvents: (events) => got.push(...events),
      onAcknowledged: (ids) => acked.push(...ids),
      onState: (s) => states.push(s.phase),
      batchSize: 3,
      retryMinMs: 50,
    });
    const wait = async (test: () => boolean) => {
      for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 25));
      expect(test()).toBe(true);
    };
    await wait(() => acked.length === 4);
    expect(client.pending()).toEqual([]);
    await wait(() => got.length >= server.size() - 4);
    const other = await connect(PROVINCE_TOKEN);
    other.send({ type: 'push', ref: 1, events: chain('hamlet:client-other', 1, 'other') });
    await other.ack(1);
    await wait(() => got.some((e) => e.id === 'other-000000'));
    // The server restarts: the client goes offline, queues, comes back by itself and pushes.
    const before = client.cursor();
    const size = server.size();
    await server.close();
    await wait(() => client.state().phase === 'offline');
    client.push(chain('hamlet:client-late', 1, 'late'));
    expect(client.pending().map((e) => e.id)).toEqual(['late-000000']);
    server = await startSyncServer({ dbPath, tokens, networks, host: '127.0.0.1', port: server.port, pageSize: 7 });
    expect(server.size()).toBe(size);
    await wait(() => acked.includes('late-000000'));
    expect(client.pending()).toEqual([]);
    expect(client.cursor()).toBe(before);
    client.close();
    expect(states[0]).toBe('connecting');
    expect(states).toContain('online');
    expect(states.at(-1)).toBe('closed');
  });

  it('stops for good on a refused token', async () => {
    const states: string[] = [];
    const client = createSyncClient({
      url,
      token: 'wrong-token-wrong-token-wrong',
      WebSocket: WebSocket as unknown as new (url: string) => SocketLike,
      onEvents: () => {},
      onState: (s) => states.push(s.phase),
      retryMinMs: 20,
    });
    for (let i = 0; i < 100 && client.state().phase !== 'refused'; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    expect(client.state()).toMatchObject({ phase: 'refused', issue: { code: 'sync.tokenUnknown' } });
    expect(states.filter((s) => s === 'connecting')).toHaveLength(1);
    client.close();
  });
});
