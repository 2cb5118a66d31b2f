import { useT } from '../common/use-t.ts';
import type { MessageKey } from '../common/i18n.ts';

export type CostField = 'siteCapex' | 'solarCapex' | 'backhaulPerKm';
export type CostTexts = Record<CostField, string>;

const FIELDS: { field: CostField; label: MessageKey }[] = [
  { field: 'siteCapex', label: 'costSite' },
  { field: 'solarCapex', label: 'costSolar' },
  { field: 'backhaulPerKm', label: 'costBackhaul' },
];

/** The site costs (millions of the currency) as typed; `valid` marks each field's reading. */
export function SitingCosts({ values, valid, onChange }: { values: CostTexts; valid: Record<CostField, boolean>; onChange: (field: CostField, text: string) => void }) {
  const { t } = useT();
  return (
    <details className="wide" data-testid="siting-costs">
      <summary>{t('sitingCostsHeading')}</summary>
      <p className="note">{t('sitingCostsNote')}</p>
      <div className="form-grid">
        {FIELDS.map(({ field, label }) => (
          <label className="field" key={field}>
            <span>{t(label)}</span>
            <input type="text" inputMode="decimal" value={values[field]} onChange={(event) => onChange(field, event.target.value)} aria-invalid={!valid[field]} />
          </label>
        ))}
      </div>
    </details>
  );
}
