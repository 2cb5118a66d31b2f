/**
 * The shared gap register as a history that merges: every status change is an event with
 * its own id, and the register is the set of events (schema 2). Devices and the sync
 * server exchange events; two histories merge as their union by id, so merging is
 * commutative, associative and idempotent, and never loses an event.
 *
 * A gap's status is derived from its events:
 *
 * 1. Each event names its `parent`, the gap's last change as its author saw it (none for
 *    the first). The events of a gap form a tree.
 * 2. An event is valid when it is well formed, its parent is present, on the same gap and
 *    valid, and the workflow of status.ts accepts it after the line from the root to its
 *    parent (so its date is not before its parent's). Invalid events are kept and flagged
 *    with the reason (`invalid`), never dropped; they take no part in the status.
 * 3. Concurrent changes: the heads are the valid events without a valid child. The
 *    winning head is the last by (date, organisation precedence: province before partner
 *    before unknown, id). The gap's line is the path from its root to that head, and its
 *    status the workflow's state after that line. Every valid event off the line lost to a
 *    concurrent change: it is kept and shown as a conflict (`conflicts`).
 *
 * Because the line is a real causal path, the state it gives is one its last author saw
 * and accepted: concurrent changes are never interleaved into a sequence the workflow
 * refuses. A new change takes the current winning head as its parent, so it follows it.
 *
 * Existing schema 1 records migrate in place with `migrateStatuses` (history-v1.ts).
 */
import type { FieldFault, RegisterCode } from '../messages/register.ts';
import { isIsoDate } from '../parse/dates.ts';
import { isRecord } from './record.ts';
import { applyStatusChange, EMPTY_STATUSES, GAP_STATUSES, isGapId, type GapStatus, type GapStatusChange, type GapStatuses } from './status.ts';

/** Who recorded a change: the province (Sở TT&TT) or a telecom partner. */
export const ROLES = ['province', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/** One status change of one gap. Field order here is the order in files. */
export interface GapEvent {
  /** Unique: 32 hex digits (random, or a hash for migrated events), or any 8–64 of [A-Za-z0-9_.:-]. */
  id: string;
  gapId: string;
  status: GapStatus;
  /** The operator of an assignment; on other changes only the assigned one (status.ts). */
  operator?: string;
  note?: string;
  /** ISO YYYY-MM-DD: the day of the change. */
  date: string;
  /** ISO YYYY-MM-DD, only on an assignment: when the work should be done. */
  due?: string;
  /** The person. */
  by?: string;
  /** The organisation (e.g. "Sở TT&TT Cà Mau", "Viettel Cà Mau"); absent only on migrated events. */
  org?: string;
  role?: Role;
  /** The id of the gap's last change that the author saw; absent on a gap's first change. */
  parent?: string;
}

/** A problem as a code, its parameters and an English message (the UI translates the code). */
export interface HistoryIssue {
  code: string;
  params: Record<string, string | number>;
  message: string;
}

/** The register: every event, by id. Treat as immutable; functions here return new ones. */
export interface GapHistory {
  readonly schema: 2;
  readonly events: ReadonlyMap<string, GapEvent>;
}

export const EMPTY_HISTORY: GapHistory = Object.freeze({ schema: 2, events: new Map<string, GapEvent>() }) as GapHistory;

const ID = /^[A-Za-z0-9_.:-]{8,64}$/;

export function isEventId(value: string): boolean {
  return ID.test(value);
}

const TEXT_FIELDS = ['operator', 'note', 'by', 'org'] as const;
const FIELD_ORDER = ['id', 'gapId', 'status', 'operator', 'note', 'date', 'due', 'by', 'org', 'role', 'parent'] as const;
const FIELDS: ReadonlySet<string> = new Set(FIELD_ORDER);

/** The event with only its defined fields, in file order (so equal events serialise equally). */
export function canonicalEvent(event: GapEvent): GapEvent {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (event[key] !== undefined) out[key] = event[key];
  return out as unknown as GapEvent;
}

/** Whether two events say the same thing, field for field. */
export function sameEvent(a: GapEvent, b: GapEvent): boolean {
  return JSON.stringify(canonicalEvent(a)) === JSON.stringify(canonicalEvent(b));
}

export function issue(code: RegisterCode, params: Record<string, string | number>, message: string): HistoryIssue {
  return { code, params, message };
}

/**
 * An event from unknown data (a file, the network), checked field by field, own properties
 * only; `at` names it in the problem ("events[3]").
 */
export function readEvent(value: unknown, at: string): { ok: true; event: GapEvent } | { ok: false; issue: HistoryIssue } {
  const bad = (field: string, what: FieldFault, problem: string) =>
    ({ ok: false, issue: issue('register.eventField', { at, field, what }, `${at}.${field}: ${problem}`) }) as const;
  if (!isRecord(value)) return { ok: false, issue: issue('register.eventNotObject', { at }, `${at} is not a status change`) };
  for (const key of Object.keys(value)) if (!FIELDS.has(key)) return bad(key, 'unknown', 'unknown field');
  const own = (key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);
  const id = own('id');
  if (typeof id !== 'string' || !isEventId(id)) return bad('id', 'id', 'not an event id');
  const gapId = own('gapId');
  if (typeof gapId !== 'string' || !isGapId(gapId)) return bad('gapId', 'gapId', 'not a gap id (hamlet:<id> or school:<id>)');
  const status = own('status');
  if (typeof status !== 'string' || !(GAP_STATUSES as readonly string[]).includes(status)) return bad('status', 'status', `not one of ${GAP_STATUSES.join(', ')}`);
  const date = own('date');
  if (typeof date !== 'string' || !isIsoDate(date)) return bad('date', 'date', 'not a date YYYY-MM-DD');
  const event: GapEvent = { id, gapId, status: status as GapStatus, date };
  for (const key of TEXT_FIELDS) {
    const v = own(key);
    if (v === undefined) continue;
    if (typeof v !== 'string') return bad(key, 'text', 'not text');
    event[key] = v;
  }
  const due = own('due');
  if (due !== undefined) {
    if (typeof due !== 'string' || !isIsoDate(due)) return bad('due', 'date', 'not a date YYYY-MM-DD');
    event.due = due;
  }
  const role = own('role');
  if (role !== undefined) {
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return bad('role', 'role', `not one of ${ROLES.join(', ')}`);
    event.role = role as Role;
  }
  const parent = own('parent');
  if (parent !== undefined) {
    if (typeof parent !== 'string' || !isEventId(parent)) return bad('parent', 'parent', 'not an event id');
    event.parent = parent;
  }
  return { ok: true, event: canonicalEvent(event) };
}

// ---------------------------------------------------------------------------------------
// Merging.

/**
 * The union of two histories by event id. Should one id carry two different events (a
 * bug or a forgery: ids are random), the one whose canonical JSON sorts first is kept on
 * every device, so the merge stays commutative. Returns `a` itself when `b` adds nothing.
 */
export function mergeHistories(a: GapHistory, b: GapHistory): GapHistory {
  let events: Map<string, GapEvent> | undefined;
  for (const [id, event] of b.events) {
    const mine = (events ?? a.events).get(id);
    if (mine !== undefined && (mine === event || !(JSON.stringify(canonicalEvent(event)) < JSON.stringify(canonicalEvent(mine))))) continue;
    events ??= new Map(a.events);
    events.set(id, event);
  }
  return events === undefined ? a : { schema: 2, events };
}

/** The history with `events` added (a merge with a history of just them). */
export function withEvents(history: GapHistory, events: Iterable<GapEvent>): GapHistory {
  return mergeHistories(history, historyOf(events));
}

/** A history of these events (later duplicates of an id merge as in `mergeHistories`). */
export function historyOf(events: Iterable<GapEvent>): GapHistory {
  const map = new Map<string, GapEvent>();
  for (const event of events) {
    const seen = map.get(event.id);
    if (seen === undefined || JSON.stringify(canonicalEvent(event)) < JSON.stringify(canonicalEvent(seen))) map.set(event.id, event);
  }
  return { schema: 2, events: map };
}

// ---------------------------------------------------------------------------------------
// Deriving each gap's state.

/** A valid event that lost to a concurrent change: kept and shown, never applied. */
export interface GapConflict {
  event: GapEvent;
  /** The winning head it lost to. */
  lostTo: GapEvent;
}

/** What a gap's events say. */
export interface GapTimeline {
  gapId: string;
  status: GapStatus;
  /** The operator it is assigned to (assigned, in progress, resolved). */
  operator?: string;
  /** The assignment's due date, while assigned or in progress. */
  due?: string;
  /** The winning head: the change the status comes from. */
  head?: GapEvent;
  /** Root → head: the changes that make the status, oldest first. */
  line: GapEvent[];
  conflicts: GapConflict[];
  invalid: { event: GapEvent; issue: HistoryIssue }[];
}

const ROLE_RANK: Record<string, number> = { province: 2, partner: 1 };

/** The order of concurrent heads: the last one wins. Date, then province before partner before unknown, then id. */
export function compareHeads(a: GapEvent, b: GapEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ra = ROLE_RANK[a.role ?? ''] ?? 0;
  const rb = ROLE_RANK[b.role ?? ''] ?? 0;
  if (ra !== rb) return ra - rb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The schema 1 change an event stands for (what status.ts replays). */
export function changeOf(event: GapEvent): GapStatusChange {
  const change: GapStatusChange = { gapId: event.gapId, status: event.status, date: event.date };
  if (event.operator !== undefined) change.operator = event.operator;
  if (event.note !== undefined) change.note = event.note;
  if (event.by !== undefined) change.by = event.by;
  return change;
}

/** Why `event` cannot follow the workflow state `before` (one gap's schema 1 line), or its state after. */
function step(before: GapStatuses, event: GapEvent): { ok: true; after: GapStatuses } | { ok: false; issue: HistoryIssue } {
  if (event.due !== undefined) {
    if (event.status !== 'assigned') {
      return { ok: false, issue: issue('register.dueNotAssignment', { gapId: event.gapId, eventId: event.id }, `${event.gapId}: change ${event.id} has a due date but is not an assignment`) };
    }
    if (event.due < event.date) {
      return { ok: false, issue: issue('register.dueBeforeDate', { gapId: event.gapId, eventId: event.id, due: event.due, date: event.date }, `${event.gapId}: change ${event.id} is due on ${event.due}, before its date ${event.date}`) };
    }
  }
  const result = applyStatusChange(before, changeOf(event));
  if (result.ok) return { ok: true, after: result.statuses };
  // status.ts's own problem rides along (`of` and its parameters), so both languages can say it.
  return { ok: false, issue: issue('register.workflow', { ...result.why.params, gapId: event.gapId, eventId: event.id, of: result.why.code, reason: result.reason }, `${event.gapId}: change ${event.id}: ${result.reason}`) };
}

/** The events of each gap. */
function byGap(history: GapHistory): Map<string, GapEvent[]> {
  const gaps = new Map<string, GapEvent[]>();
  for (const event of history.events.values()) {
    const list = gaps.get(event.gapId);
    if (list === undefined) gaps.set(event.gapId, [event]);
    else list.push(event);
  }
  return gaps;
}

/** One gap's timeline from its events (`all` to tell a missing parent from one on another gap). */
function timelineOf(gapId: string, events: readonly GapEvent[], all: ReadonlyMap<string, GapEvent>): GapTimeline {
  const mine = new Map(events.map((e) => [e.id, e]));
  const children = new Map<string, GapEvent[]>();
  const invalid: GapTimeline['invalid'] = [];
  const roots: GapEvent[] = [];
  for (const event of events) {
    if (event.parent === undefined) roots.push(event);
    else if (mine.has(event.parent)) {
      const list = children.get(event.parent);
      if (list === undefined) children.set(event.parent, [event]);
      else list.push(event);
    } else {
      const elsewhere = all.has(event.parent);
      const params = { gapId, eventId: event.id, parent: event.parent };
      invalid.push({
        event,
        issue: elsewhere
          ? issue('register.parentOtherGap', params, `${gapId}: change ${event.id} follows ${event.parent}, a change of another gap`)
          : issue('register.parentMissing', params, `${gapId}: change ${event.id} follows ${event.parent}, which is not in the register`),
      });
    }
  }
  // Walk down from the roots; the state after each valid event is kept for its children.
  const after = new Map<string, GapStatuses>();
  const reached = new Set<string>();
  const stack: { event: GapEvent; before: GapStatuses | undefined; parentId?: string }[] = roots.map((event) => ({ event, before: EMPTY_STATUSES }));
  for (const bad of invalid.slice()) stack.push(...(children.get(bad.event.id) ?? []).map((event) => ({ event, before: undefined, parentId: bad.event.id })));
  for (const bad of invalid) reached.add(bad.event.id);
  while (stack.length > 0) {
    const { event, before, parentId } = stack.pop() as (typeof stack)[number];
    reached.add(event.id);
    let state: GapStatuses | undefined;
    if (before === undefined) {
      const params = { gapId, eventId: event.id, parent: parentId ?? '' };
      invalid.push({ event, issue: issue('register.parentInvalid', params, `${gapId}: change ${event.id} follows ${parentId ?? ''}, a change that is not valid`) });
    } else {
      const result = step(before, event);
      if (result.ok) {
        state = result.after;
        after.set(event.id, state);
      } else invalid.push({ event, issue: result.issue });
    }
    for (const child of children.get(event.id) ?? []) stack.push({ event: child, before: state, parentId: event.id });
  }
  // Events never reached sit on a loop of parents (only forged ids can make one).
  for (const event of events) {
    if (reached.has(event.id)) continue;
    invalid.push({ event, issue: issue('register.parentCycle', { gapId, eventId: event.id }, `${gapId}: change ${event.id} is in a loop of changes that follow each other`) });
  }
  let head: GapEvent | undefined;
  for (const event of events) {
    if (!after.has(event.id)) continue;
    if ((children.get(event.id) ?? []).some((child) => after.has(child.id))) continue;
    if (head === undefined || compareHeads(head, event) < 0) head = event;
  }
  const line: GapEvent[] = [];
  for (let e = head; e !== undefined; e = e.parent === undefined ? undefined : mine.get(e.parent)) line.push(e);
  line.reverse();
  const onLine = new Set(line.map((e) => e.id));
  const conflicts: GapConflict[] = [];
  for (const event of events) if (after.has(event.id) && !onLine.has(event.id)) conflicts.push({ event, lostTo: head as GapEvent });
  conflicts.sort((a, b) => compareHeads(a.event, b.event));
  invalid.sort((a, b) => compareHeads(a.event, b.event));
  const timeline: GapTimeline = { gapId, status: 'open', line, conflicts, invalid };
  if (head === undefined) return timeline;
  timeline.head = head;
  timeline.status = head.status;
  let operator: string | undefined;
  let due: string | undefined;
  for (const e of line) {
    if (e.status === 'assigned') {
      operator = e.operator;
      due = e.due;
    } else if (e.status === 'open' || e.status === 'disputed') {
      operator = undefined;
      due = undefined;
    }
  }
  if (operator !== undefined) timeline.operator = operator;
  if (due !== undefined && (head.status === 'assigned' || head.status === 'in_progress')) timeline.due = due;
  return timeline;
}

const derived = new WeakMap<GapHistory, Map<string, GapTimeline>>();

/** Every gap's timeline (memoised per history object). */
export function deriveTimelines(history: GapHistory): ReadonlyMap<string, GapTimeline> {
  let timelines = derived.get(history);
  if (timelines === undefined) {
    timelines = new Map();
    for (const [gapId, events] of byGap(history)) timelines.set(gapId, timelineOf(gapId, events, history.events));
    derived.set(history, timelines);
  }
  return timelines;
}

/** One gap's timeline: open with nothing in it when it has no event. */
export function gapTimeline(history: GapHistory, gapId: string): GapTimeline {
  const all = derived.get(history);
  if (all !== undefined) return all.get(gapId) ?? { gapId, status: 'open', line: [], conflicts: [], invalid: [] };
  // Not derived yet (a history just made by recording a change): this gap alone.
  const events: GapEvent[] = [];
  for (const event of history.events.values()) if (event.gapId === gapId) events.push(event);
  return timelineOf(gapId, events, history.events);
}

/** Whether the gap is assigned or in progress past its due date (`today` ISO YYYY-MM-DD). */
export function isOverdue(timeline: GapTimeline, today: string): boolean {
  return timeline.due !== undefined && timeline.due < today;
}

/** Each gap's due date while it is assigned or in progress (the register's overdue filter). */
export function dueDates(history: GapHistory): Map<string, string> {
  const out = new Map<string, string>();
  for (const [gapId, timeline] of deriveTimelines(history)) if (timeline.due !== undefined) out.set(gapId, timeline.due);
  return out;
}

/**
 * Why `event` would be invalid once added to `history` (its parent missing, on another
 * gap, invalid, or the workflow refusing it after its parent), or undefined. Cost: the
 * depth of its gap's line, replayed. With `states` (the workflow state after events found
 * valid, filled in here as it goes) the walk stops at the first ancestor in it: a server
 * judging changes one after another replays one step each.
 */
export function eventProblem(history: GapHistory, event: GapEvent, states?: Map<string, GapStatuses>): HistoryIssue | undefined {
  const chain: GapEvent[] = [event];
  let state = EMPTY_STATUSES;
  for (let id = event.parent; id !== undefined; ) {
    const parent = history.events.get(id);
    const params = { gapId: event.gapId, eventId: event.id, parent: id };
    if (parent === undefined) return issue('register.parentMissing', params, `${event.gapId}: change ${event.id} follows ${id}, which is not in the register`);
    if (parent.gapId !== event.gapId) return issue('register.parentOtherGap', params, `${event.gapId}: change ${event.id} follows ${id}, a change of another gap`);
    if (chain.length > history.events.size) return issue('register.parentCycle', { gapId: event.gapId, eventId: event.id }, `${event.gapId}: change ${event.id} is in a loop of changes that follow each other`);
    const known = states?.get(id);
    if (known !== undefined) {
      state = known;
      break;
    }
    chain.push(parent);
    id = parent.parent;
  }
  chain.reverse();
  for (const e of chain) {
    const result = step(state, e);
    if (!result.ok) return e === event ? result.issue : issue('register.parentInvalid', { gapId: event.gapId, eventId: event.id, parent: event.parent ?? '' }, `${event.gapId}: change ${event.id} follows a change that is not valid`);
    state = result.after;
    states?.set(e.id, state);
  }
  return undefined;
}

/** A change as the user makes it: the id is given (randomEventId), the parent is the gap's head. */
export type NewChange = Omit<GapEvent, 'id' | 'parent'>;

/**
 * The history with the change recorded after the gap's current winning head, or the
 * reason the workflow refuses it. Pure; `id` comes from `randomEventId()`.
 */
export function recordChange(history: GapHistory, change: NewChange, id: string): { ok: true; history: GapHistory; event: GapEvent } | { ok: false; issue: HistoryIssue } {
  const head = gapTimeline(history, change.gapId).head;
  const event = canonicalEvent(head === undefined ? { ...change, id } : { ...change, id, parent: head.id });
  const read = readEvent(event, 'change');
  if (!read.ok) return read;
  if (history.events.has(id)) return { ok: false, issue: issue('register.idTaken', { eventId: id }, `the id ${id} is already taken`) };
  const problem = eventProblem(history, event);
  if (problem !== undefined) return { ok: false, issue: problem };
  return { ok: true, history: withEvents(history, [event]), event };
}
