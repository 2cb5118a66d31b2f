import { useState } from 'react';
import { issueText } from '../../domain/messages/render.ts';
import type { DatasetView } from '../../domain/points/dataset-view.ts';
import { towersToGeoJSON } from '../../domain/export/features.ts';
import { isEmptyPlan, planFromTowers } from '../../domain/plan/plan.ts';
import type { Tower } from '../../domain/types.ts';
import { mapCenter } from '../../map/capture.ts';
import { clearPlan, placePlannedTowers } from '../../state/plan-actions.ts';
import { useAppStore } from '../../state/store.ts';
import { FileButton } from '../common/FileButton.tsx';
import { useT } from '../common/use-t.ts';
import { saveFile } from '../common/save-file.ts';
import { SaveStatus } from '../common/SaveStatus.tsx';

type ImportNote = { ok: true; text: string } | { ok: false; title: string; lines: string[] };

/** The plan's commands: add, undo / redo, export and re-import, and where saving stands. */
export function PlanPanel({ dataset }: { dataset: DatasetView }) {
  const { t, tw, lang } = useT();
  const plan = useAppStore((s) => s.plan);
  const canUndo = useAppStore((s) => s.planPast.length > 0);
  const canRedo = useAppStore((s) => s.planFuture.length > 0);
  const editMode = useAppStore((s) => s.editMode);
  const { planEdited, planUndone, planRedone, editModeChosen } = useAppStore.getState();
  const [note, setNote] = useState<ImportNote | undefined>();
  const counts = {
    added: plan.added.length,
    changed: Object.keys(plan.changed).length,
    removed: plan.removed.length,
  };

  const addAtCenter = () => {
    const at = mapCenter();
    if (at) placePlannedTowers([{ lon: at[0], lat: at[1] }]);
  };
  const exportPlan = () => {
    const towers = useAppStore.getState().towers.filter((t) => t !== undefined);
    saveFile('towers.geojson', new Blob([`${JSON.stringify(towersToGeoJSON(towers), null, 1)}\n`], { type: 'application/geo+json' }));
  };
  const importPlan = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    // The contract's checks (and papaparse) load only when a plan is imported: the first
    // script stays small.
    const { parseFile } = await import('../../domain/parse/index.ts');
    const { value, issues } = parseFile('towers', file.name, text);
    const errors = issues.filter((issue) => issue.severity === 'error');
    if (!value || errors.length > 0) {
      setNote({ ok: false, title: tw('importFailed', { file: file.name }), lines: errors.slice(0, 20).map((issue) => issueText(issue, lang)) });
      return;
    }
    // A towers file holds no model: the plan's model edit stays.
    const towersPlan = planFromTowers(dataset.towers, value as Tower[]);
    const model = useAppStore.getState().plan.model;
    const next = model ? { ...towersPlan, model } : towersPlan;
    planEdited(next);
    setNote({
      ok: true,
      text: tw('importDone', {
        file: file.name,
        added: next.added.length,
        changed: Object.keys(next.changed).length,
        removed: next.removed.length,
      }),
    });
  };

  return (
    <section className="panel" aria-labelledby="plan-heading" data-testid="plan-panel">
      <h2 id="plan-heading">{t('planHeading')}</h2>
      <p className="note">{t('planIntro')}</p>
      <div className="button-row">
        <button type="button" aria-pressed={editMode === 'add'} onClick={() => editModeChosen(editMode === 'add' ? 'browse' : 'add')}>
          {t('addTower')}
        </button>
        <button type="button" onClick={addAtCenter}>
          {t('addAtCenter')}
        </button>
      </div>
      {editMode === 'add' && <p className="note" role="status">{t('addModeHint')}</p>}
      <div className="button-row">
        <button type="button" onClick={planUndone} disabled={!canUndo} aria-keyshortcuts="Control+Z" title={t('undoHint')}>
          {t('undo')}
        </button>
        <button type="button" onClick={planRedone} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y" title={t('redoHint')}>
          {t('redo')}
        </button>
        <button type="button" className="danger" onClick={clearPlan} disabled={isEmptyPlan(plan)} title={t('clearPlanHint')}>
          {t('clearPlan')}
        </button>
      </div>
      <p className="note" data-testid="plan-counts">
        {tw('planCounts', counts)}
      </p>
      <div className="button-row">
        <button type="button" onClick={exportPlan}>
          {t('exportPlan')}
        </button>
        <FileButton label={t('importPlan')} accept=".geojson,.json,application/geo+json,application/json" onFiles={(files) => void importPlan(files[0])} />
      </div>
      <div role="status" aria-live="polite">
        {note?.ok === true && <p className="note">{note.text}</p>}
        {note?.ok === false && (
          <div className="note error-text">
            <p>{note.title}</p>
            <ul>
              {note.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <SaveStatus />
    </section>
  );
}
