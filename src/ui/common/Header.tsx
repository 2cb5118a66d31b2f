import { useAppStore } from '../../state/store.ts';
import { useT } from './use-t.ts';

export function Header({ onPrint }: { onPrint: () => void }) {
  const { t, lang } = useT();
  const ready = useAppStore((s) => s.timeline !== undefined);
  const languageToggled = useAppStore((s) => s.languageToggled);
  return (
    <header className="header">
      <div>
        <h1>{t('appTitle')}</h1>
        <p>{t('appSubtitle')}</p>
      </div>
      <div className="header-actions">
        <button type="button" onClick={onPrint} disabled={!ready}>
          {t('printReport')}
        </button>
        <button
          type="button"
          onClick={languageToggled}
          aria-label={t('languageToggleLabel')}
          lang={lang === 'vi' ? 'en' : 'vi'}
        >
          {t('languageToggle')}
        </button>
      </div>
    </header>
  );
}
