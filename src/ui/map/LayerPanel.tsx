import { useAppStore, type LayerId } from '../../state/store.ts';
import type { MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';
import { EvidenceSummary } from './EvidenceSummary.tsx';

const entries: { id: LayerId; label: MessageKey; simulated: boolean }[] = [
  { id: 'hamlets', label: 'layerHamlets', simulated: true },
  { id: 'schools', label: 'layerSchools', simulated: true },
  { id: 'towers', label: 'layerTowers', simulated: true },
  { id: 'towerRadius', label: 'layerTowerRadius', simulated: true },
  { id: 'choropleth', label: 'layerChoropleth', simulated: true },
  { id: 'evidence', label: 'layerEvidence', simulated: true },
];

export function LayerPanel() {
  const { t } = useT();
  const layers = useAppStore((s) => s.layers);
  const layerToggled = useAppStore((s) => s.layerToggled);
  return (
    <fieldset className="panel">
      <legend>{t('layersHeading')}</legend>
      {entries.map((entry) => (
        <label key={entry.id} className="toggle">
          <input
            type="checkbox"
            checked={layers[entry.id]}
            onChange={() => layerToggled(entry.id)}
            data-layer={entry.id}
          />
          <span>
            {t(entry.label)}
            {entry.simulated && <span className="badge">{t('simulated')}</span>}
          </span>
        </label>
      ))}
      <EvidenceSummary />
    </fieldset>
  );
}
