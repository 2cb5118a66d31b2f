// `coverage`'s JSON written a piece at a time: exactly the text of
// `JSON.stringify(withMeasured(reportFromColumns(…)), null, 2)`, without an object per point
// or the whole text in memory (for a million points, a few hundred megabytes of each).
// test/cli/coverage-json.test.ts compares the two on random data sets.
import { reportSummary, roundKm, type CoverageColumns } from '../domain/coverage/report.ts';
import { LEVEL_NAMES } from '../domain/coverage/columns.ts';
import { CLASS_RURAL } from '../domain/coverage/radio-model.ts';
import type { MeasuredRecord } from '../domain/evidence/measured.ts';
import { CLUTTER_CLASSES, type Boundary, type Dataset } from '../domain/types.ts';

/** About this many UTF-16 code units go to `write` at a time. */
const PIECE = 1 << 20;

const json = (value: string): string => JSON.stringify(value);
const number = (value: number): string => (Number.isFinite(value) ? String(value) : 'null');

/** Each boundary's id as JSON, `null` for none (an index of -1 or past the end). */
function idsOf(boundaries: readonly Boundary[] | undefined): (k: number | undefined) => string {
  const ids = (boundaries ?? []).map((b) => json(b.id));
  return (k) => (k === undefined || k < 0 ? 'null' : (ids[k] ?? 'null'));
}

/**
 * Writes the report's JSON (no newline after it) through `write`, in pieces of about a
 * megabyte. `measured`, index-aligned with the points, adds each point's `measured` object.
 */
export function writeCoverageJson(dataset: Dataset, columns: CoverageColumns, measured: readonly (MeasuredRecord | undefined)[] | undefined, write: (piece: string) => void): void {
  const summary = JSON.stringify(reportSummary(dataset, columns), null, 2);
  const n = columns.points.count;
  if (n === 0) {
    write(`${summary.slice(0, -2)},\n  "points": []\n}`);
    return;
  }
  const { level, nearest4g, nearest4gKm } = columns.classification;
  const h = columns.hamletCount;
  const district = idsOf(dataset.districts);
  const commune = idsOf(dataset.communes);
  const communeColumn = columns.commune;
  const clutterColumn = columns.clutter;
  const levels = LEVEL_NAMES.map(json);
  const clutters = CLUTTER_CLASSES.map(json);
  const towerIds = new Map<number, string>();
  const towerId = (t: number): string => {
    let id = towerIds.get(t);
    if (id === undefined) {
      const tower = dataset.towers[columns.towers.towerIndex[t] as number];
      id = tower === undefined ? 'null' : json(tower.id);
      towerIds.set(t, id);
    }
    return id;
  };

  let piece = `${summary.slice(0, -2)},\n  "points": [`;
  for (let i = 0; i < n; i++) {
    const isHamlet = i < h;
    const source = isHamlet ? dataset.hamlets[i] : dataset.schools[i - h];
    const t = nearest4g[i] as number;
    const tower = t < 0 ? 'null' : towerId(t);
    const km = tower === 'null' ? 'null' : number(roundKm(nearest4gKm[i] as number));
    piece +=
      `${i === 0 ? '' : ','}\n    {\n      "kind": ${isHamlet ? '"hamlet"' : '"school"'},\n      "id": ${json(source?.id ?? '')},` +
      `\n      "level": ${levels[level[i] as number] ?? '"none"'},\n      "district_id": ${district(columns.district[i])},` +
      `\n      "nearest_4g_id": ${tower},\n      "nearest_4g_km": ${km},\n      "commune_id": ${commune(communeColumn?.[i])},` +
      `\n      "clutter": ${clutters[clutterColumn?.[i] ?? CLASS_RURAL] ?? '"rural"'}`;
    const record = measured?.[i];
    if (record !== undefined) piece += `,\n      "measured": ${JSON.stringify(record, null, 2).replace(/\n/g, '\n      ')}`;
    piece += '\n    }';
    if (piece.length >= PIECE) {
      write(piece);
      piece = '';
    }
  }
  write(`${piece}\n  ]\n}`);
}
