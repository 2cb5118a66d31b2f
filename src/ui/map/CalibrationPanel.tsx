// `calibrate` in the app (issue 16, item 6): on request, the radius factor per operator that
// makes the most tested points agree with their tests, with the agreement before and after.
// Shown only: applying a factor as a what-if on the model is not done here.
import { useState } from 'react';
import type { CalibrationReport } from '../../domain/evidence/calibrate.ts';
import { calibration } from '../../state/engine-client.ts';
import { formatNumber } from '../common/format.ts';
import { useT } from '../common/use-t.ts';

type State = { phase: 'idle' | 'running' } | { phase: 'done'; report: CalibrationReport } | { phase: 'failed'; message: string };

export function CalibrationPanel() {
  const { t, lang } = useT();
  const [state, setState] = useState<State>({ phase: 'idle' });
  const run = () => {
    const asked = calibration();
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
    </div>
  );
}
