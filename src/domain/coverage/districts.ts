// Point-in-polygon join (contract rule 7): which district, or commune, holds each point.
//
// A raster over the boundaries' bounding box answers most points with one array read. Each
// cell is either "wholly inside boundary k" (k is then the answer for every point in it),
// "outside every boundary", or "mixed": some boundary's edge may pass through it, and a
// point there gets the exact test (`pointInGeometry`) against the short list of boundaries
// whose edges touch the cell, in file order, followed by the first boundary that holds the
// whole cell, if any.
//
// The raster is conservative: a cell is marked by every edge that comes within a small
// margin of it (far more than the rounding of a point's cell lookup), so no point that an
// edge could reach is ever answered from the raster alone. Cells that no edge touches take
// the status of their centre, found by scanline crossings of each ring along the row.
//
// Ties: when boundaries overlap, or a point lies on a border that two of them share, the
// answer is the FIRST boundary in file order that contains it (boundary counts as inside),
// exactly what a plain loop over the file with `pointInGeometry` gives.
import type { Boundary, PolygonCoordinates, Position, Ring } from '../types.ts';
import { bboxOfGeometry, pointInGeometry } from '../geo/polygon.ts';

/** Cell codes in `DistrictIndex.cells`: ≥ 0 a boundary index, OUTSIDE, or ≤ MIXED_BASE a list. */
const OUTSIDE = -1;
const MIXED_BASE = -2;

export interface DistrictIndexOptions {
  /**
   * About how many raster cells to use; more cells, fewer exact tests. Default: 1024 per
   * vertex, from 2^12 to 2^20 (4 MB): about 970 000 for the 9 districts, 2^20 for the
   * 101 communes.
   */
  cells?: number;
}

/** What `locateDistricts` needs: built once per boundary file, reusable for any points. */
export interface DistrictIndex {
  readonly boundaries: readonly Boundary[];
  /** Raster origin (south-west corner) and cell size, in degrees. */
  readonly x0: number;
  readonly y0: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly cols: number;
  readonly rows: number;
  /** Row-major, `rows * cols`: a boundary index, -1 outside all, or -2 - m for mixed list m. */
  readonly cells: Int32Array;
  /** Mixed list m: candidates `listItems[listStart[m] .. listStart[m + 1])`, then `listDefault[m]`. */
  readonly listStart: Int32Array;
  readonly listItems: Int32Array;
  readonly listDefault: Int32Array;
}

const MIN_CELLS = 1 << 12;
const MAX_CELLS = 1 << 20;
/** The most an explicit `cells` option may ask for (64 MB of cells). */
const CELLS_LIMIT = 1 << 24;

function defaultCells(boundaries: readonly Boundary[]): number {
  let vertices = 0;
  for (const boundary of boundaries) {
    for (const polygon of polygonsOf(boundary)) for (const ring of polygon) vertices += ring.length;
  }
  return Math.min(MAX_CELLS, Math.max(MIN_CELLS, vertices * 1024));
}

function polygonsOf(boundary: Boundary): PolygonCoordinates[] {
  return boundary.geometry.type === 'Polygon' ? [boundary.geometry.coordinates] : boundary.geometry.coordinates;
}

/**
 * Builds the raster for `boundaries` (districts or communes, in file order). Linear in the
 * number of cells plus the cells the edges cross.
 */
export function buildDistrictIndex(boundaries: readonly Boundary[], options: DistrictIndexOptions = {}): DistrictIndex {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const boundary of boundaries) {
    const [a, b, c, d] = bboxOfGeometry(boundary.geometry);
    if (!(a <= c && b <= d)) continue; // no outer ring: contains nothing
    minX = Math.min(minX, a);
    minY = Math.min(minY, b);
    maxX = Math.max(maxX, c);
    maxY = Math.max(maxY, d);
  }
  if (!(minX <= maxX && minY <= maxY) || !Number.isFinite(minX + minY + maxX + maxY)) {
    // No boundary has an outer ring: an empty raster, every point is outside.
    return {
      boundaries,
      x0: 0,
      y0: 0,
      cellWidth: 1,
      cellHeight: 1,
      cols: 0,
      rows: 0,
      cells: new Int32Array(0),
      listStart: new Int32Array(1),
      listItems: new Int32Array(0),
      listDefault: new Int32Array(0),
    };
  }
  // Pad the box so that points on its edge fall well inside the raster.
  const padX = (maxX - minX) * 1e-6 + 1e-9;
  const padY = (maxY - minY) * 1e-6 + 1e-9;
  const x0 = minX - padX;
  const y0 = minY - padY;
  const width = maxX - minX + 2 * padX;
  const height = maxY - minY + 2 * padY;
  const target = Math.min(CELLS_LIMIT, Math.max(1, Math.floor(options.cells ?? defaultCells(boundaries))));
  const cols = Math.max(1, Math.min(target, Math.round(Math.sqrt((target * width) / height))));
  const rows = Math.max(1, Math.min(target, Math.round(target / cols)));
  const cellWidth = width / cols;
  const cellHeight = height / rows;
  // The margin by which an edge "touches" a cell: far above the rounding of a lookup
  // (about 1e-14 degree at these magnitudes), far below a cell.
  const marginX = cellWidth * 1e-6 + 1e-9;
  const marginY = cellHeight * 1e-6 + 1e-9;

  const cells = new Int32Array(cols * rows).fill(OUTSIDE);
  const lists: number[][] = [];
  const listDefaults: number[] = [];
  /** edgeOf[cell] === k: an edge of boundary k touches the cell. */
  const edgeOf = new Int32Array(cols * rows).fill(-1);
  const touched: number[] = [];

  const markEdge = (k: number, a: Position, b: Position): void => {
    const ax = a[0];
    const ay = a[1];
    const bx = b[0];
    const by = b[1];
    const loX = Math.min(ax, bx);
    const hiX = Math.max(ax, bx);
    const loY = Math.min(ay, by);
    const hiY = Math.max(ay, by);
    const r0 = Math.max(0, Math.floor((loY - marginY - y0) / cellHeight));
    const r1 = Math.min(rows - 1, Math.floor((hiY + marginY - y0) / cellHeight));
    if (r0 > r1 || !Number.isFinite(r0 + r1)) return;
    const dy = by - ay;
    // Rounding of the interpolation below, bounded generously; edges that cross few rows
    // mark their whole x-extent in each row instead.
    const slack =
      marginX + 1e-14 * (1 + Math.abs(ax) + Math.abs(bx) + (Math.abs(bx - ax) * (1 + Math.abs(ay) + Math.abs(by))) / Math.abs(dy));
    const interpolate = r1 - r0 > 2 && Number.isFinite(slack);
    for (let r = r0; r <= r1; r++) {
      let xa = loX;
      let xb = hiX;
      if (interpolate) {
        const ya = Math.max(loY, y0 + r * cellHeight - marginY);
        const yb = Math.min(hiY, y0 + (r + 1) * cellHeight + marginY);
        const xAtA = ax + ((bx - ax) * (ya - ay)) / dy;
        const xAtB = ax + ((bx - ax) * (yb - ay)) / dy;
        xa = Math.max(loX, Math.min(xAtA, xAtB) - slack);
        xb = Math.min(hiX, Math.max(xAtA, xAtB) + slack);
      }
      const c0 = Math.max(0, Math.floor((xa - marginX - x0) / cellWidth));
      const c1 = Math.min(cols - 1, Math.floor((xb + marginX - x0) / cellWidth));
      const base = r * cols;
      for (let c = c0; c <= c1; c++) {
        const cell = base + c;
        if (edgeOf[cell] !== k) {
          edgeOf[cell] = k;
          touched.push(cell);
        }
      }
    }
  };

  // Scanline crossings of one ring with every row's centre line, bucketed by row.
  const rowCount = new Int32Array(rows + 1);
  const crossingsOf = (ring: Ring): { start: Int32Array; xs: Float64Array } => {
    rowCount.fill(0);
    const rowRange = (ay: number, by: number): [number, number] => {
      const lo = Math.min(ay, by);
      const hi = Math.max(ay, by);
      return [Math.max(0, Math.ceil((lo - y0) / cellHeight - 0.5) - 1), Math.min(rows - 1, Math.floor((hi - y0) / cellHeight - 0.5) + 1)];
    };
    // Half-open in y, as in ray casting: an edge crosses the line y when exactly one end is above.
    const crosses = (ay: number, by: number, y: number): boolean => ay > y !== by > y;
    const centre = (r: number): number => y0 + (r + 0.5) * cellHeight;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i] as Position;
      const b = ring[j] as Position;
      const [r0, r1] = rowRange(a[1], b[1]);
      for (let r = r0; r <= r1; r++) if (crosses(a[1], b[1], centre(r))) (rowCount[r + 1] as number)++;
    }
    const start = new Int32Array(rows + 1);
    for (let r = 0; r < rows; r++) start[r + 1] = (start[r] as number) + (rowCount[r + 1] as number);
    const fill = Int32Array.from(start);
    const xs = new Float64Array(start[rows] as number);
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i] as Position;
      const b = ring[j] as Position;
      const [r0, r1] = rowRange(a[1], b[1]);
      for (let r = r0; r <= r1; r++) {
        const y = centre(r);
        if (!crosses(a[1], b[1], y)) continue;
        const at = (fill[r] as number)++;
        xs[at] = ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0];
      }
    }
    // Insertion sort per row: a ring crosses a line only a few times.
    for (let r = 0; r < rows; r++) {
      const from = start[r] as number;
      const to = start[r + 1] as number;
      for (let s = from + 1; s < to; s++) {
        const x = xs[s] as number;
        let t = s - 1;
        while (t >= from && (xs[t] as number) > x) {
          xs[t + 1] = xs[t] as number;
          t--;
        }
        xs[t + 1] = x;
      }
    }
    return { start, xs };
  };

  /** The columns whose centres lie inside the ring on row r: pairs [c0, c1] in `out`. */
  const spans = (ring: { start: Int32Array; xs: Float64Array }, r: number, out: number[]): void => {
    out.length = 0;
    const to = ring.start[r + 1] as number;
    for (let s = ring.start[r] as number; s + 1 < to; s += 2) {
      const c0 = Math.max(0, Math.ceil(((ring.xs[s] as number) - x0) / cellWidth - 0.5));
      const c1 = Math.min(cols - 1, Math.floor(((ring.xs[s + 1] as number) - x0) / cellWidth - 0.5));
      if (c0 <= c1) out.push(c0, c1);
    }
  };
  const outerSpans: number[] = [];
  const holeSpans: number[] = [];

  const holeMark = new Int32Array(cols);
  let stamp = 0;

  boundaries.forEach((boundary, k) => {
    // 1. Cells that an edge of k (outer ring or hole) touches.
    touched.length = 0;
    for (const polygon of polygonsOf(boundary)) {
      for (const ring of polygon) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) markEdge(k, ring[i] as Position, ring[j] as Position);
      }
    }
    // 2. Cells that k holds wholly: centre inside an outer ring and in none of its holes,
    //    and no edge of k near. The first such boundary answers the cell (or closes its list).
    for (const polygon of polygonsOf(boundary)) {
      const outer = polygon[0];
      if (!outer || outer.length === 0) continue;
      const outerCrossings = crossingsOf(outer);
      const holes = polygon.slice(1).map(crossingsOf);
      for (let r = 0; r < rows; r++) {
        if ((outerCrossings.start[r] as number) === (outerCrossings.start[r + 1] as number)) continue;
        spans(outerCrossings, r, outerSpans);
        if (outerSpans.length === 0) continue;
        stamp++;
        for (const hole of holes) {
          spans(hole, r, holeSpans);
          for (let s = 0; s < holeSpans.length; s += 2) holeMark.fill(stamp, holeSpans[s], (holeSpans[s + 1] as number) + 1);
        }
        const base = r * cols;
        for (let s = 0; s < outerSpans.length; s += 2) {
          for (let c = outerSpans[s] as number, end = outerSpans[s + 1] as number; c <= end; c++) {
            const cell = base + c;
            if (edgeOf[cell] === k || holeMark[c] === stamp) continue;
            const code = cells[cell] as number;
            if (code === OUTSIDE) cells[cell] = k;
            else if (code <= MIXED_BASE) {
              const m = MIXED_BASE - code;
              if (listDefaults[m] === OUTSIDE) listDefaults[m] = k;
            }
          }
        }
      }
    }
    // 3. Edge cells of k join the cell's list of exact tests, unless an earlier boundary
    //    already holds the whole cell.
    for (const cell of touched) {
      const code = cells[cell] as number;
      if (code === OUTSIDE) {
        cells[cell] = MIXED_BASE - lists.length;
        lists.push([k]);
        listDefaults.push(OUTSIDE);
      } else if (code <= MIXED_BASE) {
        const m = MIXED_BASE - code;
        if (listDefaults[m] === OUTSIDE) (lists[m] as number[]).push(k);
      }
    }
  });

  const listStart = new Int32Array(lists.length + 1);
  lists.forEach((list, m) => (listStart[m + 1] = (listStart[m] as number) + list.length));
  const listItems = new Int32Array(listStart[lists.length] as number);
  lists.forEach((list, m) => listItems.set(list, listStart[m]));
  return {
    boundaries,
    x0,
    y0,
    cellWidth,
    cellHeight,
    cols,
    rows,
    cells,
    listStart,
    listItems,
    listDefault: Int32Array.from(listDefaults),
  };
}

/**
 * For each point, the index in `index.boundaries` of the first boundary (file order) that
 * contains it, boundary inclusive; -1 when none does (or a coordinate is not finite).
 */
export function locateDistricts(index: DistrictIndex, lon: Float64Array, lat: Float64Array): Int32Array {
  if (lon.length !== lat.length) throw new RangeError(`locateDistricts: ${lon.length} longitudes but ${lat.length} latitudes`);
  const count = lon.length;
  const out = new Int32Array(count);
  const { x0, y0, cols, rows, cells, listStart, listItems, listDefault, boundaries } = index;
  const invW = 1 / index.cellWidth;
  const invH = 1 / index.cellHeight;
  for (let i = 0; i < count; i++) {
    const x = lon[i] as number;
    const y = lat[i] as number;
    const c = Math.floor((x - x0) * invW);
    const r = Math.floor((y - y0) * invH);
    if (!(c >= 0 && c < cols && r >= 0 && r < rows)) {
      out[i] = OUTSIDE;
      continue;
    }
    const code = cells[r * cols + c] as number;
    if (code > MIXED_BASE) {
      out[i] = code;
      continue;
    }
    const m = MIXED_BASE - code;
    let found = listDefault[m] as number;
    for (let s = listStart[m] as number, end = listStart[m + 1] as number; s < end; s++) {
      const k = listItems[s] as number;
      if (pointInGeometry(x, y, (boundaries[k] as Boundary).geometry)) {
        found = k;
        break;
      }
    }
    out[i] = found;
  }
  return out;
}

/**
 * The index of a boundary list with the default options, built once per list: an import's
 * check, the coverage session, the timeline and the import's impact all join points to the
 * same districts or province, and the raster takes tens of milliseconds to build.
 */
const indexes = new WeakMap<readonly Boundary[], DistrictIndex>();
export function districtIndexOf(boundaries: readonly Boundary[]): DistrictIndex {
  let index = indexes.get(boundaries);
  if (!index) {
    index = buildDistrictIndex(boundaries);
    indexes.set(boundaries, index);
  }
  return index;
}

/** Points (records) as coordinate columns, for `locateDistricts`. */
export function lonLatOf(points: readonly { lon: number; lat: number }[]): { lon: Float64Array; lat: Float64Array } {
  const lon = new Float64Array(points.length);
  const lat = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as { lon: number; lat: number };
    lon[i] = p.lon;
    lat[i] = p.lat;
  }
  return { lon, lat };
}

/** The plain join, one point: the first boundary in file order that contains it, or -1. */
export function locateDistrict(index: DistrictIndex, lon: number, lat: number): number {
  return locateDistricts(index, Float64Array.of(lon), Float64Array.of(lat))[0] as number;
}
