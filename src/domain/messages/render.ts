// An issue as a sentence in the user's language: "<file>: <place>: <what>", each part from
// the dictionaries. `issue.message` holds the English one, for the CLI and logs.
import type { Issue } from '../types.ts';
import { Params, type Lang } from './format.ts';
import { EN, type IssueLanguage } from './issues-en.ts';
import { VI } from './issues-vi.ts';

export type { Lang } from './format.ts';

const LANGUAGES: Readonly<Record<Lang, IssueLanguage>> = { vi: VI, en: EN };

/** Codes said without a file or place: they concern the import as a whole. */
const WITHOUT_PLACE: ReadonlySet<string> = new Set(['import-nothing', 'import-twice']);
/** Codes said of the file alone: their field is what they count, not where they are. */
const FILE_ONLY: ReadonlySet<string> = new Set(['more-not-listed']);

export function issueText(issue: Issue, lang: Lang): string {
  const language = LANGUAGES[lang] ?? EN;
  const p = new Params(issue.params);
  const text = language.texts[issue.code];
  // An issue from an older version or another module may carry a code we do not know.
  if (text === undefined) return issue.message;
  const what = text(p, issue);
  if (WITHOUT_PLACE.has(issue.code) || issue.file === '') return what;
  const file = p.has('readAs') ? language.readAs(issue.file, p.s('readAs')) : issue.file;
  const parts = FILE_ONLY.has(issue.code) ? [] : language.place(issue, p);
  return parts.length > 0 ? `${file}: ${parts.join(', ')}: ${what}` : `${file}: ${what}`;
}

/** The English sentence, as `Issue.message` keeps it. */
export const englishText = (issue: Issue): string => issueText(issue, 'en');
