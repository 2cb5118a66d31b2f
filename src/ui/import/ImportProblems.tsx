import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { groupIssues, issueTotals, type IssueGroup } from '../../domain/messages/groups.ts';
import { issueText } from '../../domain/messages/render.ts';
import type { Issue } from '../../domain/types.ts';
import { formatNumber } from '../common/format.ts';
import { translateWith, type Lang } from '../common/i18n.ts';

// A group longer than this is drawn as a virtual list (@tanstack/react-virtual): only the rows
// scrolled to are in the page, so a file's thousands of problems stay one screenful of DOM.
const VIRTUAL_FROM = 100;
const ROW_PX = 44;
const VISIBLE_ROWS = 10;

function groupTitle(group: IssueGroup, lang: Lang): string {
  const count = formatNumber(group.count, lang);
  const what = translateWith(lang, group.severity === 'error' ? 'importGroupErrors' : 'importGroupWarnings', { n: count });
  return group.field === undefined ? what : `${what} · ${translateWith(lang, 'importGroupField', { field: group.field })}`;
}

function LongList({ issues, lang, label }: { issues: readonly Issue[]; lang: Lang; label: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  // The build does not run the React Compiler, so a hook whose results it could not memoize is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: issues.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 6,
    // Before the region is measured, draw as many rows as it will show.
    initialRect: { width: 0, height: VISIBLE_ROWS * ROW_PX },
    // A region not laid out (yet, or in a test's DOM) measures 0: draw a screenful all the same.
    observeElementRect: (instance, report) => observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : { ...rect, height: VISIBLE_ROWS * ROW_PX })),
  });
  return (
    <div
      ref={scroller}
      className="issues-scroll"
      role="region"
      aria-label={label}
      // A scrollable region must take focus, or keyboard users cannot scroll it (axe: scrollable-region-focusable).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      style={{ maxHeight: VISIBLE_ROWS * ROW_PX, overflowY: 'auto' }}
      data-total-rows={issues.length}
    >
      <ul className="issues" style={{ position: 'relative', height: virtualizer.getTotalSize(), margin: 0 }}>
        {virtualizer.getVirtualItems().map((row) => {
          const issue = issues[row.index] as Issue;
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className={issue.severity === 'error' ? 'error-text' : undefined}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}
            >
              {issueText(issue, lang)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** One kind of problem: its count and first sentence; opened, every problem of the kind. */
function Group({ group, lang }: { group: IssueGroup; lang: Lang }) {
  const [open, setOpen] = useState(false);
  const first = group.issues[0] as Issue;
  return (
    <details data-testid="import-problem-group" data-code={group.code} open={open}>
      {/* Opened by the summary's own click (Enter and Space too), the state held here so the rows are drawn only when open. */}
      <summary
        className={group.severity === 'error' ? 'error-text' : undefined}
        onClick={(event) => {
          event.preventDefault();
          setOpen(!open);
        }}
      >
        {groupTitle(group, lang)}: {issueText(first, lang)}
      </summary>
      {open &&
        (group.issues.length > VIRTUAL_FROM ? (
          <LongList issues={group.issues} lang={lang} label={groupTitle(group, lang)} />
        ) : (
          <ul className="issues">
            {group.issues.map((issue, i) => (
              <li key={i} className={issue.severity === 'error' ? 'error-text' : undefined}>
                {issueText(issue, lang)}
              </li>
            ))}
          </ul>
        ))}
    </details>
  );
}

/** An import's problems, every one reachable: grouped by code and field with counts, errors first. */
export function ImportProblems({ issues, lang }: { issues: readonly Issue[]; lang: Lang }) {
  const groups = useMemo(() => groupIssues(issues), [issues]);
  const totals = issueTotals(groups);
  return (
    <div data-testid="import-issues">
      <p className="note" data-testid="import-problem-totals">
        {translateWith(lang, 'importProblems', { errors: formatNumber(totals.errors, lang), warnings: formatNumber(totals.warnings, lang) })}
      </p>
      {groups.map((group) => (
        <Group key={`${group.severity}-${group.code}-${group.field ?? ''}`} group={group} lang={lang} />
      ))}
    </div>
  );
}
