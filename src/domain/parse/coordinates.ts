import type { Position } from '../types.ts';
import { described } from '../messages/codes.ts';
import { atField, type IssueList, type Place } from './issues.ts';

/** Vietnam's extent with a margin, in degrees: beyond it a point is suspicious, not invalid. */
export const VIETNAM = { minLon: 102, maxLon: 110, minLat: 8, maxLat: 24 } as const;

const FIELD = 'geometry.coordinates';

interface Sighting {
  features: number;
  lastFeature: number;
  place: Place;
  lon: number;
  lat: number;
}

/**
 * Checks positions one by one and counts, per file, the faults that concern the whole file
 * (swapped axes, projected metres, places outside Vietnam): those are reported once, with a
 * count and the first feature, since a file that has them usually has them everywhere.
 */
export class PositionCheck {
  private swapped: Sighting | undefined;
  private projected: Sighting | undefined;
  private outside: Sighting | undefined;

  constructor(private readonly issues: IssueList) {}

  /** A clean [lon, lat], or undefined after reporting what is wrong with `value`. */
  read(value: unknown, place: Place, featureIndex: number): Position | undefined {
    const at = atField(place, FIELD);
    if (!Array.isArray(value)) {
      this.issues.error('position-invalid', at, { reason: 'not-array', ...described(value) });
      return undefined;
    }
    if (value.length < 2 || value.length > 3) {
      this.issues.error('position-invalid', at, { reason: 'count', count: value.length });
      return undefined;
    }
    for (let k = 0; k < value.length; k++) {
      const n: unknown = value[k];
      if (typeof n !== 'number') {
        this.issues.error('coordinate-not-number', at, { index: k, ...described(n) });
        return undefined;
      }
      if (!Number.isFinite(n)) {
        this.issues.error('coordinate-not-finite', at, { index: k, value: String(n) });
        return undefined;
      }
    }
    const x = value[0] as number;
    const y = value[1] as number;
    if (x >= VIETNAM.minLat && x <= VIETNAM.maxLat && y >= VIETNAM.minLon && y <= VIETNAM.maxLon) {
      this.swapped = sight(this.swapped, featureIndex, at, x, y);
      return undefined;
    }
    if (Math.abs(x) > 180 && Math.abs(y) > 180) {
      this.projected = sight(this.projected, featureIndex, at, x, y);
      return undefined;
    }
    if (x < -180 || x > 180) {
      this.issues.error('coordinate-range', at, { axis: 'lon', value: x, sample: [x, y] });
      return undefined;
    }
    if (y < -90 || y > 90) {
      this.issues.error('coordinate-range', at, { axis: 'lat', value: y, sample: [x, y] });
      return undefined;
    }
    if (x < VIETNAM.minLon || x > VIETNAM.maxLon || y < VIETNAM.minLat || y > VIETNAM.maxLat) {
      this.outside = sight(this.outside, featureIndex, at, x, y);
    }
    return [x, y];
  }

  report(): void {
    const params = (s: Sighting) => ({ lon: s.lon, lat: s.lat, count: s.features });
    if (this.swapped) this.issues.error('coordinates-swapped', this.swapped.place, params(this.swapped), 'swap-coordinates');
    if (this.projected) this.issues.error('coordinates-projected', this.projected.place, params(this.projected));
    if (this.outside) this.issues.warning('outside-vietnam', this.outside.place, params(this.outside));
  }
}

function sight(seen: Sighting | undefined, featureIndex: number, place: Place, lon: number, lat: number): Sighting {
  if (!seen) return { features: 1, lastFeature: featureIndex, place, lon, lat };
  if (seen.lastFeature !== featureIndex) {
    seen.features++;
    seen.lastFeature = featureIndex;
  }
  return seen;
}
