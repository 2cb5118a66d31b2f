import type { CoverageFigures } from '../../domain/coverage/report.ts';
import { planChanges } from '../../state/plan-view.ts';
import { scenarioOf, useAppStore } from '../../state/store.ts';
import { formatDate, formatNumber } from '../common/format.ts';
import type { Lang, MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';

interface Row {
  id: string;
  label: MessageKey;
  pick: (f: CoverageFigures) => number;
}

const ROWS: Row[] = [
  { id: 'hamlets', label: 'hamletsGood', pick: (f) => f.hamlets.good },
  { id: 'population', label: 'populationGood', pick: (f) => f.hamlets.population_good },
  { id: 'schools', label: 'schoolsGood', pick: (f) => f.schools.good },
  { id: 'students', label: 'impactStudents', pick: (f) => f.schools.students_good },
];

function signed(n: number, lang: Lang): string {
  return n > 0 ? `+${formatNumber(n, lang)}` : n < 0 ? `−${formatNumber(-n, lang)}` : '0';
}

/** Before (the loaded towers) → after (with the plan), in the map's scenario. */
export function PlanImpact() {
  const { t, tw, lang } = useT();
  const coverage = useAppStore((s) => s.coverage);
  const scenario = useAppStore(scenarioOf);
  if (!coverage) return null;
  const { gained, lost } = planChanges(coverage);
  const scenarioText =
    scenario === 'current' ? t('scenarioCurrent') : scenario === 'planned' ? t('scenarioPlanned') : formatDate(scenario, lang);
  return (
    <section className="panel" aria-labelledby="impact-heading" data-testid="plan-impact" data-scenario={coverage.scenario}>
      <h2 id="impact-heading">{t('impactHeading')}</h2>
      <p className="note">{tw('impactScenario', { scenario: scenarioText })}</p>
      <table className="compact">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('impactBefore')}</th>
            <th scope="col">{t('impactAfter')}</th>
            <th scope="col">{t('impactChange')}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => {
            const before = row.pick(coverage.baselineFigures);
            const after = row.pick(coverage.figures);
            return (
              <tr key={row.id} data-figure={row.id}>
                <th scope="row">{t(row.label)}</th>
                <td>{formatNumber(before, lang)}</td>
                <td data-after>{formatNumber(after, lang)}</td>
                <td>{signed(after - before, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="note" data-testid="plan-gained">
        {tw('impactGained', { n: formatNumber(gained.length, lang) })}
      </p>
      <p className="note">{tw('impactLost', { n: formatNumber(lost.length, lang) })}</p>
    </section>
  );
}
