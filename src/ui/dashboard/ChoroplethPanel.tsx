import { useMemo } from 'react';
import type { Metric } from '../../domain/types.ts';
import { CHOROPLETH_BREAKS, CHOROPLETH_COLORS } from '../../map/palette.ts';
import { CHOROPLETH_METRICS, choroplethValues } from '../../state/dashboard.ts';
import { useAppStore } from '../../state/store.ts';
import { formatNumber } from '../common/format.ts';
import { useT } from '../common/use-t.ts';
import { formatPercent, METRIC_LABEL } from '../common/metrics.ts';

/** Which indicator shades the districts, its classes, and the province's own value. */
export function ChoroplethPanel() {
  const { t, tw, lang } = useT();
  const metric = useAppStore((s) => s.choroplethMetric);
  const chosen = useAppStore((s) => s.choroplethMetricChosen);
  const timeline = useAppStore((s) => s.timeline);
  const coverage = useAppStore((s) => s.coverage);
  const districtCount = useAppStore((s) => s.dataset?.districts.length ?? 0);
  const asOf = useAppStore((s) => s.asOf);
  const values = useMemo(
    () => choroplethValues(metric, timeline, coverage, districtCount, asOf),
    [metric, timeline, coverage, districtCount, asOf],
  );
  const breaks = CHOROPLETH_BREAKS[metric] ?? [];
  const classes = CHOROPLETH_COLORS.map((color, i) => {
    const from = i === 0 ? 0 : (breaks[i - 1] as number);
    const next = breaks[i];
    const text =
      next === undefined ? `${formatNumber(from, lang)} %` : `${formatNumber(from, lang)} – < ${formatNumber(next, lang)} %`;
    return { color, text };
  });
  return (
    <section className="panel" aria-labelledby="choropleth-heading" data-testid="choropleth-panel">
      <h2 id="choropleth-heading">{t('choroplethHeading')}</h2>
      <div className="date-field">
        <label htmlFor="choropleth-metric">{t('choroplethIndicator')}</label>
        <select id="choropleth-metric" value={metric} onChange={(event) => chosen(event.target.value as Metric)}>
          {CHOROPLETH_METRICS.map((m) => (
            <option key={m} value={m}>
              {t(METRIC_LABEL[m])}
            </option>
          ))}
        </select>
      </div>
      <ul className="legend choropleth">
        {classes.map((entry) => (
          <li key={entry.text}>
            <span className="swatch box" style={{ background: entry.color }} aria-hidden="true" />
            {entry.text}
          </li>
        ))}
      </ul>
      <p className="note" data-testid="province-value">
        {tw('provinceValue', {
          value: values.province === null ? t('noValue') : formatPercent(values.province, lang),
        })}
      </p>
    </section>
  );
}
