// What `coverage` and `calibrate` need of the evidence (contract rule 10): the `evidence`
// parameters of the data folder's model.json, and each point's `measured` object.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoverageReport } from '../domain/coverage/report.ts';
import { measuredRecords, measureScenario, type MeasuredRecord } from '../domain/evidence/measured.ts';
import { DEFAULT_EVIDENCE, evidenceParams, type EvidenceParams } from '../domain/evidence/params.ts';
import { pointColumns } from '../domain/coverage/columns.ts';
import { parseJsonText } from '../domain/parse/json.ts';
import { IssueList } from '../domain/parse/issues.ts';
import type { Dataset } from '../domain/types.ts';
import type { CommandIo } from './json-command.ts';
import { fsReason } from './folder.ts';

/**
 * The folder's evidence parameters (defaults without model.json); undefined after one line
 * per problem on `io.err` when model.json cannot be read or its `evidence` is wrong.
 */
export function loadEvidenceParams(root: string, io: CommandIo): EvidenceParams | undefined {
  const path = join(root, 'model.json');
  if (!existsSync(path)) return { ...DEFAULT_EVIDENCE };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    io.err(`error: model.json: ${fsReason(error)}`);
    return undefined;
  }
  const list = new IssueList('model.json');
  const json = parseJsonText(text, list);
  const read = json.ok ? evidenceParams(json.value) : { params: DEFAULT_EVIDENCE, issues: [] };
  const issues = [...list.finish(), ...read.issues];
  for (const issue of issues) io.err(`${issue.severity}: ${issue.message}`);
  return issues.some((issue) => issue.severity === 'error') ? undefined : read.params;
}

export type PointWithMeasured<P> = P & { measured: MeasuredRecord };

/** The report with each point's `measured` when the data set has measurements.csv; the report itself otherwise. */
export function withMeasured(
  report: CoverageReport,
  dataset: Dataset,
  params: EvidenceParams,
  operator: string | undefined,
): CoverageReport | (Omit<CoverageReport, 'points'> & { points: PointWithMeasured<CoverageReport['points'][number]>[] }) {
  if (dataset.measurements === undefined) return report;
  const points = pointColumns(dataset.hamlets, dataset.schools);
  const records = measuredRecords(measureScenario(points, dataset.measurements, report.scenario, params, operator));
  return { ...report, points: report.points.map((p, i) => ({ ...p, measured: records[i] as MeasuredRecord })) };
}
