// costs.json (contract "Version 2", `siting --budget`): what a new site costs. Optional file;
// every key optional, a missing key takes the contract's default. Messages say the fault in
// Vietnamese first, then in English (the planners who write this file read Vietnamese).
import type { Costs } from '../types.ts';
import type { FileContext } from './context.ts';
import { FORBIDDEN_KEYS, isPlainObject } from './context.ts';
import { show } from './issues.ts';


export const DEFAULT_COSTS: Readonly<Costs> = Object.freeze({
  currency: 'VND',
  siteCapex: 1_500_000_000,
  solarCapex: 400_000_000,
  backhaulPerKm: 50_000_000,
});

const AMOUNTS = [
  ['site_capex', 'siteCapex', 'chi phí đầu tư một trạm', 'the capital cost of one site'],
  ['solar_capex', 'solarCapex', 'chi phí điện mặt trời cho ấp không có điện lưới', 'the solar power cost where a hamlet has no grid'],
  ['backhaul_per_km', 'backhaulPerKm', 'chi phí truyền dẫn mỗi km', 'the backhaul cost per km'],
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
    const what = Array.isArray(value) ? 'một mảng JSON (a JSON array)' : show(value);
    issues.error(
      'costs-not-object',
      {},
      `tệp chứa ${what}, phải là một đối tượng {"site_capex": …} — the file must hold an object such as {"site_capex": 1500000000}`,
    );
    return undefined;
  }
  for (const key of FORBIDDEN_KEYS) {
    if (Object.hasOwn(value, key)) {
      issues.error('forbidden-key', { field: key }, 'tên thuộc tính này không được phép — this property name is not allowed; rename or remove it');
    }
  }
  for (const key of Object.keys(value)) {
    if (!KEYS.includes(key) && !(FORBIDDEN_KEYS as readonly string[]).includes(key)) {
      issues.warning(
        'costs-unknown-key',
        { field: key },
        `khóa không được dùng, bỏ qua; các khóa hợp lệ: ${KEYS.join(', ')} — unknown key, ignored; the keys are ${KEYS.join(', ')}`,
      );
    }
  }
  const costs: Costs = { ...DEFAULT_COSTS };
  let ok = true;
  const currency = Object.hasOwn(value, 'currency') ? value['currency'] : undefined;
  if (currency !== undefined && currency !== null) {
    if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
      issues.error(
        'costs-bad-currency',
        { field: 'currency' },
        `là ${show(currency)}, phải là mã tiền tệ ISO 4217 gồm 3 chữ in hoa, ví dụ "VND" — must be a 3-letter ISO 4217 code such as "VND"`,
      );
      ok = false;
    } else costs.currency = currency;
  }
  for (const [key, name, vi, en] of AMOUNTS) {
    const v = Object.hasOwn(value, key) ? value[key] : undefined;
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      issues.error(
        'costs-bad-amount',
        { field: key },
        `là ${show(v)}, phải là một số ≥ 0 (${vi}, viết không có dấu ngoặc kép hay dấu phân cách) — ` +
          `is ${show(v)}, must be a number ≥ 0 (${en}), written without quotes or thousands separators`,
      );
      ok = false;
    } else costs[name] = v;
  }
  return ok ? costs : undefined;
}
