/**
 * The messages of live sync between the app (src/io/sync-client.ts) and the sync server
 * (src/server/), one JSON object per WebSocket text message.
 *
 * Client → server
 * - `hello { token, after }`: first message. `after` is the client's cursor: the server's
 *   sequence number of the last event it received (0 for none).
 * - `push { ref, events }`: events the client has that the server may lack.
 *
 * Server → client
 * - `welcome { organisation, role, operator?, head }`: the token is known; `head` is the
 *   server's last sequence number. Then the events after `after` follow in `events`
 *   messages, and later every event other clients push.
 * - `events { events, cursor }`: events in sequence order; `cursor` is the sequence
 *   number of the last one.
 * - `ack { ref, accepted, known, refused, deferred }`: sent only once the accepted events
 *   are committed to disk. `known`: already there. `refused`: never to be accepted
 *   (workflow, network, organisation). `deferred`: their parent is not on the server yet;
 *   send them again later.
 * - `refused { issue }`: the connection is refused (unknown token, bad message) and closed.
 */
import { isRecord } from './record.ts';
import type { GapEvent, HistoryIssue, Role } from './history.ts';

export type ClientMessage = { type: 'hello'; token: string; after: number } | { type: 'push'; ref: number; events: unknown[] };

export interface EventRefusal {
  eventId: string;
  issue: HistoryIssue;
}

export type ServerMessage =
  | { type: 'welcome'; organisation: string; role: Role; operator?: string; head: number }
  | { type: 'events'; events: GapEvent[]; cursor: number }
  | { type: 'ack'; ref: number; accepted: string[]; known: string[]; refused: EventRefusal[]; deferred: EventRefusal[] }
  | { type: 'refused'; issue: HistoryIssue };

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** A client message from text, or a phrase saying what is wrong with it. */
export function parseClientMessage(text: string): ClientMessage | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (!isRecord(value)) return 'not a JSON object';
  if (value['type'] === 'hello') {
    if (typeof value['token'] !== 'string') return 'hello without a token';
    if (!isCount(value['after'])) return 'hello without a cursor "after"';
    return { type: 'hello', token: value['token'], after: value['after'] };
  }
  if (value['type'] === 'push') {
    if (!isCount(value['ref'])) return 'push without a number "ref"';
    if (!Array.isArray(value['events'])) return 'push without a list of events';
    return { type: 'push', ref: value['ref'], events: value['events'] };
  }
  return 'unknown message type';
}

/**
 * A server message from text, or undefined when it is not one. The events inside are
 * taken as the server sent them (the server checked each before storing it).
 */
export function parseServerMessage(text: string): ServerMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || typeof value['type'] !== 'string') return undefined;
  switch (value['type']) {
    case 'welcome':
      return typeof value['organisation'] === 'string' && isCount(value['head']) ? (value as unknown as ServerMessage) : undefined;
    case 'events':
      return Array.isArray(value['events']) && isCount(value['cursor']) ? (value as unknown as ServerMessage) : undefined;
    case 'ack':
      return isCount(value['ref']) && Array.isArray(value['accepted']) && Array.isArray(value['known']) && Array.isArray(value['refused']) && Array.isArray(value['deferred'])
        ? (value as unknown as ServerMessage)
        : undefined;
    case 'refused':
      return isRecord(value['issue']) ? (value as unknown as ServerMessage) : undefined;
    default:
      return undefined;
  }
}
