import { useMemo } from 'react';
import { fromDay, toDay } from '../../domain/progress/days.ts';
import { isPercentMetric } from '../../domain/progress/indicators.ts';
import { programmeStartDay } from '../../domain/progress/period.ts';
import type { TargetCard as Card, TargetTrack } from '../../domain/progress/snapshot.ts';
import { COLORS } from '../../map/palette.ts';
import { programmeTracks } from '../../state/dashboard.ts';
import { sinceFor, useSince } from '../../state/since.ts';
import { isEmptyPlan } from '../../domain/plan/plan.ts';
import { DateField } from '../common/DateField.tsx';
import { useAppStore } from '../../state/store.ts';
import { useSitingForecast, type ScheduleForecast } from '../../state/siting-forecast.ts';
import { chartData, chartWindow, scheduleReach, windowWithSchedule } from './chart-data.ts';
import { formatDate, formatMonth, formatNumber } from '../common/format.ts';
import { translate, translateWith, type Lang } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';
import { formatMetric, METRIC_LABEL } from '../common/metrics.ts';
import { ConfirmedShare } from './ConfirmedShare.tsx';
import { ProgressChart } from './ProgressChart.tsx';
import { SimSignalCard } from './SimSignalCard.tsx';
import { StatusBadge } from './StatusBadge.tsx';

function daysText(assessment: Card['assessment'], lang: Lang): string {
  const { daysLeft, status } = assessment;
  if (status === 'met_late') return translateWith(lang, 'metLateBy', { n: formatNumber(assessment.daysLate ?? 0, lang) });
  if (status === 'met' && daysLeft < 0) return translate(lang, 'statusMet');
  if (daysLeft === 0) return translate(lang, 'dueToday');
  return daysLeft > 0
    ? translateWith(lang, 'daysLeft', { n: formatNumber(daysLeft, lang) })
    : translateWith(lang, 'daysOverdue', { n: formatNumber(-daysLeft, lang) });
}

/** A share cannot pass 100 %, whatever a straight line says. */
function shownForecast(forecast: number, metric: Card['target']['metric']): number {
  return isPercentMetric(metric) ? Math.min(100, forecast) : forecast;
}

interface CardProps {
  card: Card;
  track: TargetTrack;
  window: [number, number];
  /** The programme's first day (progress/period.ts): a status held since then has held "since the programme began". */
  startDay: number;
  /** The day the change is counted from ("change since"). */
  sinceDay: number;
  /** Whether a plan exists: then the card says the status its target has at the deadline. */
  planned: boolean;
  /** The build schedule's forecast, if one has been computed (drawn on its metric's card only). */
  forecast: ScheduleForecast | undefined;
}

function signedChange(value: number, metric: Card['target']['metric'], lang: Lang): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  const size = formatNumber(Math.abs(value), lang, isPercentMetric(metric) ? 1 : 0);
  return isPercentMetric(metric) ? translateWith(lang, 'percentPoints', { value: `${sign}${size}` }) : `${sign}${size}`;
}

function TargetCardView({ card, track, window, startDay, sinceDay, planned, forecast }: CardProps) {
  const { t, tw, lang } = useT();
  const { target, assessment } = card;
  const metric = target.metric;
  const show = (v: number | null) => formatMetric(v, metric, lang);
  const schedule = forecast?.metric === metric ? forecast : undefined;
  const data = useMemo(() => chartData(track, card, window, isPercentMetric(metric), schedule), [track, card, window, metric, schedule]);
  const reach = schedule ? scheduleReach(schedule, target.target) : null;
  const asOf = fromDay(assessment.deadlineDay - assessment.daysLeft);
  const label = tw('chartLabel', {
    metric: t(METRIC_LABEL[metric]),
    value: show(assessment.value),
    date: formatDate(asOf, lang),
    target: show(target.target),
    deadline: formatDate(target.deadline, lang),
  });
  return (
    <article className="card" data-target={target.id} data-status={assessment.status} aria-labelledby={`card-${target.id}`}>
      <h3 id={`card-${target.id}`}>{lang === 'vi' ? target.labelVi : target.labelEn}</h3>
      <p className="card-value">
        <span className="visually-hidden">{t('valueNow')}: </span>
        <strong data-testid="card-value">{show(assessment.value)}</strong>
        <span className="card-target">
          {' '}
          / {t('target')} {show(target.target)}
        </span>
      </p>
      <ConfirmedShare metric={metric} />
      <p className="card-meta">
        <StatusBadge status={assessment.status} lang={lang} />{' '}
        <span>
          {tw(card.since <= startDay ? 'sinceStart' : 'since', { date: formatDate(fromDay(Math.max(card.since, startDay)), lang) })}
        </span>
      </p>
      <p className="card-meta">
        {t('deadline')} {formatDate(target.deadline, lang)} · {daysText(assessment, lang)}
      </p>
      {assessment.forecast !== null && assessment.status !== 'met' && assessment.status !== 'met_late' && (
        <p className="card-meta">{tw('forecast', { value: show(shownForecast(assessment.forecast, metric)) })}</p>
      )}
      {schedule && (
        <p className="card-meta" data-testid="card-schedule">
          {reach ? tw('scheduleReach', { month: formatMonth(`${reach}-01`, lang) }) : t('scheduleNoReach')}
        </p>
      )}
      {(() => {
        const then = track.card(sinceDay).assessment.value;
        const now = assessment.value;
        if (then === null || now === null) return null;
        return (
          <p className="card-meta" data-testid="card-since">
            {tw('sinceChange', { date: formatDate(fromDay(sinceDay), lang), change: signedChange(now - then, metric, lang) })}
          </p>
        );
      })()}
      {planned && (
        <p className="card-meta" data-testid="card-with-plan">
          {t('withPlanStatus')}
          <StatusBadge status={track.card(track.deadlineDay).assessment.status} lang={lang} />
        </p>
      )}
      <ProgressChart data={data} lang={lang} label={label} formatY={(v) => formatNumber(v, lang)} />
    </article>
  );
}

function ChartKey({ schedule }: { schedule: boolean }) {
  const { t } = useT();
  const all = [
    { key: 'chartMeasured', color: COLORS.chartMeasured, dash: 'solid' },
    { key: 'chartTarget', color: COLORS.chartTarget, dash: 'dashed' },
    { key: 'chartTrend', color: COLORS.chartTrend, dash: 'dotted' },
    { key: 'deadline', color: COLORS.chartDeadline, dash: 'dashed' },
    { key: 'chartAsOf', color: COLORS.chartAsOf, dash: 'solid' },
    { key: 'chartSchedule', color: COLORS.chartSchedule, dash: 'dashed' },
  ] as const;
  const entries = all.filter((e) => schedule || e.key !== 'chartSchedule');
  return (
    <ul className="chart-key">
      {entries.map((e) => (
        <li key={e.key}>
          <span className="swatch line" style={{ borderTop: `2px ${e.dash} ${e.color}` }} aria-hidden="true" />
          {t(e.key)}
        </li>
      ))}
    </ul>
  );
}

/** A card per programme target: value on the as-of day, status and since when, a chart. */
export function TargetCards() {
  const { t, lang } = useT();
  const dataset = useAppStore((s) => s.dataset);
  const timeline = useAppStore((s) => s.timeline);
  const asOf = useAppStore((s) => s.asOf);
  const planned = useAppStore((s) => !isEmptyPlan(s.plan));
  const chosenSince = useSince((s) => s.since);
  const sinceChosen = useSince((s) => s.sinceChosen);
  const since = sinceFor(chosenSince, asOf);
  const tracks = useMemo(() => (timeline && dataset ? programmeTracks(timeline, dataset) : []), [timeline, dataset]);
  const day = toDay(asOf);
  const cards = useMemo(() => tracks.map((track) => track.card(day)), [tracks, day]);
  const deadlines = useMemo(() => tracks.map((track) => track.deadlineDay), [tracks]);
  const from = timeline ? chartWindow(timeline.firstDay, timeline.lastDay, deadlines, day)[0] : 0;
  const to = timeline ? chartWindow(timeline.firstDay, timeline.lastDay, deadlines, day)[1] : 0;
  // One array per window, so that charts re-draw only when it moves.
  const forecast = useSitingForecast((s) => s.forecast);
  const [shownFrom, shownTo] = windowWithSchedule([from, to], forecast);
  const window = useMemo<[number, number]>(() => [shownFrom, shownTo], [shownFrom, shownTo]);
  if (!timeline || !dataset) return null;
  return (
    <section className="targets" aria-labelledby="targets-heading" data-testid="target-cards">
      <div className="section-head">
        <h2 id="targets-heading">
          {t('targetsHeading')} — {formatDate(asOf, lang)}
        </h2>
        <ChartKey schedule={forecast !== undefined} />
      </div>
      <div className="since-control screen-only">
        <DateField className="field" label={t('sinceLabel')} value={since} lang={lang} max={asOf} onChange={sinceChosen} />
        <p className="note">{t('sinceHint')}</p>
      </div>
      <div className="cards">
        {cards.map((card, i) => (
          <TargetCardView key={card.target.id} card={card} track={tracks[i] as TargetTrack} window={window} startDay={programmeStartDay(dataset.programme, timeline.firstDay)} sinceDay={toDay(since)} planned={planned} forecast={forecast} />
        ))}
        <SimSignalCard />
      </div>
      <p className="note rule">{t('statusRule')}</p>
    </section>
  );
}
