// The last imported data files, in the 'imports' store (key 'last'), laid over the bundled
// data again on the next visit. One tab imports at a time and an import replaces the one
// before, so these records carry no revision. Reading never deletes or rewrites anything.
import { IMPORTS_STORE, readRaw, withDb, writeTx, type StoreFailure, type StoreOptions } from './db.ts';
import { damaged, envelope, type Unreadable } from './records.ts';

const LAST_IMPORT = 'last';

/** The layout of an import record this version writes. */
export const IMPORT_SCHEMA = 1;

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

export type SaveImportResult = { ok: true; savedAt: string } | StoreFailure;

export type LoadImportResult =
  | { status: 'none' }
  | { status: 'loaded'; datasetKey: string; files: ImportFile[]; savedAt: string }
  | { status: 'unreadable'; reason: string };

/** A stored import record, or why it cannot be read (as the plan's `migrate`). */
export function migrateImport(raw: unknown): { ok: true; record: ImportRecord } | Unreadable {
  const env = envelope(raw, 'import', IMPORT_SCHEMA);
  if (!env.ok) return env;
  const files = env.raw['files'];
  if (!Array.isArray(files)) return damaged('import', 'its file list is missing');
  const out: ImportFile[] = [];
  for (let i = 0; i < files.length; i++) {
    const file: unknown = files[i];
    if (typeof file !== 'object' || file === null) return damaged('import', `file ${i} has no path or text`);
    const { path, text } = file as Record<string, unknown>;
    if (typeof path !== 'string' || typeof text !== 'string') return damaged('import', `file ${i} has no path or text`);
    out.push({ path, text });
  }
  const { datasetKey, savedAt } = env.raw as { datasetKey: string; savedAt: string };
  return { ok: true, record: { schema: IMPORT_SCHEMA, datasetKey, savedAt, files: out } };
}

/** Saves the imported files as the last import, replacing the one before (one transaction). */
export async function saveImport(key: string, files: readonly ImportFile[], options: StoreOptions = {}): Promise<SaveImportResult> {
  const savedAt = (options.now?.() ?? new Date()).toISOString();
  const record: ImportRecord = { schema: IMPORT_SCHEMA, datasetKey: key, savedAt, files: files.map((f) => ({ path: f.path, text: f.text })) };
  const what = 'the imported files';
  const result = await withDb(options, what, 'save', (db) =>
    writeTx(db, IMPORTS_STORE, LAST_IMPORT, what, 'save', (store) => store.put(record, LAST_IMPORT)),
  );
  return result.ok ? { ok: true, savedAt } : 'refused' in result ? result.refused : result;
}

/** The last import; never deletes or rewrites anything. */
export async function loadImport(options: StoreOptions = {}): Promise<LoadImportResult> {
  const what = 'the imported files';
  const result = await withDb(options, what, 'read', (db) => readRaw(db, IMPORTS_STORE, LAST_IMPORT, what));
  if (!result.ok) return result.reason === 'unavailable' ? { status: 'none' } : { status: 'unreadable', reason: result.message };
  if (result.value === undefined) return { status: 'none' };
  const migrated = migrateImport(result.value);
  if (!migrated.ok) return { status: 'unreadable', reason: migrated.reason };
  const { datasetKey, files, savedAt } = migrated.record;
  return { status: 'loaded', datasetKey, files, savedAt };
}

/** Forgets the last import (back to the bundled data). */
export async function clearImport(options: StoreOptions = {}): Promise<{ ok: true } | StoreFailure> {
  const what = 'the imported files';
  const result = await withDb(options, what, 'clear', (db) =>
    writeTx(db, IMPORTS_STORE, LAST_IMPORT, what, 'clear', (store) => store.delete(LAST_IMPORT)),
  );
  return result.ok ? { ok: true } : 'refused' in result ? result.refused : result;
}
