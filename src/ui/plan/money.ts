// Amounts of money as a planner reads them: Vietnamese "9,22 tỷ đồng", English "VND 9.22 billion".
import { formatNumber } from '../common/format.ts';
import type { Lang } from '../common/i18n.ts';

const UNITS = [
  { size: 1e9, vi: 'tỷ', en: 'billion' },
  { size: 1e6, vi: 'triệu', en: 'million' },
] as const;

/** `amount` in `currency`; VND in billions or millions (two decimals at most), others in full. */
export function formatMoney(amount: number, currency: string, lang: Lang): string {
  if (!Number.isFinite(amount)) return '–';
  if (currency !== 'VND') return `${formatNumber(amount, lang, 2)} ${currency}`;
  const unit = UNITS.find((u) => Math.abs(amount) >= u.size);
  if (!unit) return lang === 'vi' ? `${formatNumber(amount, lang)} đồng` : `VND ${formatNumber(amount, lang)}`;
  const value = formatNumber(amount / unit.size, lang, 2);
  return lang === 'vi' ? `${value} ${unit.vi} đồng` : `VND ${value} ${unit.en}`;
}
