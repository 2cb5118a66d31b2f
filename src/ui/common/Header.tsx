import { useState } from 'react';
import { useAppStore } from '../../state/store.ts';
import { useT } from './use-t.ts';

/**
 * "Save PDF" opens the browser's own print dialog (its "Save as PDF" destination makes the
 * file): the page says which destination to choose, and names the document after the
 * report's date so that the PDF's suggested file name says what it is.
 */
function printToPdf(asOf: string): void {
  const title = document.title;
  document.title = `Song-Map-bao-cao-${asOf}`;
  const restore = () => {
    document.title = title;
    window.removeEventListener('afterprint', restore);
  };
  window.addEventListener('afterprint', restore);
  window.print();
}

export function Header({ onPrint }: { onPrint: () => void }) {
  const { t, lang } = useT();
  const ready = useAppStore((s) => s.timeline !== undefined);
  const languageToggled = useAppStore((s) => s.languageToggled);
  const [pdfHint, setPdfHint] = useState(false);
  const savePdf = () => {
    setPdfHint(true);
    // After the hint is on screen: the dialog blocks the page until it closes.
    setTimeout(() => printToPdf(useAppStore.getState().asOf), 50);
  };
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
        <button type="button" onClick={savePdf} disabled={!ready} aria-describedby="pdf-hint">
          {t('savePdf')}
        </button>
        <button
          type="button"
          onClick={languageToggled}
          aria-label={t('languageToggleLabel')}
          lang={lang === 'vi' ? 'en' : 'vi'}
        >
          {t('languageToggle')}
        </button>
        <p id="pdf-hint" className="note pdf-hint" role="status" hidden={!pdfHint}>
          {t('savePdfHint')}
        </p>
      </div>
    </header>
  );
}
