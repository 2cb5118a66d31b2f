import { useState } from 'react';
import { historyFile, previewImport, readHistoryFile, type ImportPreview } from '../../domain/gaps/history-file.ts';
import { deriveTimelines, type GapHistory } from '../../domain/gaps/history.ts';
import { HISTORY_COLUMNS, historyRows } from '../../domain/gaps/network.ts';
import type { GapRow } from '../../domain/gaps/register.ts';
import { readGapStatusFile } from '../../domain/gaps/status.ts';
import { toCsv } from '../../domain/export/table.ts';
import { todayIn } from '../../domain/input/day.ts';
import { problemText } from '../../domain/messages/problems.ts';
import { registerText } from '../../domain/messages/register.ts';
import { useAppStore, type GapAuthor } from '../../state/store.ts';
import { FileButton } from '../common/FileButton.tsx';
import type { Lang } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';
import { saveFile } from '../common/save-file.ts';
import { GapEditor } from './GapEditor.tsx';
import { LiveSyncFields } from './LiveSyncFields.tsx';

export { STATUS_LABEL, statusText } from './GapEditor.tsx';

/** The organisations that share the register, and the role each signs with. */
const ORGANISATIONS: readonly GapAuthor[] = [
  { by: '', org: 'Sở TT&TT Cà Mau', role: 'province' },
  { by: '', org: 'Viettel Cà Mau', role: 'partner' },
  { by: '', org: 'VNPT Cà Mau', role: 'partner' },
  { by: '', org: 'MobiFone Cà Mau', role: 'partner' },
];

/** Who signs this device's changes: a name and an organisation, kept on the device. */
function AuthorFields() {
  const { t } = useT();
  const author = useAppStore((s) => s.gapAuthor);
  const changed = useAppStore((s) => s.gapAuthorChanged);
  const known = ORGANISATIONS.some((o) => o.org === author.org);
  return (
    <fieldset className="author-fields">
      <legend>{t('statusSignedAs')}</legend>
      <label className="field">
        <span>{t('statusBy')}</span>
        <input type="text" value={author.by} maxLength={80} autoComplete="name" onChange={(e) => changed({ ...author, by: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('statusOrg')}</span>
        <select
          value={author.org}
          onChange={(e) => {
            const org = ORGANISATIONS.find((o) => o.org === e.target.value);
            if (org) changed({ ...author, org: org.org, role: org.role });
          }}
        >
          {!known && <option value={author.org}>{author.org}</option>}
          {ORGANISATIONS.map((o) => (
            <option key={o.org} value={o.org}>
              {o.org}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

const counted = (lang: Lang, tw: (k: 'statusNewChange' | 'statusNewChanges' | 'statusConflictOne' | 'statusConflicts', v: Record<string, string | number>) => string, preview: ImportPreview) => ({
  changes: tw(preview.newChanges === 1 ? 'statusNewChange' : 'statusNewChanges', { n: preview.newChanges.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en') }),
  conflicts: tw(preview.conflicts === 1 ? 'statusConflictOne' : 'statusConflicts', { n: preview.conflicts.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en') }),
});

/** A status file read and checked, waiting for the user to merge it. */
interface Pending {
  file: string;
  preview: ImportPreview;
  incoming: GapHistory;
}

/** The chosen gap's status and history, who signs the changes, and the register as a file to pass to partners. */
export function GapStatusPanel({ row }: { row: GapRow | undefined }) {
  const { t, tw, lang } = useT();
  const saved = useAppStore((s) => s.gapStatusesSaved);
  // The fields start from the stored settings, which arrive after the first render.
  const syncKey = useAppStore((s) => (s.syncSettings ? `${s.syncSettings.url} ${s.syncSettings.token}` : ''));
  const [note, setNote] = useState<{ ok: boolean; text: string } | undefined>();
  const [pending, setPending] = useState<Pending | undefined>();
  const exportStatuses = () => {
    const { gapHistory } = useAppStore.getState();
    saveFile(`gap-statuses-${todayIn()}.json`, new Blob([JSON.stringify(historyFile(gapHistory), null, 1)], { type: 'application/json' }));
  };
  const exportHistory = () => {
    const { gapHistory } = useAppStore.getState();
    const columns = HISTORY_COLUMNS.map((header, i) => ({ header, value: (r: string[]) => r[i] }));
    saveFile(`gap-history-${todayIn()}.csv`, new Blob([toCsv(columns, historyRows(deriveTimelines(gapHistory).values()))], { type: 'text/csv;charset=utf-8' }));
  };
  const importStatuses = async (file: File | undefined) => {
    if (!file) return;
    setPending(undefined);
    // Not text, broken JSON (by line and column): said as for any status file, never the browser's words.
    const text = await file.text();
    const syntax = readGapStatusFile(text);
    let value: unknown;
    if (!syntax.ok && (syntax.why.code === 'statuses-binary' || syntax.why.code === 'statuses-json')) {
      setNote({ ok: false, text: tw('statusImportFailed', { file: file.name, problem: problemText(syntax.why, lang) }) });
      return;
    }
    try {
      value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
    } catch {
      return;
    }
    const read = readHistoryFile(value);
    const checked = read.ok ? previewImport(useAppStore.getState().gapHistory, read.history) : read;
    if (!checked.ok) {
      setNote({ ok: false, text: tw('statusImportFailed', { file: file.name, problem: registerText(checked.issue, lang) }) });
      return;
    }
    if (checked.preview.newChanges === 0) {
      setNote({ ok: true, text: tw('statusNothingNew', { file: file.name }) });
      return;
    }
    setNote(undefined);
    if (read.ok) setPending({ file: file.name, preview: checked.preview, incoming: read.history });
  };
  // The address already holds the view and the chosen gap (url-sync): copying it shares both.
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setNote({ ok: true, text: t('statusLinkCopied') });
    } catch {
      setNote({ ok: false, text: tw('statusLinkNotCopied', { url: window.location.href }) });
    }
  };
  const merge = () => {
    if (!pending) return;
    useAppStore.getState().gapHistoryMerged(pending.incoming);
    setNote({ ok: true, text: tw('statusMerged', { changes: counted(lang, tw, pending.preview).changes, file: pending.file }) });
    setPending(undefined);
  };
  return (
    <div className="gap-status panel" aria-label={t('gapsStatus')}>
      {row ? <GapEditor key={row.gapId} row={row} /> : <p className="note">{t('statusChoose')}</p>}
      <AuthorFields />
      <div className="button-row">
        <button type="button" onClick={exportStatuses}>
          {t('statusExport')}
        </button>
        <button type="button" onClick={exportHistory}>
          {t('statusHistoryCsv')}
        </button>
        {row && (
          <button type="button" onClick={() => void copyLink()}>
            {t('statusCopyLink')}
          </button>
        )}
        <FileButton label={t('statusImport')} accept=".json,application/json" onFiles={(files) => void importStatuses(files[0])} />
      </div>
      <LiveSyncFields key={syncKey} />
      {pending && (
        <div className="import-preview" data-testid="status-import-preview">
          <p className="note">{tw('statusPreview', { file: pending.file, ...counted(lang, tw, pending.preview) })}</p>
          <div className="button-row">
            <button type="button" onClick={merge}>
              {t('statusMerge')}
            </button>
            <button type="button" onClick={() => setPending(undefined)}>
              {t('statusCancel')}
            </button>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite">
        {note && <p className={note.ok ? 'note' : 'note error-text'}>{note.text}</p>}
        {saved.phase === 'failed' && <p className="note error-text">{tw('statusSaveFailed', { message: saved.message })}</p>}
        {saved.phase === 'unreadable' && <p className="note error-text">{tw('statusUnreadable', { message: saved.message })}</p>}
      </div>
    </div>
  );
}
