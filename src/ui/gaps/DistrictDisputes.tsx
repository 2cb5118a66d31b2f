// A whole district's evidence at once (issue 16, item 4): its contradicted points opened as
// disputed gaps, or its understated gaps proposed for closing (recorded as disputed, the
// proposal in the note), each with its tests summed up in the note. The count is shown and
// confirmed first; points already disputed are left out; nothing changes before "Confirm".
import { useMemo, useState } from 'react';
import { districtPoints, testsAround, type DistrictAction } from '../../domain/evidence/disputes.ts';
import { CONTRADICTED, UNDERSTATED } from '../../domain/evidence/verdict.ts';
import { currentGap, gapIdOf } from '../../domain/gaps/status.ts';
import { todayIn } from '../../domain/input/day.ts';
import { pointAt } from '../../domain/points/table.ts';
import { useAppStore } from '../../state/store.ts';
import { formatNumber } from '../common/format.ts';
import { useT } from '../common/use-t.ts';
import { evidenceNote, evidenceParams } from './evidence-note.ts';

type Step = { phase: 'choose' } | { phase: 'confirm'; action: DistrictAction; ready: number[] } | { phase: 'done'; done: number; refused: number };

export function DistrictDisputes() {
  const texts = useT();
  const { t, tw, lang } = texts;
  const dataset = useAppStore((s) => s.dataset);
  const evidence = useAppStore((s) => s.coverage?.evidence);
  const statuses = useAppStore((s) => s.gapStatuses);
  const [district, setDistrict] = useState(0);
  const [step, setStep] = useState<Step>({ phase: 'choose' });
  // Contradicted and understated points per district, for the choice's labels.
  const perDistrict = useMemo(() => {
    if (!dataset || !evidence) return undefined;
    const counts = dataset.districts.map(() => ({ contradicted: 0, understated: 0 }));
    evidence.agreement.forEach((a, i) => {
      const c = counts[dataset.district[i] as number];
      if (!c) return;
      if (a === CONTRADICTED) c.contradicted++;
      else if (a === UNDERSTATED) c.understated++;
    });
    return counts;
  }, [dataset, evidence]);
  if (!dataset || !evidence || !perDistrict || dataset.districts.length === 0) return null;
  const isDisputed = (i: number) => {
    const p = pointAt(dataset.points, i);
    return p !== undefined && currentGap(statuses, gapIdOf(p.kind, p.item.id)).status === 'disputed';
  };
  const of = (action: DistrictAction) => districtPoints(evidence.agreement, dataset.district, district, action, isDisputed);
  const disputes = of('dispute');
  const proposals = of('propose-closing');
  const name = dataset.districts[district]?.name ?? '';
  const n = (x: number) => formatNumber(x, lang);

  const record = (action: DistrictAction, ready: readonly number[]) => {
    const { gapStatusApplied } = useAppStore.getState();
    const among = testsAround(dataset.points, ready, dataset.measurements ?? [], evidenceParams(dataset).radiusM / 1000);
    const date = todayIn();
    let done = 0;
    for (const i of ready) {
      const p = pointAt(dataset.points, i);
      if (!p) continue;
      const note = evidenceNote(i, action, dataset, evidence, texts, among);
      if (gapStatusApplied({ gapId: gapIdOf(p.kind, p.item.id), status: 'disputed', note, date }) === undefined) done++;
    }
    setStep({ phase: 'done', done, refused: ready.length - done });
  };

  return (
    <div className="district-disputes" data-testid="district-disputes">
      <h3>{t('districtHeading')}</h3>
      <label className="field">
        <span>{t('districtChoose')}</span>
        <select
          value={district}
          onChange={(e) => {
            setDistrict(Number(e.target.value));
            setStep({ phase: 'choose' });
          }}
        >
          {dataset.districts.map((d, k) => (
            <option key={d.id} value={k}>
              {`${d.name} (${tw('districtCounts', { contradicted: n(perDistrict[k]?.contradicted ?? 0), understated: n(perDistrict[k]?.understated ?? 0) })})`}
            </option>
          ))}
        </select>
      </label>
      {step.phase === 'confirm' ? (
        <div role="group" aria-label={t('districtHeading')} data-testid="district-confirm">
          <p>{tw(step.action === 'dispute' ? 'districtConfirmDispute' : 'districtConfirmPropose', { n: n(step.ready.length), district: name })}</p>
          <div className="button-row">
            <button type="button" onClick={() => record(step.action, step.ready)}>
              {tw('districtConfirm', { n: n(step.ready.length) })}
            </button>
            <button type="button" onClick={() => setStep({ phase: 'choose' })}>
              {t('districtCancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" disabled={disputes.ready.length === 0} onClick={() => setStep({ phase: 'confirm', action: 'dispute', ready: disputes.ready })}>
            {tw('districtDispute', { n: n(disputes.ready.length) })}
          </button>
          <button type="button" disabled={proposals.ready.length === 0} onClick={() => setStep({ phase: 'confirm', action: 'propose-closing', ready: proposals.ready })}>
            {tw('districtPropose', { n: n(proposals.ready.length) })}
          </button>
        </div>
      )}
      {disputes.already + proposals.already > 0 && <p className="note">{tw('districtAlready', { n: n(disputes.already + proposals.already) })}</p>}
      {step.phase === 'done' && (
        <p role="status" data-testid="district-done">
          {tw('districtDone', { done: n(step.done), refused: n(step.refused) })}
        </p>
      )}
    </div>
  );
}
