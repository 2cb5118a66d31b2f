import { useState } from 'react';
import { gapTimeline, isOverdue, type GapEvent } from '../../domain/gaps/history.ts';
import { suggestedNext } from '../../domain/gaps/network.ts';
import type { GapRow } from '../../domain/gaps/register.ts';
import { canTransition, GAP_STATUSES, type GapStatus } from '../../domain/gaps/status.ts';
import { todayIn } from '../../domain/input/day.ts';
import { registerText } from '../../domain/messages/register.ts';
import { useAppStore } from '../../state/store.ts';
import { DateField } from '../common/DateField.tsx';
import { formatDate } from '../common/format.ts';
import { translate, type Lang, type MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';

const OPERATORS = ['Viettel', 'VNPT', 'MobiFone'];

export const STATUS_LABEL: Record<GapStatus, MessageKey> = {
  open: 'statusOpen',
  assigned: 'statusAssigned',
  in_progress: 'statusInProgress',
  resolved: 'statusResolved',
  disputed: 'statusDisputed',
};

/** A gap's status in words, with the operator it is assigned to. */
export function statusText(state: { status: GapStatus; operator?: string | undefined }, lang: Lang): string {
  const text = translate(lang, STATUS_LABEL[state.status]);
  return state.operator && state.status !== 'open' ? `${text} · ${state.operator}` : text;
}

/** "Nguyễn Văn A (VNPT Cà Mau)": who signed a change, as far as it says. */
function author(event: GapEvent, lang: Lang): string {
  const who = [event.by, event.org].filter((x) => x && x.trim() !== '');
  if (who.length === 0) return translate(lang, 'statusUnknownAuthor');
  return who.length === 2 ? `${who[0]} (${who[1]})` : (who[0] as string);
}

/** One change as a history line: day, status, operator, due date, note, who. */
function changeLine(event: GapEvent, lang: Lang, t: (k: MessageKey) => string): string {
  let text = `${formatDate(event.date, lang)}: ${t(STATUS_LABEL[event.status])}`;
  if (event.operator) text += ` · ${event.operator}`;
  if (event.due) text += ` · ${t('statusDueOn').replace('{date}', formatDate(event.due, lang))}`;
  if (event.note) text += ` — ${event.note}`;
  return `${text} · ${author(event, lang)}`;
}

/**
 * The chosen gap's status, its next change and its history (who, when, due dates; changes
 * that lost to a concurrent one and invalid ones shown apart, never hidden). The status
 * offered first is the likeliest next one; after "resolved" none is preselected, so a
 * resolved gap is never reopened by a slip.
 */
export function GapEditor({ row }: { row: GapRow }) {
  const { t, tw, lang } = useT();
  const history = useAppStore((s) => s.gapHistory);
  const apply = useAppStore((s) => s.gapStatusApplied);
  const timeline = gapTimeline(history, row.gapId);
  const now = timeline.status;
  const suggested = suggestedNext(now);
  const allowed = GAP_STATUSES.filter((to) => canTransition(now, to));
  const options = [...suggested.filter((s) => allowed.includes(s)), ...allowed.filter((s) => !suggested.includes(s))];
  const [next, setNext] = useState<GapStatus | ''>('');
  const [operator, setOperator] = useState(row.nearestOperator ?? OPERATORS[0] ?? '');
  const [note, setNote] = useState('');
  // Today where the programme runs: UTC's today is yesterday in Vietnam before 7:00.
  const [date, setDate] = useState(() => todayIn());
  const [due, setDue] = useState('');
  const [refused, setRefused] = useState<string | undefined>();
  const chosen: GapStatus | '' = next !== '' ? next : (suggested.find((s) => allowed.includes(s)) ?? '');
  const record = () => {
    if (chosen === '') return;
    const reason = apply({
      gapId: row.gapId,
      status: chosen,
      date,
      ...(chosen === 'assigned' ? { operator } : {}),
      ...(chosen === 'assigned' && due ? { due } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setRefused(reason);
    if (!reason) {
      setNote('');
      setNext('');
      setDue('');
    }
  };
  const overdue = isOverdue(timeline, todayIn());
  return (
    <div data-testid="gap-status-editor" data-status={now} data-gap={row.gapId}>
      <h3>{tw('statusHeading', { name: row.name })}</h3>
      <p className="note">
        {tw('statusNow', { status: statusText(timeline, lang) })}
        {timeline.due && ` · ${tw('statusDueOn', { date: formatDate(timeline.due, lang) })}`}
        {overdue && <strong className="overdue"> · {t('gapOverdue')}</strong>}
      </p>
      <div className="form-grid">
        <label className="field">
          <span>{t('statusNext')}</span>
          <select value={chosen} onChange={(e) => setNext(e.target.value as GapStatus)}>
            {chosen === '' && <option value="">{t('statusChooseNext')}</option>}
            {options.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_LABEL[s])}
              </option>
            ))}
          </select>
        </label>
        {chosen === 'assigned' && (
          <label className="field">
            <span>{t('statusOperator')}</span>
            <select value={operator} onChange={(e) => setOperator(e.target.value)}>
              {[...new Set([...OPERATORS, operator])].map((op) => (
                <option key={op}>{op}</option>
              ))}
            </select>
          </label>
        )}
        <DateField className="field" label={t('statusDate')} value={date} lang={lang} onChange={setDate} />
        {chosen === 'assigned' && (
          <DateField className="field" label={t('statusDue')} value={due || date} lang={lang} min={date} onChange={setDue} />
        )}
        <label className="field wide">
          <span>{t('statusNote')}</span>
          <input type="text" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="button" onClick={record} disabled={chosen === ''}>
          {t('statusApply')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {refused && <p className="note error-text">{refused}</p>}
      </div>
      <h4>{t('statusHistory')}</h4>
      {timeline.line.length + timeline.conflicts.length + timeline.invalid.length === 0 ? (
        <p className="note">{t('statusNoHistory')}</p>
      ) : (
        <ol className="history" data-testid="gap-history">
          {timeline.line.map((event) => (
            <li key={event.id}>{changeLine(event, lang, t)}</li>
          ))}
          {timeline.conflicts.map(({ event, lostTo }) => (
            <li key={event.id} className="history-lost" data-state="conflict">
              <s>{changeLine(event, lang, t)}</s> — {tw('statusLost', { date: formatDate(lostTo.date, lang), who: author(lostTo, lang) })}
            </li>
          ))}
          {timeline.invalid.map(({ event, issue }) => (
            <li key={event.id} className="history-lost" data-state="invalid">
              <s>{changeLine(event, lang, t)}</s> — {tw('statusInvalid', { problem: registerText(issue, lang) })}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
