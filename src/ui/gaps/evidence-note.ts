// The note a change from evidence carries (issue 16, item 4): how many tests, within what
// distance, their median against the threshold, and their dates, in the user's language.
// One builder for a single point's action and a whole district's.
import { dateRange, testsNear, type DistrictAction } from '../../domain/evidence/disputes.ts';
import { DEFAULT_EVIDENCE } from '../../domain/evidence/params.ts';
import type { PointEvidence } from '../../domain/coverage/answer.ts';
import type { DatasetView } from '../../domain/points/dataset-view.ts';
import { formatDate, formatNumber } from '../common/format.ts';
import type { Texts } from '../common/use-t.ts';

/** The evidence parameters of the data set (model.json's, else the contract's defaults). */
export const evidenceParams = (dataset: Pick<DatasetView, 'model'>) => dataset.model?.evidence ?? DEFAULT_EVIDENCE;

/** The note for point `index`; `among`: the tests worth looking at (testsAround), else all. */
export function evidenceNote(
  index: number,
  action: DistrictAction,
  dataset: Pick<DatasetView, 'model' | 'measurements' | 'points'>,
  evidence: Pick<PointEvidence, 'tests' | 'medianMbps' | 'counted'>,
  { tw, lang }: Pick<Texts, 'tw' | 'lang'>,
  among?: Iterable<number>,
): string {
  const params = evidenceParams(dataset);
  const measurements = dataset.measurements ?? [];
  const near = testsNear(dataset.points.lon[index] as number, dataset.points.lat[index] as number, measurements, evidence.counted, params.radiusM, among);
  const dates = dateRange(near, measurements);
  const median = evidence.medianMbps[index] as number;
  return tw(action === 'dispute' ? 'evidenceDisputeNote' : 'evidenceProposeNote', {
    tests: formatNumber(evidence.tests[index] as number, lang),
    m: formatNumber(params.radiusM, lang),
    mbps: Number.isNaN(median) ? '–' : formatNumber(median, lang, 1),
    good: formatNumber(params.goodMbps, lang),
    from: dates ? formatDate(dates.from, lang) : '–',
    to: dates ? formatDate(dates.to, lang) : '–',
  });
}
