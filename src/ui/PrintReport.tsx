import { pointIconUrl } from '../map/icons.ts';
import { useAppStore } from '../state/store.ts';
import { formatDate } from './format.ts';
import { translate, translateWith } from './i18n.ts';
import { METRIC_LABEL } from './metrics.ts';

const LEVELS = [
  { level: 'good', label: 'levelGood' },
  { level: 'weak', label: 'levelWeak' },
  { level: 'none', label: 'levelNone' },
] as const;

/**
 * The parts of the A4 report that the screen does not show: the title block and a still of
 * the map (a live WebGL canvas does not print reliably). The cards, the district table and
 * the attribution print from the page itself (styles.css, @media print).
 */
export function PrintReport({ mapImage }: { mapImage: string | undefined }) {
  const lang = useAppStore((s) => s.lang);
  const asOf = useAppStore((s) => s.asOf);
  const programme = useAppStore((s) => s.dataset?.programme);
  const metric = useAppStore((s) => s.choroplethMetric);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="print-only print-head" data-testid="print-report">
      <h1>
        {translate(lang, 'reportTitle')}: {programme?.name}
      </h1>
      <p>
        <strong>{translateWith(lang, 'reportAsOf', { date: formatDate(asOf, lang) })}</strong> ·{' '}
        {translateWith(lang, 'reportPrinted', { date: formatDate(today, lang) })} · {translate(lang, 'simulatedNote')}
      </p>
      {mapImage && <img className="print-map" src={mapImage} alt={translate(lang, 'mapLabel')} />}
      <p className="print-caption">
        {LEVELS.map((entry) => (
          <span key={entry.level}>
            <img src={pointIconUrl('hamlet', entry.level)} alt="" /> <img src={pointIconUrl('school', entry.level)} alt="" />{' '}
            {translate(lang, entry.label)}
          </span>
        ))}
        <span>
          {translate(lang, 'choroplethHeading')}: {translate(lang, METRIC_LABEL[metric])}
        </span>
      </p>
    </div>
  );
}
