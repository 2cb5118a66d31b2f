import { METRICS, type Programme, type Target } from '../types.ts';
import { FORBIDDEN_KEYS, isPlainObject, type FileContext } from './context.ts';
import { described } from '../messages/codes.ts';
import { atField, type Place } from './issues.ts';
import { IdRegistry, PropertyReader } from './properties.ts';

function checkKeysAndText(ctx: FileContext, object: Record<string, unknown>, place: Place): void {
  for (const key of FORBIDDEN_KEYS) {
    if (Object.hasOwn(object, key)) {
      ctx.issues.error('forbidden-key', atField(place, key));
    }
  }
  for (const key of Object.keys(object)) {
    const v = object[key];
    if (typeof v === 'string') ctx.strings.check(v, place, key);
  }
}

function readTarget(ctx: FileContext, value: unknown, index: number, ids: IdRegistry): Target | undefined {
  const place: Place = { targetIndex: index };
  if (!isPlainObject(value)) {
    ctx.issues.error('target-not-object', place, described(value));
    return undefined;
  }
  checkKeysAndText(ctx, value, place);
  const p = new PropertyReader(ctx.issues, value, place, { where: 'target' });
  const id = p.id();
  if (id !== undefined) ids.see(id, index, place);
  const metric = p.requiredEnum('metric', METRICS);
  // Percentages cannot pass 100; a count has no ceiling.
  const target = p.requiredNumberIn('target', 0, metric?.endsWith('_pct') ? 100 : Infinity);
  const deadline = p.requiredDate('deadline');
  const labelVi = p.requiredString('label_vi');
  const labelEn = p.requiredString('label_en');
  if (
    id === undefined ||
    metric === undefined ||
    target === undefined ||
    deadline === undefined ||
    labelVi === undefined ||
    labelEn === undefined
  ) {
    return undefined;
  }
  return { id, metric, target, deadline, labelVi, labelEn };
}

/** programme.json: `{ "name", "targets": [...] }`. */
export function parseProgramme(ctx: FileContext, value: unknown): Programme | undefined {
  if (!isPlainObject(value)) {
    ctx.issues.error('not-object', {}, described(value));
    return undefined;
  }
  checkKeysAndText(ctx, value, {});
  const p = new PropertyReader(ctx.issues, value, {}, { where: 'programme' });
  const name = p.requiredString('name');
  const start = p.optionalDate('start');
  const rawTargets = value['targets'];
  if (!Array.isArray(rawTargets)) {
    ctx.issues.error('targets-not-array', { field: 'targets' }, described(rawTargets));
    return undefined;
  }
  const ids = new IdRegistry(ctx.issues, 'target');
  const targets: Target[] = [];
  rawTargets.forEach((raw, index) => {
    const target = readTarget(ctx, raw, index, ids);
    if (target) targets.push(target);
  });
  if (name === undefined) return undefined;
  return start === undefined ? { name, targets } : { name, start, targets };
}
