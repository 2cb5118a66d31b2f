import { useState } from 'react';
import type { GapRow } from '../../domain/gaps/register.ts';
import { canTransition, currentGap, gapHistory, GAP_STATUSES, readGapStatusFile, type GapState, type GapStatus } from '../../domain/gaps/status.ts';
import { todayIn } from '../../domain/input/day.ts';
import { problemText } from '../../domain/messages/problems.ts';
import { useAppStore } from '../../state/store.ts';
import { DateField } from '../common/DateField.tsx';
import { formatDate } from '../common/format.ts';
import { FileButton } from '../common/FileButton.tsx';
import { translate, type Lang, type MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';
import { saveFile } from '../common/save-file.ts';
import { GapSaveConflict } from '../common/SaveStatus.tsx';

const OPERATORS = ['Viettel', 'VNPT', 'MobiFone'];

export const STATUS_LABEL: Record<GapStatus, MessageKey> = {
  open: 'statusOpen',
  assigned: 'statusAssigned',
  in_progress: 'statusInProgress',
  resolved: 'statusResolved',
  disputed: 'statusDisputed',
};

/** A gap's status in words, with the operator it is assigned to. */
export function statusText(state: GapState, lang: Lang): string {
  const text = translate(lang, STATUS_LABEL[state.status]);
  return state.operator && state.status !== 'open' ? `${text} · ${state.operator}` : text;
}

function Editor({ row }: { row: GapRow }) {
  const { t, tw, lang } = useT();
  const statuses = useAppStore((s) => s.gapStatuses);
  const apply = useAppStore((s) => s.gapStatusApplied);
  const now = currentGap(statuses, row.gapId);
  const options = GAP_STATUSES.filter((to) => canTransition(now.status, to));
  const [next, setNext] = useState<GapStatus | ''>('');
  const [operator, setOperator] = useState(row.nearestOperator ?? OPERATORS[0] ?? '');
  const [note, setNote] = useState('');
  // Today where the programme runs: UTC's today is yesterday in Vietnam before 7:00.
  const [date, setDate] = useState(() => todayIn());
  const [refused, setRefused] = useState<string | undefined>();
  const chosen = next === '' ? options[0] : next;
  const record = () => {
    if (!chosen) return;
    const reason = apply({
      gapId: row.gapId,
      status: chosen,
      date,
      ...(chosen === 'assigned' ? { operator } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setRefused(reason);
    if (!reason) {
      setNote('');
      setNext('');
    }
  };
  const history = gapHistory(statuses, row.gapId);
  return (
    <div data-testid="gap-status-editor" data-status={now.status} data-gap={row.gapId}>
      <h3>{tw('statusHeading', { name: row.name })}</h3>
      <p className="note">{tw('statusNow', { status: statusText(now, lang) })}</p>
      <div className="form-grid">
        <label className="field">
          <span>{t('statusNext')}</span>
          <select value={chosen ?? ''} onChange={(e) => setNext(e.target.value as GapStatus)}>
            {options.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_LABEL[s])}
              </option>
            ))}
          </select>
        </label>
        {chosen === 'assigned' && (
          <label className="field">
            <span>{t('statusOperator')}</span>
            <select value={operator} onChange={(e) => setOperator(e.target.value)}>
              {[...new Set([...OPERATORS, operator])].map((op) => (
                <option key={op}>{op}</option>
              ))}
            </select>
          </label>
        )}
        <DateField className="field" label={t('statusDate')} value={date} lang={lang} onChange={setDate} />
        <label className="field wide">
          <span>{t('statusNote')}</span>
          <input type="text" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="button" onClick={record} disabled={!chosen}>
          {t('statusApply')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {refused && <p className="note error-text">{refused}</p>}
      </div>
      <h4>{t('statusHistory')}</h4>
      {history.length === 0 ? (
        <p className="note">{t('statusNoHistory')}</p>
      ) : (
        <ol className="history" data-testid="gap-history">
          {history.map((change, i) => (
            <li key={i}>
              {formatDate(change.date, lang)}: {t(STATUS_LABEL[change.status])}
              {change.operator ? ` · ${change.operator}` : ''}
              {change.note ? ` — ${change.note}` : ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The chosen gap's status and history, and the statuses as a file to pass to partners. */
export function GapStatusPanel({ row }: { row: GapRow | undefined }) {
  const { t, tw, lang } = useT();
  const saved = useAppStore((s) => s.gapStatusesSaved);
  const [note, setNote] = useState<{ ok: boolean; text: string } | undefined>();
  const exportStatuses = () => {
    const { gapStatuses } = useAppStore.getState();
    saveFile(`gap-statuses-${todayIn()}.json`, new Blob([JSON.stringify(gapStatuses, null, 1)], { type: 'application/json' }));
  };
  const importStatuses = async (file: File | undefined) => {
    if (!file) return;
    // A binary file, broken JSON (by line and column) or a file the workflow refuses, each
    // said in the user's language, never the browser's "Unexpected token" text.
    const read = readGapStatusFile(await file.text());
    if (!read.ok) {
      setNote({ ok: false, text: tw('statusImportFailed', { file: file.name, problem: problemText(read.why, lang) }) });
      return;
    }
    useAppStore.getState().gapStatusesRestored(read.statuses);
    setNote({ ok: true, text: tw('statusImported', { n: Object.keys(read.statuses.gaps).length, file: file.name }) });
  };
  return (
    <div className="gap-status panel" aria-label={t('gapsStatus')}>
      {row ? <Editor key={row.gapId} row={row} /> : <p className="note">{t('statusChoose')}</p>}
      <div className="button-row">
        <button type="button" onClick={exportStatuses}>
          {t('statusExport')}
        </button>
        <FileButton label={t('statusImport')} accept=".json,application/json" onFiles={(files) => void importStatuses(files[0])} />
      </div>
      <div role="status" aria-live="polite">
        {note && <p className={note.ok ? 'note' : 'note error-text'}>{note.text}</p>}
        {saved.phase === 'failed' && <p className="note error-text">{tw('statusSaveFailed', { message: saved.message })}</p>}
        {saved.phase === 'unreadable' && <p className="note error-text">{tw('statusUnreadable', { message: saved.message })}</p>}
        <GapSaveConflict />
      </div>
    </div>
  );
}
