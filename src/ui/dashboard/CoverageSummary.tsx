import { useAppStore } from '../../state/store.ts';
import { formatNumber } from '../common/format.ts';
import type { MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';
import { formatPercent } from '../common/metrics.ts';

// Timings are for developers: shown only with ?debug in the address.
const DEBUG = typeof location !== 'undefined' && new URLSearchParams(location.search).has('debug');

// The cards' rounding (down, one decimal), so that one figure never reads two ways.
function percent(part: number, whole: number, lang: 'vi' | 'en'): string {
  return formatPercent(whole > 0 ? (100 * part) / whole : null, lang);
}

/** The scenario's headline figures; says so while a newer scenario is still computing. */
export function CoverageSummary() {
  const { t, lang } = useT();
  const coverage = useAppStore((s) => s.coverage);
  const state = useAppStore((s) => s.coverageState);
  const n = (value: number) => formatNumber(value, lang);
  const totals = coverage?.figures;
  const rows: { label: MessageKey; good: number; total: number; id: string }[] = totals
    ? [
        { id: 'hamlets', label: 'hamletsGood', good: totals.hamlets.good, total: totals.hamlets.total },
        { id: 'population', label: 'populationGood', good: totals.hamlets.population_good, total: totals.hamlets.population },
        { id: 'schools', label: 'schoolsGood', good: totals.schools.good, total: totals.schools.total },
      ]
    : [];
  return (
    <section className="panel" aria-labelledby="coverage-heading" aria-busy={state.phase === 'computing'}>
      <h2 id="coverage-heading">{t('coverageHeading')}</h2>
      <div role="status" aria-live="polite">
        {state.phase === 'computing' && <p className="note">{t('computing')}</p>}
        {state.phase === 'failed' && (
          <p className="note error-text">
            {t('computeFailed')}: {state.message}
          </p>
        )}
      </div>
      {totals && (
        <dl className="figures-list" data-testid="coverage-summary">
          {rows.map((row) => (
            <div key={row.id} data-figure={row.id}>
              <dt>{t(row.label)}</dt>
              <dd>
                <strong>{percent(row.good, row.total, lang)}</strong> ({n(row.good)} {t('of')} {n(row.total)})
              </dd>
            </div>
          ))}
          <div data-figure="weak-none">
            <dt>{t('layerHamlets')}: {t('weakNone')}</dt>
            <dd>
              {n(totals.hamlets.weak)} / {n(totals.hamlets.none)}
            </dd>
          </div>
        </dl>
      )}
      {coverage && DEBUG && (
        <p className="note" data-testid="debug-timing">
          {t('computedIn')} {formatNumber(coverage.elapsedMs, lang, 1)} ms
        </p>
      )}
    </section>
  );
}
