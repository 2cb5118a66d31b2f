/**
 * Whose network a gap is in, and what a partner may change.
 *
 * A gap is in an operator's network when it is assigned to that operator (the province may
 * assign a gap to an operator whose towers are farther), or, while it is assigned to no
 * one, when its nearest 4G/5G tower on air in the planned scenario of the data set is that
 * operator's (`plannedNetworks`: the loaded towers, whatever their radius; not the scenario
 * on screen, the user's draft plan or the one-operator view, which the sync server never
 * sees). So a gap assigned to Viettel is Viettel's alone until it is reopened. A partner
 * may record changes only on gaps in its network, and may assign a gap only to itself. The
 * province may change any gap. `networkOfGap` is the one rule: the sync server enforces it
 * on every change it receives, and the register's "my network" filter reads it too.
 */
import { classify } from '../coverage/classify.ts';
import { onAirTowers, pointColumns } from '../coverage/columns.ts';
import type { Dataset } from '../types.ts';
import { issue, type GapEvent, type GapHistory, type GapTimeline, type HistoryIssue } from './history.ts';
import { gapIdOf, type GapStatus } from './status.ts';

/** Gap id → the operator of its nearest 4G/5G tower on air in the planned scenario (gaps with none are absent). */
export function plannedNetworks(dataset: Pick<Dataset, 'hamlets' | 'schools' | 'towers'>): Map<string, string> {
  const towers = onAirTowers(dataset.towers, 'planned');
  const points = pointColumns(dataset.hamlets, dataset.schools);
  const { nearest4g } = classify(points, towers);
  const out = new Map<string, string>();
  const n = dataset.hamlets.length;
  for (let i = 0; i < points.count; i++) {
    const k = nearest4g[i] as number;
    if (k < 0) continue;
    const tower = dataset.towers[towers.towerIndex[k] as number];
    if (tower === undefined) continue;
    const gapId = i < n ? gapIdOf('hamlet', dataset.hamlets[i]!.id) : gapIdOf('school', dataset.schools[i - n]!.id);
    out.set(gapId, tower.operator);
  }
  return out;
}

/** The operators that share the register as partners. */
export const PARTNER_OPERATORS: readonly string[] = ['Viettel', 'VNPT', 'MobiFone'];

/** The operator a partner organisation belongs to: the one its name starts with ("Viettel Cà Mau" → Viettel), if any. */
export function operatorOfOrganisation(org: string, operators: readonly string[] = PARTNER_OPERATORS): string | undefined {
  const name = org.trim().toLowerCase();
  return operators.find((op) => name === op.toLowerCase() || name.startsWith(`${op.toLowerCase()} `));
}

/** Gap id → the operator of its nearest planned 4G/5G tower (`plannedNetworks`). */
export type GapNetworks = ReadonlyMap<string, string>;

/**
 * The network a gap belongs to: the operator it is assigned to, else that of its nearest
 * planned 4G/5G tower in the data set (`networks`, from `plannedNetworks`); undefined when
 * neither. Both the sync server and the register's "my network" filter ask this.
 */
export function networkOfGap(gapId: string, assignedTo: string | undefined, networks: GapNetworks | undefined): string | undefined {
  return assignedTo ?? networks?.get(gapId);
}

/** The operator the gap is assigned to once `eventId` and the changes before it apply (undefined for none). */
function assignedAfter(history: GapHistory, eventId: string | undefined): string | undefined {
  const chain: GapEvent[] = [];
  for (let id = eventId; id !== undefined && chain.length <= history.events.size; ) {
    const e = history.events.get(id);
    if (e === undefined) break;
    chain.push(e);
    id = e.parent;
  }
  let operator: string | undefined;
  for (let k = chain.length - 1; k >= 0; k--) {
    const e = chain[k] as GapEvent;
    if (e.status === 'assigned') operator = e.operator;
    else if (e.status === 'open' || e.status === 'disputed') operator = undefined;
  }
  return operator;
}

/**
 * Why partner `operator` may not record `event` (it follows its parent in `history`), or
 * undefined: the gap must be in its network at the event's parent, and an assignment must
 * name the partner itself.
 */
export function partnerProblem(history: GapHistory, event: GapEvent, operator: string, networks: GapNetworks): HistoryIssue | undefined {
  if (event.status === 'assigned' && event.operator !== operator) {
    return issue('sync.assignOther', { gapId: event.gapId, eventId: event.id, operator: event.operator ?? '', own: operator }, `${event.gapId}: ${operator} may assign a gap only to itself, not to ${event.operator ?? 'nobody'}`);
  }
  if (networkOfGap(event.gapId, assignedAfter(history, event.parent), networks) !== operator) {
    return issue('sync.outsideNetwork', { gapId: event.gapId, eventId: event.id, operator }, `${event.gapId} is not in ${operator}'s network (it is assigned to another operator, or to no one and its nearest planned 4G/5G tower is not ${operator}'s)`);
  }
  return undefined;
}

/** The statuses a change is usually made to next, the likeliest first; nothing is suggested after resolved. */
export function suggestedNext(status: GapStatus): GapStatus[] {
  switch (status) {
    case 'open':
      return ['assigned', 'disputed'];
    case 'assigned':
      return ['in_progress', 'assigned', 'open', 'disputed'];
    case 'in_progress':
      return ['resolved', 'assigned', 'open', 'disputed'];
    case 'resolved':
      return [];
    case 'disputed':
      return ['open'];
  }
}

export const HISTORY_COLUMNS = ['gap_id', 'date', 'status', 'operator', 'due', 'by', 'organisation', 'note', 'state', 'event_id', 'parent'] as const;

/**
 * The register's history, one row per change, for the CSV export: each gap's line oldest
 * first, then its conflicts (`state` "conflict") and invalid changes (`state` "invalid").
 * Gaps in id order. Cells are plain text; the CSV writer quotes them.
 */
export function historyRows(timelines: Iterable<GapTimeline>): string[][] {
  const rows: string[][] = [];
  const sorted = [...timelines].sort((a, b) => (a.gapId < b.gapId ? -1 : a.gapId > b.gapId ? 1 : 0));
  const row = (e: GapEvent, state: string): string[] => [e.gapId, e.date, e.status, e.operator ?? '', e.due ?? '', e.by ?? '', e.org ?? '', e.note ?? '', state, e.id, e.parent ?? ''];
  for (const t of sorted) {
    for (const e of t.line) rows.push(row(e, e === t.head ? 'current' : 'applied'));
    for (const c of t.conflicts) rows.push(row(c.event, 'conflict'));
    for (const bad of t.invalid) rows.push(row(bad.event, 'invalid'));
  }
  return rows;
}
