import { planChanges } from '../../state/plan-view.ts';
import { scenarioOf, useAppStore } from '../../state/store.ts';
import { formatDate, formatNumber } from '../common/format.ts';
import { useT } from '../common/use-t.ts';
import { FiguresChange } from './FiguresChange.tsx';

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
      <FiguresChange before={coverage.baselineFigures} after={coverage.figures} />
      <p className="note" data-testid="plan-gained">
        {tw('impactGained', { n: formatNumber(gained.length, lang) })}
      </p>
      <p className="note">{tw('impactLost', { n: formatNumber(lost.length, lang) })}</p>
    </section>
  );
}
