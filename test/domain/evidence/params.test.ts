import { describe, expect, it } from 'vitest';
import { DEFAULT_EVIDENCE, evidenceParams } from '../../../src/domain/evidence/params.ts';

describe('evidence parameters of model.json', () => {
  it('takes the contract default for every key left out, and for a file without "evidence"', () => {
    expect(DEFAULT_EVIDENCE).toEqual({ radiusM: 500, minTests: 3, goodMbps: 10, windowDays: 365 });
    expect(evidenceParams(undefined)).toEqual({ params: DEFAULT_EVIDENCE, issues: [] });
    expect(evidenceParams({ radius_model: 'fixed' })).toEqual({ params: DEFAULT_EVIDENCE, issues: [] });
    expect(evidenceParams({ evidence: { min_tests: 5 } }).params).toEqual({ ...DEFAULT_EVIDENCE, minTests: 5 });
    expect(evidenceParams({ evidence: { radius_m: 250.5, good_mbps: 0, window_days: 30 } }).params).toEqual({
      radiusM: 250.5,
      minTests: 3,
      goodMbps: 0,
      windowDays: 30,
    });
  });

  it('refuses values of the wrong type or range, naming the field', () => {
    const { issues } = evidenceParams({ evidence: { radius_m: '500', min_tests: 2.5, good_mbps: -1, window_days: 0 } });
    expect(issues.map((i) => [i.severity, i.field, i.message])).toEqual([
      ['error', 'evidence.radius_m', 'model.json: field "evidence.radius_m": is a string ("500"), must be a number of metres ≥ 0'],
      ['error', 'evidence.min_tests', 'model.json: field "evidence.min_tests": is 2.5, must be a whole number ≥ 1'],
      ['error', 'evidence.good_mbps', 'model.json: field "evidence.good_mbps": is -1, must be a speed in Mbps ≥ 0'],
      ['error', 'evidence.window_days', 'model.json: field "evidence.window_days": is 0, must be a number of days > 0'],
    ]);
    expect(evidenceParams({ evidence: [] }).issues.map((i) => i.code)).toEqual(['evidence-not-object']);
  });

  it('warns about keys the contract does not define, and keeps the rest', () => {
    const { params, issues } = evidenceParams({ evidence: { radius_m: 300, radius_km: 1 } });
    expect(params.radiusM).toBe(300);
    expect(issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'evidence-unknown-key']]);
  });
});
