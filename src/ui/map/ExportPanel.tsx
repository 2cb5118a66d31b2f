import { todayIn } from '../../domain/input/day.ts';
import { useState } from 'react';
import { captureMap } from '../../map/capture.ts';
import { pointIconUrl, towerIconUrl } from '../../map/icons.ts';
import { scenarioOf, useAppStore } from '../../state/store.ts';
import { networkAndModel } from '../network/model-name.ts';
import { ATTRIBUTION } from '../common/Attribution.tsx';
import { formatDate } from '../common/format.ts';
import { translate, type Lang, type MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';
import { mapPng } from './map-png.ts';
import { saveFile } from '../common/save-file.ts';
import { METRIC_LABEL } from '../common/metrics.ts';

type Note = { ok: boolean; text: string } | undefined;

function scenarioText(lang: Lang, scenario: string): string {
  if (scenario === 'current') return translate(lang, 'scenarioCurrent');
  if (scenario === 'planned') return translate(lang, 'scenarioPlanned');
  return formatDate(scenario, lang);
}

const KEY: { icons: () => string[]; label: MessageKey }[] = [
  { icons: () => [pointIconUrl('hamlet', 'good'), pointIconUrl('school', 'good')], label: 'levelGood' },
  { icons: () => [pointIconUrl('hamlet', 'weak'), pointIconUrl('school', 'weak')], label: 'levelWeak' },
  { icons: () => [pointIconUrl('hamlet', 'none'), pointIconUrl('school', 'none')], label: 'levelNone' },
  { icons: () => [towerIconUrl('existing', '4g')], label: 'towerExisting' },
  { icons: () => [towerIconUrl('planned', '4g')], label: 'towerPlanned' },
  { icons: () => [towerIconUrl('upgrade', '2g3g')], label: 'towerUpgrade' },
];

/** A picture of the map to pass around, with its title, day, key and attribution drawn in. */
export function ExportPanel() {
  const { t, tw, lang } = useT();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>();

  const exportPng = async () => {
    const state = useAppStore.getState();
    const mapImage = captureMap();
    if (!mapImage) {
      setNote({ ok: false, text: t('exportNoMap') });
      return;
    }
    setBusy(true);
    setNote(undefined);
    try {
      const scenario = scenarioOf(state);
      const today = todayIn();
      const shading = state.layers.choropleth
        ? [tw('pngShading', { metric: t(METRIC_LABEL[state.choroplethMetric]) })]
        : [];
      const named = networkAndModel(
        { network: state.network, answered: state.coverage?.radiusModel, model: state.dataset?.model, plan: state.plan },
        { t, tw },
      );
      const blob = await mapPng({
        mapImage,
        title: `${t('appTitle')} — ${state.dataset?.programme.name ?? ''}`,
        subtitle: tw('pngScenario', { scenario: scenarioText(lang, scenario), today: formatDate(today, lang) }),
        detail: Object.values(named).join(' · '),
        key: KEY.map((entry) => ({ icons: entry.icons(), label: t(entry.label) })),
        attribution: [...shading, ...ATTRIBUTION[lang]],
      });
      const file = `song-map-${scenario}.png`;
      saveFile(file, blob);
      setNote({ ok: true, text: tw('exportPngDone', { file }) });
    } catch (error) {
      setNote({ ok: false, text: tw('exportPngFailed', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exportHeading')}</h2>
      <div className="button-row">
        <button type="button" onClick={() => void exportPng()} disabled={busy}>
          {t('exportPng')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {busy && <p className="note">{t('exportPngWorking')}</p>}
        {note && <p className={note.ok ? 'note' : 'note error-text'}>{note.text}</p>}
      </div>
    </section>
  );
}
