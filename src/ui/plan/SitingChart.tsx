import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import { COLORS } from '../../map/palette.ts';
import { formatNumber } from '../common/format.ts';
import type { Lang } from '../common/i18n.ts';

const HEIGHT = 140;

/** Coverage (% of the weight with good signal) against the number of suggested sites added. */
export function SitingChart({ values, label, lang }: { values: number[]; label: string; lang: Lang }) {
  const formatY = (v: number) => `${formatNumber(v, lang, 1)} %`;
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    let plot: uPlot | undefined;
    let disposed = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (disposed) return;
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      plot = new UPlot(
        {
          width: Math.max(200, element.clientWidth),
          height: HEIGHT,
          legend: { show: false },
          cursor: { show: false },
          scales: { x: { time: false }, y: { range: [Math.max(0, Math.floor(lo) - 1), Math.min(100, Math.ceil(hi)) + 0.5] } },
          axes: [
            { size: 26, font: '11px "Be Vietnam Pro", sans-serif', values: (_u, splits) => splits.map((s) => String(s)) },
            { size: 52, font: '11px "Be Vietnam Pro", sans-serif', values: (_u, splits) => splits.map(formatY) },
          ],
          series: [{}, { stroke: COLORS.chartMeasured, width: 2, points: { show: true, size: 5 } }],
        },
        [values.map((_, i) => i), values],
        element,
      );
    });
    return () => {
      disposed = true;
      plot?.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- formatY follows lang
  }, [values, lang]);
  return <div ref={holder} className="progress-chart" role="img" aria-label={label} data-testid="siting-chart" />;
}
