import { useAppStore } from '../../state/store.ts';
import { translate } from './i18n.ts';

export function Header({ onPrint }: { onPrint: () => void }) {
  const lang = useAppStore((s) => s.lang);
  const ready = useAppStore((s) => s.timeline !== undefined);
  const languageToggled = useAppStore((s) => s.languageToggled);
  return (
    <header className="header">
      <div>
        <h1>{translate(lang, 'appTitle')}</h1>
        <p>{translate(lang, 'appSubtitle')}</p>
      </div>
      <div className="header-actions">
        <button type="button" onClick={onPrint} disabled={!ready}>
          {translate(lang, 'printReport')}
        </button>
        <button
          type="button"
          onClick={languageToggled}
          aria-label={translate(lang, 'languageToggleLabel')}
          lang={lang === 'vi' ? 'en' : 'vi'}
        >
          {translate(lang, 'languageToggle')}
        </button>
      </div>
    </header>
  );
}
