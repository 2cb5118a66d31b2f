/**
 * The shared register's sync server: a WebSocket server (ws) over the append-only event
 * log (event-log.ts). Protocol: src/domain/gaps/sync-protocol.ts.
 *
 * Each change a client pushes is judged on its own, in the order sent:
 * - it must read as an event (history.ts `readEvent`);
 * - a partner's token may send only its own organisation's changes (role partner); the
 *   province's token may also pass on changes of others received by file;
 * - a partner's change must be on a gap in its network, and an assignment only to itself
 *   (network.ts `partnerProblem`); changes of a partner passed on by the province too;
 * - it must follow its parent in the workflow (`eventProblem`); a parent the server does
 *   not have yet defers the change (the client sends it again later).
 * The accepted ones are committed in one transaction, and only then acknowledged and sent
 * to the other clients.
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { eventProblem, issue, readEvent, sameEvent, type GapEvent, type GapHistory, type HistoryIssue } from '../domain/gaps/history.ts';
import type { GapStatuses } from '../domain/gaps/status.ts';
import { partnerProblem } from '../domain/gaps/network.ts';
import { parseClientMessage, type EventRefusal, type ServerMessage } from '../domain/gaps/sync-protocol.ts';
import { EventLog } from './event-log.ts';
import type { Organisation, Tokens } from './tokens.ts';

export interface SyncServerOptions {
  /** The SQLite file of the log (made when missing). */
  dbPath: string;
  tokens: Tokens;
  /** Gap id → the operator of its nearest planned 4G/5G tower (network.ts `plannedNetworks`). */
  networks: ReadonlyMap<string, string>;
  host?: string;
  /** 0 for any free port. */
  port?: number;
  /** Events per `events` message when a client catches up. */
  pageSize?: number;
}

export interface SyncServer {
  host: string;
  port: number;
  /** Events in the log. */
  size(): number;
  close(): Promise<void>;
}

const MAX_EVENTS_PER_PUSH = 5000;
const HELLO_TIMEOUT_MS = 10_000;
const PING_MS = 30_000;

interface Client {
  socket: WebSocket;
  org?: Organisation;
  alive: boolean;
}

function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const log = new EventLog(options.dbPath);
  const events = new Map<string, GapEvent>();
  for (const { event } of log.all()) events.set(event.id, event);
  const history: GapHistory = { schema: 2, events };
  /** The workflow state after each valid event, so that judging a change replays one step. */
  const states = new Map<string, GapStatuses>();
  const pageSize = options.pageSize ?? 2000;
  const clients = new Set<Client>();

  /** Why `sender` may not send `event` on behalf of its organisation, or undefined. */
  const senderProblem = (sender: Organisation, event: GapEvent): HistoryIssue | undefined => {
    const own = event.org === sender.organisation;
    if (sender.role === 'partner' ? !own || event.role !== 'partner' : own && event.role !== 'province') {
      return issue(
        'sync.wrongOrganisation',
        { eventId: event.id, org: event.org ?? '', role: event.role ?? '', sender: sender.organisation },
        `change ${event.id} is signed by ${event.org ?? 'nobody'} (${event.role ?? 'no role'}), but the token is ${sender.organisation}'s`,
      );
    }
    // The later day wins a conflict: a day ahead of the server's (Cà Mau time, a day's grace) is refused.
    const latest = new Date(Date.now() + (7 + 24) * 3600_000).toISOString().slice(0, 10);
    if (event.date > latest) {
      return issue('sync.dateAhead', { eventId: event.id, date: event.date, latest }, `change ${event.id} is dated ${event.date}, after ${latest}: check the device's clock`);
    }
    const operator = sender.role === 'partner' ? sender.operator : event.role === 'partner' && event.org !== undefined ? options.tokens.operatorOf(event.org) : undefined;
    return operator === undefined ? undefined : partnerProblem(history, event, operator, options.networks);
  };

  /** Judges one push's events in order; the accepted ones are tentatively in `events`. */
  const judge = (sender: Organisation, raw: unknown[]) => {
    const accepted: GapEvent[] = [];
    const known: string[] = [];
    const refused: EventRefusal[] = [];
    const deferred: EventRefusal[] = [];
    raw.forEach((value, k) => {
      const read = readEvent(value, `events[${k}]`);
      if (!read.ok) {
        const id = typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : '';
        refused.push({ eventId: id, issue: read.issue });
        return;
      }
      const event = read.event;
      const mine = events.get(event.id);
      if (mine !== undefined) {
        if (sameEvent(mine, event)) known.push(event.id);
        else refused.push({ eventId: event.id, issue: issue('register.idClash', { eventId: event.id }, `the id ${event.id} names another change on the server`) });
        return;
      }
      const problem = senderProblem(sender, event) ?? eventProblem(history, event, states);
      if (problem === undefined) {
        // Tentatively in: later changes may follow it.
        events.set(event.id, event);
        accepted.push(event);
      } else (problem.code === 'register.parentMissing' ? deferred : refused).push({ eventId: event.id, issue: problem });
    });
    return { accepted, known, refused, deferred };
  };

  // Group commit: the pushes that arrive while the event loop is busy are judged in order
  // and committed in one transaction (one fsync), then each is acknowledged.
  let queue: { client: Client; ref: number; raw: unknown[] }[] = [];
  const drain = () => {
    const batch = queue;
    queue = [];
    const judged = batch.map(({ client, raw }) => judge(client.org as Organisation, raw));
    const accepted = judged.flatMap((j, i) => j.accepted.map((event) => ({ event, tokenOrg: (batch[i]?.client.org as Organisation).organisation })));
    let seqs: number[] = [];
    if (accepted.length > 0) {
      try {
        seqs = log.appendFrom(accepted);
      } catch (error) {
        for (const { event } of accepted) {
          events.delete(event.id);
          states.delete(event.id);
        }
        const why = issue('sync.notStored', { reason: error instanceof Error ? error.message : String(error) }, `the server could not store the changes: ${String(error)}`);
        batch.forEach(({ client, ref }, i) => {
          const j = judged[i] as ReturnType<typeof judge>;
          send(client.socket, { type: 'ack', ref, accepted: [], known: j.known, refused: j.refused, deferred: [...j.deferred, ...j.accepted.map((e) => ({ eventId: e.id, issue: why }))] });
        });
        return;
      }
    }
    batch.forEach(({ client, ref }, i) => {
      const { accepted: mine, known, refused, deferred } = judged[i] as ReturnType<typeof judge>;
      send(client.socket, { type: 'ack', ref, accepted: mine.map((e) => e.id), known, refused, deferred });
    });
    if (accepted.length === 0) return;
    // Each client gets the others' changes (its own it has), in sequence order, each message
    // with the sequence number of its last event as the cursor. One serialisation per sender.
    let offset = 0;
    batch.forEach(({ client }, i) => {
      const mine = (judged[i] as ReturnType<typeof judge>).accepted;
      if (mine.length === 0) return;
      offset += mine.length;
      const cursor = seqs[offset - 1] as number;
      const text = JSON.stringify({ type: 'events', events: mine, cursor } satisfies ServerMessage);
      for (const other of clients) if (other !== client && other.org !== undefined && other.socket.readyState === other.socket.OPEN) other.socket.send(text);
    });
  };
  const push = (client: Client, ref: number, raw: unknown[]): void => {
    if (queue.length === 0) setImmediate(drain);
    queue.push({ client, ref, raw });
  };

  const refuse = (client: Client, why: HistoryIssue, code: number): void => {
    send(client.socket, { type: 'refused', issue: why });
    client.socket.close(code, why.code);
  };

  const wss = new WebSocketServer({ host: options.host ?? '127.0.0.1', port: options.port ?? 8787, maxPayload: 32 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });

  wss.on('connection', (socket) => {
    const client: Client = { socket, alive: true };
    clients.add(client);
    const helloTimer = setTimeout(() => {
      if (client.org === undefined) refuse(client, issue('sync.noHello', {}, 'no hello within 10 s'), 4400);
    }, HELLO_TIMEOUT_MS);
    socket.on('pong', () => (client.alive = true));
    socket.on('close', () => {
      clearTimeout(helloTimer);
      clients.delete(client);
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary) return refuse(client, issue('sync.badMessage', { problem: 'binary' }, 'messages are JSON text'), 4400);
      const message = parseClientMessage(data.toString());
      if (typeof message === 'string') return refuse(client, issue('sync.badMessage', { problem: message }, `bad message: ${message}`), 4400);
      if (message.type === 'hello') {
        if (client.org !== undefined) return refuse(client, issue('sync.badMessage', { problem: 'hello twice' }, 'bad message: hello twice'), 4400);
        const org = options.tokens.lookup(message.token);
        if (org === undefined) return refuse(client, issue('sync.tokenUnknown', {}, 'the access token is not known to this server'), 4401);
        client.org = org;
        clearTimeout(helloTimer);
        const welcome: ServerMessage = { type: 'welcome', organisation: org.organisation, role: org.role, head: log.head() };
        if (org.operator !== undefined) welcome.operator = org.operator;
        send(socket, welcome);
        // Catch up synchronously: no commit can slip between the pages and the live stream.
        for (let after = message.after; ; ) {
          const page = log.after(after, pageSize);
          if (page.length === 0) break;
          after = (page[page.length - 1] as { seq: number }).seq;
          send(socket, { type: 'events', events: page.map((p) => p.event), cursor: after });
          if (page.length < pageSize) break;
        }
        return;
      }
      if (client.org === undefined) return refuse(client, issue('sync.noHello', {}, 'say hello with a token first'), 4401);
      if (message.events.length > MAX_EVENTS_PER_PUSH) {
        return refuse(client, issue('sync.badMessage', { problem: `more than ${MAX_EVENTS_PER_PUSH} events` }, `bad message: more than ${MAX_EVENTS_PER_PUSH} events in one push`), 4400);
      }
      push(client, message.ref, message.events);
    });
  });

  // Connections that stop answering pings (a phone that lost signal) are dropped.
  const pinger = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) client.socket.terminate();
      else {
        client.alive = false;
        client.socket.ping();
      }
    }
  }, PING_MS);

  const address = wss.address() as AddressInfo;
  return {
    host: address.address,
    port: address.port,
    size: () => events.size,
    close: async () => {
      clearInterval(pinger);
      for (const client of clients) client.socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      log.close();
    },
  };
}
