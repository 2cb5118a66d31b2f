import { useEffect, useMemo, useState } from 'react';
import type { SitingAnswer } from '../../domain/siting/modes.ts';
import { isMonth, scheduleSites } from '../../domain/siting/schedule.ts';
import type { Indicator } from '../../domain/siting/target.ts';
import type { Metric } from '../../domain/types.ts';
import { useSitingForecast } from '../../state/siting-forecast.ts';
import { formatMonth, formatNumber } from '../common/format.ts';
import { formatPercent } from '../common/metrics.ts';
import { useT } from '../common/use-t.ts';
import { formatMoney } from './money.ts';

/** "10/2021" → "2021-10"; anything else → undefined. Months are typed as they are written in both languages. */
function readMonth(text: string): string | undefined {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const month = `${match[2]}-${match[1]!.padStart(2, '0')}`;
  return isMonth(month) ? month : undefined;
}

/** The target card each indicator's share is drawn on. */
const CARD_METRIC: Record<Indicator, Metric> = { hamlets: 'hamlets_good_pct', population: 'population_good_pct', schools: 'schools_good_pct' };

/**
 * Schedule mode (issue 18 item 4): the target's sites built a few a month from a start month,
 * in the order listed; the indicator month by month and the month the target is met.
 */
export function SitingSchedule({ answer, currency, indicator }: { answer: Omit<SitingAnswer, 'curve'>; currency: string; indicator: Indicator }) {
  const { t, tw, lang } = useT();
  const [start, setStart] = useState('10/2021');
  const [perMonth, setPerMonth] = useState('2');
  const startMonth = readMonth(start);
  const perMonthValue = /^\s*\d+\s*$/.test(perMonth) ? Number(perMonth) : NaN;
  const perMonthValid = Number.isInteger(perMonthValue) && perMonthValue >= 1 && perMonthValue <= 100;
  const plan = useMemo(
    () => (startMonth && perMonthValid ? scheduleSites(answer.sites, answer.baselineGood, answer.totalWeight, answer.feasible ? answer.needed : undefined, { start: startMonth, perMonth: perMonthValue }) : undefined),
    [answer, startMonth, perMonthValid, perMonthValue],
  );
  const month = (m: string) => formatMonth(`${m}-01`, lang);
  // The forecast goes on the indicator's target card while this schedule is shown.
  const forecastChanged = useSitingForecast((s) => s.forecastChanged);
  useEffect(() => {
    if (!plan || !startMonth) return;
    const startPct = answer.totalWeight > 0 ? (100 * answer.baselineGood) / answer.totalWeight : 100;
    forecastChanged({ metric: CARD_METRIC[indicator], start: startMonth, startPct, months: plan.months.map((m) => ({ month: m.month, pct: m.pct })) });
    return () => forecastChanged(undefined);
  }, [plan, startMonth, answer, indicator, forecastChanged]);
  return (
    <details className="siting-schedule" data-testid="siting-schedule">
      <summary>{t('scheduleHeading')}</summary>
      <div className="form-grid">
        <label className="field">
          <span>{t('scheduleStart')}</span>
          <input type="text" value={start} onChange={(event) => setStart(event.target.value)} aria-invalid={!startMonth} />
        </label>
        <label className="field">
          <span>{t('schedulePerMonth')}</span>
          <input type="text" inputMode="numeric" value={perMonth} onChange={(event) => setPerMonth(event.target.value)} aria-invalid={!perMonthValid} />
        </label>
      </div>
      {plan && (
        <>
          <p className="note" data-testid="schedule-target">
            {plan.targetMonth ? tw('scheduleMet', { month: month(plan.targetMonth) }) : t('scheduleNotMet')}
          </p>
          <table className="schedule-table">
            <thead>
              <tr>
                <th scope="col">{t('scheduleMonth')}</th>
                <th scope="col">{t('scheduleSites')}</th>
                <th scope="col">{t('scheduleCost')}</th>
                <th scope="col">{t('scheduleIndicator')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{month(m.month)}</th>
                  <td>{m.sites}</td>
                  <td>{formatMoney(m.cost, currency, lang)}</td>
                  <td>
                    {formatPercent(m.pct, lang)} ({formatNumber(m.good, lang)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </details>
  );
}
