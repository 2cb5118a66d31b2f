import { useAppStore } from '../state/store.ts';
import { forceSave } from '../state/persistence.ts';
import { translate, translateWith } from './i18n.ts';

function timeOf(iso: string, lang: 'vi' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
    new Date(iso),
  );
}

/** Where saving the plan on this device stands; a failure says what is kept and what to do. */
export function SaveStatus() {
  const lang = useAppStore((s) => s.lang);
  const state = useAppStore((s) => s.saveState);
  return (
    <div role="status" aria-live="polite" className="save-status" data-testid="save-status" data-phase={state.phase}>
      {state.phase === 'saving' && <p className="note">{translate(lang, 'saveSaving')}</p>}
      {state.phase === 'saved' && (
        <p className="note">
          {translateWith(lang, state.restored ? 'saveRestored' : 'saveSaved', { time: timeOf(state.savedAt, lang) })}
        </p>
      )}
      {state.phase === 'failed' && <p className="note error-text">{translateWith(lang, 'saveFailed', { message: state.message })}</p>}
      {state.phase === 'unreadable' && (
        <>
          <p className="note error-text">{translateWith(lang, 'saveUnreadable', { message: state.message })}</p>
          <button type="button" onClick={() => void forceSave()}>
            {translate(lang, 'saveOverwrite')}
          </button>
        </>
      )}
    </div>
  );
}
