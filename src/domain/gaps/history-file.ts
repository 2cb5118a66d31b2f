/**
 * The gap register as a file to pass between the province and the partners, and importing
 * one by merging (never by replacing).
 *
 * File (schema 2): `{ "schema": 2, "events": [GapEvent, …] }`, events sorted by id. A
 * schema 1 file (`{ "schema": 1, "gaps": … }`, what the app wrote before) is read too and
 * migrated as the saved record is (`migrateStatuses`), so its ids agree with any device
 * that migrated the same history.
 *
 * Importing first previews what the merge will do (`previewImport`): how many changes are
 * new, how many changes (yours or theirs) lose to a concurrent one and become conflicts,
 * and that all of yours are kept. A file whose own changes break the workflow once merged
 * (a change that does not follow from its parent, a parent that is nowhere) or that gives
 * a known id to another change is refused whole, with the first reason.
 */
import { isRecord } from './record.ts';
import { readGapStatuses } from './status.ts';
import { migrateStatuses } from './history-v1.ts';
import {
  canonicalEvent,
  deriveTimelines,
  eventProblem,
  historyOf,
  issue,
  mergeHistories,
  readEvent,
  sameEvent,
  type GapEvent,
  type GapHistory,
  type HistoryIssue,
} from './history.ts';

export const HISTORY_FILE_SCHEMA = 2;

export interface GapHistoryFile {
  schema: 2;
  events: GapEvent[];
}

/** The history as a file: its events in id order, each with its fields in file order. */
export function historyFile(history: GapHistory): GapHistoryFile {
  const events = [...history.events.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(canonicalEvent);
  return { schema: 2, events };
}

/**
 * A history from a parsed file or saved record: schema 2 read event by event, schema 1
 * read with status.ts's checks and migrated. The first problem refuses the whole file.
 */
export function readHistoryFile(value: unknown): { ok: true; history: GapHistory; migratedFrom?: 1 } | { ok: false; issue: HistoryIssue } {
  if (!isRecord(value)) return { ok: false, issue: issue('register.fileNotObject', {}, 'the status file is not a JSON object') };
  const schema = Object.hasOwn(value, 'schema') ? value['schema'] : undefined;
  if (schema === 1) {
    const read = readGapStatuses(value);
    if (!read.ok) return { ok: false, issue: issue('register.fileSchema1', { ...read.why.params, outer: read.why.code, problem: read.problem }, `the status file (schema 1): ${read.problem}`) };
    return { ok: true, history: migrateStatuses(read.statuses), migratedFrom: 1 };
  }
  if (schema !== HISTORY_FILE_SCHEMA) {
    const shown = JSON.stringify(schema) ?? 'missing';
    return { ok: false, issue: issue('register.fileSchema', { schema: shown }, `the status file's schema is ${shown}, not 1 or 2`) };
  }
  for (const key of Object.keys(value)) {
    if (key !== 'schema' && key !== 'events') return { ok: false, issue: issue('register.fileField', { field: key }, `the status file has an unknown field "${key}"`) };
  }
  const list = Object.hasOwn(value, 'events') ? value['events'] : undefined;
  if (!Array.isArray(list)) return { ok: false, issue: issue('register.fileNoEvents', {}, 'the status file has no list of events') };
  const events: GapEvent[] = [];
  const seen = new Map<string, string>();
  for (let k = 0; k < list.length; k++) {
    const read = readEvent(list[k], `events[${k}]`);
    if (!read.ok) return read;
    const json = JSON.stringify(read.event);
    const before = seen.get(read.event.id);
    if (before !== undefined && before !== json) return { ok: false, issue: idClash(read.event.id) };
    seen.set(read.event.id, json);
    events.push(read.event);
  }
  return { ok: true, history: historyOf(events) };
}

function idClash(id: string): HistoryIssue {
  return issue('register.idClash', { eventId: id }, `the id ${id} names two different changes`);
}

/** What importing a file will do: "N new changes, M conflicts, nothing of yours will be lost". */
export interface ImportPreview {
  /** Changes in the file that this device does not have. */
  newChanges: number;
  /** Changes (yours or the file's) that lose to a concurrent change once merged, and did not before. */
  conflicts: number;
  /** Changes of yours, all kept. */
  kept: number;
}

/**
 * The preview and the merged history of importing `incoming` (from `readHistoryFile`) into
 * `local`, or the reason the file is refused whole. Nothing is applied: the caller shows
 * the preview, then keeps `merged` if the user agrees.
 */
export function previewImport(local: GapHistory, incoming: GapHistory): { ok: true; preview: ImportPreview; merged: GapHistory } | { ok: false; issue: HistoryIssue } {
  const fresh: GapEvent[] = [];
  for (const event of incoming.events.values()) {
    const mine = local.events.get(event.id);
    if (mine === undefined) fresh.push(event);
    else if (!sameEvent(mine, event)) return { ok: false, issue: idClash(event.id) };
  }
  const merged = mergeHistories(local, incoming);
  // Checked against the merged register: a change may follow one of yours.
  for (const event of fresh) {
    const problem = eventProblem(merged, event);
    if (problem !== undefined) return { ok: false, issue: problem };
  }
  const lostBefore = new Set<string>();
  for (const t of deriveTimelines(local).values()) for (const c of t.conflicts) lostBefore.add(c.event.id);
  let conflicts = 0;
  for (const t of deriveTimelines(merged).values()) for (const c of t.conflicts) if (!lostBefore.has(c.event.id)) conflicts++;
  return { ok: true, preview: { newChanges: fresh.length, conflicts, kept: local.events.size }, merged };
}

/** The preview in English, for logs and tests ("3 new changes, 1 conflict, nothing of yours will be lost"). */
export function previewMessage(preview: ImportPreview): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${plural(preview.newChanges, 'new change', 'new changes')}, ${plural(preview.conflicts, 'conflict', 'conflicts')}, nothing of yours will be lost`;
}
