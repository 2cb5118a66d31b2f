/**
 * Schema 1 (today's saved statuses and files: each gap's list of changes) ↔ the history.
 *
 * `migrateStatuses` upgrades in place with no loss: each gap's list becomes a chain of
 * events whose ids hash what they say and the id before them, so two devices migrating
 * the same history agree on every id, and a shared beginning merges as one.
 * `toStatuses` is the schema 1 view of a history, for the code that still reads one.
 */
import { hash128 } from './event-id.ts';
import { canonicalEvent, changeOf, deriveTimelines, historyOf, type GapEvent, type GapHistory } from './history.ts';
import type { GapStatusChange, GapStatuses } from './status.ts';

/**
 * A schema 1 record as a history, with no loss: each gap's list becomes a chain, each
 * event's id the hash of its parent's id and of what it says ("by" stays the person; the
 * organisation is unknown). Deterministic: the same record gives the same ids anywhere.
 */
export function migrateStatuses(statuses: GapStatuses): GapHistory {
  const events: GapEvent[] = [];
  for (const gapId of Object.keys(statuses.gaps)) {
    let parent: string | undefined;
    for (const change of statuses.gaps[gapId] as GapStatusChange[]) {
      const body = changeOf(change as GapEvent);
      const id = hash128(JSON.stringify(['song-map/gap-status/v1', parent ?? '', body.gapId, body.status, body.operator ?? null, body.note ?? null, body.date, body.by ?? null]));
      const event: GapEvent = { id, ...body };
      if (parent !== undefined) event.parent = parent;
      events.push(canonicalEvent(event));
      parent = id;
    }
  }
  return historyOf(events);
}

function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The schema 1 view of a history: each gap's winning line as its list of changes, for the
 * code that reads `GapStatuses` (register filters, the status panel). Conflicts and
 * invalid events are not in it: read them from `gapTimeline`.
 */
export function toStatuses(history: GapHistory): GapStatuses {
  const gaps: Record<string, GapStatusChange[]> = {};
  const timelines = [...deriveTimelines(history).values()].sort((a, b) => (a.gapId < b.gapId ? -1 : a.gapId > b.gapId ? 1 : 0));
  for (const t of timelines) if (t.line.length > 0) setOwn(gaps, t.gapId, t.line.map(changeOf));
  return { schema: 1, gaps };
}
