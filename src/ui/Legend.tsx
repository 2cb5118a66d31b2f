import { HAMLET_ICON_URL, SCHOOL_ICON_URL, towerIconUrl } from '../map/icons.ts';
import { COLORS } from '../map/palette.ts';
import { useAppStore } from '../state/store.ts';
import { translate, type MessageKey } from './i18n.ts';

const symbols: { icon: string; label: MessageKey }[] = [
  { icon: HAMLET_ICON_URL, label: 'layerHamlets' },
  { icon: SCHOOL_ICON_URL, label: 'layerSchools' },
  { icon: towerIconUrl('existing', '4g'), label: 'towerExisting' },
  { icon: towerIconUrl('planned', '4g'), label: 'towerPlanned' },
  { icon: towerIconUrl('upgrade', '2g3g'), label: 'towerUpgrade' },
];

const technologies: { color: string; label: MessageKey }[] = [
  { color: COLORS.tech2g3g, label: 'tech2g3g' },
  { color: COLORS.tech4g, label: 'tech4g' },
  { color: COLORS.tech5g, label: 'tech5g' },
];

const lines: { color: string; width: number; label: MessageKey }[] = [
  { color: COLORS.provinceLine, width: 3, label: 'province' },
  { color: COLORS.districtLine, width: 2, label: 'district' },
  { color: COLORS.communeLine, width: 1, label: 'commune' },
];

/** The legend uses the map's own icons, so what it shows is what the map draws. */
export function Legend() {
  const lang = useAppStore((s) => s.lang);
  const t = (key: MessageKey) => translate(lang, key);
  return (
    <section className="panel" aria-labelledby="legend-heading">
      <h2 id="legend-heading">{t('legendHeading')}</h2>
      <ul className="legend">
        {symbols.map((s) => (
          <li key={s.label}>
            <img src={s.icon} alt="" width={18} height={18} />
            {t(s.label)}
          </li>
        ))}
        {technologies.map((s) => (
          <li key={s.label}>
            <span className="swatch disc" style={{ background: s.color }} aria-hidden="true" />
            {t('radiusDisc')} {t(s.label)}
          </li>
        ))}
        {lines.map((s) => (
          <li key={s.label}>
            <span className="swatch line" style={{ borderTop: `${s.width}px solid ${s.color}` }} aria-hidden="true" />
            {t(s.label)}
          </li>
        ))}
      </ul>
    </section>
  );
}
