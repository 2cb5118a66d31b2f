
import { summarise } from '../../state/selectors.ts';
import type { DatasetView } from '../../domain/points/dataset-view.ts';
import { useAppStore } from '../../state/store.ts';
import { formatNumber } from '../common/format.ts';
import type { MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';

export function DatasetSummary({ dataset }: { dataset: DatasetView }) {
  const { t, lang } = useT();
  const warnings = useAppStore((s) => s.issues.filter((i) => i.severity === 'warning').length);
  const summary = summarise(dataset);
  const figures: [number, MessageKey][] = [
    [summary.hamlets, 'countsHamlets'],
    [summary.schools, 'countsSchools'],
    [summary.towers, 'countsTowers'],
    [summary.population, 'countsPopulation'],
    [summary.students, 'countsStudents'],
  ];
  return (
    <section className="panel" aria-labelledby="dataset-heading">
      <h2 id="dataset-heading">{t('datasetHeading')}</h2>
      <ul className="figures" data-testid="dataset-summary">
        {figures.map(([value, key]) => (
          <li key={key}>
            <strong>{formatNumber(value, lang)}</strong> {t(key)}
          </li>
        ))}
      </ul>
      {warnings > 0 && (
        <p className="note">
          {t('warnings')}: {formatNumber(warnings, lang)}
        </p>
      )}
    </section>
  );
}
