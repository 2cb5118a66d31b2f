import { useState } from 'react';
import { useAppStore } from '../state/store.ts';
import { translate, type MessageKey } from './i18n.ts';

type Choice = 'current' | 'planned' | 'date';

const choices: { value: Choice; label: MessageKey }[] = [
  { value: 'current', label: 'scenarioCurrent' },
  { value: 'planned', label: 'scenarioPlanned' },
  { value: 'date', label: 'scenarioDate' },
];

// The programme's coverage deadline: the first date worth looking at.
const DEFAULT_DATE = '2021-10-15';

/** Current towers, the whole plan, or the towers on air on a chosen day (contract rule 3). */
export function ScenarioPanel() {
  const lang = useAppStore((s) => s.lang);
  const scenario = useAppStore((s) => s.scenario);
  const scenarioChosen = useAppStore((s) => s.scenarioChosen);
  const choice: Choice = scenario === 'current' ? 'current' : scenario === 'planned' ? 'planned' : 'date';
  const [date, setDate] = useState(choice === 'date' ? scenario : DEFAULT_DATE);
  const t = (key: MessageKey) => translate(lang, key);

  const choose = (value: Choice) => scenarioChosen(value === 'date' ? date : value);
  const changeDate = (value: string) => {
    setDate(value);
    // An incomplete date from the field is not a scenario yet.
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) scenarioChosen(value);
  };

  return (
    <fieldset className="panel">
      <legend>{t('scenarioHeading')}</legend>
      {choices.map((entry) => (
        <label key={entry.value} className="toggle">
          <input
            type="radio"
            name="scenario"
            value={entry.value}
            checked={choice === entry.value}
            onChange={() => choose(entry.value)}
          />
          <span>{t(entry.label)}</span>
        </label>
      ))}
      <label className="date-field">
        <span>{t('scenarioDateLabel')}</span>
        <input
          type="date"
          value={date}
          min="2000-01-01"
          max="2035-12-31"
          disabled={choice !== 'date'}
          onChange={(event) => changeDate(event.target.value)}
        />
      </label>
    </fieldset>
  );
}
