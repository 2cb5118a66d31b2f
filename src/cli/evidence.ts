// What `coverage` and `calibrate` need of the evidence (contract rule 10): the `evidence`
// parameters of the data folder's model.json, and each point's `measured` object.
import type { CoverageReport } from '../domain/coverage/report.ts';
import { measuredRecords, measureScenario, type MeasuredRecord } from '../domain/evidence/measured.ts';
import { DEFAULT_EVIDENCE, type EvidenceParams } from '../domain/evidence/params.ts';
import { pointColumns } from '../domain/coverage/columns.ts';
import type { Dataset } from '../domain/types.ts';

/**
 * The data set's evidence parameters: model.json's `evidence` (checked with the rest of
 * model.json when the folder was read), else the contract's defaults.
 */
export function evidenceOf(dataset: Pick<Dataset, 'model'>): EvidenceParams {
  return dataset.model?.evidence ? { ...dataset.model.evidence } : { ...DEFAULT_EVIDENCE };
}

export type PointWithMeasured<P> = P & { measured: MeasuredRecord };

/** Each point's `measured` object (index-aligned with the report's points) when the data set has measurements.csv. */
export function measuredOf(dataset: Dataset, scenario: CoverageReport['scenario'], params: EvidenceParams, operator: string | undefined): MeasuredRecord[] | undefined {
  if (dataset.measurements === undefined) return undefined;
  const points = pointColumns(dataset.hamlets, dataset.schools);
  return measuredRecords(measureScenario(points, dataset.measurements, scenario, params, operator));
}

/** The report with each point's `measured` when the data set has measurements.csv; the report itself otherwise. */
export function withMeasured(
  report: CoverageReport,
  dataset: Dataset,
  params: EvidenceParams,
  operator: string | undefined,
): CoverageReport | (Omit<CoverageReport, 'points'> & { points: PointWithMeasured<CoverageReport['points'][number]>[] }) {
  const records = measuredOf(dataset, report.scenario, params, operator);
  if (records === undefined) return report;
  return { ...report, points: report.points.map((p, i) => ({ ...p, measured: records[i] as MeasuredRecord })) };
}
