// The `evidence` object of model.json (contract, "Version 2"): how speed tests become a
// verdict. Read from the already-parsed JSON of model.json, so that this module stays apart
// from the reading of model.json's other keys (the radius model's).
import { described } from '../messages/codes.ts';
import { IssueList } from '../parse/issues.ts';
import type { Issue } from '../types.ts';

export interface EvidenceParams {
  /** A test counts for a point within this many metres (haversine, inclusive). */
  radiusM: number;
  /** Fewer tests than this leave a point `unverified`. */
  minTests: number;
  /** A median download at or above this (Mbps) is `measured_good`. */
  goodMbps: number;
  /** Tests dated D − windowDays < date ≤ D count for a scenario date D. */
  windowDays: number;
}

/** The contract's defaults, taken by every key model.json leaves out. */
export const DEFAULT_EVIDENCE: Readonly<EvidenceParams> = { radiusM: 500, minTests: 3, goodMbps: 10, windowDays: 365 };

interface KeySpec {
  key: keyof EvidenceParams;
  /** Its name in model.json; the dictionaries say what its value must be (messages/issues-v2.ts). */
  name: string;
  ok: (n: number) => boolean;
}

const KEYS: readonly KeySpec[] = [
  { key: 'radiusM', name: 'radius_m', ok: (n) => n >= 0 },
  { key: 'minTests', name: 'min_tests', ok: (n) => Number.isInteger(n) && n >= 1 },
  { key: 'goodMbps', name: 'good_mbps', ok: (n) => n >= 0 },
  { key: 'windowDays', name: 'window_days', ok: (n) => n > 0 },
];

/**
 * The evidence parameters of a parsed model.json (`model`: its whole JSON value, undefined
 * when there is no model.json), each missing key at its default. An error names the field
 * ("evidence.min_tests"); with errors, `params` holds the defaults where a value was bad.
 */
export function evidenceParams(model: unknown, file = 'model.json'): { params: EvidenceParams; issues: Issue[] } {
  const params: EvidenceParams = { ...DEFAULT_EVIDENCE };
  const issues = new IssueList(file);
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (model === undefined || !isObject(model) || !Object.hasOwn(model, 'evidence')) return { params, issues: issues.finish() };
  const evidence = model.evidence;
  if (!isObject(evidence)) {
    issues.error('evidence-not-object', { field: 'evidence' }, described(evidence));
    return { params, issues: issues.finish() };
  }
  for (const spec of KEYS) {
    if (!Object.hasOwn(evidence, spec.name)) continue;
    const value = evidence[spec.name];
    const field = `evidence.${spec.name}`;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.error('evidence-type', { field }, { ...described(value), key: spec.name });
    } else if (!spec.ok(value)) {
      issues.error('evidence-range', { field }, { value, key: spec.name });
    } else params[spec.key] = value;
  }
  const known = new Set(KEYS.map((k) => k.name));
  const unknown = Object.keys(evidence).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    issues.warning('evidence-unknown-key', { field: 'evidence' }, { keys: unknown });
  }
  return { params, issues: issues.finish() };
}
