// No "1 errors": every English sentence, with each of its numbers set to 1, names one thing in
// the singular (Vietnamese nouns have no plural form). points-stacked is said from 10 up.
import { describe, expect, it } from 'vitest';
import { issueText } from '../../../src/domain/messages/render.ts';
import type { IssueParams } from '../../../src/domain/messages/codes.ts';
import type { Issue } from '../../../src/domain/types.ts';
import { SAMPLES } from './samples.ts';

const PLURAL_AFTER_ONE =
  /(?<!of )\b1 (errors|warnings|rows|features|strings|positions|columns|cells|towers|hamlets|schools|points|lines|bytes|fields|brackets|characters|values|files|targets|notes)\b/;
const NEVER_ONE = new Set(['points-stacked']);

describe('English plurals', () => {
  it('no sentence says "1 <plural>" when its numbers are 1', () => {
    const wrong: string[] = [];
    for (const [code, list] of Object.entries(SAMPLES)) {
      if (NEVER_ONE.has(code)) continue;
      for (const params of list) {
        const ones = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? 1 : v])) as IssueParams;
        const issue = { severity: 'error', code, file: 'f', message: '', params: ones } as Issue;
        const text = issueText(issue, 'en');
        if (PLURAL_AFTER_ONE.test(text)) wrong.push(`${code}: ${text}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
