// What every stored record shares: an envelope (schema, datasetKey, savedAt, and for the
// records two tabs may both write, a revision), checked before the body is read.
import { NEWER } from './db.ts';

export type Checked<T> = { ok: true } & T;
export type Unreadable = { ok: false; reason: string };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function damaged(what: string, detail: string): Unreadable {
  return { ok: false, reason: `the saved ${what} is damaged: ${detail}` };
}

/** The schema number of a record, or why it has none this version can read. */
export function schemaOf(raw: unknown, what: string, current: number): Checked<{ raw: Record<string, unknown>; schema: number }> | Unreadable {
  if (!isRecord(raw)) return damaged(what, `it is ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw}, not a record`);
  const schema = raw['schema'];
  if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
    return damaged(what, 'it has no valid schema number');
  }
  if (schema > current) {
    return { ok: false, reason: `the ${what} was ${NEWER} (format ${schema}; this version reads up to ${current}); update the app to open it` };
  }
  return { ok: true, raw, schema };
}

/** Checks the envelope of a record filed by dataset: schema, datasetKey, savedAt. */
export function envelope(raw: unknown, what: string, current: number): Checked<{ raw: Record<string, unknown>; schema: number }> | Unreadable {
  const checked = schemaOf(raw, what, current);
  if (!checked.ok) return checked;
  if (typeof checked.raw['datasetKey'] !== 'string' || checked.raw['datasetKey'] === '') return damaged(what, 'it names no dataset');
  return savedAtOf(checked.raw, what) ?? checked;
}

/** Why the save time is unreadable, or undefined when it is a date. */
export function savedAtOf(raw: Record<string, unknown>, what: string): Unreadable | undefined {
  const savedAt = raw['savedAt'];
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return damaged(what, 'its save time is missing or not a date');
  return undefined;
}

/** A record's revision: 0 before revisions were written, else a positive integer. */
export function revisionOf(raw: Record<string, unknown>, what: string, since: number, schema: number): Checked<{ revision: number }> | Unreadable {
  if (schema < since) return { ok: true, revision: 0 };
  const revision = raw['revision'];
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 1) return damaged(what, 'its revision is not a positive whole number');
  return { ok: true, revision };
}
