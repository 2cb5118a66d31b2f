// Load test of the sync server on loopback (not part of npm test):
//   npm run bench:sync [-- --clients 20 --changes 500]   (or npx tsx test/bench/sync-load.ts …)
// Starts `src/server/main.ts` as a child process on 127.0.0.1 with a fresh log, then
// 20 sync clients (src/io/sync-client.ts over `ws`) each record 500 changes on gaps of
// their own, in two rounds:
//   1. one by one: each change waits for its acknowledgement (a commit, fsynced) before
//      the next, as a person working through the register would;
//   2. a burst: each client queues all its changes at once (after days offline).
// Prints the time, the throughput, and when every client had every other client's changes.
import { WebSocket } from 'ws';
import type { GapEvent } from '../../src/domain/gaps/history.ts';
import { createSyncClient, type SocketLike, type SyncClient } from '../../src/io/sync-client.ts';
import { chain, PROVINCE_TOKEN, startChildServer, workFolder } from '../server/helpers.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('--clients', 20);
const CHANGES = arg('--changes', 500);
const PER_GAP = 20;

function changesOf(round: string, client: number): GapEvent[] {
  const gaps = Math.ceil(CHANGES / PER_GAP);
  const perGap = Array.from({ length: gaps }, (_, g) => chain(`hamlet:load-${round}-${client}-${g}`, PER_GAP, `${round}${client}g${g}`));
  // Interleaved across gaps; within a gap, parents first.
  const out: GapEvent[] = [];
  for (let k = 0; k < PER_GAP; k++) for (const c of perGap) if (c[k] !== undefined) out.push(c[k] as GapEvent);
  return out.slice(0, CHANGES);
}

async function round(url: string, name: string, oneByOne: boolean): Promise<void> {
  const total = CLIENTS * CHANGES;
  const seen = Array.from({ length: CLIENTS }, () => 0);
  const acked = Array.from({ length: CLIENTS }, () => 0);
  let allAcked = 0;
  let converged = 0;
  const start = performance.now();
  const clients: SyncClient[] = [];
  const done = new Promise<void>((resolve) => {
    const check = () => {
      if (allAcked === 0 && acked.every((n) => n === CHANGES)) allAcked = performance.now();
      if (allAcked > 0 && seen.every((n) => n >= total - CHANGES)) {
        converged = performance.now();
        resolve();
      }
    };
    for (let c = 0; c < CLIENTS; c++) {
      const changes = changesOf(name, c);
      let next = 0;
      const client = createSyncClient({
        url,
        token: PROVINCE_TOKEN,
        WebSocket: WebSocket as unknown as new (url: string) => SocketLike,
        onEvents: (events) => {
          seen[c] = (seen[c] as number) + events.length;
          check();
        },
        onAcknowledged: (ids) => {
          acked[c] = (acked[c] as number) + ids.length;
          if (oneByOne && next < changes.length) client.push([changes[next++] as GapEvent]);
          check();
        },
        onRefused: (r) => {
          throw new Error(`refused: ${JSON.stringify(r[0])}`);
        },
      });
      clients.push(client);
      if (oneByOne) client.push([changes[next++] as GapEvent]);
      else client.push(changes);
    }
  });
  await done;
  for (const cl of clients) cl.close();
  const seconds = (allAcked - start) / 1000;
  console.log(
    `${name}: ${CLIENTS} clients × ${CHANGES} changes = ${total} acknowledged in ${seconds.toFixed(2)} s ` +
      `(${Math.round(total / seconds)} changes/s); every client had all others' changes after ${((converged - start) / 1000).toFixed(2)} s`,
  );
}

const folder = workFolder();
const server = await startChildServer(folder);
try {
  await round(server.url, 'one-by-one', true);
  await round(server.url, 'burst', false);
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
}
