/**
 * Saves that two tabs (or windows) cannot lose to each other. Each record two tabs may
 * write carries a revision (1, 2, …; 0 stands for "none yet", or a record from before
 * revisions). A save names the revision its tab last read (`base`) and, in one readwrite
 * transaction, writes only when the record there still has it; otherwise nothing is written
 * and the answer is a `Conflict` holding both versions, for the user to choose.
 */
import { withDb, writeTx, type StoreFailure, type StoreOptions, type SongMapDb } from './db.ts';
import { isRecord, type Unreadable } from './records.ts';

/** A version of a record as stored. */
export interface Stored<T> {
  value: T;
  /** ISO date-time of its save. */
  savedAt: string;
  revision: number;
}

export interface Conflict<T> {
  ok: false;
  reason: 'conflict';
  /** One English sentence; the page shows its own text from the fields below. */
  message: string;
  /** What this tab asked to save; nothing was written. */
  mine: T;
  /** The revision this tab had read, that its save was made on. */
  base: number;
  /** What another tab saved since, still stored as it was. */
  theirs: Stored<T>;
}

export type RevisionedSave<T> = { ok: true; savedAt: string; revision: number } | Conflict<T> | StoreFailure;

export function isConflict<T>(result: RevisionedSave<T>): result is Conflict<T> {
  return !result.ok && 'theirs' in result;
}

export interface RevisionedWrite<T> {
  store: 'plans' | 'gaps';
  key: string;
  /** "the plan", "the gap statuses". */
  what: string;
  mine: T;
  base: number;
  /** Replace a record this version cannot read (the user chose to discard it). */
  replaceUnreadable: boolean;
  /** The record there, read (and upgraded) as a load would, or why it cannot be. */
  read: (raw: unknown) => ({ ok: true } & Stored<T>) | Unreadable;
  /** The record to write. */
  record: (revision: number, savedAt: string) => unknown;
}

/** A revision a record of unknown layout says it has (a newer one being replaced), else 0. */
function claimedRevision(raw: unknown): number {
  const revision = isRecord(raw) ? raw['revision'] : undefined;
  return typeof revision === 'number' && Number.isSafeInteger(revision) && revision > 0 ? revision : 0;
}

/** Compare-and-set of one record (see the module's comment), answered once committed. */
export async function saveRevisioned<T>(options: StoreOptions, write: RevisionedWrite<T>): Promise<RevisionedSave<T>> {
  const savedAt = (options.now?.() ?? new Date()).toISOString();
  const { what, key } = write;
  type Refusal = Conflict<T> | StoreFailure;
  let revision = 0;
  const check = (existing: unknown): Refusal | undefined => {
    let there = 0;
    if (existing !== undefined) {
      const read = write.read(existing);
      if (!read.ok && !write.replaceUnreadable) {
        return { ok: false, reason: 'unreadable', message: `${capital(what)} was not saved, to keep the one already saved here: ${read.reason}.` };
      }
      if (read.ok && read.revision !== write.base) {
        return {
          ok: false,
          reason: 'conflict',
          message: `Another tab or window saved ${what} at ${read.savedAt} after this tab read it, so this tab's version was not saved; both are kept.`,
          mine: write.mine,
          base: write.base,
          theirs: { value: read.value, savedAt: read.savedAt, revision: read.revision },
        };
      }
      there = read.ok ? read.revision : claimedRevision(existing);
    }
    revision = Math.max(there, write.base) + 1;
    return undefined;
  };
  const result = await withDb(options, what, 'save', (db: SongMapDb) =>
    writeTx<Refusal>(db, write.store, key, what, 'save', (store) => store.put(write.record(revision, savedAt), key), check),
  );
  if (result.ok) return { ok: true, savedAt, revision };
  return 'refused' in result ? result.refused : result;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What one tab knows: the revision of each record it last took or wrote, and its reads and
 * saves in order (two saves of one tab must not conflict with each other: each starts from
 * the revision the one before left; a read taken is not overtaken by an older save).
 */
export class TabRevisions {
  private readonly known = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();

  of(key: string): number {
    return this.known.get(key) ?? 0;
  }

  set(key: string, revision: number): void {
    this.known.set(key, revision);
  }

  /** Runs `task` after every task queued before it has finished. */
  serial<R>(task: () => Promise<R>): Promise<R> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
