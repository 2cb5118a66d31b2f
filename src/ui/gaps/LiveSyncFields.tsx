import { useState } from 'react';
import { registerText } from '../../domain/messages/register.ts';
import { isSyncUrl } from '../../io/sync-store.ts';
import { useAppStore } from '../../state/store.ts';
import type { LiveSyncState } from '../../state/sync.ts';
import { formatInstant, formatNumber } from '../common/format.ts';
import type { Lang, MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';

/** Where live sync stands, in words (never by colour alone). */
function phaseText(state: LiveSyncState, lang: Lang, t: (k: MessageKey) => string, tw: (k: MessageKey, v: Record<string, string | number>) => string): string {
  switch (state.phase) {
    case 'off':
      return t('syncOff');
    case 'connecting':
      return t('syncConnecting');
    case 'online':
      return tw('syncOnline', { org: state.organisation ?? '' });
    case 'offline':
      return t('syncOffline');
    case 'noNetwork':
      return t('syncNoNetwork');
    case 'refused':
      return tw('syncRefused', { problem: state.issue ? registerText(state.issue, lang) : '' });
  }
}

/**
 * "Đồng bộ trực tuyến / Live sync": the sync server's address and the organisation's token
 * (kept on the device), and where the exchange stands. Never required: without them the
 * register stays on this device and travels by file.
 */
export function LiveSyncFields() {
  const { t, tw, lang } = useT();
  const settings = useAppStore((s) => s.syncSettings);
  const state = useAppStore((s) => s.liveSync);
  const changed = useAppStore((s) => s.syncSettingsChanged);
  const [url, setUrl] = useState(settings?.url ?? '');
  const [token, setToken] = useState(settings?.token ?? '');
  const [bad, setBad] = useState(false);
  const connect = () => {
    const address = url.trim();
    const key = token.trim();
    const ok = isSyncUrl(address) && key !== '';
    setBad(!ok);
    if (ok) changed({ url: address, token: key });
  };
  const disconnect = () => changed(undefined);
  return (
    <fieldset className="live-sync" data-testid="live-sync" data-phase={state.phase} data-waiting={state.waiting}>
      <legend>{t('syncHeading')}</legend>
      <p className="note">{t('syncIntro')}</p>
      <div className="form-grid">
        <label className="field wide">
          <span>{t('syncUrl')}</span>
          <input type="url" value={url} placeholder="wss://" spellCheck={false} aria-invalid={bad && !isSyncUrl(url.trim())} onChange={(e) => setUrl(e.target.value)} />
        </label>
        <label className="field wide">
          <span>{t('syncToken')}</span>
          <input type="password" value={token} autoComplete="off" aria-invalid={bad && token.trim() === ''} onChange={(e) => setToken(e.target.value)} />
        </label>
      </div>
      <div className="button-row">
        <button type="button" onClick={connect}>
          {t('syncConnect')}
        </button>
        {settings && (
          <button type="button" onClick={disconnect}>
            {t('syncDisconnect')}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite" data-testid="live-sync-status">
        {bad && <p className="note error-text">{t('syncBadUrl')}</p>}
        <p className={state.phase === 'refused' ? 'note error-text' : 'note'}>{phaseText(state, lang, t, tw)}</p>
        {state.phase !== 'off' && (
          <p className="note">
            {state.waiting === 0 ? t('syncAllSent') : tw('syncWaiting', { n: formatNumber(state.waiting, lang) })}
            {' · '}
            {state.lastSyncedAt ? tw('syncLast', { time: formatInstant(state.lastSyncedAt, lang) }) : t('syncNever')}
          </p>
        )}
        {state.refusals.length > 0 && (
          <ul className="note error-text">
            {state.refusals.map((r) => (
              <li key={r.eventId}>{tw('syncChangeRefused', { problem: registerText(r.issue, lang) })}</li>
            ))}
          </ul>
        )}
      </div>
    </fieldset>
  );
}
