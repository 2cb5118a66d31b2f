// `calibrate` in the app (issue 16, item 6): on request, the radius factor per operator that
// makes the most tested points agree with their tests, with the agreement before and after;
// then, on the user's word, the factors as a what-if on the model: one plan step (undoable,
// saved with the plan) that the engine computes levels and verdicts with.
import { useState } from 'react';
import type { CalibrationReport } from '../../domain/evidence/calibrate.ts';
import { factorsOf, sameFactors, type CalibrationFactors } from '../../domain/evidence/calibrated.ts';
import { agreementCounts } from '../../domain/evidence/summary.ts';
import type { Agreement } from '../../domain/evidence/verdict.ts';
import { withCalibration } from '../../domain/plan/plan.ts';
import { engineNow } from '../../state/engine-client.ts';
import { scenarioOf, useAppStore } from '../../state/store.ts';
import { formatNumber } from '../common/format.ts';
import { useT } from '../common/use-t.ts';

type State = { phase: 'idle' | 'running' } | { phase: 'done'; report: CalibrationReport } | { phase: 'failed'; message: string };

/** The counts when the factors were applied, and the answer they were read from. */
interface Before {
  factors: CalibrationFactors;
  counts: Record<Agreement, number>;
  of: unknown;
}

export function CalibrationPanel() {
  const { t, tw, lang } = useT();
  const [state, setState] = useState<State>({ phase: 'idle' });
  const plan = useAppStore((s) => s.plan);
  const evidence = useAppStore((s) => s.coverage?.evidence);
  // The factors scale fixed radii; under path loss the engine leaves them aside (compute.ts).
  const pathLoss = useAppStore((s) => s.coverage?.radiusModel === 'path_loss');
  const [before, setBefore] = useState<Before | undefined>();
  const applied = plan.calibration;
  const apply = (report: CalibrationReport) => {
    const factors = factorsOf(report);
    if (evidence) setBefore({ factors, counts: agreementCounts(evidence.agreement), of: evidence });
    useAppStore.getState().planEdited(withCalibration(plan, factors));
  };
  const remove = () => useAppStore.getState().planEdited(withCalibration(plan, undefined));
  const n = (x: number) => formatNumber(x, lang);
  const appliedText =
    applied &&
    Object.keys(applied)
      .map((operator) => `${operator} × ${formatNumber(applied[operator] as number, lang, 2)}`)
      .join('; ');
  // The change shows once an answer computed with the factors has come.
  const after = before && applied && sameFactors(before.factors, applied) && evidence && evidence !== before.of ? agreementCounts(evidence.agreement) : undefined;
  const run = () => {
    const asked = engineNow()?.calibration(scenarioOf(useAppStore.getState()));
    if (!asked) return;
    setState({ phase: 'running' });
    asked.then(
      (report) => setState({ phase: 'done', report }),
      (error: unknown) => setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  const pct = (agree: number, points: number) => (points > 0 ? `${formatNumber((100 * agree) / points, lang, 1)} %` : '–');
  return (
    <div className="calibration" data-testid="calibration">
      <button type="button" onClick={run} disabled={state.phase === 'running'}>
        {state.phase === 'running' ? t('calibrationRunning') : t('calibrationRun')}
      </button>
      {state.phase === 'failed' && <p role="alert">{state.message}</p>}
      {appliedText && (
        <div className="calibration-applied" data-testid="calibration-applied">
          <p>{tw('calibrationApplied', { factors: appliedText })}</p>
          {after && before && (
            <p data-testid="calibration-effect" data-confirmed={after.confirmed} data-contradicted={after.contradicted} data-understated={after.understated}>
              {tw('calibrationEffect', {
                c0: n(before.counts.confirmed),
                c1: n(after.confirmed),
                x0: n(before.counts.contradicted),
                x1: n(after.contradicted),
                u0: n(before.counts.understated),
                u1: n(after.understated),
              })}
            </p>
          )}
          <button type="button" onClick={remove}>
            {t('calibrationRemove')}
          </button>
        </div>
      )}
      {state.phase === 'done' && (
        <table>
          <caption>{t('calibrationCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calibrationOperator')}</th>
              <th scope="col">{t('calibrationPoints')}</th>
              <th scope="col">{t('calibrationBefore')}</th>
              <th scope="col">{t('calibrationFactor')}</th>
              <th scope="col">{t('calibrationAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {state.report.operators.map((o) => (
              <tr key={o.operator} data-operator={o.operator} data-factor={o.factor}>
                <th scope="row">{o.operator}</th>
                <td>{formatNumber(o.points, lang)}</td>
                <td>{pct(o.agree_at_1, o.points)}</td>
                <td>× {formatNumber(o.factor, lang, 2)}</td>
                <td>{pct(o.agree, o.points)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.phase === 'done' &&
        !applied &&
        (Object.keys(factorsOf(state.report)).length === 0 ? (
          <p className="hint">{t('calibrationNothing')}</p>
        ) : pathLoss ? (
          <p className="hint">{t('calibrationFixedOnly')}</p>
        ) : (
          <button type="button" onClick={() => apply(state.report)} title={t('calibrationApplyHint')}>
            {t('calibrationApply')}
          </button>
        ))}
    </div>
  );
}
