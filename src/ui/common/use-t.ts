// The texts of the language the page is in, as one hook: `t` a text, `tw` a text with its
// `{name}` slots filled in. A file of its own so i18n.ts stays free of the store (the map
// and the formatting read it too).
import { useMemo } from 'react';
import { useAppStore } from '../../state/store.ts';
import { translate, translateWith, type Lang, type MessageKey } from './i18n.ts';

export interface Texts {
  t: (key: MessageKey) => string;
  tw: (key: MessageKey, values: Record<string, string | number>) => string;
  lang: Lang;
}

export function useT(): Texts {
  const lang = useAppStore((s) => s.lang);
  return useMemo(
    () => ({ lang, t: (key) => translate(lang, key), tw: (key, values) => translateWith(lang, key, values) }),
    [lang],
  );
}
