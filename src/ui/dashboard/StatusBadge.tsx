import type { Status } from '../../domain/progress/status.ts';
import { RAG } from '../../domain/progress/status.ts';
import { translate, type Lang } from '../common/i18n.ts';
import { STATUS_LABEL } from '../common/metrics.ts';

// One shape per status (tick, tick with a clock hand, rising arrow, warning triangle, cross, alarm circle, dash): the colour
// only repeats what the shape and the words say.
const PATHS: Record<Status, string> = {
  met: 'M3 8.5 6.5 12 13 4.5',
  met_late: 'M1.5 9 4.5 12 10 5.5 M12.5 8.5a3 3 0 1 0 .01 0Z M12.5 9.5v1.2h1',
  on_track: 'M3 12 12 3 M6 3h6v6',
  at_risk: 'M8 2 14.5 13.5h-13Z M8 6.5v3.5 M8 11.6v.4',
  behind: 'M4 4l8 8 M12 4l-8 8',
  overdue: 'M8 1.8a6.2 6.2 0 1 0 .01 0Z M8 4.6v4.2 M8 11.3v.3',
  no_data: 'M4 8h8',
};

export function StatusIcon({ status }: { status: Status }) {
  return (
    <svg className="status-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={PATHS[status]} fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function StatusBadge({ status, lang }: { status: Status; lang: Lang }) {
  return (
    <span className={`status status-${RAG[status]}`} data-status={status}>
      <StatusIcon status={status} />
      {translate(lang, STATUS_LABEL[status])}
    </span>
  );
}
