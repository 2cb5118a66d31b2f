/**
 * The app's IndexedDB database, opened through `idb` (promises over IndexedDB's requests and
 * events), and the failures a store reports to the user.
 *
 * Database 'song-map', version 2: object stores 'plans' (key: the dataset key), 'imports'
 * (key: 'last') and, since version 2, 'gaps' (key: 'current'), all with out-of-line keys.
 * A version 1 database is upgraded in place: the new store is added, nothing else touched.
 * Record layouts have their own `schema` and are upgraded when read, never here.
 */
import { problem, type Problem, type ProblemCode } from '../domain/messages/problems.ts';
import { wrap, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';

export const DB_NAME = 'song-map';
/** The database (store layout) version; record layouts have their own `schema`. */
export const DB_VERSION = 2;
export const PLANS_STORE = 'plans';
export const IMPORTS_STORE = 'imports';
export const GAPS_STORE = 'gaps';

type StoreName = typeof PLANS_STORE | typeof IMPORTS_STORE | typeof GAPS_STORE;

// Values are `unknown`: every record is checked when read (it may be old, newer or damaged).
interface SongMapSchema extends DBSchema {
  plans: { key: string; value: unknown };
  imports: { key: string; value: unknown };
  gaps: { key: string; value: unknown };
}
export type SongMapDb = IDBPDatabase<SongMapSchema>;
export type WritableStore = IDBPObjectStore<SongMapSchema, [StoreName], StoreName, 'readwrite'>;

export interface StoreOptions {
  /** The IndexedDB to use: `null` for none; left out, the browser's `indexedDB`. */
  indexedDB?: IDBFactory | null;
  /** The clock for `savedAt` (tests). */
  now?: () => Date;
}

export type StoreFailure = {
  ok: false;
  /**
   * 'quota': the browser's storage is full; 'unavailable': no IndexedDB here (private mode,
   * a locked-down browser); 'blocked': another tab holds the database open with an older
   * version; 'newer': the database was made by a newer version of Sóng Map; 'unreadable':
   * the record there cannot be read and was kept; 'invalid': the value given is malformed;
   * otherwise the browser's error name.
   */
  reason: 'quota' | 'unavailable' | 'blocked' | 'newer' | 'unreadable' | 'invalid' | (string & {});
  /** One English sentence for the user. */
  message: string;
};

export type Verb = 'save' | 'read' | 'clear';
export const NEWER = 'saved by a newer version of Sóng Map';

// ---------------------------------------------------------------------------------------
// Errors.

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string' && name !== '') return name;
  }
  return 'Error';
}

function errorText(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') return `${errorName(error)}: ${message}`;
  }
  return errorName(error);
}

function isQuota(error: unknown): boolean {
  const name = errorName(error);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  // Old WebKit: a DOMException with the legacy code 22 and a generic name.
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 22;
}

const PARTICIPLE: Record<Verb, string> = { save: 'saved', read: 'read', clear: 'cleared' };

/** `what`: "the plan", "the imported files". */
export function failure(error: unknown, what: string, verb: Verb): StoreFailure {
  if (isQuota(error)) {
    return {
      ok: false,
      reason: 'quota',
      message: `The browser's storage is full, so ${what} could not be saved; the copy saved before is kept. Free some space or export ${what} to a file.`,
    };
  }
  const name = errorName(error);
  if (name === 'SecurityError' || name === 'InvalidAccessError') return unavailable(what, verb);
  if (name === 'VersionError') {
    return { ok: false, reason: 'newer', message: `The data in this browser was ${NEWER}; update the app to ${verb} ${what} here.` };
  }
  return { ok: false, reason: name, message: `The browser could not ${verb} ${what} (${errorText(error)}).` };
}

export function unavailable(what: string, verb: Verb): StoreFailure {
  return {
    ok: false,
    reason: 'unavailable',
    message: `This browser keeps no data for the app (private browsing, or storage turned off), so ${what} cannot be ${PARTICIPLE[verb]} here; export it to a file instead.`,
  };
}

// ---------------------------------------------------------------------------------------
// Opening.

function factoryOf(options: StoreOptions): IDBFactory | undefined {
  if (options.indexedDB !== undefined) return options.indexedDB ?? undefined;
  try {
    // Undefined in some private modes; a throwing getter in some sandboxed frames.
    return (globalThis as { indexedDB?: IDBFactory }).indexedDB ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates what each database version adds, from `oldVersion` (0: a new database) up. A
 * later version adds `if (oldVersion < 3) { … }` below; record layouts are not rewritten
 * here. The stores are also made when missing, whatever the version.
 */
function upgrade(db: SongMapDb, oldVersion: number): void {
  if (oldVersion < 1) {
    // Version 1: plans by dataset key, and the last import.
  }
  if (oldVersion < 2) {
    // Version 2: the gap register's statuses (made below with the others).
  }
  for (const name of [PLANS_STORE, IMPORTS_STORE, GAPS_STORE] as const) {
    if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
  }
}

type Opened = { ok: true; db: SongMapDb } | StoreFailure;

/**
 * Opens the database on the factory given (idb's `openDB` would take the global one only:
 * hence `wrap` over our own open request). 'blocked' is answered at once instead of waiting
 * for the other tab to close.
 */
function openDb(options: StoreOptions, what: string, verb: Verb): Promise<Opened> {
  const factory = factoryOf(options);
  if (!factory) return Promise.resolve(unavailable(what, verb));
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(DB_NAME, DB_VERSION);
  } catch (error) {
    return Promise.resolve(errorName(error) === 'SecurityError' ? unavailable(what, verb) : failure(error, what, verb));
  }
  let upgradeFailed: unknown;
  request.addEventListener('upgradeneeded', (event) => {
    try {
      upgrade(wrap(request.result) as SongMapDb, event.oldVersion);
    } catch (error) {
      upgradeFailed = error;
      request.transaction?.abort();
    }
  });
  // The error is answered here; keep it from reaching the page's error handlers too.
  request.addEventListener('error', (event) => event.preventDefault());
  const blocked = new Promise<Opened>((resolve) => {
    request.addEventListener('blocked', () =>
      resolve({
        ok: false,
        reason: 'blocked',
        message: `Another tab of Sóng Map is using an older version of its data, so ${what} could not be ${PARTICIPLE[verb]}; close the other tabs and reload.`,
      }),
    );
  });
  const opened = (wrap(request) as Promise<SongMapDb>).then(
    (db): Opened => {
      // Let a newer version in another tab upgrade the database: close when it asks.
      db.addEventListener('versionchange', () => db.close());
      return { ok: true, db };
    },
    (error: unknown): Opened => failure(upgradeFailed ?? error, what, verb),
  );
  return Promise.race([opened, blocked]).then((result) => {
    // Blocked first: the open may still succeed later; close what it opens.
    if (!result.ok) void opened.then((late) => late.ok && late.db.close());
    return result;
  });
}

/** Runs `body` on the open database and closes it after. */
export async function withDb<T>(options: StoreOptions, what: string, verb: Verb, body: (db: SongMapDb) => Promise<T | StoreFailure>): Promise<T | StoreFailure> {
  const opened = await openDb(options, what, verb);
  if (!opened.ok) return opened;
  try {
    return await body(opened.db);
  } finally {
    opened.db.close();
  }
}

// ---------------------------------------------------------------------------------------
// Transactions.

/** The raw value under `key` (undefined when none), once its readonly transaction is done. */
export async function readRaw(db: SongMapDb, store: StoreName, key: string, what: string): Promise<{ ok: true; value: unknown } | StoreFailure> {
  try {
    const tx = db.transaction(store, 'readonly');
    const [value] = await Promise.all([tx.store.get(key), tx.done]);
    return { ok: true, value };
  } catch (error) {
    return failure(error, what, 'read');
  }
}

/**
 * One readwrite transaction: `check` (when given) sees the value under `key` first and may
 * refuse (nothing is written); then `write` runs. Resolves once the transaction has
 * committed, so "saved" is only ever said of what is stored; or with why it did not: a full
 * disk reported by the write itself, by its request or at commit all end here, and an
 * aborted transaction leaves the store as it was. Without `check` nothing is read first
 * (an import's texts can be hundreds of MB).
 */
export async function writeTx<R = never>(
  db: SongMapDb,
  storeName: StoreName,
  key: string,
  what: string,
  verb: 'save' | 'clear',
  write: (store: WritableStore) => Promise<unknown>,
  check?: (existing: unknown) => R | undefined,
): Promise<{ ok: true } | { ok: false; refused: R } | StoreFailure> {
  let tx;
  try {
    tx = db.transaction(storeName, 'readwrite');
  } catch (error) {
    return failure(error, what, verb);
  }
  // Settled in every path below; never left to reject unheard.
  const done = tx.done;
  done.catch(() => undefined);
  try {
    if (check) {
      const refused = check(await tx.store.get(key));
      if (refused !== undefined) {
        tx.abort();
        return { ok: false, refused };
      }
    }
    await write(tx.store);
    await done;
    return { ok: true };
  } catch (error) {
    // The first error is the cause (the transaction's own is often a bare AbortError).
    try {
      tx.abort();
    } catch {
      // Already finished or aborting.
    }
    return failure(error, what, verb);
  }
}

/**
 * A store failure as a problem said in the user's language (messages/problems.ts): the reason
 * chooses the sentence; `what` says about what ('plan', 'statuses' or 'imports').
 */
export function failureProblem(failed: Pick<StoreFailure, 'reason' | 'message'>, what: 'plan' | 'statuses' | 'imports'): Problem {
  const known: Record<string, ProblemCode> = {
    quota: 'store-quota',
    unavailable: 'store-unavailable',
    blocked: 'store-blocked',
    newer: 'store-newer',
    unreadable: 'store-unreadable',
    conflict: 'store-conflict',
    invalid: 'store-invalid',
  };
  const code = known[failed.reason];
  return code ? problem(code, { what }) : problem('store-failed', { what, detail: failed.reason });
}
