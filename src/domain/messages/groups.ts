// A problem list grouped by kind: the same code in the same field, of one severity, is one
// group with its count, so that a file with 1,233 problems reads as a few lines, each of
// which opens on all of its problems (the import panel; the CLI's summary). The lines an
// IssueList gives past its limit ("70 more … not listed") join their kind's group and its count.
import type { Issue } from '../types.ts';

export interface IssueGroup {
  severity: Issue['severity'];
  code: string;
  field?: string;
  /** Problems of this kind, listed or only counted. */
  count: number;
  /** The problems listed, in order; a trailing 'more-not-listed' line says how many are not. */
  issues: Issue[];
}

const keyOf = (severity: string, code: string, field: string | undefined): string => JSON.stringify([severity, code, field ?? null]);

/** The groups, errors first, each kind in the order of its first problem. */
export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const more = issue.code === 'more-not-listed';
    const code = more ? String(issue.params?.['of'] ?? issue.code) : issue.code;
    const key = keyOf(issue.severity, code, issue.field);
    let group = groups.get(key);
    if (!group) {
      group = { severity: issue.severity, code, count: 0, issues: [] };
      if (issue.field !== undefined) group.field = issue.field;
      groups.set(key, group);
    }
    group.count += more ? Number(issue.params?.['count'] ?? 0) : 1;
    group.issues.push(issue);
  }
  const all = [...groups.values()];
  return [...all.filter((g) => g.severity === 'error'), ...all.filter((g) => g.severity !== 'error')];
}

/** Errors and warnings in all, the counted-only ones included. */
export function issueTotals(groups: readonly IssueGroup[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const g of groups) {
    if (g.severity === 'error') errors += g.count;
    else warnings += g.count;
  }
  return { errors, warnings };
}
