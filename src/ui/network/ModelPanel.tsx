import { useEffect, useRef, useState } from 'react';
import type { CoverageFigures } from '../../domain/coverage/report.ts';
import { issueText } from '../../domain/messages/render.ts';
import {
  editedModel,
  MODEL_PARAMETERS,
  modelEditOf,
  parameterIssues,
  parameterValue,
  withParameter,
  type ModelEdit,
  type ModelParameter,
} from '../../domain/plan/model-edit.ts';
import type { DatasetView } from '../../domain/points/dataset-view.ts';
import type { RadiusModelName } from '../../domain/types.ts';
import { useAppStore } from '../../state/store.ts';
import { CommitField, type CommitResult, type FieldValue } from '../common/CommitField.tsx';
import { formatDate, formatNumber } from '../common/format.ts';
import type { MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';

const GROUPS: { group: ModelParameter['group']; label: MessageKey; note?: MessageKey }[] = [
  { group: 'maxPathLossDb', label: 'modelMapl' },
  { group: 'receiverHeightM', label: 'modelReceiver' },
  { group: 'clutterLossDb', label: 'modelClutter' },
  { group: 'bandMhz', label: 'modelBands', note: 'modelBandsNote' },
];

const CLASS_LABEL: Record<string, MessageKey> = { urban: 'modelUrban', suburban: 'modelSuburban', rural: 'modelRural', forest: 'modelForest' };

const ROWS: { id: string; label: MessageKey; pick: (f: CoverageFigures) => number }[] = [
  { id: 'hamlets', label: 'hamletsGood', pick: (f) => f.hamlets.good },
  { id: 'population', label: 'populationGood', pick: (f) => f.hamlets.population_good },
  { id: 'schools', label: 'schoolsGood', pick: (f) => f.schools.good },
];

/** The figures on screen when the model edit last changed (by this panel, undo or a named plan). */
interface Before {
  figures: CoverageFigures;
  scenario: string;
  network: string | undefined;
}

/**
 * "Mô hình vùng phủ": fixed radii or path loss, and model.json's parameters, edited as a
 * what-if kept in the plan (one undo step each, saved and named with it). The engine
 * recomputes with the edit; the panel shows the figures before and after the last change.
 */
export function ModelPanel({ dataset }: { dataset: DatasetView }) {
  const { t, tw, lang } = useT();
  const plan = useAppStore((s) => s.plan);
  const coverage = useAppStore((s) => s.coverage);
  const canUndo = useAppStore((s) => s.planPast.length > 0);
  const { planEdited, planUndone } = useAppStore.getState();
  const model = editedModel(dataset.model, plan.model);
  const [before, setBefore] = useState<Before | undefined>();
  const shown = useRef(coverage);
  const lastEdit = useRef<ModelEdit | undefined>(plan.model);
  useEffect(() => {
    if (lastEdit.current === plan.model) return;
    lastEdit.current = plan.model;
    const old = shown.current;
    if (old) setBefore({ figures: old.figures, scenario: old.scenario, network: old.network });
  }, [plan.model]);
  useEffect(() => {
    shown.current = coverage;
  }, [coverage]);

  const setModel = (next: ReturnType<typeof editedModel>) => {
    const { plan: now } = useAppStore.getState();
    const edit = modelEditOf(dataset.model, next);
    const towers = { added: now.added, changed: now.changed, removed: now.removed };
    planEdited(edit ? { ...towers, model: edit } : towers);
  };
  const choose = (radiusModel: RadiusModelName) => {
    if (radiusModel !== model.radiusModel) setModel({ ...model, radiusModel });
  };
  const commit = (p: ModelParameter) => (value: FieldValue): CommitResult => {
    const base = editedModel(dataset.model, undefined);
    // Emptied: back to the data's value.
    const wanted = value === null ? parameterValue(base, p) : value;
    const issues = parameterIssues(p, wanted);
    if (issues[0]) return issueText(issues[0], lang);
    setModel(withParameter(editedModel(dataset.model, useAppStore.getState().plan.model), p, wanted as number));
    return true;
  };

  const comparable = before && coverage && before.scenario === coverage.scenario && before.network === coverage.network ? before : undefined;
  const scenarioText = (s: string) => (s === 'current' ? t('scenarioCurrent') : s === 'planned' ? t('scenarioPlanned') : formatDate(s, lang));
  const signed = (n: number) => (n > 0 ? `+${formatNumber(n, lang)}` : n < 0 ? `−${formatNumber(-n, lang)}` : '0');
  return (
    <section className="panel" aria-labelledby="model-heading" data-testid="model-panel" data-model={model.radiusModel}>
      <h2 id="model-heading">{t('modelHeading')}</h2>
      <fieldset className="choice model-choice">
        <legend>{t('modelChoice')}</legend>
        {(['fixed', 'path_loss'] as const).map((name) => (
          <label key={name}>
            <input type="radio" name="radius-model" value={name} checked={model.radiusModel === name} onChange={() => choose(name)} />{' '}
            <strong>{t(name === 'fixed' ? 'modelFixed' : 'modelPathLoss')}</strong>
            <span className="note"> — {t(name === 'fixed' ? 'modelFixedHint' : 'modelPathLossHint')}</span>
          </label>
        ))}
      </fieldset>
      {model.radiusModel === 'fixed' && <p className="note">{t('modelFixedNote')}</p>}
      {GROUPS.map(({ group, label, note }) => (
        <fieldset key={group} className="model-group" data-group={group}>
          <legend>
            {t(label)}
            {note && <span className="note"> ({t(note)})</span>}
          </legend>
          {MODEL_PARAMETERS.filter((p) => p.group === group).map((p) => (
            <CommitField
              key={'key' in p ? p.key : group}
              label={'key' in p ? (CLASS_LABEL[p.key] ? t(CLASS_LABEL[p.key] as MessageKey) : p.key) : t(label)}
              type="decimal"
              lang={lang}
              value={parameterValue(model, p)}
              onCommit={commit(p)}
            />
          ))}
        </fieldset>
      ))}
      {plan.model && <p className="note" data-testid="model-edited">{t('modelEdited')}</p>}
      <div className="button-row">
        <button type="button" onClick={planUndone} disabled={!canUndo}>
          {t('modelUndo')}
        </button>
        <button type="button" onClick={() => setModel(editedModel(dataset.model, undefined))} disabled={!plan.model} title={t('modelResetHint')}>
          {t('modelReset')}
        </button>
      </div>
      <p className="note">{t('modelSaved')}</p>
      {comparable && coverage && (
        <table className="compact" data-testid="model-impact">
          <caption className="note">{tw('modelImpactCaption', { scenario: scenarioText(coverage.scenario) })}</caption>
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{t('impactBefore')}</th>
              <th scope="col">{t('impactAfter')}</th>
              <th scope="col">{t('impactChange')}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => {
              const was = row.pick(comparable.figures);
              const now = row.pick(coverage.figures);
              return (
                <tr key={row.id} data-figure={row.id}>
                  <th scope="row">{t(row.label)}</th>
                  <td data-before>{formatNumber(was, lang)}</td>
                  <td data-after>{formatNumber(now, lang)}</td>
                  <td>{signed(now - was)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
