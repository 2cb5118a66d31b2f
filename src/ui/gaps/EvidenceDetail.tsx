// What the speed tests say of the chosen point (issue 16, items 3–4): its tests, median and
// verdict, how they meet the model, and for a contradicted point one action that opens it as
// a disputed gap with the evidence in the note. Nothing changes status without that click.
import { useState } from 'react';
import { CONFIRMED, CONTRADICTED, MEASURED_GOOD, MEASURED_POOR, UNDERSTATED } from '../../domain/evidence/verdict.ts';
import { currentGap, gapIdOf } from '../../domain/gaps/status.ts';
import { haversineKm } from '../../domain/geo/haversine.ts';
import { todayIn } from '../../domain/input/day.ts';
import { pointAt } from '../../domain/points/table.ts';
import { useAppStore } from '../../state/store.ts';
import { formatDate, formatNumber } from '../common/format.ts';
import { useT } from '../common/use-t.ts';

/** The first and last date of the tests that count for point `index` (a scan of the tests: one click, not a pass). */
function testDates(index: number): { from: string; to: string } | undefined {
  const { dataset, coverage } = useAppStore.getState();
  const counted = coverage?.evidence?.counted;
  if (!dataset?.measurements || !counted) return undefined;
  const radiusKm = (dataset.model?.evidence.radiusM ?? 500) / 1000;
  const lon = dataset.points.lon[index] as number;
  const lat = dataset.points.lat[index] as number;
  let from: string | undefined;
  let to: string | undefined;
  dataset.measurements.forEach((m, t) => {
    if (counted[t] !== 1 || haversineKm(lon, lat, m.lon, m.lat) > radiusKm) return;
    if (from === undefined || m.date < from) from = m.date;
    if (to === undefined || m.date > to) to = m.date;
  });
  return from === undefined || to === undefined ? undefined : { from, to };
}

export function EvidenceDetail({ index }: { index: number }) {
  const { t, tw, lang } = useT();
  const evidence = useAppStore((s) => s.coverage?.evidence);
  const dataset = useAppStore((s) => s.dataset);
  const statuses = useAppStore((s) => s.gapStatuses);
  const apply = useAppStore((s) => s.gapStatusApplied);
  const [refused, setRefused] = useState<string | undefined>();
  const found = dataset && pointAt(dataset.points, index);
  if (!evidence || !dataset || !found || !(index < evidence.verdict.length)) return null;
  const params = dataset.model?.evidence ?? { radiusM: 500, goodMbps: 10 };
  const tests = evidence.tests[index] as number;
  const median = evidence.medianMbps[index] as number;
  const verdict = evidence.verdict[index];
  const agreement = evidence.agreement[index];
  const gapId = gapIdOf(found.kind, found.item.id);
  const status = currentGap(statuses, gapId);
  const mbps = Number.isNaN(median) ? '–' : formatNumber(median, lang, 1);
  const verdictText = t(verdict === MEASURED_GOOD ? 'evidenceVerdictGood' : verdict === MEASURED_POOR ? 'evidenceVerdictPoor' : 'evidenceVerdictUnverified');
  const dispute = () => {
    const dates = testDates(index);
    const note = tw('evidenceDisputeNote', {
      tests: formatNumber(tests, lang),
      m: formatNumber(params.radiusM, lang),
      mbps,
      good: formatNumber(params.goodMbps, lang),
      from: dates ? formatDate(dates.from, lang) : '–',
      to: dates ? formatDate(dates.to, lang) : '–',
    });
    setRefused(apply({ gapId, status: 'disputed', note, date: todayIn() }));
  };
  return (
    <div className="evidence-detail" data-testid="evidence-detail" data-agreement={agreement}>
      <h3>{t('evidenceHeading')}</h3>
      <p>{tw('evidenceLine', { tests: formatNumber(tests, lang), m: formatNumber(params.radiusM, lang), mbps, verdict: verdictText })}</p>
      {agreement === CONTRADICTED && <p>{t('evidenceContradicted')}</p>}
      {agreement === UNDERSTATED && <p>{t('evidenceUnderstated')}</p>}
      {agreement === CONFIRMED && <p>{t('evidenceConfirmed')}</p>}
      {agreement === CONTRADICTED &&
        (status.status === 'disputed' ? (
          <p data-testid="evidence-disputed">{tw('evidenceDisputed', { date: formatDate(status.last?.date ?? todayIn(), lang) })}</p>
        ) : (
          <button type="button" onClick={dispute}>
            {t('evidenceDispute')}
          </button>
        ))}
      {refused && <p role="alert">{refused}</p>}
    </div>
  );
}
