/**
 * The gap register's history of changes (gaps/history.ts), one record for the places (gap
 * ids are kind:id) whatever data is loaded, in the 'gaps' store (key 'current'). Same rules
 * as the plan store: reading never rewrites, an unreadable record is kept and not saved over
 * unless asked, each save is one transaction answered once committed, and a save is
 * compare-and-set against the revision its tab last read (another tab's save is a conflict,
 * which the caller resolves by merging: histories merge without loss).
 *
 * Layout 3 (current): `{ schema: 3, savedAt, revision, history }`, `history` as the status
 * file (`GapHistoryFile`). Layout 2: `{ schema: 2, savedAt, revision, statuses }` with the
 * schema 1 statuses; layout 1: the statuses themselves (`{ schema: 1, gaps }`), revision 0.
 * Both older layouts migrate on read (`migrateStatuses`: the same ids on every device).
 */
import { historyFile, readHistoryFile } from '../domain/gaps/history-file.ts';
import type { GapHistory } from '../domain/gaps/history.ts';
import { registerText } from '../domain/messages/register.ts';
import { GAPS_STORE, readRaw, withDb, type StoreOptions } from './db.ts';
import type { Notices } from './notices.ts';
import { damaged, revisionOf, savedAtOf, schemaOf, type Unreadable } from './records.ts';
import { saveRevisioned, TabRevisions, type RevisionedSave, type Stored } from './revisions.ts';

const CURRENT = 'current';
/** The layout of a statuses record this version writes. */
export const GAPS_SCHEMA = 3;
/** Layout 1's records carry no save time. */
const UNKNOWN_TIME = new Date(0).toISOString();

export interface GapsRecord {
  schema: typeof GAPS_SCHEMA;
  savedAt: string;
  revision: number;
  history: ReturnType<typeof historyFile>;
}

export type LoadGapsResult =
  | { status: 'none' }
  | { status: 'loaded'; history: GapHistory; revision: number; savedAt: string }
  | { status: 'unreadable'; reason: string };

export type SaveGapsResult = RevisionedSave<GapHistory>;

/** A stored register record, upgraded to the current layout's content, or why it cannot be read. */
export function readGapsRecord(raw: unknown): ({ ok: true } & Stored<GapHistory>) | Unreadable {
  const what = 'gap statuses';
  const checked = schemaOf(raw, what, GAPS_SCHEMA);
  if (!checked.ok) return checked;
  const history = (value: unknown) => {
    const read = readHistoryFile(value);
    return read.ok ? read : damaged(what, registerText(read.issue, 'en'));
  };
  if (checked.schema === 1) {
    const read = history(raw);
    return read.ok ? { ok: true, value: read.history, savedAt: UNKNOWN_TIME, revision: 0 } : read;
  }
  const time = savedAtOf(checked.raw, what);
  if (time) return time;
  const revision = revisionOf(checked.raw, what, 2, checked.schema);
  if (!revision.ok) return revision;
  const read = history(checked.schema === 2 ? checked.raw['statuses'] : checked.raw['history']);
  if (!read.ok) return read;
  return { ok: true, value: read.history, savedAt: checked.raw['savedAt'] as string, revision: revision.revision };
}

/** The saved gap statuses; never deletes or rewrites anything. */
export async function loadGapStatuses(options: StoreOptions = {}): Promise<LoadGapsResult> {
  const result = await withDb(options, 'the gap statuses', 'read', (db) => readRaw(db, GAPS_STORE, CURRENT, 'the gap statuses'));
  if (!result.ok) return result.reason === 'unavailable' ? { status: 'none' } : { status: 'unreadable', reason: result.message };
  if (result.value === undefined) return { status: 'none' };
  const read = readGapsRecord(result.value);
  return read.ok ? { status: 'loaded', history: read.value, revision: read.revision, savedAt: read.savedAt } : { status: 'unreadable', reason: read.reason };
}

/**
 * Saves the register made on revision `base` (0: none saved), in one transaction; a failure
 * leaves the saved copy whole, another tab's save since `base` is a conflict.
 */
export async function saveGapStatuses(
  history: GapHistory,
  options: StoreOptions & { base?: number; replaceUnreadable?: boolean } = {},
): Promise<SaveGapsResult> {
  const file = historyFile(history);
  return saveRevisioned(options, {
    store: GAPS_STORE,
    key: CURRENT,
    what: 'the gap statuses',
    mine: history,
    base: options.base ?? 0,
    replaceUnreadable: options.replaceUnreadable === true,
    read: readGapsRecord,
    record: (revision, savedAt): GapsRecord => ({ schema: GAPS_SCHEMA, savedAt, revision, history: file }),
  });
}

/** One tab's view of the saved statuses (as `PlanStore` for plans). */
export class GapStatusStore {
  private readonly revisions = new TabRevisions();

  constructor(private readonly options: StoreOptions & { notices?: Notices } = {}) {}

  get revision(): number {
    return this.revisions.of(CURRENT);
  }

  /** This tab has taken the saved register of `revision` (merged into its own): its next save is made on that one. */
  adopt(revision: number): void {
    this.revisions.set(CURRENT, revision);
  }

  /** Reads the saved register; `adopt` as for `PlanStore.load`. */
  load(adopt: (result: Exclude<LoadGapsResult, { status: 'unreadable' }>) => boolean = () => true): Promise<LoadGapsResult> {
    return this.revisions.serial(async () => {
      const result = await loadGapStatuses(this.options);
      if (result.status !== 'unreadable' && adopt(result)) this.revisions.set(CURRENT, result.status === 'loaded' ? result.revision : 0);
      return result;
    });
  }

  save(history: GapHistory, choice: { base?: number; replaceUnreadable?: boolean } = {}): Promise<SaveGapsResult> {
    return this.revisions.serial(async () => {
      const base = choice.base ?? this.revisions.of(CURRENT);
      const result = await saveGapStatuses(history, { ...this.options, base, replaceUnreadable: choice.replaceUnreadable === true });
      if (result.ok) {
        this.revisions.set(CURRENT, result.revision);
        this.options.notices?.post({ store: 'gaps', key: CURRENT, revision: result.revision });
      }
      return result;
    });
  }
}
