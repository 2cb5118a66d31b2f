// The promise "every accepted change is on disk before it is acknowledged": the server runs
// as a child process (`src/server/main.ts`, as `npm run sync-server` starts it), takes a
// pipelined burst of pushes, is killed with SIGKILL mid-burst, restarts on the same log,
// and must hold every change it acknowledged; the client's retry then completes the rest.
import { afterAll, describe, expect, it } from 'vitest';
import type { GapEvent } from '../../src/domain/gaps/history.ts';
import type { ServerMessage } from '../../src/domain/gaps/sync-protocol.ts';
import { chain, PROVINCE_TOKEN, RawClient, startChildServer, workFolder, type ChildServer } from './helpers.ts';

const GAPS = 500;
const PER_GAP = 10;
const PER_PUSH = 10;
const children: ChildServer[] = [];
const clients: RawClient[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  for (const s of children) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await Promise.all(children.map((s) => s.exited));
});

async function connect(url: string): Promise<RawClient> {
  const client = new RawClient(url);
  clients.push(client);
  await client.opened();
  client.send({ type: 'hello', token: PROVINCE_TOKEN, after: 0 });
  return client;
}

/** Everything the server holds, read back through the protocol. */
async function readBack(client: RawClient): Promise<GapEvent[]> {
  const welcome = await client.until((ms) => ms.find((m): m is Extract<ServerMessage, { type: 'welcome' }> => m.type === 'welcome'));
  if (welcome.head === 0) return [];
  await client.until((ms) => (ms.some((m) => m.type === 'events' && m.cursor === welcome.head) ? true : undefined));
  return client.messages.flatMap((m) => (m.type === 'events' ? m.events : []));
}

describe('a sync server killed mid-burst', () => {
  it('keeps every change it acknowledged', async () => {
    const folder = workFolder();
    const first = await startChildServer(folder);
    children.push(first);
    const events = Array.from({ length: GAPS }, (_, g) => chain(`hamlet:kill-${g}`, PER_GAP, `k${String(g).padStart(3, '0')}`)).flat();
    // Pushes interleave the gaps, so a push's events follow events of earlier pushes.
    const ordered = Array.from({ length: PER_GAP }, (_, k) => events.filter((_, i) => i % PER_GAP === k)).flat();
    const pushes: GapEvent[][] = [];
    for (let i = 0; i < ordered.length; i += PER_PUSH) pushes.push(ordered.slice(i, i + PER_PUSH));

    const client = await connect(first.url);
    await client.until((ms) => ms.find((m) => m.type === 'welcome'));
    const acknowledged = new Set<string>();
    let killedAfter = -1;
    client.socket.on('message', (data) => {
      const m = JSON.parse(data.toString()) as ServerMessage;
      if (m.type !== 'ack') return;
      for (const id of [...m.accepted, ...m.known]) acknowledged.add(id);
      if (killedAfter < 0 && acknowledged.size >= ordered.length / 10) {
        killedAfter = acknowledged.size;
        first.child.kill('SIGKILL');
      }
    });
    pushes.forEach((events, ref) => client.send({ type: 'push', ref, events }));
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');
    // Acks that were already in the socket when the kill landed count too: they were sent.
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(acknowledged.size).toBeLessThan(ordered.length);

    const second = await startChildServer(folder);
    children.push(second);
    const stored = new Set((await readBack(await connect(second.url))).map((e) => e.id));
    const lost = [...acknowledged].filter((id) => !stored.has(id));
    console.log(`kill test: ${pushes.length} pushes of ${PER_PUSH}; SIGKILL after ${killedAfter} acknowledged; ${acknowledged.size} acknowledged in all, ${stored.size} on disk after restart, ${lost.length} lost`);
    expect(lost).toEqual([]);

    // The client sends again what was not acknowledged: nothing refused, everything there.
    const retry = await connect(second.url);
    await retry.until((ms) => ms.find((m) => m.type === 'welcome'));
    const pending = ordered.filter((e) => !acknowledged.has(e.id));
    for (let i = 0; i < pending.length; i += PER_PUSH) retry.send({ type: 'push', ref: i, events: pending.slice(i, i + PER_PUSH) });
    const acks = await retry.until((ms) => {
      const a = ms.filter((m): m is Extract<ServerMessage, { type: 'ack' }> => m.type === 'ack');
      return a.length === Math.ceil(pending.length / PER_PUSH) ? a : undefined;
    });
    expect(acks.flatMap((a) => [...a.refused, ...a.deferred])).toEqual([]);
    const final = new Set((await readBack(await connect(second.url))).map((e) => e.id));
    expect(final.size).toBe(ordered.length);
  });
});
