/**
 * Who records the gap register's changes on this device (the person, the organisation and
 * its role), in the 'gaps' store under key 'author': `{ schema: 1, by, org, role }`. A record
 * that cannot be read gives the default and is left as it is until the user sets it again.
 */
import { ROLES, type Role } from '../domain/gaps/history.ts';
import { GAPS_STORE, readRaw, withDb, writeTx, type StoreOptions } from './db.ts';
import { isRecord } from './records.ts';

const KEY = 'author';

export interface Author {
  by: string;
  org: string;
  role: Role;
}

/** The record's author, or undefined when none is stored or it cannot be read. */
export function readAuthor(raw: unknown): Author | undefined {
  if (!isRecord(raw) || raw['schema'] !== 1) return undefined;
  const { by, org, role } = raw;
  if (typeof by !== 'string' || typeof org !== 'string' || org.trim() === '' || typeof role !== 'string') return undefined;
  if (!(ROLES as readonly string[]).includes(role)) return undefined;
  return { by, org, role: role as Role };
}

export async function loadAuthor(options: StoreOptions = {}): Promise<Author | undefined> {
  const result = await withDb(options, 'the register author', 'read', (db) => readRaw(db, GAPS_STORE, KEY, 'the register author'));
  return result.ok ? readAuthor(result.value) : undefined;
}

/** Stores the author; false when the browser could not (the author then lasts for this tab only). */
export async function saveAuthor(author: Author, options: StoreOptions = {}): Promise<boolean> {
  const result = await withDb(options, 'the register author', 'save', (db) =>
    writeTx(db, GAPS_STORE, KEY, 'the register author', 'save', (store) => store.put({ schema: 1, ...author }, KEY)),
  );
  return result.ok;
}
