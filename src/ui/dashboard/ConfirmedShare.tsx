// "99,1 %, trong đó 62,4 % đã đo xác nhận": how much of a coverage share speed tests confirm
// (issue 16, item 5), from the engine's answer for the as-of day; nothing without tests.
import { useMemo } from 'react';
import { confirmedPct } from '../../domain/evidence/summary.ts';
import { useAppStore } from '../../state/store.ts';
import { formatPercent } from '../common/metrics.ts';
import { useT } from '../common/use-t.ts';

/** The confirmed share of `metric` (in `district` when given), for the answer of the as-of day. */
export function useConfirmedPct(metric: string, district?: number): number | undefined {
  const coverage = useAppStore((s) => s.coverage);
  const asOf = useAppStore((s) => s.asOf);
  const dataset = useAppStore((s) => s.dataset);
  return useMemo(() => {
    const evidence = coverage?.evidence;
    // Only an answer for the day the cards are read at speaks of their value.
    if (!evidence || !dataset || coverage.scenario !== asOf) return undefined;
    const scope = district === undefined ? undefined : { districtOf: dataset.district, district };
    return confirmedPct(metric, dataset.points, coverage.level, evidence.agreement, scope);
  }, [coverage, asOf, dataset, metric, district]);
}

export function ConfirmedShare({ metric, district }: { metric: string; district?: number }) {
  const { tw, lang } = useT();
  const pct = useConfirmedPct(metric, district);
  if (pct === undefined) return null;
  const text = tw(district === undefined ? 'confirmedShare' : 'confirmedShareShort', { pct: formatPercent(pct, lang) });
  return district === undefined ? (
    <p className="card-meta" data-testid="card-confirmed">
      {text}
    </p>
  ) : (
    <span className="confirmed-share" data-testid="district-confirmed">
      {' '}
      ({text})
    </span>
  );
}
