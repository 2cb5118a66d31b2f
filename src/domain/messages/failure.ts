// A failure of the data worker, said in the user's language on the page. Comlink carries an
// Error's message across, not its fields, so the problem travels as the message itself
// ("problem:" and JSON) and the page renders it (failureText) from the problem dictionaries.
import type { IssueParams } from './codes.ts';
import type { Lang } from './format.ts';
import { PROBLEM_CODES, problemText, type ProblemCode } from './problems.ts';

const PREFIX = 'problem:';

export const failureMessage = (code: ProblemCode, params: IssueParams = {}): string => PREFIX + JSON.stringify({ code, params });

export class EngineFailure extends Error {
  constructor(code: ProblemCode, params: IssueParams = {}) {
    super(failureMessage(code, params));
  }
}

/** The text of a failure's message: a coded problem in `lang`; anything else as an internal failure. */
export function failureText(message: string, lang: Lang): string {
  if (message.startsWith(PREFIX)) {
    try {
      const found = JSON.parse(message.slice(PREFIX.length)) as { code: ProblemCode; params: IssueParams };
      if ((PROBLEM_CODES as readonly string[]).includes(found.code)) return problemText({ code: found.code, params: found.params ?? {} }, lang);
    } catch {
      // not one of ours: said as an internal failure below
    }
  }
  return problemText({ code: 'engine-internal', params: { detail: message } }, lang);
}
