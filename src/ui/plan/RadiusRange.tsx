import type { CoverageFigures } from '../../domain/coverage/report.ts';
import { useAppStore } from '../../state/store.ts';
import { formatNumber } from '../common/format.ts';
import type { MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';
import { formatPercent } from '../common/metrics.ts';

const pct = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);

const ROWS: { id: string; label: MessageKey; value: (f: CoverageFigures) => number | null }[] = [
  { id: 'hamlets', label: 'hamletsGood', value: (f) => pct(f.hamlets.good, f.hamlets.total) },
  { id: 'population', label: 'populationGood', value: (f) => pct(f.hamlets.population_good, f.hamlets.population) },
  { id: 'schools', label: 'schoolsGood', value: (f) => pct(f.schools.good, f.schools.total) },
];

/** The same plan and scenario under smaller and larger radii: a range, not one precise number. */
export function RadiusRange() {
  const { t, tw, lang } = useT();
  const range = useAppStore((s) => (s.radiusRange && s.radiusRange.requestId === s.coverage?.requestId ? s.radiusRange.ranges : undefined));
  if (!range) return null;
  return (
    <section className="panel" aria-labelledby="radius-heading" data-testid="radius-range">
      <h2 id="radius-heading">{t('radiusHeading')}</h2>
      <p className="note">{t('radiusIntro')}</p>
      <table className="compact">
        <thead>
          <tr>
            <th scope="col" />
            {range.map((r) => (
              <th scope="col" key={r.factor}>
                {tw('radiusFactor', { f: formatNumber(r.factor, lang, 2) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.id}>
              <th scope="row">{t(row.label)}</th>
              {range.map((r) => (
                <td key={r.factor}>{formatPercent(row.value(r.figures), lang)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
