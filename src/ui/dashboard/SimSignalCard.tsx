import type { SimSignal, SimStatus, SimTally } from '../../domain/progress/sim-signal.ts';
import { RAG, type Status } from '../../domain/progress/status.ts';
import { useAppStore } from '../../state/store.ts';
import { formatDate, formatNumber } from '../common/format.ts';
import type { MessageKey } from '../common/i18n.ts';
import { formatPercent } from '../common/metrics.ts';
import { useT } from '../common/use-t.ts';
import { StatusIcon } from './StatusBadge.tsx';

/** Each status borrows the shape of the programme status that reads the same (tick, warning, dash). */
const SHAPE: Record<SimStatus, Status> = { all_good: 'met', some_without: 'at_risk', none_delivered: 'no_data' };
const LABEL: Record<SimStatus, MessageKey> = { all_good: 'simStatusAllGood', some_without: 'simStatusSomeWithout', none_delivered: 'simStatusNone' };

function DistrictRows({ sims, names }: { sims: SimSignal; names: readonly string[] }) {
  const { t, lang } = useT();
  const n = (v: number) => formatNumber(v, lang);
  const row = (key: string, name: string, tally: SimTally) => (
    <tr key={key} data-sim-district={key}>
      <th scope="row">{name}</th>
      <td>{n(tally.sims)}</td>
      <td>
        {n(tally.good)} ({formatPercent(tally.pct, lang)})
      </td>
      <td>{n(tally.unknown)}</td>
    </tr>
  );
  return (
    <table className="compact" data-testid="sim-districts">
      <thead>
        <tr>
          <th scope="col">{t('simColDistrict')}</th>
          <th scope="col">{t('simColSims')}</th>
          <th scope="col">{t('simColGood')}</th>
          <th scope="col">{t('simColUnknown')}</th>
        </tr>
      </thead>
      <tbody>
        {sims.districts.map((tally, k) => row(String(k), names[k] ?? '', tally))}
        {sims.outside.sims > 0 && row('outside', t('simOutside'), sims.outside)}
      </tbody>
    </table>
  );
}

/**
 * The data SIMs delivered whose school has good signal of the SIM's own network (issue 15),
 * for the scenario on screen, from the engine's figures (progress/sim-signal.ts).
 */
export function SimSignalCard() {
  const { t, tw, lang } = useT();
  const figures = useAppStore((s) => s.networkFigures);
  const scenario = useAppStore((s) => s.coverage?.scenario);
  const districts = useAppStore((s) => s.dataset?.districts);
  const sims = figures && figures.scenario === scenario ? figures.sims : undefined;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <article className="card" data-testid="sim-card" data-status={sims?.status} aria-labelledby="card-sims" aria-busy={sims ? undefined : true}>
      <h3 id="card-sims">{t('simCardTitle')}</h3>
      {sims ? (
        <>
          <p className="card-value">
            <span className="visually-hidden">{t('valueNow')}: </span>
            <strong data-testid="card-value">{formatPercent(sims.total.pct, lang)}</strong>
            <span className="card-target">
              {' '}
              / {t('target')} {formatPercent(100, lang)}
            </span>
          </p>
          <p className="card-meta" data-testid="sim-count">
            {tw('simCardCount', { good: n(sims.total.good), sims: n(sims.total.sims) })} ·{' '}
            {sims.until === null ? t('simCardAll') : tw('simCardUntil', { date: formatDate(sims.until, lang) })}
          </p>
          <p className="card-meta">
            <span className={`status status-${RAG[SHAPE[sims.status]]}`} data-status={sims.status}>
              <StatusIcon status={SHAPE[sims.status]} />
              {t(LABEL[sims.status])}
            </span>
          </p>
          {(sims.operators.length > 0 || sims.total.unknown > 0) && (
            <>
              <p className="card-meta">{t('simByOperator')}</p>
              <ul className="card-meta" data-testid="sim-operators">
                {sims.operators.map((o) => (
                  <li key={o.operator} data-operator={o.operator}>
                    {tw('simOperatorRow', { operator: o.operator, pct: formatPercent(o.pct, lang), good: n(o.good), sims: n(o.sims) })}
                  </li>
                ))}
                {sims.total.unknown > 0 && (
                  <li data-operator="unknown">{tw('simUnknownNetwork', { sims: n(sims.total.unknown) })}</li>
                )}
              </ul>
            </>
          )}
          {sims.districts.length > 0 && (
            <details className="card-meta">
              <summary>{t('simByDistrict')}</summary>
              <DistrictRows sims={sims} names={(districts ?? []).map((d) => d.name)} />
            </details>
          )}
          <p className="note">{t('simRule')}</p>
        </>
      ) : (
        <p className="card-meta">{t('simWaiting')}</p>
      )}
    </article>
  );
}
