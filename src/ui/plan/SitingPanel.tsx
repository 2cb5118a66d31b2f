import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { readDecimal, writeDecimal } from '../../domain/input/decimal.ts';
import { pointAt } from '../../domain/points/table.ts';
import type { DatasetView } from '../../domain/points/dataset-view.ts';
import type { SitingMode, SitingRequest } from '../../domain/siting/modes.ts';
import type { SitingWeight } from '../../domain/siting/siting.ts';
import type { Indicator } from '../../domain/siting/target.ts';
import type { CandidateUse } from '../../domain/siting/candidates.ts';
import { DEFAULT_COSTS } from '../../domain/parse/costs.ts';
import { DEFAULT_RADIUS_KM } from '../../domain/types.ts';
import { placePlannedTowers } from '../../state/plan-actions.ts';
import { boundaryNames } from '../../state/selectors.ts';
import { useAppStore } from '../../state/store.ts';
import { engineNow, suggestSites } from '../../state/engine-client.ts';
import { formatNumber } from '../common/format.ts';
import type { MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';
import { formatPercent } from '../common/metrics.ts';
import { formatMoney } from './money.ts';
import { SitingChart } from './SitingChart.tsx';
import { SitingCosts, type CostField, type CostTexts } from './SitingCosts.tsx';
import { SitingExact } from './SitingExact.tsx';
import { SitingSchedule } from './SitingSchedule.tsx';

const WEIGHTS: { value: SitingWeight; label: MessageKey }[] = [
  { value: 'population', label: 'weightPopulation' },
  { value: 'students', label: 'weightStudents' },
  { value: 'students_in_need', label: 'weightStudentsInNeed' },
];
const MODES: { value: SitingMode; label: MessageKey }[] = [
  { value: 'k', label: 'sitingModeK' },
  { value: 'budget', label: 'sitingModeBudget' },
  { value: 'target', label: 'sitingModeTarget' },
];
const INDICATORS: { value: Indicator; label: MessageKey }[] = [
  { value: 'hamlets', label: 'indicatorHamlets' },
  { value: 'population', label: 'indicatorPopulation' },
  { value: 'schools', label: 'indicatorSchools' },
];
/** Where sites may go: the points not good (no candidateUse), or candidates.geojson's places. */
type Where = 'points' | CandidateUse;
const WHERE: { value: Where; label: MessageKey }[] = [
  { value: 'points', label: 'sitingWherePoints' },
  { value: 'only', label: 'sitingWhereOnly' },
  { value: 'also', label: 'sitingWhereAlso' },
];
const OPERATORS = ['Viettel', 'VNPT', 'MobiFone'];
const MILLION = 1e6;
const BILLION = 1e9;

/**
 * New 4G sites for one of three questions (the best K, what a budget buys, the cheapest way to
 * a target), each priced; the greedy answers at once, HiGHS's exact one follows. Chosen sites
 * join the plan in one step, with the operator the user picks, never twice.
 */
export function SitingPanel({ dataset }: { dataset: DatasetView }) {
  const { t, tw, lang } = useT();
  const siting = useAppStore((s) => s.siting);
  const [mode, setMode] = useState<SitingMode>('k');
  const [k, setK] = useState('10');
  const [budget, setBudget] = useState('20');
  const [target, setTarget] = useState('100');
  const [indicator, setIndicator] = useState<Indicator>('hamlets');
  const [timeLimit, setTimeLimit] = useState('10');
  const [radius, setRadius] = useState('4');
  const [weight, setWeight] = useState<SitingWeight>('population');
  const [where, setWhere] = useState<Where>('points');
  const placeCount = dataset.candidates?.length ?? 0;
  // A data set without candidates.geojson (or a new one) sites among the points not good.
  const whereUsed: Where = placeCount > 0 ? where : 'points';
  const [operator, setOperator] = useState(OPERATORS[0]!);
  const [currency, setCurrency] = useState(DEFAULT_COSTS.currency);
  const [costs, setCosts] = useState<CostTexts>(() => costTexts(DEFAULT_COSTS, lang));
  const [unchecked, setUnchecked] = useState<ReadonlySet<number>>(new Set());
  const names = boundaryNames(dataset);

  // The data set's costs.json (or the defaults) as the fields' starting values.
  useEffect(() => {
    void engineNow()?.sitingCosts().then((c) => {
      setCurrency(c.currency);
      setCosts(costTexts(c, lang));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per data set; the language only formats
  }, [dataset]);

  // Read as the language writes numbers ("4,5" km in Vietnamese), whatever the browser's.
  const read = (text: string) => {
    const r = readDecimal(text, lang);
    return r.ok ? r.value : NaN;
  };
  const kValue = read(k);
  const radiusValue = read(radius);
  const budgetValue = read(budget) * BILLION;
  const targetValue = read(target);
  const limitValue = read(timeLimit);
  const costValue = { siteCapex: read(costs.siteCapex) * MILLION, solarCapex: read(costs.solarCapex) * MILLION, backhaulPerKm: read(costs.backhaulPerKm) * MILLION };
  const costValid = { siteCapex: costValue.siteCapex >= 0, solarCapex: costValue.solarCapex >= 0, backhaulPerKm: costValue.backhaulPerKm >= 0 };
  const kValid = Number.isInteger(kValue) && kValue >= 1 && kValue <= 500;
  const radiusValid = radiusValue > 0 && radiusValue <= 50;
  const budgetValid = budgetValue >= 0 && Number.isFinite(budgetValue);
  const targetValid = targetValue >= 0 && targetValue <= 100;
  const limitValid = limitValue > 0 && limitValue <= 600;
  const valid =
    radiusValid && limitValid && costValid.siteCapex && costValid.solarCapex && costValid.backhaulPerKm && (mode === 'k' ? kValid : mode === 'budget' ? budgetValid : targetValid);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setUnchecked(new Set());
    const request: SitingRequest = { mode, radiusKm: radiusValue, weight, costs: { currency, ...costValue }, timeLimitS: limitValue };
    if (mode === 'k') request.k = kValue;
    if (mode === 'budget') request.budget = budgetValue;
    if (mode === 'target') Object.assign(request, { targetPct: targetValue, indicator });
    if (whereUsed !== 'points') request.candidateUse = whereUsed;
    suggestSites(request);
  };

  const done = siting.phase === 'done' ? siting : undefined;
  const result = done?.result;
  const exact = done?.exact?.phase === 'done' && done.exact.answer.feasible ? done.exact.answer : undefined;
  const shown = done?.shown ?? 'quick';
  const answer = shown === 'exact' && exact ? exact : result;
  const setShown = (which: 'quick' | 'exact') => done && useAppStore.getState().sitingChanged({ ...done, shown: which });
  const money = (v: number) => formatMoney(v, done?.options.costs.currency ?? currency, lang);
  const reachedPct = answer && answer.totalWeight > 0 ? (100 * (answer.baselineGood + answer.gain)) / answer.totalWeight : null;
  const chosen = answer ? answer.sites.filter((_, i) => !unchecked.has(i)) : [];
  const exactState = done?.exact;
  const exactCurve = useMemo(() => (exactState?.phase === 'done' ? exactState.answer.exactCurve : []), [exactState]);

  const addChosen = () => {
    if (!done) return;
    const radiusKm = done.options.radiusKm === DEFAULT_RADIUS_KM['4G'] ? undefined : done.options.radiusKm;
    placePlannedTowers(
      chosen.map((site) => ({ lon: site.lon, lat: site.lat, radiusKm })),
      operator,
      { once: true },
    );
  };

  const place = (siteIndex: number) => {
    const site = answer?.sites[siteIndex];
    if (!site) return '';
    if (site.kind === 'candidate') return `${site.name ?? site.atId} (${t('sitingCandidateMark')})`;
    const point = pointAt(dataset.points, site.point)?.item;
    const where = [point?.commune, point?.district].map((id) => (id ? names.get(id) : undefined)).filter(Boolean);
    return `${point?.name ?? site.atId}${where.length ? ` (${where.join(', ')})` : ''}`;
  };

  const summary = () => {
    if (!answer || !done) return null;
    const n = answer.sites.length;
    const gain = formatNumber(answer.gain, lang);
    const pct = formatPercent(reachedPct, lang);
    if (answer.mode === 'target') {
      const goal = `${formatPercent(done.options.targetPct ?? 100, lang)} ${t(INDICATORS.find((i) => i.value === done.options.indicator)?.label ?? 'indicatorHamlets').toLowerCase()}`;
      if (answer.needed === 0) return tw('sitingTargetMet', { target: goal });
      if (!answer.feasible) return tw('sitingTargetOut', { target: goal, pct });
      return tw('sitingTargetDone', { target: goal, n, gain, pct });
    }
    if (n === 0) return t('sitingNone');
    if (answer.mode === 'budget') return tw('sitingBudgetDone', { budget: money(done.options.budget ?? 0), n, gain, pct });
    return tw('sitingDone', { n, gain, pct });
  };

  return (
    <section className="panel" aria-labelledby="siting-heading" data-testid="siting-panel">
      <h2 id="siting-heading">{t('sitingHeading')}</h2>
      <form onSubmit={submit} className="form-grid">
        <fieldset className="choice wide" data-testid="siting-mode">
          <legend>{t('sitingMode')}</legend>
          {MODES.map((m) => (
            <label className="toggle" key={m.value}>
              <input type="radio" name="siting-mode" value={m.value} checked={mode === m.value} onChange={() => setMode(m.value)} />
              <span>{t(m.label)}</span>
            </label>
          ))}
        </fieldset>
        {mode === 'k' && (
          <label className="field">
            <span>{t('sitingK')}</span>
            <input type="text" inputMode="numeric" value={k} onChange={(event) => setK(event.target.value)} aria-invalid={!kValid} />
          </label>
        )}
        {mode === 'budget' && (
          <label className="field">
            <span>{t('sitingBudget')}</span>
            <input type="text" inputMode="decimal" value={budget} onChange={(event) => setBudget(event.target.value)} aria-invalid={!budgetValid} />
          </label>
        )}
        {mode === 'target' && (
          <>
            <label className="field">
              <span>{t('sitingTargetPct')}</span>
              <input type="text" inputMode="decimal" value={target} onChange={(event) => setTarget(event.target.value)} aria-invalid={!targetValid} />
            </label>
            <label className="field">
              <span>{t('sitingIndicator')}</span>
              <select value={indicator} onChange={(event) => setIndicator(event.target.value as Indicator)}>
                {INDICATORS.map((i) => (
                  <option key={i.value} value={i.value}>
                    {t(i.label)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label className="field">
          <span>{t('sitingRadius')}</span>
          <input type="text" inputMode="decimal" value={radius} onChange={(event) => setRadius(event.target.value)} aria-invalid={!radiusValid} />
        </label>
        {mode !== 'target' && (
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
        )}
        {placeCount > 0 && (
          <fieldset className="choice wide" data-testid="siting-where">
            <legend>{t('sitingWhere')}</legend>
            {WHERE.map((w) => (
              <label className="toggle" key={w.value}>
                <input type="radio" name="siting-where" value={w.value} checked={whereUsed === w.value} onChange={() => setWhere(w.value)} />
                <span>{t(w.label)}</span>
              </label>
            ))}
            <p className="note">{tw('sitingWhereNote', { n: formatNumber(placeCount, lang) })}</p>
          </fieldset>
        )}
        <label className="field">
          <span>{t('sitingTimeLimit')}</span>
          <input type="text" inputMode="decimal" value={timeLimit} onChange={(event) => setTimeLimit(event.target.value)} aria-invalid={!limitValid} />
        </label>
        <SitingCosts values={costs} valid={costValid} onChange={(field: CostField, text) => setCosts((c) => ({ ...c, [field]: text }))} />
        <button type="submit" disabled={!valid || siting.phase === 'running'}>
          {t('sitingRun')}
        </button>
      </form>
      <p className="note">{t('sitingScenario')}</p>
      <div role="status" aria-live="polite">
        {siting.phase === 'running' && (
          <div data-testid="siting-running">
            <p className="note">
              {t('sitingRunning')}{' '}
              {siting.progress?.stage === 'quick' && tw('sitingProgress', { pct: formatPercent((100 * siting.progress.done) / Math.max(1, siting.progress.total), lang) })}
            </p>
            <button type="button" onClick={() => void engineNow()?.cancelSiting()}>
              {t('sitingCancel')}
            </button>
          </div>
        )}
        {siting.phase === 'cancelled' && <p className="note">{t('sitingCancelled')}</p>}
        {siting.phase === 'failed' && <p className="note error-text">{siting.message}</p>}
        {answer && (
          <p className="note" data-testid="siting-summary">
            {summary()} {answer.sites.length > 0 && tw('sitingTotal', { cost: money(answer.totalCost) })}
          </p>
        )}
        {done && <SitingExact done={done} currency={done.options.costs.currency} />}
      </div>
      {exact && (
        <fieldset className="choice" data-testid="siting-shown">
          <legend>{t('sitingShow')}</legend>
          {(['quick', 'exact'] as const).map((which) => (
            <label className="toggle" key={which}>
              <input
                type="radio"
                name="siting-shown"
                checked={shown === which}
                onChange={() => {
                  setShown(which);
                  setUnchecked(new Set());
                }}
              />
              <span>{t(which === 'quick' ? 'sitingQuick' : 'sitingExactName')}</span>
            </label>
          ))}
        </fieldset>
      )}
      {answer && answer.sites.length > 0 && (
        <>
          <ol className="sites" data-testid="siting-sites">
            {answer.sites.map((site, i) => (
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
                    <strong>{i + 1}.</strong> {place(i)} <strong>{tw('sitingGain', { gain: formatNumber(site.gain, lang) })}</strong>,{' '}
                    <span data-testid="site-cost">{tw('sitingCost', { cost: money(site.cost) })}</span>
                    {!site.gridPower && <span className="flag"> {t('sitingNeedsPower')}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ol>
          {answer.mode === 'target' && <SitingSchedule answer={answer} currency={done?.options.costs.currency ?? currency} indicator={done?.options.indicator ?? indicator} />}
          <label className="field">
            <span>{t('sitingOperator')}</span>
            <select value={operator} onChange={(event) => setOperator(event.target.value)}>
              {OPERATORS.map((op) => (
                <option key={op} value={op}>
                  {op}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={addChosen} disabled={chosen.length === 0}>
            {tw('sitingAdd', { n: chosen.length })}
          </button>
        </>
      )}
      {result && result.curve.length > 1 && (
        <>
          <SitingChart
            greedy={result.curve}
            exact={exactCurve}
            lang={lang}
            label={tw('sitingCostCurve', {
              from: formatPercent(result.curve[0]?.pct ?? null, lang),
              to: formatPercent(result.curve.at(-1)?.pct ?? null, lang),
              exact: exactCurve.length,
            })}
          />
          <p className="note chart-legend">
            <span>— {t('sitingCurveGreedy')}</span> <span>○ {t('sitingCurveExact')}</span> <span>({t('sitingCurveAxis')})</span>
          </p>
        </>
      )}
    </section>
  );
}

/** The costs as the fields show them: millions, in the language's decimal mark. */
function costTexts(costs: { siteCapex: number; solarCapex: number; backhaulPerKm: number }, lang: 'vi' | 'en'): CostTexts {
  return {
    siteCapex: writeDecimal(costs.siteCapex / MILLION, lang),
    solarCapex: writeDecimal(costs.solarCapex / MILLION, lang),
    backhaulPerKm: writeDecimal(costs.backhaulPerKm / MILLION, lang),
  };
}
