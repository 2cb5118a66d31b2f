import type { Position } from '../types.ts';
import { atField, show, typeName, type IssueList, type Place } from './issues.ts';

/** Vietnam's extent with a margin, in degrees: beyond it a point is suspicious, not invalid. */
export const VIETNAM = { minLon: 102, maxLon: 110, minLat: 8, maxLat: 24 } as const;

const FIELD = 'geometry.coordinates';

interface Sighting {
  features: number;
  lastFeature: number;
  place: Place;
  sample: string;
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
      this.issues.error('position-invalid', at, `a position must be an array [lon, lat], got ${typeName(value)}`);
      return undefined;
    }
    if (value.length < 2 || value.length > 3) {
      const hint = value.length > 3 ? ' (a comma decimal such as 105,12 splits one number in two)' : '';
      this.issues.error(
        'position-invalid',
        at,
        `a position must hold 2 numbers [lon, lat] (3 with altitude), got ${value.length}${hint}`,
      );
      return undefined;
    }
    for (let k = 0; k < value.length; k++) {
      const n: unknown = value[k];
      if (typeof n !== 'number') {
        this.issues.error(
          'coordinate-not-number',
          at,
          `coordinate ${k} is ${typeName(n)} (${show(n)}), must be a number`,
        );
        return undefined;
      }
      if (!Number.isFinite(n)) {
        this.issues.error(
          'coordinate-not-finite',
          at,
          `coordinate ${k} is ${n}, not a finite number (a literal such as 1e400 overflows to Infinity)`,
        );
        return undefined;
      }
    }
    const x = value[0] as number;
    const y = value[1] as number;
    const sample = `[${x}, ${y}]`;
    if (x >= VIETNAM.minLat && x <= VIETNAM.maxLat && y >= VIETNAM.minLon && y <= VIETNAM.maxLon) {
      this.swapped = sight(this.swapped, featureIndex, at, sample);
      return undefined;
    }
    if (Math.abs(x) > 180 && Math.abs(y) > 180) {
      this.projected = sight(this.projected, featureIndex, at, sample);
      return undefined;
    }
    if (x < -180 || x > 180) {
      this.issues.error('coordinate-range', at, `longitude ${x} in ${sample} is outside [-180, 180]`);
      return undefined;
    }
    if (y < -90 || y > 90) {
      this.issues.error('coordinate-range', at, `latitude ${y} in ${sample} is outside [-90, 90]`);
      return undefined;
    }
    if (x < VIETNAM.minLon || x > VIETNAM.maxLon || y < VIETNAM.minLat || y > VIETNAM.maxLat) {
      this.outside = sight(this.outside, featureIndex, at, sample);
    }
    return [x, y];
  }

  report(): void {
    const count = (s: Sighting): string =>
      s.features === 1 ? '' : `; ${s.features} features in this file look the same`;
    if (this.swapped) {
      this.issues.error(
        'coordinates-swapped',
        this.swapped.place,
        `coordinates look swapped (lat, lon): ${this.swapped.sample}; GeoJSON is [lon, lat]${count(this.swapped)}; swap the whole file (the importer can do it)`,
        'swap-coordinates',
      );
    }
    if (this.projected) {
      this.issues.error(
        'coordinates-projected',
        this.projected.place,
        `coordinates ${this.projected.sample} look like projected metres (VN-2000 or UTM zone 48N?), not degrees; the contract needs WGS84 longitude, latitude in degrees (EPSG:4326)${count(this.projected)}`,
      );
    }
    if (this.outside) {
      this.issues.warning(
        'outside-vietnam',
        this.outside.place,
        `${this.outside.sample} lies far outside Vietnam (lon ${VIETNAM.minLon}–${VIETNAM.maxLon}, lat ${VIETNAM.minLat}–${VIETNAM.maxLat})${count(this.outside)}`,
      );
    }
  }
}

function sight(seen: Sighting | undefined, featureIndex: number, place: Place, sample: string): Sighting {
  if (!seen) return { features: 1, lastFeature: featureIndex, place, sample };
  if (seen.lastFeature !== featureIndex) {
    seen.features++;
    seen.lastFeature = featureIndex;
  }
  return seen;
}
