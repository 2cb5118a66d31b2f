import { useState, type KeyboardEvent } from 'react';

/**
 * An input whose value becomes a plan edit (one undo step) when the user is done with it:
 * on Enter or when leaving the field, not on every keystroke. Escape restores the value.
 */
export function CommitField({
  label,
  value,
  type,
  step,
  placeholder,
  onCommit,
}: {
  label: string;
  value: string;
  type: 'number' | 'date' | 'text';
  step?: string;
  placeholder?: string;
  /** Returns false when the text is not acceptable: the field is then marked invalid. */
  onCommit: (text: string) => boolean;
}) {
  const [draft, setDraft] = useState<string | undefined>();
  const [invalid, setInvalid] = useState(false);
  const commit = () => {
    if (draft === undefined || draft === value) {
      setDraft(undefined);
      return;
    }
    const ok = onCommit(draft);
    setInvalid(!ok);
    if (ok) setDraft(undefined);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') {
      setDraft(undefined);
      setInvalid(false);
    }
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type={type}
        step={step}
        placeholder={placeholder}
        value={draft ?? value}
        aria-invalid={invalid}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKey}
      />
    </label>
  );
}
