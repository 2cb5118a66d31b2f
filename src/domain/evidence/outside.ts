// Tests outside the province (issue 16: counted and reported, never silently dropped). They
// stay in the data: a test just across the border still tells about a hamlet near it.
import { districtIndexOf, locateDistricts } from '../coverage/districts.ts';
import { IssueList } from '../parse/issues.ts';
import type { Boundary, Issue, Measurement } from '../types.ts';

export interface OutsideCount {
  outside: number;
  total: number;
  /** 0-based indexes of the first few outside, for the message. */
  first: number[];
}

/** How many tests lie inside no polygon of the province file (boundary counts as inside). */
export function countOutside(measurements: readonly Measurement[], province: readonly Boundary[]): OutsideCount {
  const n = measurements.length;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  measurements.forEach((m, i) => {
    lon[i] = m.lon;
    lat[i] = m.lat;
  });
  const where = locateDistricts(districtIndexOf(province), lon, lat);
  const out: OutsideCount = { outside: 0, total: n, first: [] };
  for (let i = 0; i < n; i++) {
    if (where[i]! >= 0) continue;
    out.outside++;
    if (out.first.length < 5) out.first.push(i);
  }
  return out;
}

/** One warning for the file when some tests lie outside the province; none otherwise. */
export function outsideProvinceIssues(
  file: string,
  provinceFile: string,
  measurements: readonly Measurement[],
  lines: readonly number[] | undefined,
  province: readonly Boundary[],
): Issue[] {
  const counted = countOutside(measurements, province);
  if (counted.outside === 0) return [];
  const list = new IssueList(file);
  list.warning('outside-province', {}, {
    count: counted.outside,
    total: counted.total,
    province: provinceFile,
    lines: counted.first.map((i) => lines?.[i] ?? i + 2),
  });
  return list.finish();
}
