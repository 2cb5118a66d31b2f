import { useMemo } from 'react';
import { operatorNames } from '../../domain/coverage/scenario-levels.ts';
import type { Tower } from '../../domain/types.ts';
import { useAppStore } from '../../state/store.ts';
import { formatNumber } from '../common/format.ts';
import { formatPercent } from '../common/metrics.ts';
import { useT } from '../common/use-t.ts';

/** The value of the selector that means every operator together. */
const ALL = '';

/**
 * The network every figure counts (all operators, or one: contract rule 9), and the good
 * signal of every network side by side for the scenario on screen.
 */
export function NetworkPanel() {
  const { t, lang } = useT();
  const towers = useAppStore((s) => s.towers);
  const network = useAppStore((s) => s.network);
  const networkChosen = useAppStore((s) => s.networkChosen);
  const table = useAppStore((s) => s.networkFigures);
  const scenario = useAppStore((s) => s.coverage?.scenario);
  const operators = useMemo(() => {
    const names = operatorNames(towers.filter((tower): tower is Tower => tower !== undefined));
    // A link may name an operator this data does not have: it stays choosable (its figures are empty).
    return network === undefined || names.includes(network) ? names : [...names, network];
  }, [towers, network]);
  const rows = table && table.scenario === scenario ? table.rows : undefined;
  const share = (good: number, total: number) => formatPercent(total > 0 ? (100 * good) / total : null, lang);
  const n = (value: number) => formatNumber(value, lang);
  return (
    <section className="panel" aria-labelledby="network-heading" data-testid="network-panel">
      <h2 id="network-heading">{t('networkHeading')}</h2>
      <div className="date-field">
        <label htmlFor="network-select">{t('networkLabel')}</label>
        <select id="network-select" value={network ?? ALL} onChange={(event) => networkChosen(event.target.value === ALL ? undefined : event.target.value)}>
          <option value={ALL}>{t('networkAll')}</option>
          {operators.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <p className="note">{t('networkNote')}</p>
      {rows ? (
        <table className="compact network-table" data-testid="network-table">
          <caption className="note">{t('networkTableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('networkColumn')}</th>
              <th scope="col">{t('networkHamlets')}</th>
              <th scope="col">{t('networkPopulation')}</th>
              <th scope="col">{t('networkSchools')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const chosen = row.operator === network;
              return (
                <tr key={row.operator ?? ALL} data-network={row.operator ?? 'all'} aria-current={chosen ? 'true' : undefined}>
                  <th scope="row">
                    {chosen ? <strong>{row.operator ?? t('networkAll')}</strong> : (row.operator ?? t('networkAll'))}
                    {chosen && <span className="badge">{t('networkChosen')}</span>}
                  </th>
                  <td title={`${n(row.hamlets.good)} / ${n(row.hamlets.total)}`}>{share(row.hamlets.good, row.hamlets.total)}</td>
                  <td title={`${n(row.hamlets.population_good)} / ${n(row.hamlets.population)}`}>
                    {share(row.hamlets.population_good, row.hamlets.population)}
                  </td>
                  <td title={`${n(row.schools.good)} / ${n(row.schools.total)}`}>{share(row.schools.good, row.schools.total)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="note">{t('networkWaiting')}</p>
      )}
    </section>
  );
}
