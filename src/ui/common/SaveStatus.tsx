import { useAppStore } from '../../state/store.ts';
import { forceSave, keepMine, keepTheirs } from '../../state/persistence.ts';
import { timeOf } from './format.ts';
import type { MessageKey } from './i18n.ts';
import { useT } from './use-t.ts';

/** Another tab saved since this one read: says so, and offers to keep either version. */
function Conflict(props: { savedAt: string; text: MessageKey; mine: MessageKey; theirs: MessageKey; keepMine: () => Promise<void>; keepTheirs: () => Promise<void> }) {
  const { t, tw } = useT();
  return (
    <div className="save-conflict" data-testid="save-conflict">
      <p className="note error-text">{tw(props.text, { time: timeOf(props.savedAt) })}</p>
      <div className="button-row">
        <button type="button" onClick={() => void props.keepMine()}>
          {t(props.mine)}
        </button>
        <button type="button" onClick={() => void props.keepTheirs()}>
          {t(props.theirs)}
        </button>
      </div>
    </div>
  );
}

/** Where saving the plan on this device stands; a failure says what is kept and what to do. */
export function SaveStatus() {
  const { t, tw } = useT();
  const state = useAppStore((s) => s.saveState);
  const savedText = (restored?: boolean, fromOtherTab?: boolean) => (fromOtherTab ? 'saveFromOtherTab' : restored ? 'saveRestored' : 'saveSaved');
  return (
    <div role="status" aria-live="polite" className="save-status" data-testid="save-status" data-phase={state.phase}>
      {state.phase === 'saving' && <p className="note">{t('saveSaving')}</p>}
      {state.phase === 'saved' && (
        <p className="note">{tw(savedText(state.restored, state.fromOtherTab), { time: timeOf(state.savedAt) })}</p>
      )}
      {state.phase === 'failed' && <p className="note error-text">{tw('saveFailed', { message: state.message })}</p>}
      {state.phase === 'unreadable' && (
        <>
          <p className="note error-text">{tw('saveUnreadable', { message: state.message })}</p>
          <button type="button" onClick={() => void forceSave()}>
            {t('saveOverwrite')}
          </button>
        </>
      )}
      {state.phase === 'conflict' && (
        <Conflict
              savedAt={state.savedAt}
          text="saveConflict"
          mine="saveKeepMine"
          theirs="saveKeepTheirs"
          keepMine={keepMine}
          keepTheirs={keepTheirs}
        />
      )}
    </div>
  );
}
