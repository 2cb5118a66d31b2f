import { todayIn } from '../../domain/input/day.ts';
import { choroplethValues } from '../../state/dashboard.ts';
import { useAppStore } from '../../state/store.ts';
import { formatDate } from '../common/format.ts';
import { useT } from '../common/use-t.ts';
import { ReportMap } from './ReportMap.tsx';
import { networkAndModel } from '../network/model-name.ts';
import { changeSince } from '../../domain/progress/change.ts';
import { toDay } from '../../domain/progress/days.ts';
import { districtScope, PROVINCE_SCOPE } from '../../domain/progress/timeline.ts';
import { isEmptyPlan } from '../../domain/plan/plan.ts';
import { programmeTracks } from '../../state/dashboard.ts';
import { sinceFor, useSince } from '../../state/since.ts';
import { formatNumber } from '../common/format.ts';
import { StatusBadge } from './StatusBadge.tsx';

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
  const plan = useAppStore((s) => s.plan);
  const planned = !isEmptyPlan(plan);
  const network = useAppStore((s) => s.network);
  const since = sinceFor(useSince((s) => s.since), asOf);
  if (!dataset) return null;
  const n = (v: number) => formatNumber(v, lang);
  const sinceLine = (name: string, scope: number) => {
    if (!timeline) return null;
    const c = changeSince(timeline, scope, toDay(since), toDay(asOf));
    return <li key={scope}>{tw('reportSinceRow', { name, gained: n(c.hamletsGained), missing: n(c.hamletsMissing + c.schoolsMissing) })}</li>;
  };
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
      <p data-testid="report-model">
        {Object.values(networkAndModel({ network, answered: coverage?.radiusModel, model: dataset.model, plan }, { t, tw })).join(' · ')}
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
      {timeline && (
        <section className="report-since" data-testid="report-since">
          <h2>{tw('reportSince', { date: formatDate(since, lang) })}</h2>
          <ul>
            {sinceLine(dataset.programme.name, PROVINCE_SCOPE)}
            {dataset.districts.map((d, k) => sinceLine(d.name, districtScope(k)))}
          </ul>
        </section>
      )}
      {timeline && planned && (
        <section className="report-plan" data-testid="report-plan">
          <h2>{t('reportPlanTargets')}</h2>
          <ul>
            {programmeTracks(timeline, dataset).map((track) => {
              const card = track.card(track.deadlineDay);
              return (
                <li key={card.target.id}>
                  {lang === 'vi' ? card.target.labelVi : card.target.labelEn} ({formatDate(card.target.deadline, lang)}):{' '}
                  <StatusBadge status={card.assessment.status} lang={lang} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
