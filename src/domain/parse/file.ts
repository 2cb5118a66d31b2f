import type { FileKind, Issue } from '../types.ts';
import { parseBoundaries, parseCoastline } from './boundaries.ts';
import { parseCandidates } from './candidates.ts';
import { parseCosts } from './costs.ts';
import { FileContext } from './context.ts';
import { parseDeliveries } from './deliveries.ts';
import { parseJsonText } from './json.ts';
import { parseMeasurements } from './measurements.ts';
import type { KindValue } from './kind.ts';
import { parseLandcover } from './landcover.ts';
import { parseModel } from './model.ts';
import { parseHamlets, parseSchools, parseTowers } from './points.ts';
import { parseProgramme } from './programme.ts';

export interface FileResult<K extends FileKind> {
  /** Undefined when any issue is an error; warnings keep the value. */
  value: KindValue[K] | undefined;
  issues: Issue[];
  /** Records read (features, CSV rows, targets), also when errors withhold the value. */
  count: number;
  /** deliveries and measurements only: the CSV line of each record. */
  lines?: number[];
}

interface Parsed {
  value: unknown;
  count: number;
  lines?: number[];
}

function parseInto(ctx: FileContext, text: string): Parsed {
  if (ctx.kind === 'deliveries') {
    const { records, lines } = parseDeliveries(ctx, text);
    return { value: records, count: records.length, lines };
  }
  if (ctx.kind === 'measurements') {
    const { records, lines } = parseMeasurements(ctx, text);
    return { value: records, count: records.length, lines };
  }
  const json = parseJsonText(text, ctx.issues);
  if (!json.ok) return { value: undefined, count: 0 };
  switch (ctx.kind) {
    case 'hamlets':
      return counted(parseHamlets(ctx, json.value));
    case 'schools':
      return counted(parseSchools(ctx, json.value));
    case 'towers':
      return counted(parseTowers(ctx, json.value));
    case 'province':
    case 'districts':
    case 'communes':
      return counted(parseBoundaries(ctx, json.value));
    case 'coastline':
      return counted(parseCoastline(ctx, json.value));
    case 'costs': {
      const costs = parseCosts(ctx, json.value);
      return { value: costs, count: costs ? 1 : 0 };
    }
    case 'landcover':
      return counted(parseLandcover(ctx, json.value));
    case 'candidates':
      return counted(parseCandidates(ctx.issues, json.value));
    case 'model': {
      const model = parseModel(ctx, json.value);
      return { value: model, count: model === undefined ? 0 : 1 };
    }
    case 'programme': {
      const programme = parseProgramme(ctx, json.value);
      return { value: programme, count: programme?.targets.length ?? 0 };
    }
  }
}

function counted(records: unknown[]): Parsed {
  return { value: records, count: records.length };
}

/**
 * Checks one file's text against the contract for its kind. Never throws on user data: a
 * failure inside the checks themselves becomes an issue too, so a caller's import never
 * dies on a file it did not foresee.
 */
export function parseFileDetailed<K extends FileKind>(kind: K, fileName: string, text: string): FileResult<K> {
  const ctx = new FileContext(fileName, kind);
  let parsed: Parsed;
  try {
    parsed = parseInto(ctx, text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    ctx.issues.error('internal', {}, { detail });
    parsed = { value: undefined, count: 0 };
  }
  const issues = ctx.finish();
  const failed = issues.some((issue) => issue.severity === 'error');
  const result: FileResult<K> = {
    value: failed ? undefined : (parsed.value as KindValue[K]),
    issues,
    count: parsed.count,
  };
  if (parsed.lines) result.lines = parsed.lines;
  return result;
}
