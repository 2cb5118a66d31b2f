import { useId, useState, type KeyboardEvent } from 'react';
import { readDecimal, writeDecimal } from '../../domain/input/decimal.ts';
import { readDay, writeDay } from '../../domain/input/day.ts';
import type { Lang } from './i18n.ts';

const texts = {
  vi: {
    decimalHint: 'dùng dấu phẩy cho phần thập phân, ví dụ 6,5',
    notNumber: 'Không phải là số: {hint}.',
    dayHint: 'ngày/tháng/năm',
    notDay: 'Không đọc được ngày này: nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2022.',
    refused: 'Giá trị này không dùng được ở đây.',
    keep: 'Vẫn dùng giá trị này',
    cancel: 'Hủy',
  },
  en: {
    decimalHint: 'use a point for decimals, e.g. 6.5',
    notNumber: 'Not a number: {hint}.',
    dayHint: 'day month year',
    notDay: 'Not a date this field can read: type it as day/month/year, e.g. 31/12/2022.',
    refused: 'This value cannot be used here.',
    keep: 'Use this value anyway',
    cancel: 'Cancel',
  },
} as const;

/** What a field reads: a number (null when emptied), an ISO day (null when emptied), or text. */
export type FieldValue = number | string | null;

export type CommitResult = true | false | string;

/**
 * An input whose value becomes a plan edit (one undo step) when the user is done with it: on
 * Enter or when leaving the field, not on every keystroke. Escape restores the value. Numbers
 * and days are read as the language writes them ("6,5" is six and a half in Vietnamese; days
 * are dd/mm/yyyy), whatever the browser's language; what cannot be read is said and not used.
 * `unusual` may ask for confirmation of a value that is possible but unlikely (a 40 km radius).
 */
export function CommitField({
  label,
  value,
  type,
  lang,
  placeholder,
  unusual,
  onCommit,
}: {
  label: string;
  /** The value in use: a number, an ISO day or text; undefined when empty. */
  value: number | string | undefined;
  type: 'decimal' | 'day' | 'text';
  lang: Lang;
  placeholder?: string;
  /** A question to ask before using this value, or undefined when it is ordinary. */
  unusual?: (value: number) => string | undefined;
  /** true: taken; false or a message: refused (the message says why). */
  onCommit: (value: FieldValue) => CommitResult;
}) {
  const t = texts[lang];
  const [draft, setDraft] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [question, setQuestion] = useState<{ text: string; value: number } | undefined>();
  const problemId = useId();
  const shown =
    value === undefined ? '' : type === 'decimal' && typeof value === 'number' ? writeDecimal(value, lang) : type === 'day' && typeof value === 'string' ? writeDay(value, lang) : String(value);

  const take = (read: FieldValue) => {
    const result = onCommit(read);
    if (result === true) {
      setDraft(undefined);
      setProblem(undefined);
    } else setProblem(result === false ? t.refused : result);
    setQuestion(undefined);
  };
  const commit = () => {
    if (draft === undefined || draft === shown) {
      setDraft(undefined);
      return;
    }
    if (draft.trim() === '') return take(null);
    if (type === 'decimal') {
      const read = readDecimal(draft, lang);
      if (!read.ok) return setProblem(t.notNumber.replace('{hint}', t.decimalHint));
      const ask = unusual?.(read.value);
      if (ask) return setQuestion({ text: ask, value: read.value });
      return take(read.value);
    }
    if (type === 'day') {
      const read = readDay(draft, lang);
      return read.ok ? take(read.iso) : setProblem(t.notDay);
    }
    take(draft);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') {
      setDraft(undefined);
      setProblem(undefined);
      setQuestion(undefined);
    }
  };
  return (
    <div className="field commit-field">
      <label>
        <span>{label}</span>
        <input
          type="text"
          inputMode={type === 'decimal' ? 'decimal' : type === 'day' ? 'numeric' : undefined}
          placeholder={placeholder ?? (type === 'day' ? t.dayHint : undefined)}
          value={draft ?? shown}
          aria-invalid={problem !== undefined}
          aria-describedby={problem || question ? problemId : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(undefined);
          }}
          onBlur={commit}
          onKeyDown={onKey}
        />
      </label>
      {problem && (
        <span id={problemId} className="field-problem" role="alert">
          {problem}
        </span>
      )}
      {question && (
        <span id={problemId} className="field-question" role="alert">
          {question.text}{' '}
          <button type="button" onClick={() => take(question.value)}>
            {t.keep}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setQuestion(undefined);
              setDraft(undefined);
            }}
          >
            {t.cancel}
          </button>
        </span>
      )}
    </div>
  );
}
