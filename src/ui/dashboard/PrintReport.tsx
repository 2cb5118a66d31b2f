import { todayIn } from '../../domain/input/day.ts';
import { choroplethValues } from '../../state/dashboard.ts';
import { useAppStore } from '../../state/store.ts';
import { formatDate } from '../common/format.ts';
import { useT } from '../common/use-t.ts';
import { ReportMap } from './ReportMap.tsx';

/**
 * The parts of the A4 report that the screen does not show: the title block and the map,
 * drawn from the data for the report (ReportMap), so it frames the province whatever the
 * screen's camera shows. The cards, the district table and the attribution print from the
 * page itself (styles.css, @media print).
 */
export function PrintReport() {
  const { t, tw, lang } = useT();
  const asOf = useAppStore((s) => s.asOf);
  const dataset = useAppStore((s) => s.dataset);
  const coverage = useAppStore((s) => s.coverage);
  const timeline = useAppStore((s) => s.timeline);
  const metric = useAppStore((s) => s.choroplethMetric);
  if (!dataset) return null;
  const values = choroplethValues(metric, timeline, coverage, dataset.districts.length, asOf);
  return (
    <div className="print-only print-head" data-testid="print-report">
      <h1>
        {t('reportTitle')}: {dataset.programme.name}
      </h1>
      <p>
        <strong>{tw('reportAsOf', { date: formatDate(asOf, lang) })}</strong> ·{' '}
        {tw('reportPrinted', { date: formatDate(todayIn(), lang) })} · {t('simulatedNote')}
      </p>
      <ReportMap
        lang={lang}
        province={dataset.province[0]}
        districts={dataset.districts}
        metric={metric}
        values={values}
        points={dataset.points}
        level={coverage?.level}
        towers={coverage?.onAir}
      />
    </div>
  );
}
