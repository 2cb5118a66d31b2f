// Each point's clutter class (contract rule 8): its own `clutter`, else the class of the first
// landcover polygon in file order that contains it (boundary inclusive), else rural.
import type { Boundary, Dataset, LandcoverArea } from '../types.ts';
import { buildDistrictIndex, locateDistricts, type DistrictIndex } from './districts.ts';
import { CLASS_RURAL, clutterCode } from './radio-model.ts';

/**
 * The landcover polygons as an index for `pointClutter`: the district join's raster, whose
 * ties already go to the first polygon in file order that contains the point.
 */
export function buildLandcoverIndex(landcover: readonly LandcoverArea[]): DistrictIndex {
  const boundaries: Boundary[] = landcover.map((area, k) => ({ id: String(k), name: area.clutter, geometry: area.geometry }));
  return buildDistrictIndex(boundaries);
}

/**
 * Class codes (radio-model.ts) of the points of `pointColumns` order: hamlets, then schools.
 * `lon`/`lat` are those points' coordinates; pass `index` to reuse a landcover index.
 */
export function pointClutter(
  dataset: Pick<Dataset, 'hamlets' | 'schools' | 'landcover'>,
  lon: Float64Array,
  lat: Float64Array,
  index?: DistrictIndex,
): Uint8Array {
  const { hamlets, schools, landcover } = dataset;
  const n = hamlets.length + schools.length;
  const out = new Uint8Array(n).fill(CLASS_RURAL);
  const own = (i: number) => (i < hamlets.length ? hamlets[i]?.clutter : schools[i - hamlets.length]?.clutter);
  let unknown = 0;
  for (let i = 0; i < n; i++) {
    const c = own(i);
    if (c === undefined) unknown++;
    else out[i] = clutterCode(c);
  }
  if (unknown === 0 || landcover === undefined || landcover.length === 0) return out;
  const area = locateDistricts(index ?? buildLandcoverIndex(landcover), lon, lat);
  for (let i = 0; i < n; i++) {
    const k = area[i] as number;
    if (own(i) === undefined && k >= 0) out[i] = clutterCode((landcover[k] as LandcoverArea).clutter);
  }
  return out;
}
