// One line that names a hamlet, school or tower and says where its signal stands: the search
// list's options and what the map's live region reads out.
import { LEVEL_NAMES } from '../../domain/coverage/columns.ts';
import type { MapFeature } from '../../domain/points/features.ts';
import { stringAt } from '../../domain/points/table.ts';
import type { DatasetView } from '../../domain/points/dataset-view.ts';
import type { Tower } from '../../domain/types.ts';
import type { CoverageResult } from '../../domain/coverage/answer.ts';
import { formatDate, formatKm } from '../common/format.ts';
import type { MessageKey } from '../common/i18n.ts';
import type { Texts } from '../common/use-t.ts';

const LEVEL_KEY: Record<(typeof LEVEL_NAMES)[number], MessageKey> = { good: 'levelGood', weak: 'levelWeak', none: 'levelNone' };

export function towerText(tower: Tower, { t, tw, lang }: Texts): string {
  const line = tw('featureTower', {
    id: tower.id,
    operator: tower.operator,
    technology: tower.technology,
    status: t(tower.status === 'planned' ? 'statusPlanned' : 'statusExisting'),
  });
  return tower.upgradeTechnology
    ? `${line}, ${tw('featureTowerUpgrade', { technology: tower.upgradeTechnology, date: tower.upgradeDate ? formatDate(tower.upgradeDate, lang) : '–' })}`
    : line;
}

export interface FeatureContext {
  dataset: DatasetView;
  towers: readonly (Tower | undefined)[];
  coverage: CoverageResult | undefined;
}

/** The feature's line; `nearest` adds the point's nearest 4G/5G tower (what the map announces). */
export function featureText(feature: MapFeature, { dataset, towers, coverage }: FeatureContext, texts: Texts, nearest = false): string {
  const { t, tw, lang } = texts;
  if (feature.kind === 'tower') {
    const tower = towers[feature.slot];
    return tower ? towerText(tower, texts) : '';
  }
  const points = dataset.points;
  const i = feature.index;
  const code = coverage?.level[i];
  const level = code === undefined ? undefined : LEVEL_NAMES[code];
  const place = [stringAt(points.communes, i), stringAt(points.districts, i)].filter((x) => x !== '').join(', ');
  const line = tw('featurePoint', {
    name: stringAt(points.names, i),
    kind: t(i < points.hamletCount ? 'layerHamlets' : 'layerSchools'),
    place,
    level: level ? t(LEVEL_KEY[level]) : t('levelUnknown'),
  });
  if (!nearest || !coverage) return line;
  const tower = towers[coverage.nearestTower[i] ?? -1];
  const km = coverage.nearestKm[i];
  if (!tower || km === undefined) return `${line}; ${t('noBroadbandTower')}`;
  return `${line}; ${tw('featureNearest', { tower: `${tower.operator} ${tower.id}`, km: formatKm(km, lang) })}`;
}

/** The feature the store has chosen: a tower when only a tower is, else the point. */
export function chosenFeature(selectedPoint: number | undefined, selectedTower: string | undefined, towers: readonly (Tower | undefined)[]): MapFeature | undefined {
  if (selectedPoint !== undefined) return { kind: 'point', index: selectedPoint };
  if (selectedTower === undefined) return undefined;
  const slot = towers.findIndex((tower) => tower?.id === selectedTower);
  return slot >= 0 ? { kind: 'tower', slot } : undefined;
}
