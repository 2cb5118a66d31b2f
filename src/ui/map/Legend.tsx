import { changeIconUrl, pointIconUrl, siteIconUrl, STATUS_MARK, towerIconUrl, type LevelName } from '../../map/icons.ts';
import { COLORS } from '../../map/palette.ts';
import type { MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';
import { useAppStore } from '../../state/store.ts';
import { networkAndModel } from '../network/model-name.ts';

const levels: { level: LevelName; label: MessageKey }[] = [
  { level: 'good', label: 'levelGood' },
  { level: 'weak', label: 'levelWeak' },
  { level: 'none', label: 'levelNone' },
];

const towers: { icon: string; label: MessageKey }[] = [
  { icon: towerIconUrl('existing', '4g'), label: 'towerExisting' },
  { icon: towerIconUrl('planned', '4g'), label: 'towerPlanned' },
  { icon: towerIconUrl('upgrade', '2g3g'), label: 'towerUpgrade' },
];

const planMarks: { icon: string; label: MessageKey }[] = [
  { icon: changeIconUrl('gained'), label: 'legendGained' },
  { icon: changeIconUrl('lost'), label: 'legendLost' },
  { icon: siteIconUrl(false), label: 'legendSite' },
];

const swatches: { color: string; label: MessageKey; kind: 'disc' | 'tech' }[] = [
  { color: COLORS.tech2g3g, label: 'tech2g3g', kind: 'tech' },
  { color: COLORS.tech4g, label: 'tech4g', kind: 'tech' },
  { color: COLORS.tech5g, label: 'tech5g', kind: 'tech' },
  { color: COLORS.tech4g, label: 'discBroadband', kind: 'disc' },
  { color: COLORS.tech2g3g, label: 'discNarrow', kind: 'disc' },
];

const lines: { color: string; width: number; label: MessageKey }[] = [
  { color: COLORS.provinceLine, width: 3, label: 'province' },
  { color: COLORS.districtLine, width: 2, label: 'district' },
  { color: COLORS.communeLine, width: 1, label: 'commune' },
];

/** The legend uses the map's own icons, so what it shows is what the map draws. */
export function Legend() {
  const { t, tw, lang } = useT();
  const answered = useAppStore((s) => s.coverage?.radiusModel);
  const network = useAppStore((s) => s.network);
  const plan = useAppStore((s) => s.plan);
  const model = useAppStore((s) => s.dataset?.model);
  const named = networkAndModel({ network, answered, model, plan }, { t, tw });
  return (
    <section className="panel" aria-labelledby="legend-heading">
      <h2 id="legend-heading">{t('legendHeading')}</h2>
      <ul className="legend">
        {levels.map((entry) => (
          <li key={entry.level}>
            <img src={pointIconUrl('hamlet', entry.level)} alt="" width={16} height={16} />
            <img src={pointIconUrl('school', entry.level)} alt="" width={16} height={16} />
            {t(entry.label)}
          </li>
        ))}
        <li className="legend-note">
          ● {t('layerHamlets')} · ■ {t('layerSchools')}
        </li>
        {towers.map((entry) => (
          <li key={entry.label}>
            <img src={entry.icon} alt="" width={18} height={18} />
            {t(entry.label)}
          </li>
        ))}
        <li>
          <img src={towerIconUrl('existing', '4g')} alt="" width={18} height={18} className="faded" />
          {t('towerNotOnAir')}
        </li>
        {planMarks.map((entry) => (
          <li key={entry.label}>
            <img src={entry.icon} alt="" width={18} height={18} />
            {t(entry.label)}
          </li>
        ))}
        <li>
          <span className="status-mark" aria-hidden="true">
            {STATUS_MARK[lang].assigned}
          </span>
          {t('legendStatus')}
        </li>
        {swatches.map((entry) => (
          <li key={entry.label}>
            <span className={`swatch ${entry.kind}`} style={{ background: entry.color }} aria-hidden="true" />
            {t(entry.label)}
          </li>
        ))}
        <li className="legend-note" data-testid="legend-model">
          {named.network} · {named.model}
          {answered === 'path_loss' && <> — {t('modelLegendDiscs')}</>}
        </li>
        {lines.map((entry) => (
          <li key={entry.label}>
            <span className="swatch line" style={{ borderTop: `${entry.width}px solid ${entry.color}` }} aria-hidden="true" />
            {t(entry.label)}
          </li>
        ))}
      </ul>
    </section>
  );
}
