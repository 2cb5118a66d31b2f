// The plain reading of contract rule 10 and of `calibrate`, for the fast paths to be held to:
// every point against every test, dates compared as ISO strings, factors as written.
import { EARTH_RADIUS_KM, haversineKm } from '../../../src/domain/geo/haversine.ts';
import type { Measurement } from '../../../src/domain/types.ts';

export interface OracleParams {
  radiusM: number;
  minTests: number;
  goodMbps: number;
  windowDays: number;
}

export interface OraclePoint {
  lon: number;
  lat: number;
}

export interface OracleMeasured {
  tests: number;
  median_mbps: number | null;
  verdict: 'unverified' | 'measured_good' | 'measured_poor';
}

export const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

/** The date `days` days before an ISO date, as ISO. */
export function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export function oracleEndDate(measurements: readonly Measurement[], scenario: string): string | undefined {
  if (scenario !== 'current' && scenario !== 'planned') return scenario;
  let latest: string | undefined;
  for (const m of measurements) if (latest === undefined || m.date > latest) latest = m.date;
  return latest;
}

export function oracleMeasured(
  points: readonly OraclePoint[],
  measurements: readonly Measurement[],
  scenario: string,
  params: OracleParams,
  operator?: string,
): OracleMeasured[] {
  const end = oracleEndDate(measurements, scenario);
  const counted =
    end === undefined
      ? []
      : measurements.filter(
          (m) => m.date > daysBefore(end, params.windowDays) && m.date <= end && (operator === undefined || m.operator === operator),
        );
  return points.map((p) => {
    const speeds = counted
      .filter((m) => haversineKm(p.lon, p.lat, m.lon, m.lat) * 1000 <= params.radiusM)
      .map((m) => m.downloadMbps)
      .sort((a, b) => a - b);
    const n = speeds.length;
    if (n === 0) return { tests: 0, median_mbps: null, verdict: 'unverified' };
    const median = n % 2 === 1 ? (speeds[(n - 1) / 2] as number) : ((speeds[n / 2 - 1] as number) + (speeds[n / 2] as number)) / 2;
    const verdict = n < params.minTests ? 'unverified' : median >= params.goodMbps ? 'measured_good' : 'measured_poor';
    return { tests: n, median_mbps: median, verdict };
  });
}
