import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { readDay, writeDay } from '../../domain/input/day.ts';
import type { Lang } from './i18n.ts';

const texts = {
  vi: {
    hint: 'ngày/tháng/năm',
    invalid: 'Không đọc được ngày này: nhập theo dạng ngày/tháng/năm, ví dụ {example}.',
    noSuchDay: 'Không có ngày này trong lịch.',
    outOfRange: 'Ngày này nằm ngoài khoảng số liệu ({from} – {to}).',
    calendar: 'Chọn trên lịch',
  },
  en: {
    hint: 'day month year',
    invalid: 'Not a date this field can read: type it as day/month/year or like {example}.',
    noSuchDay: 'There is no such day in the calendar.',
    outOfRange: 'This day is outside the data ({from} – {to}).',
    calendar: 'Pick on a calendar',
  },
} as const;

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/**
 * A day typed as the language writes it (dd/mm/yyyy in Vietnamese, "15 Oct 2021" in English),
 * whatever the browser's own language, with a calendar button. A day it cannot read, or one
 * outside `min`..`max`, is said under the field and not applied.
 */
export function DateField({
  label,
  value,
  lang,
  min,
  max,
  className,
  onChange,
}: {
  label: string;
  /** ISO YYYY-MM-DD. */
  value: string;
  lang: Lang;
  min?: string;
  max?: string;
  className?: string;
  onChange: (iso: string) => void;
}) {
  const t = texts[lang];
  const [draft, setDraft] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const picker = useRef<HTMLInputElement>(null);
  const problemId = useId();

  const inRange = (iso: string) => !((min && iso < min) || (max && iso > max));
  const why = (text: string): string | undefined => {
    const read = readDay(text, lang);
    if (read.ok) return inRange(read.iso) ? undefined : fill(t.outOfRange, { from: writeDay(min ?? read.iso, lang), to: writeDay(max ?? read.iso, lang) });
    return read.reason === 'no-such-day' ? t.noSuchDay : fill(t.invalid, { example: writeDay(value, lang) });
  };
  // A whole day within range applies as it is typed; what is wrong is said when the user is done.
  const typed = (text: string) => {
    setDraft(text);
    setProblem(undefined);
    const read = readDay(text, lang);
    if (read.ok && inRange(read.iso) && read.iso !== value) onChange(read.iso);
  };
  const commit = () => {
    if (draft === undefined) return;
    const problemNow = why(draft);
    setProblem(problemNow);
    if (problemNow === undefined) setDraft(undefined);
  };
  const picked = (iso: string) => {
    if (!inRange(iso)) return;
    setDraft(undefined);
    setProblem(undefined);
    if (iso !== value) onChange(iso);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') {
      setDraft(undefined);
      setProblem(undefined);
    }
  };
  const invalid = problem !== undefined || (draft !== undefined && why(draft) !== undefined);

  return (
    <div className={`date-field ${className ?? ''}`}>
      <label>
        <span>{label}</span>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={draft ?? writeDay(value, lang)}
          placeholder={t.hint}
          aria-invalid={invalid}
          aria-describedby={problem ? problemId : undefined}
          size={11}
          onChange={(event) => typed(event.target.value)}
          onBlur={commit}
          onKeyDown={onKey}
        />
      </label>
      <button type="button" className="calendar-button" aria-label={t.calendar} title={t.calendar} onClick={() => picker.current?.showPicker?.()}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M2.5 3.5h11v10h-11Z M2.5 6.5h11 M5 2v3 M11 2v3" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      <input
        ref={picker}
        type="date"
        className="calendar-picker"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        min={min}
        max={max}
        onChange={(event) => event.target.value && picked(event.target.value)}
      />
      {problem && (
        <span id={problemId} className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
