// What the speed tests say of the chosen point (issue 16, items 3–4): its tests, median and
// verdict, the tests that count (date, operator, Mbps, distance), how they meet the model,
// and one action: a contradicted point opened as a disputed gap, or an understated gap
// proposed for closing (recorded as disputed, the proposal in the note), with the evidence
// in the note. Nothing changes status without that click.
import { useMemo, useState } from 'react';
import { testsNear, type DistrictAction } from '../../domain/evidence/disputes.ts';
import { CONFIRMED, CONTRADICTED, MEASURED_GOOD, MEASURED_POOR, UNDERSTATED } from '../../domain/evidence/verdict.ts';
import { currentGap, gapIdOf } from '../../domain/gaps/status.ts';
import { todayIn } from '../../domain/input/day.ts';
import { pointAt } from '../../domain/points/table.ts';
import { useAppStore } from '../../state/store.ts';
import { formatDate, formatNumber } from '../common/format.ts';
import { useT } from '../common/use-t.ts';
import { evidenceNote, evidenceParams } from './evidence-note.ts';

/** Rows shown at most: the nearest tests say enough, the count says the rest. */
const SHOWN_TESTS = 12;

export function EvidenceDetail({ index }: { index: number }) {
  const texts = useT();
  const { t, tw, lang } = texts;
  const evidence = useAppStore((s) => s.coverage?.evidence);
  const dataset = useAppStore((s) => s.dataset);
  const statuses = useAppStore((s) => s.gapStatuses);
  const apply = useAppStore((s) => s.gapStatusApplied);
  const [refused, setRefused] = useState<string | undefined>();
  const found = dataset && pointAt(dataset.points, index);
  const near = useMemo(() => {
    if (!dataset?.measurements || !evidence || !(index < dataset.points.count)) return [];
    return testsNear(dataset.points.lon[index] as number, dataset.points.lat[index] as number, dataset.measurements, evidence.counted, evidenceParams(dataset).radiusM);
  }, [dataset, evidence, index]);
  if (!evidence || !dataset || !found || !(index < evidence.verdict.length)) return null;
  const params = evidenceParams(dataset);
  const tests = evidence.tests[index] as number;
  const median = evidence.medianMbps[index] as number;
  const verdict = evidence.verdict[index];
  const agreement = evidence.agreement[index];
  const gapId = gapIdOf(found.kind, found.item.id);
  const status = currentGap(statuses, gapId);
  const mbps = Number.isNaN(median) ? '–' : formatNumber(median, lang, 1);
  const verdictText = t(verdict === MEASURED_GOOD ? 'evidenceVerdictGood' : verdict === MEASURED_POOR ? 'evidenceVerdictPoor' : 'evidenceVerdictUnverified');
  const record = (action: DistrictAction) => {
    const note = evidenceNote(index, action, dataset, evidence, texts, near.map((n) => n.test));
    setRefused(apply({ gapId, status: 'disputed', note, date: todayIn() }));
  };
  const action: DistrictAction | undefined = agreement === CONTRADICTED ? 'dispute' : agreement === UNDERSTATED ? 'propose-closing' : undefined;
  const measurements = dataset.measurements ?? [];
  return (
    <div className="evidence-detail" data-testid="evidence-detail" data-agreement={agreement}>
      <h3>{t('evidenceHeading')}</h3>
      <p>{tw('evidenceLine', { tests: formatNumber(tests, lang), m: formatNumber(params.radiusM, lang), mbps, verdict: verdictText })}</p>
      {agreement === CONTRADICTED && <p>{t('evidenceContradicted')}</p>}
      {agreement === UNDERSTATED && <p>{t('evidenceUnderstated')}</p>}
      {agreement === CONFIRMED && <p>{t('evidenceConfirmed')}</p>}
      {action &&
        (status.status === 'disputed' ? (
          <p data-testid="evidence-disputed">{tw('evidenceDisputed', { date: formatDate(status.last?.date ?? todayIn(), lang) })}</p>
        ) : (
          <button type="button" onClick={() => record(action)}>
            {t(action === 'dispute' ? 'evidenceDispute' : 'evidenceProposeClose')}
          </button>
        ))}
      {refused && <p role="alert">{refused}</p>}
      {near.length > 0 && (
        <table className="evidence-tests" data-testid="evidence-tests">
          <caption>{tw('evidenceTestsCaption', { m: formatNumber(params.radiusM, lang) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evidenceTestDate')}</th>
              <th scope="col">{t('evidenceTestOperator')}</th>
              <th scope="col">{t('evidenceTestMbps')}</th>
              <th scope="col">{t('evidenceTestDistance')}</th>
            </tr>
          </thead>
          <tbody>
            {near.slice(0, SHOWN_TESTS).map(({ test, km }) => {
              const m = measurements[test];
              return (
                m && (
                  <tr key={test}>
                    <td>{formatDate(m.date, lang)}</td>
                    <td>{m.operator}</td>
                    <td>{formatNumber(m.downloadMbps, lang, 1)}</td>
                    <td>{formatNumber(km * 1000, lang)} m</td>
                  </tr>
                )
              );
            })}
          </tbody>
        </table>
      )}
      {near.length > SHOWN_TESTS && <p className="note">{tw('evidenceTestsMore', { n: formatNumber(near.length - SHOWN_TESTS, lang) })}</p>}
    </div>
  );
}
