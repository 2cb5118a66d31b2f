
import type { Picked } from '../../map/layers.ts';
import type { DatasetView } from '../../domain/points/dataset-view.ts';
import { DEFAULT_RADIUS_KM, type Tower } from '../../domain/types.ts';
import { boundaryNames } from '../../state/selectors.ts';
import { formatDate, formatKm, formatNumber } from '../common/format.ts';
import { translate, type MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';

/** Radius now on air, before any upgrade (contract coverage rule 2). */
function currentRadiusKm(tower: Tower): number {
  return tower.radiusKm ?? DEFAULT_RADIUS_KM[tower.technology];
}

const levelKey: Record<string, MessageKey> = {
  preschool: 'levelPreschool',
  primary: 'levelPrimary',
  lower_secondary: 'levelLowerSecondary',
  upper_secondary: 'levelUpperSecondary',
  multi_level: 'levelMultiLevel',
  continuing: 'levelContinuing',
};

type Row = [MessageKey, string];

function rows(picked: Picked, lang: 'vi' | 'en'): Row[] {
  const t = (key: MessageKey) => translate(lang, key);
  const n = (value: number) => formatNumber(value, lang);
  if (picked.kind === 'hamlet') {
    const h = picked.item;
    const out: Row[] = [['tooltipPopulation', n(h.population)]];
    if (h.households !== undefined) out.push(['tooltipHouseholds', n(h.households)]);
    if (h.poorHouseholds !== undefined) out.push(['tooltipPoorHouseholds', n(h.poorHouseholds)]);
    if (h.students !== undefined) out.push(['tooltipStudents', n(h.students)]);
    out.push(['tooltipGridPower', h.gridPower ? t('yes') : t('tooltipNoGridPower')]);
    return out;
  }
  if (picked.kind === 'school') {
    const s = picked.item;
    const out: Row[] = [
      ['tooltipLevel', t(levelKey[s.level] ?? 'levelMultiLevel')],
      ['tooltipStudents', n(s.students)],
    ];
    if (s.studentsInNeed !== undefined) out.push(['tooltipStudentsInNeed', n(s.studentsInNeed)]);
    out.push(['tooltipFixedBroadband', s.fixedBroadband ? t('yes') : t('no')]);
    return out;
  }
  if (picked.kind === 'cell') {
    const { good, weak, none } = picked.item;
    const total = good + weak + none;
    return [
      ['cellPoints', n(total)],
      ['cellGoodShare', `${formatNumber((100 * good) / total, lang, 1)}% (${n(good)})`],
      ['levelWeak', n(weak)],
      ['levelNone', n(none)],
    ];
  }
  const tower = picked.item;
  const out: Row[] = [
    ['tooltipOperator', tower.operator],
    ['tooltipStatus', t(tower.status === 'planned' ? 'statusPlanned' : 'statusExisting')],
    ['tooltipTechnology', tower.technology],
    ['tooltipRadius', formatKm(currentRadiusKm(tower), lang)],
  ];
  if (tower.serviceDate) out.push(['tooltipServiceDate', formatDate(tower.serviceDate, lang)]);
  if (tower.upgradeTechnology) {
    const when = tower.upgradeDate ? ` · ${formatDate(tower.upgradeDate, lang)}` : '';
    out.push(['tooltipUpgrade', `→ ${tower.upgradeTechnology}${when}`]);
  }
  return out;
}

function placeRows(picked: Picked, dataset: DatasetView): Row[] {
  if (picked.kind === 'tower' || picked.kind === 'cell') return [];
  const names = boundaryNames(dataset);
  const out: Row[] = [];
  const commune = picked.item.commune && names.get(picked.item.commune);
  const district = picked.item.district && names.get(picked.item.district);
  if (commune) out.push(['tooltipCommune', commune]);
  if (district) out.push(['tooltipDistrict', district]);
  return out;
}

function title(picked: Picked, lang: 'vi' | 'en'): string {
  if (picked.kind === 'cell') return translate(lang, 'cellTitle').replace('{km}', formatNumber(picked.item.sizeKm, lang, 0));
  return picked.kind === 'tower' ? `${picked.item.operator} ${picked.item.id}` : picked.item.name;
}

/** Hover card for a map feature; text only, so names from user files can never inject HTML. */
export function Tooltip({ picked, dataset, x, y }: { picked: Picked; dataset: DatasetView; x: number; y: number }) {
  const { t, lang } = useT();
  return (
    <div className="tooltip" role="status" style={{ left: x + 12, top: y + 12 }}>
      <strong>{title(picked, lang)}</strong>
      {picked.kind !== 'cell' && picked.item.synthetic && <span className="badge">{t('simulated')}</span>}
      <dl>
        {[...placeRows(picked, dataset), ...rows(picked, lang)].map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
