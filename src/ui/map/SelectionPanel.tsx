import { useEffect } from 'react';
import { EvidenceDetail } from '../gaps/EvidenceDetail.tsx';
import { pointAt } from '../../domain/points/table.ts';
import type { DatasetView } from '../../domain/points/dataset-view.ts';
import { LEVEL_NAMES } from '../../domain/coverage/columns.ts';

import { useAppStore } from '../../state/store.ts';
import { formatKm } from '../common/format.ts';
import type { MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';
import { WhyLevel } from '../network/WhyLevel.tsx';

const levelLabel: Record<(typeof LEVEL_NAMES)[number], MessageKey> = {
  good: 'levelGood',
  weak: 'levelWeak',
  none: 'levelNone',
};

/** The clicked point's level and nearest 4G/5G tower; Escape or the button clears it. */
export function SelectionPanel({ dataset }: { dataset: DatasetView }) {
  const { t, lang } = useT();
  const index = useAppStore((s) => s.selectedPoint);
  const coverage = useAppStore((s) => s.coverage);
  const pointSelected = useAppStore((s) => s.pointSelected);
  const towers = useAppStore((s) => s.towers);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') pointSelected(undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pointSelected]);

  if (index === undefined) {
    return (
      <section className="panel" aria-labelledby="selection-heading">
        <h2 id="selection-heading">{t('selectionHeading')}</h2>
        <p className="note">{t('selectionHint')}</p>
      </section>
    );
  }
  const point = pointAt(dataset.points, index)?.item;
  const levelCode = coverage?.level[index];
  const level = levelCode === undefined ? undefined : LEVEL_NAMES[levelCode];
  const towerIndex = coverage?.nearestTower[index] ?? -1;
  const tower = towerIndex >= 0 ? towers[towerIndex] : undefined;
  const km = coverage?.nearestKm[index];
  return (
    <section className="panel" aria-labelledby="selection-heading" data-testid="selection" data-lonlat={point && `${point.lon},${point.lat}`}>
      <h2 id="selection-heading">{t('selectionHeading')}</h2>
      <p>
        <strong>{point?.name}</strong> ({t(index < dataset.points.hamletCount ? 'layerHamlets' : 'layerSchools')})
      </p>
      <dl className="figures-list">
        <div>
          <dt>{t('coverageHeading')}</dt>
          <dd data-level={level}>{level ? t(levelLabel[level]) : t('levelUnknown')}</dd>
        </div>
        <div>
          <dt>{t('nearestTower')}</dt>
          <dd>{tower ? `${tower.operator} ${tower.id} (${tower.technology})` : t('noBroadbandTower')}</dd>
        </div>
        {tower && km !== undefined && (
          <div>
            <dt>{t('distance')}</dt>
            <dd>{formatKm(km, lang)}</dd>
          </div>
        )}
      </dl>
      <WhyLevel index={index} />
      <EvidenceDetail index={index} />
      <button type="button" onClick={() => pointSelected(undefined)}>
        {t('selectionClear')}
      </button>
    </section>
  );
}
