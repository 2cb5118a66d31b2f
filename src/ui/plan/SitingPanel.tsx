import { useMemo, useState, type FormEvent } from 'react';
import { readDecimal } from '../../domain/input/decimal.ts';
import { pointAt } from '../../domain/points/table.ts';
import type { DatasetView } from '../../domain/points/dataset-view.ts';
import type { SitingWeight } from '../../domain/siting/siting.ts';
import { DEFAULT_RADIUS_KM } from '../../domain/types.ts';
import { placePlannedTowers } from '../../state/plan-actions.ts';
import { boundaryNames } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';
import { suggestSites } from '../../state/engine-client.ts';
import { formatNumber } from '../common/format.ts';
import type { MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';
import { formatPercent } from '../common/metrics.ts';
import { SitingChart } from './SitingChart.tsx';

const WEIGHTS: { value: SitingWeight; label: MessageKey }[] = [
  { value: 'population', label: 'weightPopulation' },
  { value: 'students', label: 'weightStudents' },
  { value: 'students_in_need', label: 'weightStudentsInNeed' },
];

/** K new 4G sites that add the most not-yet-good weight; chosen ones join the plan in one step. */
export function SitingPanel({ dataset }: { dataset: DatasetView }) {
  const { t, tw, lang } = useT();
  const siting = useAppStore((s) => s.siting);
  const [k, setK] = useState('10');
  const [radius, setRadius] = useState('4');
  const [weight, setWeight] = useState<SitingWeight>('population');
  const [unchecked, setUnchecked] = useState<ReadonlySet<number>>(new Set());
  const names = boundaryNames(dataset);

  // Read as the language writes numbers ("4,5" km in Vietnamese), whatever the browser's.
  const kRead = readDecimal(k, lang);
  const radiusRead = readDecimal(radius, lang);
  const kValue = kRead.ok ? kRead.value : NaN;
  const radiusValue = radiusRead.ok ? radiusRead.value : NaN;
  const kValid = Number.isInteger(kValue) && kValue >= 1 && kValue <= 500;
  const radiusValid = radiusValue > 0 && radiusValue <= 50;
  const valid = kValid && radiusValid;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setUnchecked(new Set());
    suggestSites({ k: kValue, radiusKm: radiusValue, weight });
  };

  const result = siting.phase === 'done' ? siting.result : undefined;
  const curve = useMemo(() => {
    if (!result || result.totalWeight === 0) return [];
    return [0, ...result.sites.map((s) => s.cumulative)].map((c) => (100 * (result.baselineGood + c)) / result.totalWeight);
  }, [result]);
  const chosen = result ? result.sites.filter((_, i) => !unchecked.has(i)) : [];

  const addChosen = () => {
    if (siting.phase !== 'done') return;
    const radiusKm = siting.options.radiusKm === DEFAULT_RADIUS_KM['4G'] ? undefined : siting.options.radiusKm;
    placePlannedTowers(chosen.map((site) => ({ lon: site.lon, lat: site.lat, radiusKm })));
  };

  const place = (siteIndex: number) => {
    const site = result?.sites[siteIndex];
    if (!site) return '';
    const point = pointAt(dataset.points, site.point)?.item;
    const where = [point?.commune, point?.district].map((id) => (id ? names.get(id) : undefined)).filter(Boolean);
    return `${point?.name ?? site.atId}${where.length ? ` (${where.join(', ')})` : ''}`;
  };

  return (
    <section className="panel" aria-labelledby="siting-heading" data-testid="siting-panel">
      <h2 id="siting-heading">{t('sitingHeading')}</h2>
      <form onSubmit={submit} className="form-grid">
        <label className="field">
          <span>{t('sitingK')}</span>
          <input type="text" inputMode="numeric" value={k} onChange={(event) => setK(event.target.value)} aria-invalid={!kValid} />
        </label>
        <label className="field">
          <span>{t('sitingRadius')}</span>
          <input type="text" inputMode="decimal" value={radius} onChange={(event) => setRadius(event.target.value)} aria-invalid={!radiusValid} />
        </label>
        <label className="field wide">
          <span>{t('sitingWeight')}</span>
          <select value={weight} onChange={(event) => setWeight(event.target.value as SitingWeight)}>
            {WEIGHTS.map((w) => (
              <option key={w.value} value={w.value}>
                {t(w.label)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!valid || siting.phase === 'running'}>
          {t('sitingRun')}
        </button>
      </form>
      <p className="note">{t('sitingScenario')}</p>
      <div role="status" aria-live="polite">
        {siting.phase === 'running' && <p className="note">{t('sitingRunning')}</p>}
        {siting.phase === 'failed' && <p className="note error-text">{siting.message}</p>}
        {result && result.sites.length === 0 && <p className="note">{t('sitingNone')}</p>}
        {result && result.sites.length > 0 && siting.phase === 'done' && (
          <p className="note" data-testid="siting-summary">
            {tw('sitingDone', {
              n: result.sites.length,
              gain: formatNumber(result.sites[result.sites.length - 1]?.cumulative ?? 0, lang),
              pct: formatPercent(curve[curve.length - 1] ?? null, lang),
            })}
          </p>
        )}
      </div>
      {result && result.sites.length > 0 && (
        <>
          <ol className="sites" data-testid="siting-sites">
            {result.sites.map((site, i) => (
              <li key={site.atId}>
                <label className="toggle">
                  <input
                    type="checkbox"
                    checked={!unchecked.has(i)}
                    aria-label={tw('sitingPick', { n: i + 1 })}
                    onChange={() =>
                      setUnchecked((previous) => {
                        const next = new Set(previous);
                        if (next.has(i)) next.delete(i);
                        else next.add(i);
                        return next;
                      })
                    }
                  />
                  <span>
                    <strong>{i + 1}.</strong> {place(i)} <strong>{tw('sitingGain', { gain: formatNumber(site.gain, lang) })}</strong>
                    {!site.gridPower && <span className="flag"> {t('sitingNeedsPower')}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ol>
          <SitingChart
            values={curve}
            lang={lang}
            label={tw('sitingCurve', {
              from: formatPercent(curve[0] ?? null, lang),
              to: formatPercent(curve[curve.length - 1] ?? null, lang),
            })}
          />
          <button type="button" onClick={addChosen} disabled={chosen.length === 0}>
            {tw('sitingAdd', { n: chosen.length })}
          </button>
        </>
      )}
    </section>
  );
}
