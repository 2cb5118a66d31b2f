// Test helpers for IndexedDB on fake-indexeddb (not a test file): raw access to the
// database past the stores in src/io, a canonical text of stored values, and factories whose
// writes fail as a full disk makes them fail.
import { expect } from 'vitest';
// idb tells IndexedDB's objects apart by their global classes (IDBRequest, …), which Node
// lacks: fake-indexeddb's become the globals (and its `indexedDB`, which each test replaces).
import 'fake-indexeddb/auto';
import { DB_NAME, DB_VERSION, GAPS_STORE, IMPORTS_STORE, PLANS_STORE } from '../../src/io/db.ts';

// ---------------------------------------------------------------------------------------
// Raw access to the fake database, past the module.

/** Opens the database as the app's `version` would lay it out (version 1 had no gaps store). */
export function openRaw(factory: IDBFactory, version: number = DB_VERSION): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, version);
    request.onupgradeneeded = () => {
      const db = request.result;
      const stores = version >= 2 ? [PLANS_STORE, IMPORTS_STORE, GAPS_STORE] : [PLANS_STORE, IMPORTS_STORE];
      for (const name of stores) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

export async function putRaw(factory: IDBFactory, store: string, key: string, value: unknown): Promise<void> {
  const db = await openRaw(factory);
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      tx.objectStore(store).put(value, key);
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
  } finally {
    db.close();
  }
}

export async function getRaw(factory: IDBFactory, store: string, key: string, version: number = DB_VERSION): Promise<unknown> {
  const db = await openRaw(factory, version);
  try {
    return await new Promise<unknown>((resolve, reject) => {
      const tx = db.transaction(store, 'readonly');
      const request = tx.objectStore(store).get(key);
      tx.oncomplete = () => resolve(request.result as unknown);
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
  } finally {
    db.close();
  }
}

/**
 * A canonical text of a stored value: every own key in order, every type (undefined apart
 * from an absent key, -0, holes, Maps, Dates, prototypes). Equal texts: the record is the
 * same, byte for byte. (v8.serialize is not canonical: one number may be written as a small
 * integer or a double, depending on the object's hidden class.) Also the exact comparison
 * for plans: toStrictEqual cannot compare objects with an own key "constructor", a tower id
 * here.
 */
export function bytes(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? 'number:-0' : `number:${value}`;
    case 'string':
      return `string:${JSON.stringify(value)}`;
    case 'boolean':
    case 'bigint':
      return `${typeof value}:${String(value)}`;
    case 'object':
      break;
    default:
      throw new Error(`cannot store a ${typeof value}`);
  }
  if (Array.isArray(value)) {
    return `[${Array.from({ length: value.length }, (_, i) => (i in value ? bytes(value[i]) : 'hole')).join(',')}]`;
  }
  if (value instanceof Map) return `Map{${[...value].map(([k, v]) => `${bytes(k)}=>${bytes(v)}`).join(',')}}`;
  if (value instanceof Set) return `Set{${[...value].map(bytes).join(',')}}`;
  if (value instanceof Date) return `Date(${value.getTime()})`;
  const proto: unknown = Object.getPrototypeOf(value);
  const tag = proto === Object.prototype ? '' : proto === null ? 'null-prototype' : Object.prototype.toString.call(value);
  const fields = Object.getOwnPropertyNames(value).map((key) => `${JSON.stringify(key)}:${bytes(Object.getOwnPropertyDescriptor(value, key)?.value)}`);
  return `${tag}{${fields.join(',')}}`;
}

/** Deep equality that tells undefined from absent and keeps key order (see `bytes`). */
export function expectSame(actual: unknown, expected: unknown): void {
  expect(actual).toEqual(expected);
  expect(bytes(actual)).toBe(bytes(expected));
}

// ---------------------------------------------------------------------------------------
// A factory whose object stores' `put` goes through `hook` (a full disk, in three ways).

export type PutHook = (store: IDBObjectStore, tx: IDBTransaction, put: () => IDBRequest) => IDBRequest;

export function hooked(base: IDBFactory, hook: PutHook): IDBFactory {
  return {
    open(name: string, version?: number) {
      const request = base.open(name, version);
      request.addEventListener('success', () => {
        const db = request.result;
        const transaction = db.transaction.bind(db);
        db.transaction = ((names: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
          const tx = transaction(names, mode, options);
          const objectStore = tx.objectStore.bind(tx);
          const wrapped = new WeakSet<IDBObjectStore>();
          tx.objectStore = (storeName: string) => {
            const store = objectStore(storeName);
            if (!wrapped.has(store)) {
              wrapped.add(store);
              const put = store.put.bind(store);
              store.put = (value: unknown, key?: IDBValidKey) => hook(store, tx, () => put(value, key));
            }
            return store;
          };
          return tx;
        }) as IDBDatabase['transaction'];
      });
      return request;
    },
    deleteDatabase: (name: string) => base.deleteDatabase(name),
    cmp: (a: unknown, b: unknown) => base.cmp(a, b),
    databases: () => base.databases(),
  };
}

export const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** The put itself throws (some browsers report a full disk this way). */
export const throwsOnPut = (error: unknown = quotaError()): PutHook => () => {
  throw error;
};

interface FakeStoreInternals {
  _rawObjectStore: { storeRecord: (...args: unknown[]) => unknown };
}
interface FakeTransactionInternals {
  _abort: (errorName: string | null) => void;
}

/**
 * The put's request fails after the record was written into the transaction (the request
 * reports QuotaExceededError, the transaction then aborts and rolls the write back). Reaches
 * into fake-indexeddb's object store, which has no public hook for a failing write.
 */
export const failsInRequest: PutHook = (store, _tx, put) => {
  const raw = (store as unknown as FakeStoreInternals)._rawObjectStore;
  expect(typeof raw?.storeRecord).toBe('function');
  const storeRecord = raw.storeRecord;
  raw.storeRecord = function (this: unknown, ...args: unknown[]) {
    storeRecord.apply(this, args);
    throw quotaError();
  };
  try {
    return put();
  } finally {
    raw.storeRecord = storeRecord;
  }
};

/**
 * The put succeeds, then the transaction aborts with QuotaExceededError (the commit did not
 * fit on the disk), rolling the write back. Uses fake-indexeddb's own abort-with-an-error.
 */
export const abortsAtCommit: PutHook = (_store, tx, put) => {
  const internals = tx as unknown as FakeTransactionInternals;
  expect(typeof internals._abort).toBe('function');
  const request = put();
  request.addEventListener('success', () => internals._abort('QuotaExceededError'));
  return request;
};

