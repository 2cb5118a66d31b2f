/**
 * The planner's plan (edits over the loaded towers), one per dataset, in the 'plans' store.
 *
 * Rules this module keeps:
 * - Reading never deletes or rewrites anything. A record this version cannot read (saved
 *   by a newer version, or damaged) is reported as 'unreadable' and left as it is; the
 *   caller must not autosave over it, and `savePlan` itself refuses to replace it unless
 *   told to (`replaceUnreadable`).
 * - Each save is one readwrite transaction, answered once committed: when the disk is full
 *   the transaction aborts and the previous record stays whole.
 * - A save is compare-and-set against the revision its tab last read: another tab's save in
 *   between is answered with a conflict that holds both plans, never overwritten.
 * - Old record layouts are upgraded when read (`migrate`); the upgraded record is written
 *   on the next save.
 */
import { readPlanDoc, type PlanDoc } from '../domain/plan/plan.ts';
import { PLANS_STORE, readRaw, withDb, type StoreOptions } from './db.ts';
import type { Notices } from './notices.ts';
import { damaged, envelope, isRecord, revisionOf, type Unreadable } from './records.ts';
import { isConflict, saveRevisioned, TabRevisions, type RevisionedSave, type Stored } from './revisions.ts';

/** The layout of a plan record this version writes. */
export const PLAN_SCHEMA = 3;

/**
 * A saved plan, schema 3 (current): `{ schema: 3, datasetKey, savedAt, revision, plan }`,
 * where a patch clears an optional field with the value `undefined` (structured clone keeps
 * it), and `revision` counts the saves (1, 2, …) for the compare-and-set.
 *
 * Schema 2: the same without `revision` (read as revision 0).
 *
 * Schema 1, the first layout: `{ schema: 1, datasetKey, savedAt, edits: { added, changed,
 * removed } }`. The edits sat under `edits` instead of `plan`, and the layout was JSON-safe:
 * a patch cleared an optional field with `null`, and an added tower could hold `null` for an
 * optional field it lacked. Upgrading moves `edits` to `plan` and turns those nulls into
 * cleared (patch) or absent (tower) fields.
 */
export interface PlanRecord {
  schema: typeof PLAN_SCHEMA;
  datasetKey: string;
  /** ISO date-time of the save. */
  savedAt: string;
  revision: number;
  plan: PlanDoc;
  /** A named plan's figures when it was saved (absent in older records and the working plan). */
  summary?: PlanSummary;
}

/**
 * What a named plan achieved when saved, for comparing plans side by side: the figures of
 * the planned scenario (hamlets, population, schools, students with good signal) and each
 * target's status at its deadline. A snapshot: the page never applies a plan itself.
 */
export interface PlanSummary {
  figures: { hamlets: number; population: number; schools: number; students: number };
  targets: { id: string; status: string }[];
}

/** A stored summary, or undefined when absent or not of that shape (the plan stays readable). */
function readSummary(raw: unknown): PlanSummary | undefined {
  if (!isRecord(raw) || !isRecord(raw['figures']) || !Array.isArray(raw['targets'])) return undefined;
  const f = raw['figures'];
  const figures = { hamlets: f['hamlets'], population: f['population'], schools: f['schools'], students: f['students'] };
  if (!Object.values(figures).every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  const targets = raw['targets'].filter((t): t is { id: string; status: string } => isRecord(t) && typeof t['id'] === 'string' && typeof t['status'] === 'string');
  return { figures: figures as PlanSummary['figures'], targets: targets.map(({ id, status }) => ({ id, status })) };
}

export type LoadPlanResult =
  | { status: 'none' }
  | {
      status: 'loaded';
      plan: PlanDoc;
      savedAt: string;
      revision: number;
      /** Set when the record was in an older layout. */
      migratedFrom?: number;
    }
  | { status: 'unreadable'; reason: string };

export type SavePlanResult = RevisionedSave<PlanDoc>;

/** Schema 1's JSON-safe nulls → cleared (patch) or absent (tower) fields. */
function upgradeEdits1(edits: Record<string, unknown>): Record<string, unknown> {
  const added = Array.isArray(edits['added'])
    ? edits['added'].map((t: unknown) => (isRecord(t) ? Object.fromEntries(Object.entries(t).filter(([, v]) => v !== null)) : t))
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
export function migrate(raw: unknown): { ok: true; record: PlanRecord; from: number } | Unreadable {
  const env = envelope(raw, 'plan', PLAN_SCHEMA);
  if (!env.ok) return env;
  const revision = revisionOf(env.raw, 'plan', 3, env.schema);
  if (!revision.ok) return revision;
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
  const { datasetKey, savedAt } = env.raw as { datasetKey: string; savedAt: string };
  const record: PlanRecord = { schema: PLAN_SCHEMA, datasetKey, savedAt, revision: revision.revision, plan: plan.plan };
  const summary = readSummary(env.raw['summary']);
  if (summary) record.summary = summary;
  return { ok: true, record, from: env.schema };
}

/** As `migrate`, and the record must be filed under `key`. */
function readUnder(key: string, raw: unknown): ({ ok: true } & Stored<PlanDoc> & { from: number }) | Unreadable {
  const migrated = migrate(raw);
  if (!migrated.ok) return migrated;
  const { record } = migrated;
  if (record.datasetKey !== key) return damaged('plan', `it is filed under dataset ${key} but names dataset ${record.datasetKey}`);
  return { ok: true, value: record.plan, savedAt: record.savedAt, revision: record.revision, from: migrated.from };
}

/**
 * The plan saved for this dataset. Never deletes or overwrites anything: a record it
 * cannot read comes back as 'unreadable' (with why, for the user) and stays as it is, and
 * the caller must then not autosave over it. No IndexedDB at all reads as 'none'
 * (`savePlan` then says 'unavailable').
 */
export async function loadPlan(key: string, options: StoreOptions = {}): Promise<LoadPlanResult> {
  const result = await withDb(options, 'the saved plan', 'read', (db) => readRaw(db, PLANS_STORE, key, 'the saved plan'));
  if (!result.ok) return result.reason === 'unavailable' ? { status: 'none' } : { status: 'unreadable', reason: result.message };
  if (result.value === undefined) return { status: 'none' };
  const read = readUnder(key, result.value);
  if (!read.ok) return { status: 'unreadable', reason: read.reason };
  const loaded: LoadPlanResult = { status: 'loaded', plan: read.value, savedAt: read.savedAt, revision: read.revision };
  if (read.from !== PLAN_SCHEMA) loaded.migratedFrom = read.from;
  return loaded;
}

export interface SavePlanOptions extends StoreOptions {
  /**
   * The revision of the plan this save was made on (as `loadPlan` or the last save gave
   * it; 0: none was saved). Another revision there is a conflict.
   */
  base?: number;
  /** The user chose to discard a saved plan this version cannot read. */
  replaceUnreadable?: boolean;
  summary?: PlanSummary;
}

/**
 * Saves the plan for this dataset (see the module's rules). On any failure (a full disk:
 * reason 'quota') the previously saved record is left intact; another tab's save since
 * `base` is a conflict; a record this version cannot read is not replaced unless
 * `replaceUnreadable` is set: reason 'unreadable'.
 */
export async function savePlan(key: string, plan: PlanDoc, options: SavePlanOptions = {}): Promise<SavePlanResult> {
  const checked = readPlanDoc(plan);
  if (!checked.ok) return { ok: false, reason: 'invalid', message: `The plan was not saved: ${checked.problem}.` };
  return saveRevisioned(options, {
    store: PLANS_STORE,
    key,
    what: 'the plan',
    mine: checked.plan,
    base: options.base ?? 0,
    replaceUnreadable: options.replaceUnreadable === true,
    read: (raw) => readUnder(key, raw),
    record: (revision, savedAt): PlanRecord => ({
      schema: PLAN_SCHEMA,
      datasetKey: key,
      savedAt,
      revision,
      plan: checked.plan,
      ...(options.summary ? { summary: options.summary } : {}),
    }),
  });
}

/**
 * One tab's view of the saved plans: it remembers the revision of each that it last took
 * or wrote, saves against that, reads and writes one at a time, and tells the other tabs
 * of each save.
 */
export class PlanStore {
  private readonly revisions = new TabRevisions();

  constructor(private readonly options: StoreOptions & { notices?: Notices } = {}) {}

  /** The revision this tab last took or wrote (0: none). */
  revisionOf(key: string): number {
    return this.revisions.of(key);
  }

  /**
   * Reads the saved plan. `adopt` (called at once with a 'loaded' or 'none' answer, before
   * any later save of this tab starts) says whether this tab takes it: only then does its
   * revision become the one this tab's saves are made on. Left out: taken.
   */
  load(key: string, adopt: (result: Exclude<LoadPlanResult, { status: 'unreadable' }>) => boolean = () => true): Promise<LoadPlanResult> {
    return this.revisions.serial(async () => {
      const result = await loadPlan(key, this.options);
      if (result.status !== 'unreadable' && adopt(result)) this.revisions.set(key, result.status === 'loaded' ? result.revision : 0);
      return result;
    });
  }

  /**
   * Saves against the revision this tab knows, or `base` when given: a conflict's
   * `theirs.revision` when the user chose to keep this tab's plan over that one.
   */
  save(key: string, plan: PlanDoc, choice: { base?: number; replaceUnreadable?: boolean; summary?: PlanSummary } = {}): Promise<SavePlanResult> {
    return this.revisions.serial(async () => {
      const base = choice.base ?? this.revisions.of(key);
      const summary = choice.summary ? { summary: choice.summary } : {};
      const result = await savePlan(key, plan, { ...this.options, base, replaceUnreadable: choice.replaceUnreadable === true, ...summary });
      if (result.ok) {
        this.revisions.set(key, result.revision);
        this.options.notices?.post({ store: 'plans', key, revision: result.revision });
      }
      return result;
    });
  }
}

// ---------------------------------------------------------------------------------------
// Named plans: copies the user saved under a name, beside the dataset's working plan, in the
// same store and layout (migrated on read the same way). Each is its own record, filed under
// the dataset's key, a separator no dataset key holds, and the name; its `datasetKey` field
// holds that whole key, so `PlanStore` saves it compare-and-set like the working plan: two
// tabs saving the same name answer with a conflict, never an overwrite.

const NAMED = '\u0000plan:';

export function namedPlanKey(datasetKey: string, name: string): string {
  return `${datasetKey}${NAMED}${name}`;
}

export interface NamedPlan {
  name: string;
  savedAt: string;
  revision: number;
  plan: PlanDoc;
  summary?: PlanSummary;
}

/**
 * The dataset's named plans, by name; `unreadable`: how many could not be read (kept as
 * they are). No IndexedDB reads as none.
 */
export async function listNamedPlans(datasetKey: string, options: StoreOptions = {}): Promise<{ plans: NamedPlan[]; unreadable: number }> {
  const prefix = `${datasetKey}${NAMED}`;
  const result = await withDb(options, 'the saved plans', 'read', async (db) => {
    const tx = db.transaction(PLANS_STORE, 'readonly');
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const [keys, values] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range), tx.done]);
    return { ok: true as const, keys, values };
  });
  if (!result.ok) return { plans: [], unreadable: 0 };
  const plans: NamedPlan[] = [];
  let unreadable = 0;
  result.keys.forEach((key, i) => {
    const migrated = migrate(result.values[i]);
    if (!migrated.ok || migrated.record.datasetKey !== key) {
      unreadable++;
      return;
    }
    const { savedAt, revision, plan, summary } = migrated.record;
    plans.push({ name: String(key).slice(prefix.length), savedAt, revision, plan, ...(summary ? { summary } : {}) });
  });
  plans.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { plans, unreadable };
}

export { isConflict };
