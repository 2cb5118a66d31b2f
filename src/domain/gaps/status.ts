/**
 * The gap status workflow: what the province and the telecom partners agree is being done
 * about each gap (a hamlet or school that is not `good`). A gap without a record is open.
 *
 * Transitions (from → to; "–" refused, with the hint the refusal gives):
 *
 * | from \ to   | open           | assigned                     | in_progress       | resolved                    | disputed |
 * |-------------|----------------|------------------------------|-------------------|-----------------------------|----------|
 * | open        | –              | yes (names the operator)     | – assign it first | – assign it first           | yes      |
 * | assigned    | yes (unassign) | yes, to another operator     | yes               | – mark it in progress first | yes      |
 * | in_progress | yes (dropped)  | yes (paused, or handed over) | –                 | yes (verified)              | yes      |
 * | resolved    | yes (reopen)   | – reopen it first            | – reopen it first | –                           | yes      |
 * | disputed    | yes (reopen)   | – reopen it first            | – reopen it first | – reopen it first           | –        |
 *
 * So any status can go to disputed (but disputed not again), disputed only back to open,
 * resolved back to open or disputed. A change to `assigned` names the operator; other
 * changes may repeat the assigned operator but never name another one (reassign first).
 * The assignment holds through in_progress and resolved and ends at open or disputed.
 * Dates are ISO `YYYY-MM-DD` and never go back: a change dated before the gap's last
 * change is refused (the same day is fine).
 *
 * Gap ids are user data ("hamlet:__proto__" is a fine hamlet), so the `gaps` record is only
 * written through `setOwn` and read through `Object.hasOwn`, as in plan.ts.
 */
import { cut } from '../messages/codes.ts';
import { problem, problemText, type Problem } from '../messages/problems.ts';
import { findJsonSyntaxError } from '../parse/json-syntax.ts';
import { isIsoDate } from '../parse/dates.ts';
import { lineColumn } from '../parse/text.ts';

export const GAP_KINDS = ['hamlet', 'school'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export const GAP_STATUSES = ['open', 'assigned', 'in_progress', 'resolved', 'disputed'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

/** The key of a gap: `hamlet:<id>` or `school:<id>`. */
export function gapIdOf(kind: GapKind, id: string): string {
  return `${kind}:${id}`;
}

const GAP_ID = /^(hamlet|school):.+$/s;

export function isGapId(value: string): boolean {
  return GAP_ID.test(value);
}

/** One step of a gap's history. */
export interface GapStatusChange {
  gapId: string;
  status: GapStatus;
  /** The operator it is assigned to: required for `assigned`, else only the assigned one. */
  operator?: string;
  note?: string;
  /** ISO YYYY-MM-DD. */
  date: string;
  /** Who recorded the change. */
  by?: string;
}

/** Every gap's history, oldest change first; the schema number is for files and storage. */
export interface GapStatuses {
  schema: 1;
  gaps: Record<string, GapStatusChange[]>;
}

export const EMPTY_STATUSES: GapStatuses = Object.freeze({
  schema: 1,
  gaps: Object.freeze({}) as Record<string, GapStatusChange[]>,
}) as GapStatuses;

/** Where a gap stands: its status, the operator it is assigned to, and the last change. */
export interface GapState {
  status: GapStatus;
  /** Set while assigned, in progress or resolved. */
  operator?: string;
  last?: GapStatusChange;
}

function historyOf(statuses: GapStatuses | undefined, gapId: string): readonly GapStatusChange[] {
  if (statuses === undefined || !Object.hasOwn(statuses.gaps, gapId)) return [];
  return statuses.gaps[gapId] as GapStatusChange[];
}

/** The history of one gap, oldest first (empty when it has none). */
export function gapHistory(statuses: GapStatuses | undefined, gapId: string): readonly GapStatusChange[] {
  return historyOf(statuses, gapId);
}

/** The operator a history leaves the gap assigned to. */
function assignedOperator(history: readonly GapStatusChange[]): string | undefined {
  let operator: string | undefined;
  for (const change of history) {
    if (change.status === 'assigned') operator = change.operator;
    else if (change.status === 'open' || change.status === 'disputed') operator = undefined;
  }
  return operator;
}

/** Where gap `gapId` stands now; open when it has no record. */
export function currentGap(statuses: GapStatuses | undefined, gapId: string): GapState {
  const history = historyOf(statuses, gapId);
  const last = history[history.length - 1];
  if (last === undefined) return { status: 'open' };
  const operator = assignedOperator(history);
  return operator === undefined ? { status: last.status, last } : { status: last.status, operator, last };
}

const ALLOWED: Readonly<Record<GapStatus, readonly GapStatus[]>> = {
  open: ['assigned', 'disputed'],
  assigned: ['open', 'assigned', 'in_progress', 'disputed'],
  in_progress: ['open', 'assigned', 'resolved', 'disputed'],
  resolved: ['open', 'disputed'],
  disputed: ['open'],
};

/** Whether the workflow lets a gap go from `from` to `to` (the table above). */
export function canTransition(from: GapStatus, to: GapStatus): boolean {
  return ALLOWED[from].includes(to);
}

function refusedHint(from: GapStatus, to: GapStatus): string {
  if (from === to) return 'already';
  if (from === 'open') return 'assign';
  if (from === 'assigned' && to === 'resolved') return 'progress';
  return 'reopen';
}

/** Why the change cannot apply to a gap whose history is `history`, or undefined when it can. */
export function changeFault(history: readonly GapStatusChange[], change: GapStatusChange): Problem | undefined {
  if (!isGapId(change.gapId)) return problem('gap-id', { id: cut(change.gapId) });
  if (!(GAP_STATUSES as readonly string[]).includes(change.status)) return problem('gap-status', { status: cut(String(change.status)) });
  if (!isIsoDate(change.date)) return problem('gap-date', { date: cut(change.date) });
  const last = history[history.length - 1];
  const from: GapStatus = last?.status ?? 'open';
  const operator = assignedOperator(history);
  if (last !== undefined && change.date < last.date) return problem('gap-date-order', { date: change.date, last: last.date });
  if (from === 'assigned' && change.status === 'assigned' && change.operator === operator) {
    return problem('gap-already-assigned', { operator: String(operator) });
  }
  if (!canTransition(from, change.status)) return problem('gap-transition', { from, to: change.status, hint: refusedHint(from, change.status) });
  if (change.status === 'assigned') {
    if (change.operator === undefined || change.operator.trim() === '') return problem('gap-no-operator');
  } else if (change.operator !== undefined && change.operator !== operator) {
    return operator === undefined
      ? problem('gap-operator-unassigned', { operator: change.operator })
      : problem('gap-operator-other', { operator: change.operator, assigned: operator });
  }
  return undefined;
}

const OPTIONAL_TEXT = ['operator', 'note', 'by'] as const;

/** The change with only its own, defined fields, in a fixed order (what the history keeps). */
function cleanChange(change: GapStatusChange): GapStatusChange {
  const out: GapStatusChange = { gapId: change.gapId, status: change.status, date: change.date };
  for (const key of OPTIONAL_TEXT) if (change[key] !== undefined) out[key] = change[key];
  return out;
}

function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The statuses with `change` added to its gap's history, or why it is refused: `why` for
 * `problemText` in the user's language, `reason` the English phrase ("cannot go from open
 * to resolved: assign it first"). Pure: a new state that shares the other gaps' histories
 * with `statuses`.
 */
export function applyStatusChange(
  statuses: GapStatuses,
  change: GapStatusChange,
): { ok: true; statuses: GapStatuses } | { ok: false; reason: string; why: Problem } {
  const history = historyOf(statuses, change.gapId);
  const why = changeFault(history, change);
  if (why !== undefined) return { ok: false, reason: problemText(why, 'en'), why };
  const gaps: Record<string, GapStatusChange[]> = {};
  for (const key of Object.keys(statuses.gaps)) setOwn(gaps, key, statuses.gaps[key] as GapStatusChange[]);
  setOwn(gaps, change.gapId, [...history, cleanChange(change)]);
  return { ok: true, statuses: { schema: 1, gaps } };
}

// ---------------------------------------------------------------------------------------
// Reading statuses back from storage or a file (unknown data).

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const CHANGE_KEYS: ReadonlySet<string> = new Set(['gapId', 'status', 'operator', 'note', 'date', 'by']);

function readChange(value: unknown, gapId: string, at: string): { change: GapStatusChange } | { problem: Problem } {
  if (!isRecord(value)) return { problem: problem('statuses-not', { at, what: 'change' }) };
  for (const key of Object.keys(value)) if (!CHANGE_KEYS.has(key)) return { problem: problem('statuses-unknown-field', { at, key: cut(key) }) };
  const own = (key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);
  const id = own('gapId');
  if (id !== gapId) return { problem: problem('statuses-gap-id', { at, expected: gapId }) };
  const status = own('status');
  if (typeof status !== 'string' || !(GAP_STATUSES as readonly string[]).includes(status)) {
    return { problem: problem('statuses-not', { at: `${at}.status`, what: 'gapStatus' }) };
  }
  const date = own('date');
  if (typeof date !== 'string' || !isIsoDate(date)) return { problem: problem('statuses-not', { at: `${at}.date`, what: 'date' }) };
  const change: GapStatusChange = { gapId, status: status as GapStatus, date };
  for (const key of OPTIONAL_TEXT) {
    const v = own(key);
    if (v === undefined) continue;
    if (typeof v !== 'string') return { problem: problem('statuses-not', { at: `${at}.${key}`, what: 'text' }) };
    change[key] = v;
  }
  return { change: cleanChange(change) };
}

/**
 * GapStatuses from unknown data (storage, a file), checked field by field, own properties
 * only, and each history replayed through the workflow; on failure a phrase saying what is
 * wrong ('gaps["school:S-1"][1]: cannot go from open to resolved: assign it first'). The
 * statuses it returns are a fresh copy: nothing of `value` is shared.
 * `readGapStatuses(JSON.parse(JSON.stringify(s)))` gives back `s` for any `s` built by
 * `applyStatusChange`.
 */
export function readGapStatuses(value: unknown): { ok: true; statuses: GapStatuses } | { ok: false; problem: string; why: Problem } {
  const read = readStatuses(value);
  return 'why' in read ? { ok: false, problem: problemText(read.why, 'en'), why: read.why } : read;
}

function readStatuses(value: unknown): { ok: true; statuses: GapStatuses } | { why: Problem } {
  if (!isRecord(value)) return { why: problem('statuses-not', { at: '', what: 'object' }) };
  const schema = Object.hasOwn(value, 'schema') ? value['schema'] : undefined;
  if (schema !== 1) return { why: problem('statuses-schema', { schema: cut(JSON.stringify(schema) ?? 'missing') }) };
  const gapsValue = Object.hasOwn(value, 'gaps') ? value['gaps'] : undefined;
  if (!isRecord(gapsValue)) return { why: problem('statuses-not', { at: 'gaps', what: 'object' }) };
  for (const key of Object.keys(value)) {
    if (key !== 'schema' && key !== 'gaps') return { why: problem('statuses-unknown-field', { at: '', key: cut(key) }) };
  }
  const gaps: Record<string, GapStatusChange[]> = {};
  for (const gapId of Object.keys(gapsValue)) {
    const at = `gaps[${JSON.stringify(cut(gapId))}]`;
    if (!isGapId(gapId)) return { why: problem('statuses-change', { at, of: 'gap-id', id: cut(gapId) }) };
    const list = gapsValue[gapId];
    if (!Array.isArray(list)) return { why: problem('statuses-not', { at, what: 'changes_list' }) };
    const history: GapStatusChange[] = [];
    for (let k = 0; k < list.length; k++) {
      const read = readChange(list[k], gapId, `${at}[${k}]`);
      if ('problem' in read) return { why: read.problem };
      const fault = changeFault(history, read.change);
      if (fault !== undefined) return { why: problem('statuses-change', { ...fault.params, at: `${at}[${k}]`, of: fault.code }) };
      history.push(read.change);
    }
    if (history.length > 0) setOwn(gaps, gapId, history);
  }
  return { ok: true, statuses: { schema: 1, gaps } };
}

/** NUL and other low control characters, or U+FFFD where bytes were not UTF-8: not a text file. */
function looksBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || c === 0xfffd) return true;
  }
  return false;
}

/**
 * A status file's text as the statuses it holds, or why not, for `problemText`: not text
 * at all (an image, a spreadsheet), JSON broken at a line and column, or JSON that is not
 * a status file. Never the JavaScript engine's own words.
 */
export function readGapStatusFile(text: string): { ok: true; statuses: GapStatuses } | { ok: false; why: Problem } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (looksBinary(body.slice(0, 4096))) return { ok: false, why: problem('statuses-binary') };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const found = findJsonSyntaxError(body);
    const at = lineColumn(body, found?.offset ?? 0);
    return { ok: false, why: problem('statuses-json', { line: at.line, column: at.column }) };
  }
  const read = readStatuses(value);
  return 'why' in read ? { ok: false, why: read.why } : read;
}
