import { useEffect, useState } from 'react';
import { applyUpdate, onUpdateReady } from '../../app/pwa.ts';
import { useAppStore } from '../../state/store.ts';

const texts = {
  vi: {
    ready: 'Có phiên bản mới của Sóng Map. Kế hoạch và trạng thái đã lưu được giữ nguyên.',
    reload: 'Cập nhật và tải lại',
    later: 'Để sau',
  },
  en: {
    ready: 'A new version of Sóng Map is available. Saved plans and statuses are kept.',
    reload: 'Update and reload',
    later: 'Later',
  },
} as const;

/** "A new version is available": shown once the service worker has one waiting. */
export function UpdatePrompt() {
  const lang = useAppStore((s) => s.lang);
  const [ready, setReady] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => onUpdateReady(setReady), []);
  if (!ready || dismissed) return null;
  const t = texts[lang];
  return (
    <div role="status" aria-live="polite" className="update-prompt" data-testid="update-prompt">
      <p>{t.ready}</p>
      <button type="button" onClick={applyUpdate}>
        {t.reload}
      </button>
      <button type="button" onClick={() => setDismissed(true)}>
        {t.later}
      </button>
    </div>
  );
}
