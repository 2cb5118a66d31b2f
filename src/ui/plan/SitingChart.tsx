import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import type { CurvePoint, ExactCurvePoint } from '../../domain/siting/modes.ts';
import { COLORS } from '../../map/palette.ts';
import { formatNumber } from '../common/format.ts';
import type { Lang } from '../common/i18n.ts';

const HEIGHT = 160;
const BILLION = 1e9;

/**
 * The cost–coverage curve: the share with good signal (%) against the money spent (billions),
 * the greedy's steps as a line and the exact answers as hollow dots, so both read without colour.
 */
export function SitingChart({ greedy, exact, label, lang }: { greedy: CurvePoint[]; exact: ExactCurvePoint[]; label: string; lang: Lang }) {
  const formatY = (v: number) => `${formatNumber(v, lang, 1)} %`;
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element || greedy.length === 0) return;
    let plot: uPlot | undefined;
    let disposed = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (disposed) return;
      // One x axis for both series: each point's own x, the other series empty there.
      const rows = [...greedy.map((p) => ({ x: p.cost / BILLION, g: p.pct, e: null as number | null })), ...exact.map((p) => ({ x: p.cost / BILLION, g: null as number | null, e: p.pct }))].sort((a, b) => a.x - b.x);
      const pcts = [...greedy, ...exact].map((p) => p.pct);
      const lo = Math.min(...pcts);
      const hi = Math.max(...pcts);
      plot = new UPlot(
        {
          width: Math.max(200, element.clientWidth),
          height: HEIGHT,
          legend: { show: false },
          cursor: { show: false },
          scales: { x: { time: false }, y: { range: [Math.max(0, Math.floor(lo) - 1), Math.min(100, Math.ceil(hi)) + 0.5] } },
          axes: [
            { size: 30, font: '11px "Be Vietnam Pro", sans-serif', values: (_u, splits) => splits.map((s) => formatNumber(s, lang, 1)) },
            { size: 52, font: '11px "Be Vietnam Pro", sans-serif', values: (_u, splits) => splits.map(formatY) },
          ],
          series: [
            {},
            { stroke: COLORS.chartMeasured, width: 2, spanGaps: true, points: { show: true, size: 4 } },
            { stroke: COLORS.chartAsOf, width: 0, paths: () => null, points: { show: true, size: 9, width: 2, fill: '#ffffff' } },
          ],
        },
        [rows.map((r) => r.x), rows.map((r) => r.g), rows.map((r) => r.e)],
        element,
      );
    });
    return () => {
      disposed = true;
      plot?.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- formatY follows lang
  }, [greedy, exact, lang]);
  return <div ref={holder} className="progress-chart" role="img" aria-label={label} data-testid="siting-chart" />;
}
