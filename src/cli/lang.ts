// `--lang vi|en` for the commands that print problems: English unless asked, Vietnamese
// from the same dictionaries as the app (src/domain/messages).
import { issueText, type Lang } from '../domain/messages/render.ts';
import type { Issue } from '../domain/types.ts';

export const LANGS: readonly Lang[] = ['en', 'vi'];

/** The arguments without `--lang X` / `--lang=X`, the language asked for, or what is wrong. */
export function takeLang(argv: readonly string[]): { argv: string[]; lang: Lang; problem?: string } {
  const rest: string[] = [];
  let lang: Lang = 'en';
  let problem: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    let value: string | undefined;
    if (arg === '--lang') value = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
    else {
      rest.push(arg);
      continue;
    }
    if ((LANGS as readonly string[]).includes(value)) lang = value as Lang;
    else problem ??= `--lang ${JSON.stringify(value)}: use vi or en`;
  }
  return problem === undefined ? { argv: rest, lang } : { argv: rest, lang, problem };
}

/** An issue's line: its English message, or the same problem in the language asked for. */
export const issueLine = (issue: Issue, lang: Lang): string => (lang === 'en' ? issue.message : issueText(issue, lang));
