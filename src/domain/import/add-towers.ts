// A cell export added to the loaded towers instead of replacing them (issue 13: an OpenCelliD
// file once replaced all 397 towers). A cell tower that is a loaded tower seen again (same
// operator, within the distance at which the importer merges cells into one tower) is merged
// into it, not doubled; the others are appended.
import { haversineKm } from '../geo/haversine.ts';
import { parseFileDetailed, type SourceFile } from '../parse/index.ts';
import { TECHNOLOGIES, type Technology, type Tower } from '../types.ts';
import { CELL_MERGE_METRES } from './cells.ts';

export { CELL_MERGE_METRES };

/** What an imported cell export does to the loaded towers. */
export type CellsMode = 'add' | 'replace';

export interface AddedTowers {
  towers: Tower[];
  /** Added towers merged into a loaded one. */
  merged: number;
  /** Added towers appended. */
  appended: number;
}

const RANK: Readonly<Record<Technology, number>> = Object.fromEntries(TECHNOLOGIES.map((t, i) => [t, i])) as Record<Technology, number>;
const KM_PER_DEG_LAT = 111.195;

/**
 * The loaded towers, each merged with the added towers that are it again, then the other
 * added towers in file order. A merged tower keeps its id, place, status and plans (plans and
 * gap statuses name it), and takes the added tower's technology and radius when they are
 * newer: the export is what is on air now. An appended tower whose id is already used (each
 * export numbers its towers from C-XX-1) gets the next free number of its prefix.
 */
export function addTowers(loaded: readonly Tower[], added: readonly Tower[], mergeMetres = CELL_MERGE_METRES): AddedTowers {
  const km = mergeMetres / 1000;
  // Rows of `km` of latitude: a tower within reach is in the same row or the next one.
  const rowDeg = Math.max((km / KM_PER_DEG_LAT) * (1 + 1e-9), 1e-12);
  const rowOf = (lat: number) => Math.floor(lat / rowDeg);
  const rows = new Map<string, number[]>();
  loaded.forEach((t, i) => {
    const key = `${t.operator}\u0000${rowOf(t.lat)}`;
    const list = rows.get(key);
    if (list) list.push(i);
    else rows.set(key, [i]);
  });

  const towers = loaded.slice();
  const used = new Set(loaded.map((t) => t.id));
  const appendedTowers: Tower[] = [];
  let merged = 0;
  for (const a of added) {
    let nearest = -1;
    let best = Infinity;
    const row = rowOf(a.lat);
    for (let r = row - 1; r <= row + 1; r++) {
      for (const i of rows.get(`${a.operator}\u0000${r}`) ?? []) {
        const l = loaded[i] as Tower;
        const d = haversineKm(l.lon, l.lat, a.lon, a.lat);
        if (d <= km && d < best) {
          best = d;
          nearest = i;
        }
      }
    }
    if (nearest < 0) {
      appendedTowers.push(a);
      continue;
    }
    merged++;
    const l = towers[nearest] as Tower;
    if (RANK[a.technology] > RANK[l.technology]) {
      const newer: Tower = { ...l, technology: a.technology };
      if (a.radiusKm !== undefined) newer.radiusKm = a.radiusKm;
      else delete newer.radiusKm;
      towers[nearest] = newer;
    }
  }
  const next = new Map<string, number>();
  for (const a of appendedTowers) {
    let id = a.id;
    if (used.has(id)) {
      const prefix = /^(.*)-\d+$/.exec(id)?.[1] ?? id;
      let n = next.get(prefix) ?? 1;
      while (used.has(`${prefix}-${n}`)) n++;
      next.set(prefix, n + 1);
      id = `${prefix}-${n}`;
    }
    used.add(id);
    towers.push(id === a.id ? a : { ...a, id });
  }
  return { towers, merged, appended: appendedTowers.length };
}

/** The towers of `current` at `path`, read once and only when asked (none when unreadable). */
export function loadedTowers(current: readonly SourceFile[], path: string): () => readonly Tower[] {
  let towers: readonly Tower[] | undefined;
  return () => {
    const file = current.find((f) => f.path === path);
    return (towers ??= (file && parseFileDetailed('towers', path, file.text).value) ?? []);
  };
}

/** A cell export's towers added to the loaded ones, or in their place. */
export function placeCellTowers(mode: CellsMode, loaded: () => readonly Tower[], towers: readonly Tower[]): AddedTowers & { mode: CellsMode } {
  if (mode === 'replace') return { towers: towers.slice(), merged: 0, appended: towers.length, mode };
  return { ...addTowers(loaded(), towers), mode };
}
