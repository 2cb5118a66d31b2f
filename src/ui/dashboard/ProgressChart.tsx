import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import { COLORS } from '../../map/palette.ts';
import type { ChartData } from './chart-data.ts';
import { formatMonth } from '../common/format.ts';
import type { Lang } from '../common/i18n.ts';

const HEIGHT = 130;

function isoOf(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function options(current: () => ChartData, width: number, lang: Lang, formatY: (v: number) => string): uPlot.Options {
  const marker = (u: uPlot, x: number, color: string, dash: number[]) => {
    const ctx = u.ctx;
    const px = Math.round(u.valToPos(x, 'x', true));
    if (px < u.bbox.left || px > u.bbox.left + u.bbox.width) return;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5 * devicePixelRatio;
    ctx.setLineDash(dash.map((d) => d * devicePixelRatio));
    ctx.beginPath();
    ctx.moveTo(px, u.bbox.top);
    ctx.lineTo(px, u.bbox.top + u.bbox.height);
    ctx.stroke();
    ctx.restore();
  };
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: true }, y: { range: () => current().yRange } },
    axes: [
      {
        size: 28,
        font: '11px "Be Vietnam Pro", sans-serif',
        values: (_u, splits) => splits.map((s) => formatMonth(isoOf(s), lang)),
      },
      { size: 58, font: '11px "Be Vietnam Pro", sans-serif', values: (_u, splits) => splits.map(formatY) },
    ],
    series: [
      {},
      { stroke: COLORS.chartMeasured, width: 2 },
      { stroke: COLORS.chartTarget, width: 1.5, dash: [6, 4] },
      { stroke: COLORS.chartTrend, width: 2, dash: [2, 3], spanGaps: true },
      { stroke: COLORS.chartSchedule, width: 2, dash: [8, 3, 2, 3], spanGaps: true, points: { show: true, size: 4 } },
    ],
    hooks: {
      draw: [
        (u) => {
          marker(u, current().deadlineX, COLORS.chartDeadline, [4, 3]);
          marker(u, current().asOfX, COLORS.chartAsOf, []);
        },
      ],
    },
  };
}

const aligned = (data: ChartData): uPlot.AlignedData => [data.x, data.measured, data.target, data.trend, data.schedule];

/**
 * One target's chart (uPlot on a canvas): measured values, the target line, the trend to the
 * deadline, the build schedule's forecast when there is one, and markers at the deadline and
 * the as-of day. The figures it shows are also in
 * the card's text and `label`, for those who cannot see the canvas.
 */
export function ProgressChart({
  data,
  lang,
  label,
  formatY,
}: {
  data: ChartData;
  lang: Lang;
  label: string;
  formatY: (v: number) => string;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef({ data, lang, formatY });
  // Kept current for uPlot's callbacks (range, markers), which outlive a render.
  useEffect(() => {
    latest.current = { data, lang, formatY };
  });

  // The chart is built once (uPlot loads lazily, off the first screen's script) and resized
  // with its box; later data only calls setData.
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('uplot').then(({ default: UPlot }) => {
      if (disposed) return;
      const { lang: l, formatY: f } = latest.current;
      const width = Math.max(160, element.clientWidth);
      plot.current = new UPlot(options(() => latest.current.data, width, l, f), aligned(latest.current.data), element);
      observer = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(160, element.clientWidth), height: HEIGHT }));
      observer.observe(element);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [lang]);

  useEffect(() => {
    const chart = plot.current;
    if (!chart) return;
    // Options hold the markers and the y range: they follow the data.
    chart.setData(aligned(data), true);
    chart.redraw(false, false);
  }, [data]);

  return <div ref={holder} className="progress-chart" role="img" aria-label={label} data-testid="progress-chart" />;
}
