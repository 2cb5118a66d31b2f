import { useId } from 'react';
import { useAppStore, type ScenarioMode } from '../../state/store.ts';
import { formatDate } from '../common/format.ts';
import type { MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';

const choices: { value: ScenarioMode; label: MessageKey }[] = [
  { value: 'asOf', label: 'scenarioAsOf' },
  { value: 'current', label: 'scenarioCurrent' },
  { value: 'planned', label: 'scenarioPlanned' },
];

/** What the map's points and towers show: the as-of day (default), today's towers, or the whole plan. */
export function ScenarioPanel() {
  const { t, lang } = useT();
  const mode = useAppStore((s) => s.scenarioMode);
  const asOf = useAppStore((s) => s.asOf);
  const chosen = useAppStore((s) => s.scenarioModeChosen);
  // The panel shows on two tabs: radios of one name would form one group across both.
  const name = useId();
  return (
    <fieldset className="panel">
      <legend>{t('scenarioHeading')}</legend>
      {choices.map((entry) => (
        <label key={entry.value} className="toggle">
          <input
            type="radio"
            name={name}
            value={entry.value}
            checked={mode === entry.value}
            onChange={() => chosen(entry.value)}
          />
          <span>
            {t(entry.label)}
            {entry.value === 'asOf' && ` (${formatDate(asOf, lang)})`}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
