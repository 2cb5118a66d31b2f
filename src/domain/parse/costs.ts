// costs.json (contract "Version 2", `siting --budget`): what a new site costs. Optional file;
// every key optional, a missing key takes the contract's default. Its problems are said in
// the user's language (the planners who write this file read Vietnamese: `--lang vi`).
import { described } from '../messages/codes.ts';
import type { Costs } from '../types.ts';
import type { FileContext } from './context.ts';
import { FORBIDDEN_KEYS, isPlainObject } from './context.ts';

export const DEFAULT_COSTS: Readonly<Costs> = Object.freeze({
  currency: 'VND',
  siteCapex: 1_500_000_000,
  solarCapex: 400_000_000,
  backhaulPerKm: 50_000_000,
});

/** Each amount's key and field; the dictionaries say what it is (messages/issues-v2.ts). */
const AMOUNTS = [
  ['site_capex', 'siteCapex'],
  ['solar_capex', 'solarCapex'],
  ['backhaul_per_km', 'backhaulPerKm'],
] as const;
const KEYS: readonly string[] = ['currency', ...AMOUNTS.map(([key]) => key)];

/**
 * costs.json's value: the costs with defaults filled in, or undefined after an error in
 * `ctx.issues`. An unknown key is a warning (a typo such as `site_capx` would otherwise
 * silently take the default).
 */
export function parseCosts(ctx: FileContext, value: unknown): Costs | undefined {
  const { issues } = ctx;
  if (!isPlainObject(value)) {
    issues.error('costs-not-object', {}, described(value));
    return undefined;
  }
  for (const key of FORBIDDEN_KEYS) {
    if (Object.hasOwn(value, key)) {
      issues.error('forbidden-key', { field: key });
    }
  }
  for (const key of Object.keys(value)) {
    if (!KEYS.includes(key) && !(FORBIDDEN_KEYS as readonly string[]).includes(key)) {
      issues.warning('costs-unknown-key', { field: key }, { keys: KEYS });
    }
  }
  const costs: Costs = { ...DEFAULT_COSTS };
  let ok = true;
  const currency = Object.hasOwn(value, 'currency') ? value['currency'] : undefined;
  if (currency !== undefined && currency !== null) {
    if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
      issues.error('costs-bad-currency', { field: 'currency' }, described(currency));
      ok = false;
    } else costs.currency = currency;
  }
  for (const [key, name] of AMOUNTS) {
    const v = Object.hasOwn(value, key) ? value[key] : undefined;
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      issues.error('costs-bad-amount', { field: key }, { ...described(v), key });
      ok = false;
    } else costs[name] = v;
  }
  return ok ? costs : undefined;
}
