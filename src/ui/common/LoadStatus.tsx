import { issueText } from '../../domain/messages/render.ts';
import { useAppStore } from '../../state/store.ts';
import { formatNumber } from './format.ts';
import { useT } from './use-t.ts';

/** Progress while the dataset loads, and every problem when it cannot be used. */
export function LoadStatus() {
  const { t, lang } = useT();
  const load = useAppStore((s) => s.load);
  const issues = useAppStore((s) => s.issues);
  if (load.phase === 'ready') return null;
  if (load.phase === 'loading') {
    return (
      <div className="load-status" role="status" aria-live="polite">
        <p>{t('loading')}</p>
        <progress max={load.total || 1} value={load.done} aria-label={t('loading')} />
      </div>
    );
  }
  const errors = issues.filter((i) => i.severity === 'error');
  return (
    <div className="load-status error" role="alert">
      <p>
        <strong>{t('loadFailed')}</strong>
      </p>
      {errors.length > 0 ? (
        <>
          <p>
            {t('loadProblems')} ({formatNumber(errors.length, lang)})
          </p>
          <ul>
            {errors.slice(0, 50).map((issue, i) => (
              <li key={i}>{issueText(issue, lang)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{load.reason}</p>
      )}
    </div>
  );
}
