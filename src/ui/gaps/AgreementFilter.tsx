// The gap register's filter by what the speed tests say (issue 16): a gap is modelled not
// good, so its tests either confirm it (measured poor), understate it (measured good), or
// are too few. Contradicted points are modelled good and so are no gap rows: they are
// opened as disputes from the point's panel (EvidenceDetail).
import type { Agreement } from '../../domain/evidence/verdict.ts';
import type { GapFilter } from '../../domain/gaps/register.ts';
import type { MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';

const CLASSES: { value: Agreement; label: MessageKey }[] = [
  { value: 'confirmed', label: 'gapsAgreementConfirmed' },
  { value: 'understated', label: 'gapsAgreementUnderstated' },
  { value: 'unverified', label: 'gapsAgreementUnverified' },
];

export function AgreementFilter({ filter, onChange }: { filter: GapFilter; onChange: (next: GapFilter) => void }) {
  const { t } = useT();
  return (
    <div className="gap-filters">
      <label className="field">
        <span>{t('gapsAgreement')}</span>
        <select
          value={filter.agreement ?? ''}
          onChange={(e) => {
            const next = { ...filter };
            if (e.target.value === '') delete next.agreement;
            else next.agreement = e.target.value as Agreement;
            onChange(next);
          }}
        >
          <option value="">{t('gapsAll')}</option>
          {CLASSES.map((c) => (
            <option key={c.value} value={c.value}>
              {t(c.label)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
