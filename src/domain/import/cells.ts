// Reads the cell exports partners pass around, from OpenCelliD and the Mozilla Location
// Service (MLS), and turns their cells into towers of the data contract.
//
// The format: 14 columns `radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,
// created,updated,averageSignal`, with that header row (the full and diff exports) or
// without it (per-country downloads); which one is decided by the first row's shape. A
// header may list the columns in another order; a headerless file has them in this order.
//
// What is read, and how:
// - `radio`: GSM → 2G, UMTS → 3G, LTE → 4G, NR → 5G. CDMA rows (where net/area/cell mean
//   SID/NID/BID) and any other value have no 2G–5G mapping: skipped and counted.
// - `mcc` / `net`: only rows of one country are kept (option `mcc`, default 452, Vietnam;
//   `'all'` keeps every country); the others are counted. In MCC 452, MNC 01 is MobiFone,
//   02 VNPT (its VinaPhone network) and 04 Viettel, the names the rest of Sóng Map uses;
//   any other network is named by its codes, "452-05" (likewise "262-02" with `'all'`).
// - `lon` / `lat`: a row whose position is empty, not a number, not finite, out of range
//   or exactly (0, 0) (a placeholder) is reported with its line and field and left out.
// - `range`: metres, and only an estimate of the cell's reach (exports hold values over
//   100 km). It becomes radius_km only when 100 m ≤ range ≤ 35 km; otherwise the tower
//   keeps its technology's default radius and the report counts why.
// - `created`: Unix seconds. A tower's service_date is the earliest `created` of its cells,
//   as a YYYY-MM-DD date in UTC (an OpenCelliD cell is "created" when first measured, so
//   this is when the site was on air at the latest).
// - `area` and `cell` stay strings, never numbers: NR cell ids need 64 bits. A row that
//   repeats the radio, mcc, net, area and cell of an earlier one is counted, not used twice.
// - `unit` (often -1), `samples`, `changeable`, `updated` and `averageSignal` (often 0) are
//   not used. Empty fields (MLS leaves unknowns empty) are fine wherever the field is.
// - Text: a byte-order mark is ignored; CRLF, LF or CR line ends; values may be quoted.
//   Numbers written as pandas writes them ("452.0") are read as the integers they are.
//
// Merging: the cells of one operator within 50 m of each other (haversine, inclusive)
// become one tower, transitively (single-linkage clustering). A tower has the best
// technology of its cells, the largest kept radius among its cells of that technology, the
// mean position of its cells, status existing, synthetic false, and the id
// `C-<operator code>-<n>`, n counting per operator in the order towers first appear in the
// file (so the same file gives the same ids).
//
// Issues: `error` when nothing could be read (empty file, not a cell export); `warning` for
// a row left out (the rest is imported). Rows that are merely of no use here (another
// country, CDMA) are counted in the report, not listed as issues. Never throws on user data.
import { csvRows, isBlank, type CsvRow } from '../parse/csv-records.ts';
import { clusterPoints } from '../geo/cluster.ts';
import { cut, type IssueParams } from '../messages/codes.ts';
import { IssueList, type Place } from '../parse/issues.ts';
import { OPERATOR_CODES, type Operator } from '../../synthesis/tower-kit.ts';
import { TECHNOLOGIES, type Issue, type Technology, type Tower } from '../types.ts';

/** The columns of an OpenCelliD / MLS export, in the order of a headerless file. */
export const CELL_COLUMNS = [
  'radio',
  'mcc',
  'net',
  'area',
  'cell',
  'unit',
  'lon',
  'lat',
  'range',
  'samples',
  'changeable',
  'created',
  'updated',
  'averageSignal',
] as const;
type Column = (typeof CELL_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['radio', 'mcc', 'net', 'lon', 'lat'];

const RADIO_TECHNOLOGY: Readonly<Record<string, Technology>> = { GSM: '2G', UMTS: '3G', LTE: '4G', NR: '5G' };

/** Vietnam's networks (MCC 452) by MNC. */
export const VIETNAM_MCC = 452;
const VIETNAM_OPERATORS: Readonly<Record<number, Operator>> = { 1: 'MobiFone', 2: 'VNPT', 4: 'Viettel' };

export const SKIP_REASONS = ['bad-row', 'cdma', 'other-radio', 'other-mcc', 'bad-network', 'bad-position', 'duplicate'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const RANGE_REASONS = ['empty', 'not-a-number', 'under-100-m', 'over-35-km'] as const;
export type RangeReason = (typeof RANGE_REASONS)[number];
/** The `range` values kept as radius_km, in metres, bounds included. */
export const RANGE_KEPT_M = { min: 100, max: 35_000 } as const;

/** Cells of one operator this close (metres, inclusive) are one tower, unless told otherwise. */
export const CELL_MERGE_METRES = 50;

export interface CellImportOptions {
  /** Mobile country code of the rows to keep, or 'all'. Default 452 (Vietnam). */
  mcc?: number | 'all';
  /** Cells of one operator this close (metres, inclusive) are one tower. Default 50. */
  mergeMetres?: number;
}

export interface CellImportReport {
  /** Data rows read: non-empty lines, not counting the header. `rows = cells + Σ skipped`. */
  rows: number;
  /** Rows imported as cells. */
  cells: number;
  towers: number;
  /** Whether the file had a header row. */
  header: boolean;
  mcc: number | 'all';
  /** Rows left out, by reason (only the reasons that occurred). */
  skipped: Partial<Record<SkipReason, number>>;
  /** Imported cells whose `range` was not used as a radius, by reason. */
  rangeUnused: Partial<Record<RangeReason, number>>;
  perOperator: Record<string, { cells: number; towers: number }>;
}

export interface CellImport {
  towers: Tower[];
  issues: Issue[];
  report: CellImportReport;
}

type Row = CsvRow;

/** The rows, each unclosed quote said as a warning on its line (the row is left out later). */
function splitRows(issues: IssueList, body: string): Row[] {
  const { rows } = csvRows(body);
  for (const row of rows) for (const message of row.syntax) issues.warning('csv-syntax', { line: row.line }, { detail: message });
  return rows;
}

const INTEGER = /^\d+(\.0*)?$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The integer an mcc/net/cell text stands for, "452.0" included; undefined when none. */
function integerText(text: string): string | undefined {
  if (!INTEGER.test(text)) return undefined;
  const digits = text.replace(/\..*$/, '').replace(/^0+(?=\d)/, '');
  return digits;
}

function headerColumns(cells: string[]): string[] | undefined {
  const names = cells.map((c) => c.trim());
  return names.some((n) => n.toLowerCase() === 'radio') ? names : undefined;
}

/** Whether a row has the shape of a headerless cell export's row. */
function looksLikeCellRow(cells: string[]): boolean {
  if (cells.length !== CELL_COLUMNS.length) return false;
  const radio = (cells[0] ?? '').trim().toUpperCase();
  if (!/^[A-Z]{2,5}$/.test(radio)) return false;
  const coordinateLike = (k: number): boolean => {
    const text = (cells[k] ?? '').trim();
    return text === '' || DECIMAL.test(text);
  };
  return INTEGER.test((cells[1] ?? '').trim()) && coordinateLike(6) && coordinateLike(7);
}

function firstLine(text: string): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (const line of body.split(/\r\n|\n|\r/, 20)) if (line.trim() !== '') return line;
  return '';
}

/** Whether a text is an OpenCelliD / MLS cell export, with or without its header. */
export function looksLikeCellExport(text: string): boolean {
  if (typeof text !== 'string') return false;
  const line = firstLine(text.slice(0, 4096));
  if (line === '') return false;
  const cells = line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const lower = cells.map((c) => c.toLowerCase());
  if (lower.includes('radio')) return REQUIRED.every((column) => lower.includes(column.toLowerCase()));
  return looksLikeCellRow(cells);
}

/** Name of an operator: Vietnam's by name, any other by its codes ("452-05"). */
export function operatorName(mcc: string, mnc: string): string {
  if (Number(mcc) === VIETNAM_MCC) {
    const name = VIETNAM_OPERATORS[Number(mnc)];
    if (name !== undefined) return name;
  }
  return `${mcc}-${mnc.padStart(2, '0')}`;
}

/** The short code in tower ids: MF, VN, VT, or the codes themselves. */
function operatorCode(operator: string): string {
  return (OPERATOR_CODES as Readonly<Record<string, string>>)[operator] ?? operator;
}

const MAX_UNIX_SECONDS = 4_102_444_800; // 2100-01-01

function isoDateOfUnixSeconds(text: string): string | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const seconds = Number(text);
  if (!(seconds > 0 && seconds < MAX_UNIX_SECONDS)) return undefined;
  return new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 10);
}

interface Cell {
  operator: string;
  technology: Technology;
  lon: number;
  lat: number;
  radiusKm?: number;
  serviceDate?: string;
}

/** A coordinate, or what is wrong with it (the params of a 'cell-position' issue). */
function coordinate(text: string, axis: 'lon' | 'lat', limit: number): number | { reason: string; axis: string; text: string; limit: number } {
  const fault = (reason: string) => ({ reason, axis, text: cut(text), limit });
  if (text === '') return fault('empty');
  if (/^[+-]?\d+,\d+$/.test(text)) return fault('comma');
  if (!DECIMAL.test(text)) return fault('not-number');
  const value = Number(text);
  if (!Number.isFinite(value)) return fault('not-finite');
  if (value < -limit || value > limit) return fault('outside');
  return value;
}

/**
 * Reads a cell export. `file` names the file in messages. Returns the towers, the issues
 * and a report of what became of each row.
 */
export function importCells(file: string, text: string, options: CellImportOptions = {}): CellImport {
  const mccOption = options.mcc ?? VIETNAM_MCC;
  const mergeMetres = options.mergeMetres !== undefined && options.mergeMetres >= 0 ? options.mergeMetres : CELL_MERGE_METRES;
  const issues = new IssueList(file);
  const skipped: Partial<Record<SkipReason, number>> = {};
  const rangeUnused: Partial<Record<RangeReason, number>> = {};
  const report: CellImportReport = { rows: 0, cells: 0, towers: 0, header: false, mcc: mccOption, skipped, rangeUnused, perOperator: {} };
  const done = (towers: Tower[]): CellImport => ({ towers, issues: issues.finish(), report });
  const skip = (reason: SkipReason): void => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };

  const body = typeof text !== 'string' ? '' : text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') {
    issues.error('empty', {}, { format: 'cells' });
    return done([]);
  }
  const first = firstLine(body);
  if (!first.includes(',') && (first.includes(';') || first.includes('\t'))) {
    const parts = first.split(first.includes(';') ? ';' : '\t').map((c) => c.trim().toLowerCase());
    if (parts.includes('radio') || parts.length === CELL_COLUMNS.length) {
      issues.error('csv-delimiter', { line: 1 }, { delimiter: first.includes(';') ? ';' : 'tab', format: 'cells' });
      return done([]);
    }
  }

  const rows = splitRows(issues, body);
  const head = rows.find((row) => !isBlank(row));
  if (!head) return done([]);
  const named = headerColumns(head.cells);
  let columns: string[];
  if (named) {
    const lower = named.map((n) => n.toLowerCase());
    const missing = REQUIRED.filter((column) => !lower.includes(column.toLowerCase()));
    const duplicated = lower.filter((c, i) => c !== '' && lower.indexOf(c) !== i);
    if (missing.length > 0 || duplicated.length > 0) {
      const params: IssueParams = missing.length > 0 ? { missing, has: named.map(cut), format: 'cells' } : { duplicated: duplicated.map(cut) };
      issues.error('csv-header', { line: head.line }, params);
      return done([]);
    }
    columns = lower;
    report.header = true;
  } else if (looksLikeCellRow(head.cells)) {
    columns = CELL_COLUMNS.map((c) => c.toLowerCase());
  } else {
    issues.error('not-cell-export', { line: head.line }, { fields: head.cells.length, start: cut(head.cells.slice(0, 3).join(',')) });
    return done([]);
  }
  const index = (name: string): number => columns.indexOf(name.toLowerCase());
  const col = Object.fromEntries(CELL_COLUMNS.map((c) => [c, index(c)])) as Record<Column, number>;
  const headerKey = columns.join(',');

  const cells: Cell[] = [];
  const seen = new Set<string>();
  const radioReported = new Set<string>();
  for (const row of rows) {
    if ((report.header && row === head) || isBlank(row)) continue;
    if (report.header && row.cells.map((c) => c.trim().toLowerCase()).join(',') === headerKey) continue; // files joined end to end
    report.rows++;
    if (row.cells.length !== columns.length) {
      issues.warning('csv-columns', { line: row.line }, { fields: row.cells.length, expected: columns.length, format: 'cells', header: report.header });
      skip('bad-row');
      continue;
    }
    const cell = (name: Column): string => {
      const k = col[name];
      return k < 0 ? '' : (row.cells[k] ?? '').trim();
    };
    const at = (field: Column): Place => ({ line: row.line, field: columns[col[field]] ?? field });

    const radio = cell('radio').toUpperCase();
    const technology = RADIO_TECHNOLOGY[radio];
    if (technology === undefined) {
      if (radio === 'CDMA') {
        skip('cdma');
        continue;
      }
      if (!radioReported.has(radio)) {
        radioReported.add(radio);
        issues.warning('cell-radio', at('radio'), { value: radio === '' ? '' : cut(cell('radio')) });
      }
      skip('other-radio');
      continue;
    }
    const mcc = integerText(cell('mcc'));
    if (mcc === undefined) {
      issues.warning('cell-mcc', at('mcc'), { value: cut(cell('mcc')) });
      skip('bad-network');
      continue;
    }
    if (mccOption !== 'all' && Number(mcc) !== mccOption) {
      skip('other-mcc');
      continue;
    }
    const net = integerText(cell('net'));
    if (net === undefined) {
      issues.warning('cell-net', at('net'), { value: cut(cell('net')) });
      skip('bad-network');
      continue;
    }
    const lon = coordinate(cell('lon'), 'lon', 180);
    const lat = coordinate(cell('lat'), 'lat', 90);
    if (typeof lon !== 'number') issues.warning('cell-position', at('lon'), lon);
    if (typeof lat !== 'number') {
      const swapped = typeof lon === 'number' && Math.abs(lon) <= 90 && lat.reason === 'outside';
      issues.warning('cell-position', at('lat'), { ...lat, swapped });
    }
    if (typeof lon !== 'number' || typeof lat !== 'number') {
      skip('bad-position');
      continue;
    }
    if (lon === 0 && lat === 0) {
      issues.warning('cell-position', at('lon'), { reason: 'null-island' });
      skip('bad-position');
      continue;
    }
    const area = cell('area');
    const cellId = cell('cell');
    if (area !== '' && cellId !== '') {
      const key = [radio, mcc, net, integerText(area) ?? area, integerText(cellId) ?? cellId].join('\u0000');
      if (seen.has(key)) {
        skip('duplicate');
        continue;
      }
      seen.add(key);
    }

    const out: Cell = { operator: operatorName(mcc, net), technology, lon, lat };
    const range = cell('range');
    if (range === '') rangeUnused.empty = (rangeUnused.empty ?? 0) + 1;
    else if (!DECIMAL.test(range) || !Number.isFinite(Number(range))) rangeUnused['not-a-number'] = (rangeUnused['not-a-number'] ?? 0) + 1;
    else if (Number(range) < RANGE_KEPT_M.min) rangeUnused['under-100-m'] = (rangeUnused['under-100-m'] ?? 0) + 1;
    else if (Number(range) > RANGE_KEPT_M.max) rangeUnused['over-35-km'] = (rangeUnused['over-35-km'] ?? 0) + 1;
    else out.radiusKm = Number(range) / 1000;
    const created = isoDateOfUnixSeconds(cell('created'));
    if (created !== undefined) out.serviceDate = created;
    cells.push(out);
  }
  report.cells = cells.length;

  const towers = mergeCells(cells, mergeMetres / 1000);
  report.towers = towers.length;
  for (const c of cells) {
    const entry = (report.perOperator[c.operator] ??= { cells: 0, towers: 0 });
    entry.cells++;
  }
  for (const t of towers) (report.perOperator[t.operator] as { towers: number }).towers++;
  return done(towers);
}

const TECH_RANK: Readonly<Record<Technology, number>> = Object.fromEntries(TECHNOLOGIES.map((t, i) => [t, i])) as Record<Technology, number>;

function mergeCells(cells: Cell[], thresholdKm: number): Tower[] {
  const n = cells.length;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const group = new Int32Array(n);
  const groups = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const c = cells[i] as Cell;
    lon[i] = c.lon;
    lat[i] = c.lat;
    let g = groups.get(c.operator);
    if (g === undefined) groups.set(c.operator, (g = groups.size));
    group[i] = g;
  }
  const label = clusterPoints(lon, lat, group, thresholdKm);

  // Towers in the order of their first cell; numbered per operator.
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const l = label[i] as number;
    const list = members.get(l);
    if (list) list.push(i);
    else members.set(l, [i]);
  }
  const numbers = new Map<string, number>();
  const towers: Tower[] = [];
  for (const list of members.values()) {
    const firstCell = cells[list[0] as number] as Cell;
    let best = firstCell.technology;
    for (const i of list) if (TECH_RANK[(cells[i] as Cell).technology] > TECH_RANK[best]) best = (cells[i] as Cell).technology;
    let radiusKm: number | undefined;
    let serviceDate: string | undefined;
    let minLon = Infinity;
    let maxLon = -Infinity;
    for (const i of list) {
      const c = cells[i] as Cell;
      if (c.technology === best && c.radiusKm !== undefined && (radiusKm === undefined || c.radiusKm > radiusKm)) radiusKm = c.radiusKm;
      if (c.serviceDate !== undefined && (serviceDate === undefined || c.serviceDate < serviceDate)) serviceDate = c.serviceDate;
      minLon = Math.min(minLon, c.lon);
      maxLon = Math.max(maxLon, c.lon);
    }
    // A tower on the antimeridian: average its longitudes on one side of it.
    const wraps = maxLon - minLon > 180;
    let sumLon = 0;
    let sumLat = 0;
    for (const i of list) {
      const c = cells[i] as Cell;
      sumLon += wraps && c.lon < 0 ? c.lon + 360 : c.lon;
      sumLat += c.lat;
    }
    let meanLon = sumLon / list.length;
    if (meanLon > 180) meanLon -= 360;
    const operator = firstCell.operator;
    const number = (numbers.get(operator) ?? 0) + 1;
    numbers.set(operator, number);
    const tower: Tower = {
      id: `C-${operatorCode(operator)}-${number}`,
      lon: meanLon,
      lat: sumLat / list.length,
      operator,
      status: 'existing',
      technology: best,
      synthetic: false,
    };
    if (radiusKm !== undefined) tower.radiusKm = radiusKm;
    if (serviceDate !== undefined) tower.serviceDate = serviceDate;
    towers.push(tower);
  }
  return towers;
}
