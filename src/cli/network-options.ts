// `--radius-model fixed|path_loss` and `--operator NAME` (contract rules 8 and 9), shared by
// `coverage` and `siting`.
import { effectiveModel } from '../domain/coverage/report.ts';
import type { Lang } from '../domain/messages/render.ts';
import { pathLossHeightIssues } from '../domain/parse/index.ts';
import type { Dataset, RadiusModelName } from '../domain/types.ts';
import type { CommandIo } from './json-command.ts';
import { issueLine } from './lang.ts';

export interface NetworkOptions {
  radiusModel?: RadiusModelName;
  operator?: string;
}

/** The two options' values from `readOptions`, or one line saying what is wrong. */
export function readNetworkOptions(given: Partial<Record<'--radius-model' | '--operator', string>>): NetworkOptions | string {
  const out: NetworkOptions = {};
  const model = given['--radius-model'];
  if (model !== undefined) {
    if (model !== 'fixed' && model !== 'path_loss') return `--radius-model ${JSON.stringify(model)} is not fixed or path_loss`;
    out.radiusModel = model;
  }
  if (given['--operator'] !== undefined) out.operator = given['--operator'];
  return out;
}

/**
 * What the options ask of the data: under `path_loss` (model.json's or the flag's), no tower
 * below 1 m (validation already said so when model.json chose it). An operator that no tower
 * names is worth a warning: its network then reaches nobody. False after an error line.
 */
export function checkNetworkOptions(dataset: Dataset, options: NetworkOptions, io: CommandIo, lang: Lang = 'en'): boolean {
  const model = effectiveModel(dataset, options.radiusModel);
  if (model.radiusModel === 'path_loss' && dataset.model?.radiusModel !== 'path_loss') {
    const issues = pathLossHeightIssues(dataset.towers);
    for (const issue of issues) io.err(`${issue.severity}: ${issueLine(issue, lang)}`);
    if (issues.some((issue) => issue.severity === 'error')) return false;
  }
  const operator = options.operator;
  if (operator !== undefined && !dataset.towers.some((t) => t.operator === operator)) {
    const names = [...new Set(dataset.towers.map((t) => t.operator))].sort();
    io.err(`warning: --operator ${JSON.stringify(operator)}: no tower in towers.geojson has this operator (${names.map((n) => JSON.stringify(n)).join(', ')}); none counts`);
  }
  return true;
}
