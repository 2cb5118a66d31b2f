import type { SitingDone } from '../../domain/siting/run.ts';
import { engineNow } from '../../state/engine-client.ts';
import { formatNumber } from '../common/format.ts';
import { formatPercent } from '../common/metrics.ts';
import { useT } from '../common/use-t.ts';
import { formatMoney } from './money.ts';

/**
 * HiGHS's answer as it comes: its progress (and a way to stop it), then whether it is proven
 * optimal or how far its bound is, and the quick answer's gap to that bound.
 */
export function SitingExact({ done, currency }: { done: SitingDone; currency: string }) {
  const { t, tw, lang } = useT();
  const { exact, result } = done;
  const money = (v: number) => formatMoney(v, currency, lang);
  if (!exact) return null;
  const byCost = result.mode === 'target';
  const value = (v: number) => (byCost ? money(v) : formatNumber(v, lang));
  if (exact.phase === 'running') {
    const p = exact.progress;
    return (
      <div className="siting-exact" data-testid="siting-exact" data-phase="running">
        <p className="note">
          {t('sitingExactRunning')}{' '}
          {p?.stage === 'solving' && tw('sitingExactBounds', { value: value(p.value), bound: value(p.bound) })}
          {p?.stage === 'curve' && tw('sitingExactCurve', { done: p.done, total: p.total })}
        </p>
        <button type="button" onClick={() => void engineNow()?.cancelSiting()}>
          {t('sitingExactCancel')}
        </button>
      </div>
    );
  }
  if (exact.phase === 'cancelled') return <p className="note" data-testid="siting-exact" data-phase="cancelled">{t('sitingExactCancelled')}</p>;
  if (exact.phase === 'failed') return <p className="note error-text" data-testid="siting-exact" data-phase="failed">{tw('sitingExactFailed', { message: exact.message })}</p>;
  const { answer } = exact;
  let verdict: string;
  let gap: string | undefined;
  if (byCost) {
    if (!answer.feasible) return <p className="note" data-testid="siting-exact" data-phase="done">{answer.status}</p>;
    verdict = answer.optimal ? tw('sitingOptimalCost', { cost: money(answer.totalCost) }) : tw('sitingBoundCost', { cost: money(answer.totalCost), bound: money(answer.bound) });
    if (result.feasible && answer.bound > 0) gap = tw('sitingGapCost', { cost: money(result.totalCost), gap: formatPercent((100 * (result.totalCost - answer.bound)) / answer.bound, lang) });
  } else {
    const cost = money(answer.totalCost);
    verdict = answer.optimal
      ? tw('sitingOptimalGain', { gain: formatNumber(answer.gain, lang), cost })
      : tw('sitingBoundGain', { gain: formatNumber(answer.gain, lang), cost, bound: formatNumber(answer.bound, lang) });
    if (answer.bound > 0) gap = tw('sitingGapGain', { gain: formatNumber(result.gain, lang), gap: formatPercent((100 * (answer.bound - result.gain)) / answer.bound, lang) });
  }
  return (
    <div className="siting-exact" data-testid="siting-exact" data-phase="done" data-optimal={answer.optimal}>
      <p className="note">
        <strong>{verdict}</strong>
      </p>
      {gap && <p className="note" data-testid="siting-gap">{gap}</p>}
    </div>
  );
}
