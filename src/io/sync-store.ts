/**
 * Live sync on this device, in the 'gaps' store: the server address and the organisation's
 * access token (key 'sync': `{ schema: 1, url, token }`), and how far this device has synced
 * with that server (key 'sync-progress': `{ schema: 1, url, cursor, lastSyncedAt?,
 * confirmed, refused }`, state/sync.ts). Live sync is optional: no record, no sync. A record
 * that cannot be read counts as none and is left as it is until the user sets it again.
 */
import { GAPS_STORE, readRaw, withDb, writeTx, type StoreOptions } from './db.ts';
import { isRecord } from './records.ts';

const SETTINGS = 'sync';
const PROGRESS = 'sync-progress';

export interface SyncSettings {
  /** ws:// or wss:// address of the sync server. */
  url: string;
  token: string;
}

export interface SyncProgress {
  /** The server this progress is with: another address starts from nothing. */
  url: string;
  /** The server's sequence number of the last event received. */
  cursor: number;
  /** ISO instant of the last exchange with the server. */
  lastSyncedAt?: string;
  /** Ids of the events known to be on the server (received from it, or acknowledged by it). */
  confirmed: string[];
  /** Ids of this device's events the server will never take (shown once, not sent again). */
  refused: string[];
}

/** Whether the text is a WebSocket address the browser can open. */
export function isSyncUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function readSyncSettings(raw: unknown): SyncSettings | undefined {
  if (!isRecord(raw) || raw['schema'] !== 1) return undefined;
  const { url, token } = raw;
  if (typeof url !== 'string' || !isSyncUrl(url) || typeof token !== 'string' || token === '') return undefined;
  return { url, token };
}

const isIdList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function readSyncProgress(raw: unknown): SyncProgress | undefined {
  if (!isRecord(raw) || raw['schema'] !== 1) return undefined;
  const { url, cursor, lastSyncedAt, confirmed, refused } = raw;
  if (typeof url !== 'string' || typeof cursor !== 'number' || !Number.isSafeInteger(cursor) || cursor < 0) return undefined;
  if (!isIdList(confirmed) || !isIdList(refused)) return undefined;
  if (lastSyncedAt !== undefined && (typeof lastSyncedAt !== 'string' || Number.isNaN(Date.parse(lastSyncedAt)))) return undefined;
  const progress: SyncProgress = { url, cursor, confirmed, refused };
  if (lastSyncedAt !== undefined) progress.lastSyncedAt = lastSyncedAt;
  return progress;
}

async function load<T>(key: string, what: string, read: (raw: unknown) => T | undefined, options: StoreOptions): Promise<T | undefined> {
  const result = await withDb(options, what, 'read', (db) => readRaw(db, GAPS_STORE, key, what));
  return result.ok ? read(result.value) : undefined;
}

async function save(key: string, what: string, value: object | undefined, options: StoreOptions): Promise<boolean> {
  const result = await withDb(options, what, 'save', (db) =>
    writeTx(db, GAPS_STORE, key, what, 'save', (store) => (value === undefined ? store.delete(key) : store.put({ schema: 1, ...value }, key))),
  );
  return result.ok;
}

export const loadSyncSettings = (options: StoreOptions = {}) => load(SETTINGS, 'the live sync settings', readSyncSettings, options);
export const loadSyncProgress = (options: StoreOptions = {}) => load(PROGRESS, 'the live sync progress', readSyncProgress, options);

/** Stores the settings (undefined: live sync off); false when the browser could not. */
export const saveSyncSettings = (settings: SyncSettings | undefined, options: StoreOptions = {}) => save(SETTINGS, 'the live sync settings', settings, options);
export const saveSyncProgress = (progress: SyncProgress, options: StoreOptions = {}) => save(PROGRESS, 'the live sync progress', progress, options);
