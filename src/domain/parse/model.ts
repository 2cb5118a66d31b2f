import { defaultRadioModel } from '../coverage/radio-model.ts';
import { CLUTTER_CLASSES, TECHNOLOGIES, type RadioModel } from '../types.ts';
import { FORBIDDEN_KEYS, isPlainObject, type FileContext } from './context.ts';
import { cut, described } from '../messages/codes.ts';
import { BAND_MAX_MHZ, BAND_MIN_MHZ } from './points.ts';
import { PropertyReader } from './properties.ts';

const RADIUS_MODELS = ['fixed', 'path_loss'] as const;
const TOP_KEYS = ['radius_model', 'receiver_height_m', 'band_mhz', 'max_path_loss_db', 'clutter_loss_db', 'radius_limits_km', 'evidence'];
const NESTED: Record<string, readonly string[]> = {
  band_mhz: TECHNOLOGIES,
  max_path_loss_db: TECHNOLOGIES,
  clutter_loss_db: CLUTTER_CLASSES,
  evidence: ['radius_m', 'min_tests', 'good_mbps', 'window_days'],
};

/**
 * The nested objects' values under dotted names ("band_mhz.4G"), so that the ordinary
 * readers name the field exactly; an unknown nested key or a nested value that is not an
 * object is an error here.
 */
function flatten(ctx: FileContext, value: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if ((FORBIDDEN_KEYS as readonly string[]).includes(key)) {
      ctx.issues.error('forbidden-key', { field: key });
      continue;
    }
    const v = value[key];
    if (typeof v === 'string') ctx.strings.check(v, {}, key);
    const allowed = Object.hasOwn(NESTED, key) ? NESTED[key] : undefined;
    if (allowed === undefined) {
      if (TOP_KEYS.includes(key)) flat[key] = v;
      else ctx.issues.warning('model-unknown-key', { field: key }, { keys: TOP_KEYS });
      continue;
    }
    if (v === null || v === undefined) continue;
    if (!isPlainObject(v)) {
      ctx.issues.error('model-not-object', { field: key }, { ...described(v), keys: allowed });
      continue;
    }
    for (const sub of Object.keys(v)) {
      if (!allowed.includes(sub)) {
        ctx.issues.error('model-nested-key', { field: `${key}.${sub}` }, { key: sub, allowed });
        continue;
      }
      flat[`${key}.${sub}`] = v[sub];
    }
  }
  return flat;
}

/** `radius_limits_km`: [min, max] with 0 < min ≤ max, km. */
function readLimits(ctx: FileContext, value: unknown): [number, number] | undefined {
  const ok =
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    (value[0] as number) > 0 &&
    (value[0] as number) <= (value[1] as number);
  if (ok) return [value[0] as number, value[1] as number];
  // An array's items as JSON writes them (the same in every language), each cut short.
  const item = (v: unknown): string => (typeof v === 'number' ? String(v) : cut(JSON.stringify(v) ?? 'null'));
  ctx.issues.error('radius-limits', { field: 'radius_limits_km' }, Array.isArray(value) ? { items: value.map(item) } : described(value));
  return undefined;
}

/** model.json (contract "Version 2"): every key optional, the defaults filled in. */
export function parseModel(ctx: FileContext, value: unknown): RadioModel | undefined {
  if (!isPlainObject(value)) {
    ctx.issues.error('not-object', {}, { ...described(value), kind: 'model' });
    return undefined;
  }
  const flat = flatten(ctx, value);
  const p = new PropertyReader(ctx.issues, flat, {}, { where: 'file', kind: 'model' });
  const model = defaultRadioModel();
  const radiusModel = p.optionalEnum('radius_model', RADIUS_MODELS);
  if (radiusModel !== undefined) model.radiusModel = radiusModel;
  const receiver = p.optionalPositive('receiver_height_m', 'm');
  if (receiver !== undefined) model.receiverHeightM = receiver;
  for (const technology of TECHNOLOGIES) {
    const band = p.optionalNumberIn(`band_mhz.${technology}`, BAND_MIN_MHZ, BAND_MAX_MHZ, 'MHz');
    if (band !== undefined) model.bandMhz[technology] = band;
    const mapl = p.optionalNumberIn(`max_path_loss_db.${technology}`, -Infinity, Infinity);
    if (mapl !== undefined) model.maxPathLossDb[technology] = mapl;
  }
  for (const clutter of CLUTTER_CLASSES) {
    const loss = p.optionalNumberIn(`clutter_loss_db.${clutter}`, -Infinity, Infinity);
    if (loss !== undefined) model.clutterLossDb[clutter] = loss;
  }
  if (p.has('radius_limits_km')) {
    const limits = readLimits(ctx, flat['radius_limits_km']);
    if (limits) model.radiusLimitsKm = limits;
  }
  const radiusM = p.optionalPositive('evidence.radius_m', 'm');
  if (radiusM !== undefined) model.evidence.radiusM = radiusM;
  const minTests = p.optionalCount('evidence.min_tests');
  if (minTests !== undefined) {
    if (minTests < 1) ctx.issues.error('out-of-range', { field: 'evidence.min_tests' }, { value: minTests, min: 1, whole: true });
    else model.evidence.minTests = minTests;
  }
  const goodMbps = p.optionalNonNegative('evidence.good_mbps', 'Mbit/s');
  if (goodMbps !== undefined) model.evidence.goodMbps = goodMbps;
  const windowDays = p.optionalCount('evidence.window_days');
  if (windowDays !== undefined) {
    if (windowDays < 1) ctx.issues.error('out-of-range', { field: 'evidence.window_days' }, { value: windowDays, min: 1, whole: true });
    else model.evidence.windowDays = windowDays;
  }
  return model;
}
