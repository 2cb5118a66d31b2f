// How the programme's metrics and statuses read on screen.
import { isPercentMetric } from '../../domain/progress/indicators.ts';
import type { Status } from '../../domain/progress/status.ts';
import type { Metric } from '../../domain/types.ts';
import { formatNumber, locales } from './format.ts';
import type { Lang, MessageKey } from './i18n.ts';

export const METRIC_LABEL: Record<Metric, MessageKey> = {
  hamlets_good_pct: 'metricHamlets',
  population_good_pct: 'metricPopulation',
  schools_good_pct: 'metricSchools',
  students_in_need_equipped_pct: 'metricEquipped',
  computers_delivered: 'metricComputers',
  data_sims_delivered: 'metricSims',
};

/** "97,6 %" / "97.6%"-style percentages with one decimal; counts as whole numbers. */
export function formatMetric(value: number | null, metric: Metric, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return isPercentMetric(metric) ? formatPercent(value, lang) : formatNumber(value, lang);
}

export function formatPercent(value: number | null, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return '–';
  // Floor, so that 99.96 % never reads as a met "100 %".
  const shown = Math.floor(value * 10 + 1e-9) / 10;
  return `${percentFormat(lang).format(shown)} %`;
}

export const STATUS_LABEL: Record<Status, MessageKey> = {
  met: 'statusMet',
  met_late: 'statusMetLate',
  on_track: 'statusOnTrack',
  at_risk: 'statusAtRisk',
  behind: 'statusBehind',
  overdue: 'statusOverdue',
  no_data: 'statusNoData',
};


const percentFormats = new Map<Lang, Intl.NumberFormat>();
function percentFormat(lang: Lang): Intl.NumberFormat {
  let format = percentFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(locales[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    percentFormats.set(lang, format);
  }
  return format;
}
