import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useAppStore, type SidebarTab } from '../../state/store.ts';
import type { MessageKey } from './i18n.ts';
import { useT } from './use-t.ts';

interface Tab {
  id: SidebarTab;
  label: MessageKey;
  content: ReactNode;
}

/** ARIA tabs: arrow keys move between tabs; hidden panels stay mounted, so forms keep their input. */
export function SidebarTabs({ tabs }: { tabs: Tab[] }) {
  const { t } = useT();
  // In the store, so that a shared link opens on the same tab.
  const active = useAppStore((s) => s.sidebarTab);
  const setActive = useAppStore((s) => s.sidebarTabChosen);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = (index + step + tabs.length) % tabs.length;
    setActive(tabs[next]?.id ?? active);
    buttons.current[next]?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label={t('tabsLabel')} className="tabs">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={active === tab.id}
            aria-controls={`tabpanel-${tab.id}`}
            tabIndex={active === tab.id ? 0 : -1}
            onClick={() => setActive(tab.id)}
            onKeyDown={(event) => onKey(event, i)}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`tabpanel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} hidden={active !== tab.id}>
          {tab.content}
        </div>
      ))}
    </>
  );
}
