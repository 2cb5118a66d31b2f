/**
 * The browser's copy of the planner's work: the plan (edits over the loaded towers) per
 * dataset, and the last imported data files, in IndexedDB.
 *
 * Rules this module keeps:
 * - Reading never deletes or rewrites anything. A record this version cannot read (saved
 *   by a newer version, or damaged) is reported as 'unreadable' and left as it is; the
 *   caller must not autosave over it, and `savePlan` itself refuses to replace it unless
 *   told to (`replaceUnreadable`).
 * - Each save is one readwrite transaction: when the disk is full the transaction aborts
 *   and the previous record stays whole.
 * - Old record layouts are upgraded when read (`migrate`), never in `onupgradeneeded`;
 *   the upgraded record is written on the next save.
 *
 * Database 'song-map', version 2: object stores 'plans' (key: the dataset key), 'imports'
 * (key: 'last') and, since version 2, 'gaps' (key: 'current'), all with out-of-line keys.
 * A version 1 database is upgraded in place: the new store is added, nothing else touched.
 */
import { readGapStatuses, type GapStatuses } from '../domain/gaps/status.ts';
import { readPlanDoc, type PlanDoc } from '../domain/plan/plan.ts';
import type { Tower } from '../domain/types.ts';

export const DB_NAME = 'song-map';
/** The database (store layout) version; record layouts have their own `schema`. */
export const DB_VERSION = 2;
export const PLANS_STORE = 'plans';
export const IMPORTS_STORE = 'imports';
export const GAPS_STORE = 'gaps';
const CURRENT_GAPS = 'current';
const LAST_IMPORT = 'last';

/** The layout of a plan record this version writes. */
export const PLAN_SCHEMA = 2;
/** The layout of an import record this version writes. */
export const IMPORT_SCHEMA = 1;

/**
 * A saved plan, schema 2 (current): `{ schema: 2, datasetKey, savedAt, plan }`, where a
 * patch clears an optional field with the value `undefined` (structured clone keeps it).
 *
 * Schema 1, the first layout, read and upgraded by `migrate`:
 * `{ schema: 1, datasetKey, savedAt, edits: { added, changed, removed } }`. The edits sat
 * under `edits` instead of `plan`, and the layout was JSON-safe: a patch cleared an optional
 * field with `null`, and an added tower could hold `null` for an optional field it lacked.
 * Upgrading moves `edits` to `plan` and turns those nulls into cleared (patch) or absent
 * (tower) fields.
 */
export interface PlanRecord {
  schema: typeof PLAN_SCHEMA;
  datasetKey: string;
  /** ISO date-time of the save. */
  savedAt: string;
  plan: PlanDoc;
}

export interface ImportFile {
  /** Path relative to the data folder, as the importer names it (e.g. "boundaries/districts.geojson"). */
  path: string;
  text: string;
}

/** The last import, schema 1: `{ schema: 1, datasetKey, savedAt, files }`. */
export interface ImportRecord {
  schema: typeof IMPORT_SCHEMA;
  datasetKey: string;
  savedAt: string;
  files: ImportFile[];
}

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
   * the record there cannot be read and was kept; 'invalid': the plan given is malformed;
   * otherwise the browser's error name.
   */
  reason: 'quota' | 'unavailable' | 'blocked' | 'newer' | 'unreadable' | 'invalid' | (string & {});
  /** One English sentence for the user. */
  message: string;
};
export type SaveResult = { ok: true; savedAt: string } | StoreFailure;

export type LoadPlanResult =
  | { status: 'none' }
  | { status: 'loaded'; plan: PlanDoc; savedAt: string; /** Set when the record was in an older layout. */ migratedFrom?: number }
  | { status: 'unreadable'; reason: string };

export type LoadImportResult =
  | { status: 'none' }
  | { status: 'loaded'; datasetKey: string; files: ImportFile[]; savedAt: string }
  | { status: 'unreadable'; reason: string };

const NEWER = 'saved by a newer version of Sóng Map';

// ---------------------------------------------------------------------------------------
// Record layouts.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function damaged(what: string, detail: string): { ok: false; reason: string } {
  return { ok: false, reason: `the saved ${what} is damaged: ${detail}` };
}

/** Checks the envelope shared by every record: schema, datasetKey, savedAt. */
function envelope(raw: unknown, what: string, current: number): { ok: true; raw: Record<string, unknown>; schema: number } | { ok: false; reason: string } {
  if (!isRecord(raw)) return damaged(what, `it is ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw}, not a record`);
  const schema = raw['schema'];
  if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
    return damaged(what, 'it has no valid schema number');
  }
  if (schema > current) {
    return { ok: false, reason: `the ${what} was ${NEWER} (format ${schema}; this version reads up to ${current}); update the app to open it` };
  }
  if (typeof raw['datasetKey'] !== 'string' || raw['datasetKey'] === '') return damaged(what, 'it names no dataset');
  const savedAt = raw['savedAt'];
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return damaged(what, 'its save time is missing or not a date');
  return { ok: true, raw, schema };
}

/** Schema 1's JSON-safe nulls → schema 2's cleared (patch) or absent (tower) fields. */
function upgradeEdits1(edits: Record<string, unknown>): Record<string, unknown> {
  const added = Array.isArray(edits['added'])
    ? edits['added'].map((t: unknown) =>
        isRecord(t) ? Object.fromEntries(Object.entries(t).filter(([, v]) => v !== null)) : t,
      )
    : edits['added'];
  const changed = edits['changed'];
  let upgraded: unknown = changed;
  if (isRecord(changed)) {
    const out: Record<string, unknown> = {};
    for (const [id, patch] of Object.entries(changed)) {
      const value = isRecord(patch) ? Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v === null ? undefined : v])) : patch;
      Object.defineProperty(out, id, { value, enumerable: true, writable: true, configurable: true });
    }
    upgraded = out;
  }
  return { added, changed: upgraded, removed: edits['removed'] };
}

/**
 * A stored plan record in the current layout, upgraded from an older one when needed; or
 * why it cannot be read ("… saved by a newer version of Sóng Map …", "the saved plan is
 * damaged: …"). Never changes `raw`.
 */
export function migrate(raw: unknown): { ok: true; record: PlanRecord; from: number } | { ok: false; reason: string } {
  const env = envelope(raw, 'plan', PLAN_SCHEMA);
  if (!env.ok) return env;
  let planValue: unknown;
  if (env.schema === 1) {
    const edits = env.raw['edits'];
    if (!isRecord(edits)) return damaged('plan', 'its edits are missing');
    planValue = upgradeEdits1(edits);
  } else {
    planValue = env.raw['plan'];
    if (!isRecord(planValue)) return damaged('plan', 'the plan is missing');
  }
  const plan = readPlanDoc(planValue);
  if (!plan.ok) return damaged('plan', plan.problem);
  return {
    ok: true,
    record: { schema: PLAN_SCHEMA, datasetKey: env.raw['datasetKey'] as string, savedAt: env.raw['savedAt'] as string, plan: plan.plan },
    from: env.schema,
  };
}

/** A stored import record, or why it cannot be read (as `migrate`). */
export function migrateImport(raw: unknown): { ok: true; record: ImportRecord } | { ok: false; reason: string } {
  const env = envelope(raw, 'import', IMPORT_SCHEMA);
  if (!env.ok) return env;
  const files = env.raw['files'];
  if (!Array.isArray(files)) return damaged('import', 'its file list is missing');
  const out: ImportFile[] = [];
  for (let i = 0; i < files.length; i++) {
    const file: unknown = files[i];
    if (!isRecord(file) || typeof file['path'] !== 'string' || typeof file['text'] !== 'string') {
      return damaged('import', `file ${i} has no path or text`);
    }
    out.push({ path: file['path'], text: file['text'] });
  }
  return {
    ok: true,
    record: { schema: IMPORT_SCHEMA, datasetKey: env.raw['datasetKey'] as string, savedAt: env.raw['savedAt'] as string, files: out },
  };
}

// ---------------------------------------------------------------------------------------
// Errors.

function errorName(error: unknown): string {
  if (isRecord(error) || error instanceof Error) {
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string' && name !== '') return name;
  }
  return 'Error';
}

function errorText(error: unknown): string {
  if (error instanceof Error || isRecord(error)) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') return `${errorName(error)}: ${message}`;
  }
  return errorName(error);
}

function isQuota(error: unknown): boolean {
  const name = errorName(error);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  // Old WebKit: a DOMException with the legacy code 22 and a generic name.
  return isRecord(error) && (error as { code?: unknown }).code === 22;
}

/** `what`: "the plan", "the imported files". */
function failure(error: unknown, what: string, verb: 'save' | 'read' | 'clear'): StoreFailure {
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

function unavailable(what: string, verb: 'save' | 'read' | 'clear'): StoreFailure {
  return {
    ok: false,
    reason: 'unavailable',
    message: `This browser keeps no data for the app (private browsing, or storage turned off), so ${what} cannot be ${verb === 'save' ? 'saved' : verb === 'read' ? 'read' : 'cleared'} here; export it to a file instead.`,
  };
}

// ---------------------------------------------------------------------------------------
// The database.

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
 * later version adds `if (oldVersion < 2) { … }` below; record layouts are not rewritten
 * here (see `migrate`). The stores are also made when missing, whatever the version.
 */
function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    // Version 1: plans by dataset key, and the last import.
  }
  if (oldVersion < 2) {
    // Version 2: the gap register's statuses (made below with the others).
  }
  for (const name of [PLANS_STORE, IMPORTS_STORE, GAPS_STORE]) {
    if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
  }
}

type Opened = { ok: true; db: IDBDatabase } | StoreFailure;

function openDb(options: StoreOptions, what: string, verb: 'save' | 'read' | 'clear'): Promise<Opened> {
  const factory = factoryOf(options);
  if (!factory) return Promise.resolve(unavailable(what, verb));
  return new Promise<Opened>((resolve) => {
    let settled = false;
    const finish = (result: Opened): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DB_NAME, DB_VERSION);
    } catch (error) {
      finish(errorName(error) === 'SecurityError' ? unavailable(what, verb) : failure(error, what, verb));
      return;
    }
    request.onupgradeneeded = (event) => {
      try {
        upgrade(request.result, event.oldVersion);
      } catch (error) {
        request.transaction?.abort();
        finish(failure(error, what, verb));
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Let a newer version in another tab upgrade the database: close when it asks.
      db.onversionchange = () => db.close();
      if (settled) db.close();
      else finish({ ok: true, db });
    };
    request.onerror = (event) => {
      event.preventDefault();
      finish(failure(request.error, what, verb));
    };
    request.onblocked = () => {
      finish({
        ok: false,
        reason: 'blocked',
        message: `Another tab of Sóng Map is using an older version of its data, so ${what} could not be ${verb === 'read' ? 'read' : verb === 'save' ? 'saved' : 'cleared'}; close the other tabs and reload.`,
      });
    };
  });
}

async function withDb<T>(
  options: StoreOptions,
  what: string,
  verb: 'save' | 'read' | 'clear',
  body: (db: IDBDatabase) => Promise<T | StoreFailure>,
): Promise<T | StoreFailure> {
  const opened = await openDb(options, what, verb);
  if (!opened.ok) return opened;
  try {
    return await body(opened.db);
  } finally {
    opened.db.close();
  }
}

/** The raw value under `key` (undefined when none), in a readonly transaction. */
function readRaw(db: IDBDatabase, storeName: string, key: string, what: string): Promise<{ ok: true; value: unknown } | StoreFailure> {
  return new Promise((resolve) => {
    let request: IDBRequest;
    let tx: IDBTransaction;
    try {
      tx = db.transaction(storeName, 'readonly');
      request = tx.objectStore(storeName).get(key);
    } catch (error) {
      resolve(failure(error, what, 'read'));
      return;
    }
    tx.oncomplete = () => resolve({ ok: true, value: request.result as unknown });
    tx.onabort = () => resolve(failure(tx.error ?? request.error, what, 'read'));
  });
}

/**
 * One readwrite transaction: `check` sees the value there first (when given) and may
 * refuse; then `write` runs. Resolves when the transaction has committed, or with why it
 * aborted: a full disk reported by the request, the transaction's error or abort, or thrown
 * by the call itself, all end here, and an aborted transaction leaves the store as it was.
 */
function writeTx(
  db: IDBDatabase,
  storeName: string,
  key: string,
  what: string,
  verb: 'save' | 'clear',
  write: (store: IDBObjectStore) => void,
  check?: (existing: unknown) => StoreFailure | undefined,
): Promise<{ ok: true } | StoreFailure> {
  return new Promise((resolve) => {
    let refused: StoreFailure | undefined;
    let seen: unknown;
    let tx: IDBTransaction;
    let store: IDBObjectStore;
    try {
      tx = db.transaction(storeName, 'readwrite');
      store = tx.objectStore(storeName);
    } catch (error) {
      resolve(failure(error, what, verb));
      return;
    }
    const abortWith = (error: unknown): void => {
      seen ??= error;
      try {
        tx.abort();
      } catch {
        // Already finished or aborting: onabort reports it.
      }
    };
    const doWrite = (): void => {
      try {
        write(store);
      } catch (error) {
        abortWith(error);
      }
    };
    tx.oncomplete = () => resolve({ ok: true });
    tx.onerror = (event) => {
      // A request failed; the transaction aborts next. Keep the first error: it is the cause.
      const target = event.target as IDBRequest | IDBTransaction | null;
      seen ??= target?.error ?? tx.error;
    };
    tx.onabort = () => resolve(refused ?? failure(seen ?? tx.error, what, verb));
    if (!check) {
      doWrite();
      return;
    }
    try {
      const get = store.get(key);
      get.onsuccess = () => {
        refused = check(get.result);
        if (refused) abortWith(undefined);
        else doWrite();
      };
    } catch (error) {
      abortWith(error);
    }
  });
}

// ---------------------------------------------------------------------------------------
// Plans.

/**
 * The plan saved for this dataset. Never deletes or overwrites anything: a record it
 * cannot read comes back as 'unreadable' (with why, for the user) and stays as it is, and
 * the caller must then not autosave over it. No IndexedDB at all reads as 'none'
 * (`savePlan` then says 'unavailable').
 */
export async function loadPlan(key: string, options: StoreOptions = {}): Promise<LoadPlanResult> {
  const result = await withDb(options, 'the saved plan', 'read', (db) => readRaw(db, PLANS_STORE, key, 'the saved plan'));
  if (!result.ok) {
    if (result.reason === 'unavailable') return { status: 'none' };
    return { status: 'unreadable', reason: result.message };
  }
  if (result.value === undefined) return { status: 'none' };
  const migrated = migrate(result.value);
  if (!migrated.ok) return { status: 'unreadable', reason: migrated.reason };
  if (migrated.record.datasetKey !== key) {
    return { status: 'unreadable', reason: damaged('plan', `it is filed under dataset ${key} but names dataset ${migrated.record.datasetKey}`).reason };
  }
  const loaded: LoadPlanResult = { status: 'loaded', plan: migrated.record.plan, savedAt: migrated.record.savedAt };
  if (migrated.from !== PLAN_SCHEMA) loaded.migratedFrom = migrated.from;
  return loaded;
}

/**
 * Saves the plan for this dataset in one readwrite transaction. On any failure (a full
 * disk: reason 'quota') the previously saved record is left intact. A record there that
 * this version cannot read (newer or damaged) is not replaced unless `replaceUnreadable`
 * is set (the user chose to discard it): reason 'unreadable'.
 */
export async function savePlan(
  key: string,
  plan: PlanDoc,
  options: StoreOptions & { replaceUnreadable?: boolean } = {},
): Promise<SaveResult> {
  const checked = readPlanDoc(plan);
  if (!checked.ok) return { ok: false, reason: 'invalid', message: `The plan was not saved: ${checked.problem}.` };
  const savedAt = (options.now?.() ?? new Date()).toISOString();
  const record: PlanRecord = { schema: PLAN_SCHEMA, datasetKey: key, savedAt, plan: checked.plan };
  const guard = options.replaceUnreadable
    ? undefined
    : (existing: unknown): StoreFailure | undefined => {
        if (existing === undefined) return undefined;
        const migrated = migrate(existing);
        // As `loadPlan`: a record that names another dataset is damaged too.
        const reason = !migrated.ok
          ? migrated.reason
          : migrated.record.datasetKey !== key
            ? damaged('plan', `it is filed under dataset ${key} but names dataset ${migrated.record.datasetKey}`).reason
            : undefined;
        if (reason === undefined) return undefined;
        return { ok: false, reason: 'unreadable', message: `The plan was not saved, to keep the one already saved here: ${reason}.` };
      };
  const result = await withDb(options, 'the plan', 'save', (db) =>
    writeTx(db, PLANS_STORE, key, 'the plan', 'save', (store) => store.put(record, key), guard),
  );
  return result.ok ? { ok: true, savedAt } : result;
}

// ---------------------------------------------------------------------------------------
// The last import.

/** Saves the imported files as the last import, replacing the one before (one transaction). */
export async function saveImport(key: string, files: readonly ImportFile[], options: StoreOptions = {}): Promise<SaveResult> {
  const savedAt = (options.now?.() ?? new Date()).toISOString();
  const record: ImportRecord = {
    schema: IMPORT_SCHEMA,
    datasetKey: key,
    savedAt,
    files: files.map((f) => ({ path: f.path, text: f.text })),
  };
  const result = await withDb(options, 'the imported files', 'save', (db) =>
    writeTx(db, IMPORTS_STORE, LAST_IMPORT, 'the imported files', 'save', (store) => store.put(record, LAST_IMPORT)),
  );
  return result.ok ? { ok: true, savedAt } : result;
}

/** The last import; like `loadPlan`, never deletes or rewrites anything. */
export async function loadImport(options: StoreOptions = {}): Promise<LoadImportResult> {
  const result = await withDb(options, 'the imported files', 'read', (db) =>
    readRaw(db, IMPORTS_STORE, LAST_IMPORT, 'the imported files'),
  );
  if (!result.ok) {
    if (result.reason === 'unavailable') return { status: 'none' };
    return { status: 'unreadable', reason: result.message };
  }
  if (result.value === undefined) return { status: 'none' };
  const migrated = migrateImport(result.value);
  if (!migrated.ok) return { status: 'unreadable', reason: migrated.reason };
  const { datasetKey: key, files, savedAt } = migrated.record;
  return { status: 'loaded', datasetKey: key, files, savedAt };
}

/** Forgets the last import (back to the bundled data). */
export async function clearImport(options: StoreOptions = {}): Promise<{ ok: true } | StoreFailure> {
  return withDb(options, 'the imported files', 'clear', (db) =>
    writeTx(db, IMPORTS_STORE, LAST_IMPORT, 'the imported files', 'clear', (store) => store.delete(LAST_IMPORT)),
  );
}

// ---------------------------------------------------------------------------------------
// Gap statuses: one record for the places (gap ids are kind:id), whatever data is loaded.

export type LoadGapsResult = { status: 'none' } | { status: 'loaded'; statuses: GapStatuses } | { status: 'unreadable'; reason: string };

/** The saved gap statuses; like `loadPlan`, never deletes or rewrites anything. */
export async function loadGapStatuses(options: StoreOptions = {}): Promise<LoadGapsResult> {
  const result = await withDb(options, 'the gap statuses', 'read', (db) => readRaw(db, GAPS_STORE, CURRENT_GAPS, 'the gap statuses'));
  if (!result.ok) return result.reason === 'unavailable' ? { status: 'none' } : { status: 'unreadable', reason: result.message };
  if (result.value === undefined) return { status: 'none' };
  const read = readGapStatuses(result.value);
  return read.ok ? { status: 'loaded', statuses: read.statuses } : { status: 'unreadable', reason: damaged('gap statuses', read.problem).reason };
}

/** Saves the gap statuses in one transaction; a failure leaves the saved copy whole. */
export async function saveGapStatuses(statuses: GapStatuses, options: StoreOptions = {}): Promise<SaveResult> {
  const read = readGapStatuses(statuses);
  if (!read.ok) return { ok: false, reason: 'invalid', message: `The gap statuses were not saved: ${read.problem}.` };
  const savedAt = (options.now?.() ?? new Date()).toISOString();
  const result = await withDb(options, 'the gap statuses', 'save', (db) =>
    writeTx(db, GAPS_STORE, CURRENT_GAPS, 'the gap statuses', 'save', (store) => store.put(read.statuses, CURRENT_GAPS)),
  );
  return result.ok ? { ok: true, savedAt } : result;
}

// ---------------------------------------------------------------------------------------
// Dataset fingerprint.

export interface DatasetShape {
  towers: readonly Pick<Tower, 'id' | 'lon' | 'lat'>[];
  /** The hamlets, or their count. */
  hamlets: readonly unknown[] | number;
  /** The schools, or their count. */
  schools: readonly unknown[] | number;
}

/**
 * A short stable fingerprint of a dataset ("ds1-" and 16 hex digits): two FNV-1a-style
 * 32-bit hashes (different seeds and multipliers) over the towers' ids and coordinates, in order, and the counts of hamlets and
 * schools. A plan is offered only for the data it was made on; editing a tower's other
 * fields in the source data keeps the key (the plan's patches still apply).
 */
export function datasetKey(data: DatasetShape): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  const feed = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    // A separator that cannot occur in the numbers, so fields cannot run together.
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1e, 0x5bd1e995);
  };
  const count = (v: readonly unknown[] | number): number => (typeof v === 'number' ? v : v.length);
  feed(`towers ${data.towers.length}`);
  for (const t of data.towers) {
    feed(t.id);
    feed(String(t.lon));
    feed(String(t.lat));
  }
  feed(`hamlets ${count(data.hamlets)}`);
  feed(`schools ${count(data.schools)}`);
  const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
  return `ds1-${hex(a)}${hex(b)}`;
}
