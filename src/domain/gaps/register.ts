/**
 * The gap register: every hamlet and school whose level in a scenario is not `good`, one
 * row each, for the planners and the telecom partners to search, filter, sort and export.
 * Pure: rows are built from the dataset, the towers of the scenario and the engine's
 * answer, and nothing here changes its inputs.
 *
 * Searching is accent-insensitive (`foldText`): "dat mui" finds "Xã Đất Mũi". Each row
 * carries its folded search text, built once, so filtering 100 000 rows on every key
 * stroke costs a few `includes` per row.
 */
import { AGREEMENT_NAMES, type Agreement } from '../evidence/verdict.ts';
import type { Dataset, Hamlet, School, Tower } from '../types.ts';
import { LEVEL_GOOD, LEVEL_NONE } from '../coverage/columns.ts';
import { hamletAt, schoolAt, type PointTable } from '../points/table.ts';
import { networkOfGap, type GapNetworks } from './network.ts';
import { distinctSorted, rankOf, textRanks } from './ranks.ts';
import { currentGap, gapIdOf, type GapKind, type GapStatus, type GapStatuses } from './status.ts';

export type GapLevel = 'none' | 'weak';

/** One hamlet or school that is not `good`. Distances in km, coordinates WGS84 degrees. */
export interface GapRow {
  /** Index of the point: hamlets first, then schools (as in `pointColumns`). */
  point: number;
  kind: GapKind;
  /** `hamlet:<id>` or `school:<id>`: the key of its status (status.ts). */
  gapId: string;
  id: string;
  name: string;
  level: GapLevel;
  /** The nearest 4G/5G tower on air (contract rule 6), whatever its radius; null when none. */
  nearestId: string | null;
  nearestOperator: string | null;
  nearestKm: number | null;
  /** Hamlet population, or school students. */
  weight: number;
  /** Schools: `students_in_need` when the file gives it, else null. Hamlets: null. */
  studentsInNeed: number | null;
  /** Hamlets: grid power (default true). Schools: null. */
  gridPower: boolean | null;
  /** The district whose polygon holds the point (rule 7); null when none does. */
  districtId: string | null;
  districtName: string | null;
  /** The commune (see `gapRows`); null when unknown. `communeName` is null when no commune file names it. */
  communeId: string | null;
  communeName: string | null;
  lon: number;
  lat: number;
  /** foldText of the name, for `matches` (shared by rows with the same name). */
  searchName: string;
  /** foldText of the id. */
  searchId: string;
  /** foldText of the district name and of the commune name, joined by "\n" (never inside a folded text). */
  searchArea: string;
}

/** What `gapRows` reads of the engine's answer (`CoverageResult` has these fields). */
export interface GapCoverage {
  /** LEVEL_NONE / LEVEL_WEAK / LEVEL_GOOD per point, hamlets then schools. */
  level: Uint8Array;
  /** Index into the `towers` given to `gapRows` of the nearest 4G/5G tower on air, -1 when none. */
  nearestTower: Int32Array;
  /** Haversine km to it, NaN when none. */
  nearestKm: Float64Array;
  /** Index into `dataset.districts`, -1 when none. */
  district: Int32Array;
}

export interface GapRowsOptions {
  /**
   * Index into `dataset.communes` per point (hamlets then schools), -1 for none, as
   * `locateDistricts` over the communes gives it. Without it a point's commune is its
   * `commune` property, named from `dataset.communes` when that file has the id.
   */
  commune?: Int32Array;
}

// ---------------------------------------------------------------------------------------
// Folding text for search.

const MARKS = /\p{M}+/gu;
const SPACES = /\s+/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The search key of a text: case and accents folded away, for Vietnamese. NFD, lower case,
 * combining marks (tones, breve, circumflex, horn) dropped, đ → d (and the look-alike ð
 * that old Vietnamese files use for đ), runs of white space to one space, trimmed.
 * `foldText('  Xã  ĐẤT Mũi ')` is `'xa dat mui'`. Idempotent.
 */
export function foldText(text: string): string {
  // Printable ASCII (most ids) has no marks and no đ: lower case and spaces only.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(SPACES, ' ').trim();
  return text
    .normalize('NFD')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[đð]/g, 'd')
    .replace(SPACES, ' ')
    .trim();
}

/** Whether the folded `query` is part of the row's folded name, id, district or commune name. Empty matches all. */
export function matches(row: SearchFields, query: string): boolean {
  return matchesFolded(row, foldText(query));
}

type SearchFields = Pick<GapRow, 'searchName' | 'searchId' | 'searchArea'>;

function matchesFolded(row: SearchFields, folded: string): boolean {
  return folded === '' || row.searchName.includes(folded) || row.searchId.includes(folded) || row.searchArea.includes(folded);
}

// ---------------------------------------------------------------------------------------
// Building the rows.

/** foldText with a cache, for texts that repeat (names, areas); ids, all different, skip it. */
function makeFolder(): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let folded = cache.get(text);
    if (folded === undefined) {
      folded = foldText(text);
      cache.set(text, folded);
    }
    return folded;
  };
}

/** The points as parsed (arrays of objects), or as the page holds them (a PointTable). */
export type GapData = Pick<Dataset, 'districts' | 'communes'> &
  (Pick<Dataset, 'hamlets' | 'schools'> | { points: PointTable });

// Only the gaps' points become objects: a table of a million points stays a table.
function pointSource(data: GapData) {
  if ('points' in data) {
    const t = data.points;
    return { hamletCount: t.hamletCount, count: t.count, hamlet: (i: number) => hamletAt(t, i), school: (i: number) => schoolAt(t, i) };
  }
  const { hamlets, schools } = data;
  return {
    hamletCount: hamlets.length,
    count: hamlets.length + schools.length,
    hamlet: (i: number) => hamlets[i] as Hamlet,
    school: (i: number) => schools[i - hamlets.length] as School,
  };
}

/** What a row holds that no answer changes: built once per point and data set. */
type Constant = Omit<GapRow, 'level' | 'nearestId' | 'nearestOperator' | 'nearestKm'>;

interface ConstantCache {
  boundaries: [GapData['districts'], GapData['communes']];
  district: Int32Array;
  commune: Int32Array | undefined;
  rows: (Constant | undefined)[];
  fold: (text: string) => string;
  areaText: (districtName: string | null, communeName: string | null) => string;
  communeById: Map<string, string>;
}

// Keyed on the data set (replaced, never changed): a second answer rebuilds no point's
// constant part, the costly one (objects, folded texts), only the four fields an answer sets.
const constants = new WeakMap<object, ConstantCache>();

function cacheFor(dataset: GapData, district: Int32Array, commune: Int32Array | undefined): ConstantCache {
  const key = 'points' in dataset ? dataset.points : dataset.hamlets;
  let cache = constants.get(key);
  const [districts, communes] = cache?.boundaries ?? [];
  if (!cache || cache.district !== district || cache.commune !== commune || districts !== dataset.districts || communes !== dataset.communes) {
    const communeById = new Map<string, string>();
    for (const c of dataset.communes ?? []) if (!communeById.has(c.id)) communeById.set(c.id, c.name);
    const fold = makeFolder();
    // District × commune name → searchArea, so that rows of one area share one string.
    const areaTexts = new Map<string | null, Map<string | null, string>>();
    const areaText = (districtName: string | null, communeName: string | null): string => {
      let byCommune = areaTexts.get(districtName);
      if (byCommune === undefined) areaTexts.set(districtName, (byCommune = new Map()));
      let text = byCommune.get(communeName);
      if (text === undefined) byCommune.set(communeName, (text = `${fold(districtName ?? '')}\n${fold(communeName ?? '')}`));
      return text;
    };
    const rows = new Array<Constant | undefined>(pointSource(dataset).count).fill(undefined);
    cache = { boundaries: [dataset.districts, dataset.communes], district, commune, rows, fold, areaText, communeById };
    constants.set(key, cache);
  }
  return cache;
}

function constantRow(dataset: GapData, source: ReturnType<typeof pointSource>, cache: ConstantCache, i: number): Constant {
  const isHamlet = i < source.hamletCount;
  const hamlet = isHamlet ? source.hamlet(i) : undefined;
  const school = isHamlet ? undefined : source.school(i);
  const point = (hamlet ?? school) as { id: string; name: string; lon: number; lat: number; commune?: string };
  const kind: GapKind = isHamlet ? 'hamlet' : 'school';
  const district = dataset.districts[cache.district[i] as number];
  let communeId: string | null;
  let communeName: string | null;
  if (cache.commune !== undefined) {
    const c = (dataset.communes ?? [])[cache.commune[i] as number];
    communeId = c?.id ?? null;
    communeName = c?.name ?? null;
  } else {
    communeId = point.commune ?? null;
    communeName = communeId === null ? null : (cache.communeById.get(communeId) ?? null);
  }
  const districtName = district?.name ?? null;
  return {
    point: i,
    kind,
    gapId: gapIdOf(kind, point.id),
    id: point.id,
    name: point.name,
    weight: hamlet ? hamlet.population : (school?.students ?? 0),
    studentsInNeed: school?.studentsInNeed ?? null,
    gridPower: hamlet ? hamlet.gridPower : null,
    districtId: district?.id ?? null,
    districtName,
    communeId,
    communeName,
    lon: point.lon,
    lat: point.lat,
    searchName: cache.fold(point.name),
    searchId: foldText(point.id),
    searchArea: cache.areaText(districtName, communeName),
  };
}

/**
 * The register rows: each hamlet, then each school, whose level in `coverage` is not good,
 * in that order. `towers` is the list `coverage.nearestTower` indexes (the scenario's
 * effective towers, plan included). A point's district is `coverage.district`; its commune
 * is `options.commune` when given, else its `commune` property (see `GapRowsOptions`).
 * Throws when `coverage` does not have one entry per point.
 */
export function gapRows(dataset: GapData, towers: readonly (Tower | undefined)[], coverage: GapCoverage, options: GapRowsOptions = {}): GapRow[] {
  const source = pointSource(dataset);
  const count = source.count;
  for (const field of ['level', 'nearestTower', 'nearestKm', 'district'] as const) {
    if (coverage[field].length !== count) throw new Error(`coverage.${field} has ${coverage[field].length} entries for ${count} points`);
  }
  const communeIndex = options.commune;
  if (communeIndex !== undefined && communeIndex.length !== count) {
    throw new Error(`options.commune has ${communeIndex.length} entries for ${count} points`);
  }
  const cache = cacheFor(dataset, coverage.district, communeIndex);
  const rows: GapRow[] = [];
  for (let i = 0; i < count; i++) {
    const code = coverage.level[i] as number;
    if (code >= LEVEL_GOOD) continue;
    const constant = (cache.rows[i] ??= constantRow(dataset, source, cache, i));
    rows.push(rowOf(constant, code, towers[coverage.nearestTower[i] as number], coverage.nearestKm[i] as number));
  }
  return rows;
}

/**
 * The row of one point that is not good, as `gapRows` makes it (without options): for the
 * few rows a page draws, from the level, nearest tower slot and km an answer gives that point.
 */
export function gapRow(dataset: GapData, towers: readonly (Tower | undefined)[], district: Int32Array, point: number, code: number, nearest: number, km: number): GapRow {
  const cache = cacheFor(dataset, district, undefined);
  const constant = (cache.rows[point] ??= constantRow(dataset, pointSource(dataset), cache, point));
  return rowOf(constant, code, towers[nearest], km);
}

function rowOf(c: Constant, code: number, tower: Tower | undefined, km: number): GapRow {
  // Written out (not spread): every row gets the same shape, in the same order as before.
  return {
    point: c.point, kind: c.kind, gapId: c.gapId, id: c.id, name: c.name,
    level: code === LEVEL_NONE ? 'none' : 'weak',
    nearestId: tower?.id ?? null,
    nearestOperator: tower?.operator ?? null,
    nearestKm: tower === undefined || !Number.isFinite(km) ? null : km,
    weight: c.weight, studentsInNeed: c.studentsInNeed, gridPower: c.gridPower,
    districtId: c.districtId, districtName: c.districtName, communeId: c.communeId, communeName: c.communeName,
    lon: c.lon, lat: c.lat, searchName: c.searchName, searchId: c.searchId, searchArea: c.searchArea,
  };
}

// ---------------------------------------------------------------------------------------
// Filtering.

/**
 * What to keep; a field left out keeps everything. `districtId` / `communeId` null keep the
 * rows in no district / commune. `operator` is the nearest 4G/5G tower's operator;
 * `assignedTo` the operator the gap is assigned to (status.ts). `gridPower` keeps hamlets
 * with that value (schools never match it). `minWeight` keeps weight ≥ it. `query` as in
 * `matches`. `status` / `assignedTo` read `statuses` (a gap without a record is open).
 */
export interface GapFilter {
  districtId?: string | null;
  communeId?: string | null;
  operator?: string;
  level?: GapLevel;
  gridPower?: boolean;
  minWeight?: number;
  query?: string;
  status?: GapStatus;
  assignedTo?: string;
  /** How the speed tests meet the level (evidence/verdict.ts); needs the agreement column. */
  agreement?: Agreement;
  /** Only gaps assigned or in progress past their due date; needs the due dates (`GapDues`). */
  overdue?: boolean;
  /** Only gaps in this operator's network (network.ts `networkOfGap`, needs its `networks`): a partner's "my network". */
  inNetworkOf?: string;
}

/** The due dates of the gaps assigned or in progress (history.ts timelines), and today, for the overdue filter. */
export interface GapDues {
  /** Gap id → ISO due date. */
  due: ReadonlyMap<string, string>;
  /** ISO YYYY-MM-DD in Vietnam. */
  today: string;
}

/**
 * The rows that pass every part of `filter`, in their order. A new array; rows are not copied.
 * `agreementOf`: each point's agreement code (the engine's `evidence.agreement`); without it
 * the agreement filter passes every row as unverified. Without `dues` no gap is overdue.
 * `networks`: the data set's `plannedNetworks`, for `inNetworkOf` (not the rows' nearest
 * operator, which follows the scenario on screen); without it only assigned gaps are in one.
 */
export function filterGaps(rows: readonly GapRow[], filter: GapFilter, statuses?: GapStatuses, agreementOf?: Uint8Array, dues?: GapDues, networks?: GapNetworks): GapRow[] {
  const { districtId, communeId, operator, level, gridPower, minWeight, status, assignedTo, inNetworkOf } = filter;
  const folded = foldText(filter.query ?? '');
  const needsStatus = status !== undefined || assignedTo !== undefined || inNetworkOf !== undefined;
  const out: GapRow[] = [];
  for (const row of rows) {
    if (districtId !== undefined && row.districtId !== districtId) continue;
    if (communeId !== undefined && row.communeId !== communeId) continue;
    if (operator !== undefined && row.nearestOperator !== operator) continue;
    if (level !== undefined && row.level !== level) continue;
    if (gridPower !== undefined && row.gridPower !== gridPower) continue;
    if (minWeight !== undefined && !(row.weight >= minWeight)) continue;
    if (!matchesFolded(row, folded)) continue;
    if (filter.agreement !== undefined && AGREEMENT_NAMES[agreementOf?.[row.point] ?? 0] !== filter.agreement) continue;
    if (needsStatus) {
      const current = currentGap(statuses, row.gapId);
      if (status !== undefined && current.status !== status) continue;
      if (assignedTo !== undefined && current.operator !== assignedTo) continue;
      if (inNetworkOf !== undefined && networkOfGap(row.gapId, current.operator, networks) !== inNetworkOf) continue;
    }
    if (filter.overdue === true) {
      const due = dues?.due.get(row.gapId);
      if (due === undefined || !(due < (dues as GapDues).today)) continue;
    }
    out.push(row);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Sorting.

export const TEXT_SORT_KEYS = ['name', 'id', 'kind', 'districtName', 'communeName', 'nearestId', 'nearestOperator'] as const;
export const NUMBER_SORT_KEYS = ['nearestKm', 'weight', 'studentsInNeed', 'point'] as const;
/** `level` sorts none before weak; `gridPower` false before true. */
export const SORT_KEYS = [...TEXT_SORT_KEYS, ...NUMBER_SORT_KEYS, 'level', 'gridPower'] as const;
export type GapSortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

const TEXT_KEYS: ReadonlySet<string> = new Set(TEXT_SORT_KEYS);

/** The collator of text keys: Vietnamese (or English) order, digits as numbers ("Ấp 2" before "Ấp 10"). */
export function gapCollator(lang: 'vi' | 'en'): Intl.Collator {
  return new Intl.Collator(lang, { numeric: true });
}

/** The row's value under a non-text key as a number; null stays null. */
function numericValue(row: GapRow, key: GapSortKey): number | null {
  if (key === 'level') return row.level === 'none' ? 0 : 1;
  if (key === 'gridPower') return row.gridPower === null ? null : row.gridPower ? 1 : 0;
  const value = row[key as (typeof NUMBER_SORT_KEYS)[number]];
  return value === null || Number.isNaN(value) ? null : value;
}

/**
 * The rows in order of `key`: text keys by `Intl.Collator(lang)` (numeric), the others as
 * numbers. Stable (equal keys keep their order), nulls last in both directions. A new
 * array; rows are not copied. Each row gets an integer rank, and rank and position are
 * packed into one float so that a typed-array sort does the rest: 100 000 rows sort by a
 * number in about 20 ms, by a name in about 50 ms.
 */
export function sortGaps(rows: readonly GapRow[], key: GapSortKey, direction: SortDirection = 'asc', lang: 'vi' | 'en' = 'vi'): GapRow[] {
  const n = rows.length;
  const ranks = new Float64Array(n);
  let rankCount: number;
  if (TEXT_KEYS.has(key)) {
    const textKey = key as (typeof TEXT_SORT_KEYS)[number];
    const distinct = new Set<string>();
    for (const row of rows) {
      const value = row[textKey];
      if (value !== null) distinct.add(value);
    }
    const { rank, count } = textRanks([...distinct], gapCollator(lang));
    rankCount = count;
    for (let i = 0; i < n; i++) {
      const value = (rows[i] as GapRow)[textKey];
      ranks[i] = value === null ? -1 : (rank.get(value) as number);
    }
  } else {
    const values = new Float64Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const value = numericValue(rows[i] as GapRow, key);
      ranks[i] = value === null ? -1 : 0;
      if (value !== null) values[m++] = value;
    }
    const sorted = distinctSorted(values.subarray(0, m));
    rankCount = sorted.length;
    for (let i = 0; i < n; i++) {
      if (ranks[i] === 0) ranks[i] = rankOf(sorted, numericValue(rows[i] as GapRow, key) as number);
    }
  }
  // rank (nulls: rankCount, after every other) · n + position: exact while rankCount · n < 2^53.
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = ranks[i] as number;
    const ordinal = r < 0 ? rankCount : direction === 'desc' ? rankCount - 1 - r : r;
    packed[i] = ordinal * n + i;
  }
  packed.sort();
  const out = new Array<GapRow>(n);
  for (let j = 0; j < n; j++) out[j] = rows[(packed[j] as number) % n] as GapRow;
  return out;
}
