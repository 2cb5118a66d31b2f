// The coverage model as a what-if (issue 15): the user's changes over the data set's
// model.json, kept in the plan so that they are undone, saved and named with it. Like the
// plan's tower edits, an edit holds only what differs; the data set's model stays as loaded.
import { CLUTTER_CLASSES, TECHNOLOGIES, type ClutterClass, type Issue, type RadioModel, type RadiusModelName, type Technology } from '../types.ts';
import { DEFAULT_RADIO_MODEL } from '../coverage/radio-model.ts';
import { FileContext } from '../parse/context.ts';
import { parseModel } from '../parse/model.ts';

/** The parameters of model.json the panel edits (radius limits and evidence stay as loaded). */
export interface ModelEdit {
  radiusModel?: RadiusModelName;
  receiverHeightM?: number;
  bandMhz?: Partial<Record<Technology, number>>;
  maxPathLossDb?: Partial<Record<Technology, number>>;
  clutterLossDb?: Partial<Record<ClutterClass, number>>;
}

/** One editable number: its model.json name ("max_path_loss_db.4G") and where it sits. */
export type ModelParameter =
  | { group: 'receiverHeightM' }
  | { group: 'bandMhz' | 'maxPathLossDb'; key: Technology }
  | { group: 'clutterLossDb'; key: ClutterClass };

const JSON_NAMES = { receiverHeightM: 'receiver_height_m', bandMhz: 'band_mhz', maxPathLossDb: 'max_path_loss_db', clutterLossDb: 'clutter_loss_db' } as const;

/** Every number the panel shows, in model.json's order. */
export const MODEL_PARAMETERS: readonly ModelParameter[] = [
  ...TECHNOLOGIES.map((key): ModelParameter => ({ group: 'maxPathLossDb', key })),
  { group: 'receiverHeightM' },
  ...CLUTTER_CLASSES.map((key): ModelParameter => ({ group: 'clutterLossDb', key })),
  ...TECHNOLOGIES.map((key): ModelParameter => ({ group: 'bandMhz', key })),
];

/** The parameter's name in model.json, as the validation's messages say it. */
export function parameterName(p: ModelParameter): string {
  return p.group === 'receiverHeightM' ? JSON_NAMES.receiverHeightM : `${JSON_NAMES[p.group]}.${p.key}`;
}

export function parameterValue(model: RadioModel, p: ModelParameter): number {
  if (p.group === 'receiverHeightM') return model.receiverHeightM;
  if (p.group === 'clutterLossDb') return model.clutterLossDb[p.key];
  return model[p.group][p.key];
}

/** The data set's model (model.json, else the contract's defaults) with the edit laid over it. */
export function editedModel(base: RadioModel | undefined, edit: ModelEdit | undefined): RadioModel {
  const model = base ?? DEFAULT_RADIO_MODEL;
  if (edit === undefined) return model;
  return {
    ...model,
    radiusModel: edit.radiusModel ?? model.radiusModel,
    receiverHeightM: edit.receiverHeightM ?? model.receiverHeightM,
    bandMhz: { ...model.bandMhz, ...edit.bandMhz },
    maxPathLossDb: { ...model.maxPathLossDb, ...edit.maxPathLossDb },
    clutterLossDb: { ...model.clutterLossDb, ...edit.clutterLossDb },
  };
}

/**
 * The edit that turns `base` into `model`: only the values that differ, undefined when none
 * does (so that editing a value back leaves no edit).
 */
export function modelEditOf(base: RadioModel | undefined, model: RadioModel): ModelEdit | undefined {
  const from = base ?? DEFAULT_RADIO_MODEL;
  const edit: ModelEdit = {};
  if (model.radiusModel !== from.radiusModel) edit.radiusModel = model.radiusModel;
  if (model.receiverHeightM !== from.receiverHeightM) edit.receiverHeightM = model.receiverHeightM;
  for (const group of ['bandMhz', 'maxPathLossDb'] as const) {
    const changed = TECHNOLOGIES.filter((k) => model[group][k] !== from[group][k]);
    if (changed.length > 0) edit[group] = Object.fromEntries(changed.map((k) => [k, model[group][k]]));
  }
  const clutter = CLUTTER_CLASSES.filter((k) => model.clutterLossDb[k] !== from.clutterLossDb[k]);
  if (clutter.length > 0) edit.clutterLossDb = Object.fromEntries(clutter.map((k) => [k, model.clutterLossDb[k]]));
  return Object.keys(edit).length > 0 ? edit : undefined;
}

/** `model` with one parameter set. */
export function withParameter(model: RadioModel, p: ModelParameter, value: number): RadioModel {
  if (p.group === 'receiverHeightM') return { ...model, receiverHeightM: value };
  if (p.group === 'clutterLossDb') return { ...model, clutterLossDb: { ...model.clutterLossDb, [p.key]: value } };
  return { ...model, [p.group]: { ...model[p.group], [p.key]: value } };
}

/**
 * What model.json's validation says of `value` for parameter `p` (the same codes and
 * messages as a model.json file: a band outside 100–6000 MHz, a height that is not
 * positive…); empty when it is usable. The issues name no file: render them with issueText.
 */
export function parameterIssues(p: ModelParameter, value: unknown): Issue[] {
  const ctx = new FileContext('', 'model');
  const json = p.group === 'receiverHeightM' ? { [JSON_NAMES.receiverHeightM]: value } : { [JSON_NAMES[p.group]]: { [p.key]: value } };
  parseModel(ctx, json);
  return ctx.finish().filter((issue) => issue.severity === 'error');
}

/** The value of parameter `p` in an edit, undefined when the edit leaves it alone. */
export function editedValue(edit: ModelEdit | undefined, p: ModelParameter): unknown {
  if (edit === undefined) return undefined;
  if (p.group === 'receiverHeightM') return edit.receiverHeightM;
  const group: unknown = edit[p.group];
  return typeof group === 'object' && group !== null ? (group as Record<string, unknown>)[p.key] : undefined;
}

function setInEdit(edit: ModelEdit, p: ModelParameter, value: number): void {
  if (p.group === 'receiverHeightM') edit.receiverHeightM = value;
  else if (p.group === 'clutterLossDb') edit.clutterLossDb = { ...edit.clutterLossDb, [p.key]: value };
  else edit[p.group] = { ...edit[p.group], [p.key]: value };
}

/**
 * A stored edit read back (a saved plan): only the keys and values model.json's validation
 * accepts are kept, so a damaged record cannot put a NaN into the engine. Undefined when
 * nothing usable is left.
 */
export function readModelEdit(raw: unknown): ModelEdit | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const stored = raw as ModelEdit;
  const edit: ModelEdit = {};
  if (stored.radiusModel === 'fixed' || stored.radiusModel === 'path_loss') edit.radiusModel = stored.radiusModel;
  for (const p of MODEL_PARAMETERS) {
    const v = editedValue(stored, p);
    if (typeof v === 'number' && parameterIssues(p, v).length === 0) setInEdit(edit, p, v);
  }
  return Object.keys(edit).length > 0 ? edit : undefined;
}

/** An edit in one key order, for comparing two. */
function canonical(edit: ModelEdit | undefined): string {
  return JSON.stringify([edit?.radiusModel ?? null, ...MODEL_PARAMETERS.map((p) => editedValue(edit, p) ?? null)]);
}

/** Whether two edits hold the same changes (undefined: no edit). */
export function sameModelEdit(a: ModelEdit | undefined, b: ModelEdit | undefined): boolean {
  return a === b || canonical(a) === canonical(b);
}
