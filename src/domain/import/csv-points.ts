// Imports hamlets, schools or towers from a CSV file (what planners get out of a
// spreadsheet), with the checks and messages of `npm run validate` (shared/data-contract.md).
//
// Three steps, so that the UI can show and correct what was guessed:
// 1. `sniffCsv(text)`: the delimiter (",", ";" or tab), a byte-order mark, the header row,
//    and whether numbers use decimal commas ("22,81"; only ever with ";" or tab between
//    columns).
// 2. `guessMapping(kind, header)`: which column holds the longitude, the latitude and each
//    property of the contract, by name (case- and accent-insensitive, with Vietnamese and
//    common aliases: "Kinh độ", "dan_so", "hoc_sinh", …), and which required ones are
//    unmapped. The user may correct it; `swapCoordinates` is the fix for swapped axes.
// 3. `csvToFeatures(kind, fileName, text, mapping)`: each row becomes a GeoJSON Point
//    feature of the kind and goes through the contract's validation (`parseFileDetailed`,
//    one row at a time so that every row is known to pass or fail); its issues come back
//    naming the CSV line (the header is line 1), the id and the column.
//
// How cells are read:
// - Cells are trimmed; an empty cell is an absent property.
// - Strings (ids included: "007" stays "007") are kept as text, never as numbers or markup.
// - Numbers: "." decimals, or "," decimals when the file was sniffed so (or told so).
//   Thousands separators ("1.200", "1,234,567", "1 200") are refused with a message, never
//   guessed; so is a comma where the file writes "." decimals, and the reverse.
// - Booleans: true/false, 1/0, yes/no, có/không (case-insensitive).
// - Coordinates are checked as parse/coordinates.ts checks GeoJSON positions, with the same
//   wording adapted to columns: swapped lon/lat (an error offering 'swap-coordinates', the
//   mapping's swap), projected metres (an error), out of range (an error), outside Vietnam
//   (a warning). Nothing is silently fixed.
// - Columns outside the contract are ignored, with one warning naming them. Header names
//   are never used as object keys (a "__proto__" column is just an ignored column).
//
// The result refuses the file (`value` undefined) when any issue is an error; `valid` holds
// the rows that passed all the same, for an explicit "import the N valid rows" choice.
// Pure, no I/O; never throws on user data.
import Papa from 'papaparse';
import { VIETNAM } from '../parse/coordinates.ts';
import { parseFileDetailed } from '../parse/file.ts';
import { IssueList, placePrefix, quote, type Fix, type Place } from '../parse/issues.ts';
import type { KindValue } from '../parse/kind.ts';
import { BOM, checkText } from '../parse/text.ts';
import type { Issue } from '../types.ts';

export type PointKind = 'hamlets' | 'schools' | 'towers';
export const POINT_KINDS: readonly PointKind[] = ['hamlets', 'schools', 'towers'];

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

type FieldType = 'string' | 'count' | 'number' | 'boolean';

interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  /** Normalised header names (see `normalizeHeader`) that mean this field, best first. */
  readonly aliases: readonly string[];
}

const f = (name: string, type: FieldType, required: boolean, ...aliases: string[]): FieldSpec => ({
  name,
  type,
  required,
  aliases: [name, ...aliases],
});

const COMMON_NAME = ['ten', 'ten_goi', 'name_vi'];
const COMMUNE = f('commune', 'string', false, 'xa', 'ten_xa', 'xa_phuong', 'phuong_xa', 'commune_name');
const DISTRICT = f('district', 'string', false, 'huyen', 'ten_huyen', 'quan_huyen', 'district_name');
const SYNTHETIC = f('synthetic', 'boolean', false, 'gia_lap', 'du_lieu_gia_lap');

/** The contract's properties of each point kind (shared/data-contract.md), in its order. */
const SPECS = {
  hamlets: [
    f('id', 'string', true, 'ma', 'ma_ap', 'ma_so', 'hamlet_id', 'code', 'ma_khom'),
    f('name', 'string', true, ...COMMON_NAME, 'ten_ap', 'hamlet_name', 'ten_khom'),
    f('population', 'count', true, 'dan_so', 'so_dan', 'nhan_khau', 'so_nhan_khau', 'pop'),
    f('households', 'count', false, 'so_ho', 'ho', 'ho_dan', 'so_ho_dan'),
    f('poor_households', 'count', false, 'ho_ngheo', 'so_ho_ngheo'),
    f('students', 'count', false, 'hoc_sinh', 'so_hoc_sinh', 'hs', 'so_hs'),
    f('grid_power', 'boolean', false, 'dien_luoi', 'co_dien_luoi', 'co_dien'),
    COMMUNE,
    DISTRICT,
    SYNTHETIC,
  ],
  schools: [
    f('id', 'string', true, 'ma', 'ma_truong', 'ma_so', 'school_id', 'school_code', 'code'),
    f('name', 'string', true, ...COMMON_NAME, 'ten_truong', 'school_name'),
    f('level', 'string', true, 'cap', 'cap_hoc', 'bac_hoc', 'school_level', 'education_level'),
    f('students', 'count', true, 'hoc_sinh', 'so_hoc_sinh', 'hs', 'so_hs', 'num_students', 'student_count', 'enrollment'),
    f('students_in_need', 'count', false, 'hoc_sinh_kho_khan', 'hs_kho_khan', 'hs_can_may_tinh'),
    f('fixed_broadband', 'boolean', false, 'internet_co_dinh', 'bang_rong_co_dinh', 'co_internet'),
    COMMUNE,
    DISTRICT,
    SYNTHETIC,
  ],
  towers: [
    f('id', 'string', true, 'ma', 'ma_tram', 'ma_so', 'site_id', 'tower_id', 'site_code', 'code'),
    f('operator', 'string', true, 'nha_mang', 'nha_cung_cap', 'carrier', 'mang'),
    f('status', 'string', true, 'trang_thai', 'tinh_trang'),
    f('technology', 'string', true, 'cong_nghe', 'tech', 'radio'),
    f('radius_km', 'number', false, 'ban_kinh_km', 'ban_kinh', 'radius'),
    f('service_date', 'string', false, 'ngay_phat_song', 'ngay_hoat_dong'),
    f('upgrade_technology', 'string', false, 'cong_nghe_nang_cap'),
    f('upgrade_radius_km', 'number', false, 'ban_kinh_nang_cap_km', 'ban_kinh_nang_cap'),
    f('upgrade_date', 'string', false, 'ngay_nang_cap'),
    f('height_m', 'number', false, 'chieu_cao_m', 'chieu_cao', 'do_cao', 'height'),
    SYNTHETIC,
  ],
} as const satisfies Record<PointKind, readonly FieldSpec[]>;

const LON_ALIASES = ['lon', 'lng', 'long', 'longitude', 'kinh_do', 'kinhdo', 'x'];
const LAT_ALIASES = ['lat', 'latitude', 'vi_do', 'vido', 'y'];

/** The contract property names of a kind, in the contract's order. */
export type ContractField<K extends PointKind> = (typeof SPECS)[K][number]['name'];

export function contractFields<K extends PointKind>(kind: K): ContractField<K>[] {
  return SPECS[kind].map((spec) => spec.name) as ContractField<K>[];
}

export function requiredFields<K extends PointKind>(kind: K): ContractField<K>[] {
  return SPECS[kind].filter((spec) => spec.required).map((spec) => spec.name) as ContractField<K>[];
}

/** Which column (0-based index in the header) holds what; null when none. */
export interface ColumnMapping<K extends PointKind = PointKind> {
  lon: number | null;
  lat: number | null;
  properties: Record<ContractField<K>, number | null>;
}

export interface MappingGuess<K extends PointKind = PointKind> extends ColumnMapping<K> {
  /** Required fields (lon and lat included) no column was found for. */
  unmapped: ('lon' | 'lat' | ContractField<K>)[];
  /** Columns the mapping does not use, which the import ignores. */
  ignored: number[];
}

export interface CsvSniff {
  delimiter: Delimiter;
  /** The text starts with a byte-order mark (accepted, stripped, reported as a warning). */
  bom: boolean;
  /** Numbers are written with decimal commas ("9,05"); only with ";" or tab as delimiter. */
  decimalComma: boolean;
  /** The first non-blank row names columns (no cell of it is a number). */
  hasHeader: boolean;
  /** The first non-blank row's cells, trimmed; [] for an empty file. */
  header: string[];
  /** 1-based line of that row; 0 for an empty file. */
  headerLine: number;
  lineEnding: '\r\n' | '\n' | '\r';
  /** Non-blank rows after the header. */
  rows: number;
}

export interface CsvOptions {
  /** Overrides the sniffed delimiter. */
  delimiter?: Delimiter;
  /** Overrides the sniffed decimal style. */
  decimalComma?: boolean;
}

export interface CsvImportResult<K extends PointKind> {
  /** Every row, when no issue is an error; undefined otherwise (warnings keep it). */
  value?: KindValue[K];
  /** The rows that passed every check, for an explicit "import the N valid rows" choice. */
  valid: KindValue[K];
  /** 1-based CSV line of each record of `valid`. */
  validLines: number[];
  /** Non-blank data rows read. */
  rows: number;
  /** rows − valid.length. */
  invalidRows: number;
  issues: Issue[];
  sniff: CsvSniff;
}

// ---------------------------------------------------------------------------------------
// Reading the text

interface Row {
  cells: string[];
  line: number;
  syntax: string[];
}

interface CsvText {
  bom: boolean;
  body: string;
  delimiter: Delimiter;
  lineEnding: CsvSniff['lineEnding'];
  rows: Row[];
}

const REPLACEMENT = '\uFFFD';

const isBlank = (row: Row): boolean => row.cells.every((c) => c.trim() === '');

/** Rows with the line each starts on (quoted values may span lines), as parse/deliveries does. */
function splitRows(body: string, delimiter: Delimiter): { rows: Row[]; lineEnding: CsvSniff['lineEnding'] } {
  const rows: Row[] = [];
  const newline = body.includes('\n') ? '\n' : '\r';
  let line = 1;
  let counted = 0;
  let rowStart = 0;
  let lineEnding: CsvSniff['lineEnding'] = '\n';
  Papa.parse<string[]>(body, {
    delimiter,
    step: (result) => {
      for (let i = body.indexOf(newline, counted); i >= 0 && i < rowStart; i = body.indexOf(newline, i + 1)) line++;
      counted = rowStart;
      const linebreak = result.meta.linebreak;
      if (linebreak === '\r\n' || linebreak === '\r' || linebreak === '\n') lineEnding = linebreak;
      const cells = Array.isArray(result.data) ? result.data.map((c) => String(c)) : [];
      rows.push({ cells, line, syntax: result.errors.map((e) => e.message.replace(/\.$/, '')) });
      rowStart = result.meta.cursor;
    },
  });
  return { rows, lineEnding };
}

/** The delimiter that splits the first rows most consistently into more than one column. */
function guessDelimiter(body: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  let bestWidth = 0;
  for (const delimiter of DELIMITERS) {
    const parsed = Papa.parse<string[]>(body, { delimiter, preview: 20 });
    const rows = parsed.data.filter((cells) => Array.isArray(cells) && cells.some((c) => String(c).trim() !== ''));
    const width = rows[0]?.length ?? 0;
    if (width < 2) continue;
    const score = rows.filter((cells) => cells.length === width).length / rows.length;
    if (score > bestScore || (score === bestScore && width > bestWidth)) {
      best = delimiter;
      bestScore = score;
      bestWidth = width;
    }
  }
  return best;
}

function readText(text: string, delimiter?: Delimiter): CsvText {
  const bom = text.startsWith(BOM);
  const body = bom ? text.slice(1) : text;
  const chosen = delimiter ?? guessDelimiter(body);
  const { rows, lineEnding } = splitRows(body, chosen);
  return { bom, body, delimiter: chosen, lineEnding, rows };
}

const NUMBER_LIKE = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const POINT_DECIMAL = /^[+-]?\d+\.\d+$/;

function sniffOf(csv: CsvText, options: CsvOptions = {}): CsvSniff {
  const headerIndex = csv.rows.findIndex((row) => !isBlank(row));
  const headerRow = headerIndex >= 0 ? csv.rows[headerIndex] : undefined;
  const header = headerRow ? headerRow.cells.map((c) => c.trim()) : [];
  let commas = 0;
  let points = 0;
  let rows = 0;
  for (let r = headerIndex + 1; headerIndex >= 0 && r < csv.rows.length; r++) {
    const row = csv.rows[r] as Row;
    if (isBlank(row)) continue;
    rows++;
    for (const cell of row.cells) {
      const t = cell.trim();
      if (COMMA_DECIMAL.test(t)) commas++;
      else if (POINT_DECIMAL.test(t)) points++;
    }
  }
  return {
    delimiter: csv.delimiter,
    bom: csv.bom,
    decimalComma: options.decimalComma ?? (csv.delimiter !== ',' && commas > points),
    hasHeader: headerRow !== undefined && !header.some((c) => NUMBER_LIKE.test(c)),
    header,
    headerLine: headerRow?.line ?? 0,
    lineEnding: csv.lineEnding,
    rows: headerRow ? rows : 0,
  };
}

/** What the text looks like: delimiter, BOM, header row, decimal commas. Never throws. */
export function sniffCsv(text: string, options: CsvOptions = {}): CsvSniff {
  return sniffOf(readText(text, options.delimiter), options);
}

// ---------------------------------------------------------------------------------------
// Guessing the mapping

/**
 * A header name as the mapping compares it: camelCase split, accents removed, đ → d, lower
 * case, runs of anything else as one "_". "Kinh độ" → "kinh_do", "poorHouseholds" →
 * "poor_households", "Radius (km)" → "radius_km".
 */
export function normalizeHeader(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Words that make a header about another place ("district_id", "ten_xa"). */
const OTHER_PLACE = new Set(['district', 'commune', 'province', 'ward', 'huyen', 'xa', 'tinh', 'quan', 'phuong']);

interface Target {
  key: string;
  aliases: readonly string[];
}

function containsTokens(tokens: readonly string[], alias: readonly string[]): boolean {
  for (let i = 0; i + alias.length <= tokens.length; i++) {
    if (alias.every((a, k) => tokens[i + k] === a)) return true;
  }
  return false;
}

/**
 * Which column holds lon, lat and each contract property, by header name: first exact
 * (normalised) names, contract names before aliases; then, for what is still unmapped, a
 * header that contains an alias as whole words ("giga_id_school" → id, "lat_wgs84" → lat).
 * A column is used once; ties go to the leftmost column.
 */
export function guessMapping<K extends PointKind>(kind: K, header: readonly string[]): MappingGuess<K> {
  const normal = header.map((h) => normalizeHeader(h));
  const tokens = normal.map((n) => n.split('_').filter((t) => t !== ''));
  const specs: readonly FieldSpec[] = SPECS[kind];
  const targets: Target[] = [
    { key: 'lon', aliases: LON_ALIASES },
    { key: 'lat', aliases: LAT_ALIASES },
    ...specs.map((spec) => ({ key: spec.name, aliases: spec.aliases })),
  ];
  const found = new Map<string, number>();
  const used = new Set<number>();
  const take = (key: string, column: number): void => {
    found.set(key, column);
    used.add(column);
  };
  for (const target of targets) {
    for (const alias of target.aliases) {
      const column = normal.findIndex((n, i) => n === alias && !used.has(i));
      if (column >= 0) {
        take(target.key, column);
        break;
      }
    }
  }
  for (const target of targets) {
    if (found.has(target.key)) continue;
    const placeField = target.key === 'commune' || target.key === 'district';
    search: for (const alias of target.aliases) {
      if (alias.length < 3 && alias !== 'id') continue;
      const words = alias.split('_');
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] as string[];
        if (used.has(i) || (!placeField && t.some((w) => OTHER_PLACE.has(w)))) continue;
        if (containsTokens(t, words)) {
          take(target.key, i);
          break search;
        }
      }
    }
  }
  const properties = {} as Record<ContractField<K>, number | null>;
  for (const spec of specs) properties[spec.name as ContractField<K>] = found.get(spec.name) ?? null;
  const lon = found.get('lon') ?? null;
  const lat = found.get('lat') ?? null;
  const unmapped: MappingGuess<K>['unmapped'] = [];
  if (lon === null) unmapped.push('lon');
  if (lat === null) unmapped.push('lat');
  for (const spec of specs) if (spec.required && !found.has(spec.name)) unmapped.push(spec.name as ContractField<K>);
  const ignored = header.map((_, i) => i).filter((i) => !used.has(i));
  return { lon, lat, properties, unmapped, ignored };
}

/** The mapping with lon and lat exchanged: the 'swap-coordinates' fix. */
export function swapCoordinates<M extends ColumnMapping>(mapping: M): M {
  return { ...mapping, lon: mapping.lat, lat: mapping.lon };
}

// ---------------------------------------------------------------------------------------
// Reading cells

type Read<T> = { ok: true; value: T } | { ok: false; code: string; what: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (code: string, what: string): Read<never> => ({ ok: false, code, what });

const GROUP_SPACES = /^[+-]?\d{1,3}([ \u00A0\u202F]\d{3})+([.,]\d+)?$/;

function readNumber(text: string, decimalComma: boolean, mustBe: string): Read<number> {
  const decimal = decimalComma ? ',' : '.';
  const other = decimalComma ? '.' : ',';
  const plain = decimalComma ? /^[+-]?(\d+(,\d*)?|,\d+)$/ : /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
  if (plain.test(text)) {
    const n = Number(text.replace(',', '.'));
    if (Number.isFinite(n)) return ok(n);
    return fail('not-finite', `is ${quote(text)}, which overflows to Infinity; must be a finite number`);
  }
  const esc = (c: string): string => (c === '.' ? '\\.' : c);
  const grouped = new RegExp(`^[+-]?\\d{1,3}(${esc(other)}\\d{3})+(${esc(decimal)}\\d+)?$`);
  if (GROUP_SPACES.test(text) || grouped.test(text)) {
    const groups = text.split(other).length - 1;
    if (!GROUP_SPACES.test(text) && groups === 1 && !text.includes(decimal)) {
      const asDecimal = text.replace(other, decimal);
      return fail(
        'ambiguous-number',
        `is ${quote(text)}: the "${other}" may be a thousands separator or a decimal ${other === ',' ? 'comma' : 'point'}, and neither is guessed; write ${text.replace(other, '')} or ${asDecimal} (this file writes decimals with "${decimal}")`,
      );
    }
    const plainText = text.replace(new RegExp(`[ \\u00A0\\u202F${esc(other)}]`, 'g'), '');
    return fail('thousands-separator', `is ${quote(text)}: write numbers without thousands separators (${plainText})`);
  }
  if (new RegExp(`^[+-]?\\d*${esc(other)}\\d+$`).test(text)) {
    const mark = other === ',' ? 'a decimal comma' : 'a decimal point';
    return fail(
      'decimal-mark',
      `is ${quote(text)}, which uses ${mark}, but this file writes decimals with "${decimal}": write ${text.replace(other, decimal)}`,
    );
  }
  return fail('not-number', `is ${quote(text)}, must be ${mustBe}`);
}

const THOUSANDS_COUNT = /^[+-]?\d{1,3}([., \u00A0\u202F]\d{3})+$/;

function readCount(text: string, decimalComma: boolean): Read<number> {
  if (/^[+-]?\d+$/.test(text)) return ok(Number(text));
  if (THOUSANDS_COUNT.test(text)) {
    return fail(
      'thousands-separator',
      `is ${quote(text)}: write whole numbers without thousands separators (${text.replace(/[., \u00A0\u202F]/g, '')})`,
    );
  }
  // A decimal reads as the number it is; the contract's check then says it must be whole.
  return readNumber(text, decimalComma, 'a whole number ≥ 0');
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'có', 'co']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'không', 'khong']);

function readBoolean(text: string): Read<boolean> {
  const word = text.normalize('NFC').toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail('not-boolean', `is ${quote(text)}, must be true or false (1/0, yes/no and có/không are read too)`);
}

// ---------------------------------------------------------------------------------------
// Issues, placed by CSV line and column

interface At {
  line?: number;
  id?: string;
  /** A contract field, 'lon' or 'lat': its mapped column is named. */
  field?: string;
  /** Both coordinate columns. */
  pair?: boolean;
  /** A column by its 0-based index, when no field names it. */
  cell?: number;
}

const MAX_PER_KIND = 50;
const MAX_HEADER_SHOWN = 12;

/** Collects a CSV import's issues; past 50 of one code and field, counts them (as IssueList). */
class CsvIssues {
  readonly items: Issue[] = [];
  private readonly counts = new Map<string, { count: number; severity: Issue['severity']; code: string; field?: string }>();

  constructor(
    readonly file: string,
    private readonly header: readonly string[],
    private readonly columns: ReadonlyMap<string, number>,
  ) {}

  columnName(column: number): string {
    const name = this.header[column] ?? '';
    return name === '' ? `column ${column + 1}` : `column ${quote(name)}`;
  }

  private fieldColumn(field: string): string {
    const column = this.columns.get(field);
    if (column === undefined) return '';
    const name = this.header[column] ?? '';
    return normalizeHeader(name) === field || name === '' ? this.columnName(column) : `${this.columnName(column)} (${field})`;
  }

  prefix(at: At): string {
    const parts: string[] = [];
    if (at.line !== undefined) parts.push(`line ${at.line}${at.id ? ` (id ${quote(at.id)})` : ''}`);
    if (at.pair) {
      const lon = this.columns.get('lon');
      const lat = this.columns.get('lat');
      if (lon !== undefined && lat !== undefined) {
        parts.push(`columns ${quote(this.header[lon] ?? '')} and ${quote(this.header[lat] ?? '')}`);
      }
    } else if (at.field !== undefined && this.columns.has(at.field)) parts.push(this.fieldColumn(at.field));
    else if (at.cell !== undefined) parts.push(this.columnName(at.cell));
    return parts.length > 0 ? `${this.file}: ${parts.join(', ')}: ` : `${this.file}: `;
  }

  issue(severity: Issue['severity'], code: string, at: At, what: string, fix?: Fix): Issue {
    const issue: Issue = { severity, code, file: this.file, message: this.prefix(at) + what };
    if (at.line !== undefined) issue.line = at.line;
    const column = at.pair ? undefined : at.field === undefined ? at.cell : this.columns.get(at.field);
    if (column !== undefined) issue.column = column + 1;
    if (at.pair) issue.field = 'geometry.coordinates';
    else if (at.field !== undefined) issue.field = at.field;
    if (at.id !== undefined) issue.id = at.id;
    if (fix !== undefined) issue.fix = fix;
    return issue;
  }

  add(issue: Issue): void {
    const key = `${issue.severity}\u0000${issue.code}\u0000${issue.field ?? ''}`;
    const seen = this.counts.get(key);
    const count = (seen?.count ?? 0) + 1;
    if (seen) seen.count = count;
    else this.counts.set(key, { count, severity: issue.severity, code: issue.code, ...(issue.field === undefined ? {} : { field: issue.field }) });
    if (count <= MAX_PER_KIND) this.items.push(issue);
  }

  error(code: string, at: At, what: string, fix?: Fix): void {
    this.add(this.issue('error', code, at, what, fix));
  }

  warning(code: string, at: At, what: string, fix?: Fix): void {
    this.add(this.issue('warning', code, at, what, fix));
  }

  finish(): Issue[] {
    const out = this.items.slice();
    for (const c of this.counts.values()) {
      if (c.count <= MAX_PER_KIND) continue;
      const where =
        c.field === undefined
          ? ''
          : c.field === 'geometry.coordinates'
            ? ' in the coordinate columns'
            : this.columns.has(c.field)
              ? ` in ${this.fieldColumn(c.field)}`
              : ` in field ${quote(c.field)}`;
      const issue: Issue = {
        severity: c.severity,
        code: 'more-not-listed',
        file: this.file,
        message: `${this.file}: ${c.count - MAX_PER_KIND} more ${c.severity}s of kind "${c.code}"${where} not listed (${c.count} in all)`,
      };
      if (c.field !== undefined) issue.field = c.field;
      out.push(issue);
    }
    return out;
  }
}

/** Faults reported once per file, with a count: a file that has one has it everywhere. */
interface Sighting {
  rows: number;
  at: At;
  lon: number;
  lat: number;
}

const sight = (seen: Sighting | undefined, at: At, lon: number, lat: number): Sighting =>
  seen ? { ...seen, rows: seen.rows + 1 } : { rows: 1, at, lon, lat };

/** Codes the contract's checks report once per file (parse/text.ts StringScan). */
const ONCE_PER_FILE = new Set(['not-nfc', 'mojibake', 'legacy-encoding']);

const EXAMPLE_HEADER: Record<PointKind, string> = {
  hamlets: 'id,name,population,lon,lat',
  schools: 'id,name,level,students,lon,lat',
  towers: 'id,operator,status,technology,lon,lat',
};

const DELIMITER_NAME: Record<Delimiter, string> = { ',': '","', ';': '";"', '\t': 'a tab' };

function listed(names: readonly string[]): string {
  const shown = names.slice(0, MAX_HEADER_SHOWN).map((n) => quote(n));
  if (names.length > MAX_HEADER_SHOWN) shown.push(`… (${names.length} columns)`);
  return shown.join(', ');
}

/** The issue's place in the GeoJSON the row became, to strip its message's prefix. */
function placeOf(issue: Issue): Place {
  const place: Place = {};
  if (issue.featureIndex !== undefined) place.featureIndex = issue.featureIndex;
  if (issue.id !== undefined) place.id = issue.id;
  if (issue.line !== undefined) place.line = issue.line;
  if (issue.column !== undefined) place.column = issue.column;
  if (issue.field !== undefined) place.field = issue.field;
  return place;
}

// ---------------------------------------------------------------------------------------
// The import

interface Conversion {
  specs: readonly FieldSpec[];
  columns: Map<string, number>;
}

/**
 * Reads the rows of a CSV file as records of `kind`, with the contract's validation. Each
 * issue names the file, the CSV line (header = line 1), the row's id and the column.
 */
export function csvToFeatures<K extends PointKind>(
  kind: K,
  fileName: string,
  text: string,
  mapping: ColumnMapping<K>,
  options: CsvOptions = {},
): CsvImportResult<K> {
  const csv = readText(text, options.delimiter);
  const sniff = sniffOf(csv, options);
  const result: CsvImportResult<K> = {
    valid: [] as unknown as KindValue[K],
    validLines: [],
    rows: 0,
    invalidRows: 0,
    issues: [],
    sniff,
  };
  const specs: readonly FieldSpec[] = SPECS[kind];
  const columns = new Map<string, number>();
  const issues = new CsvIssues(fileName, sniff.header, columns);
  const done = (): CsvImportResult<K> => {
    result.issues = issues.finish();
    result.invalidRows = result.rows - result.validLines.length;
    if (!result.issues.some((issue) => issue.severity === 'error')) result.value = result.valid;
    return result;
  };

  if (csv.bom) {
    issues.warning('bom', {}, 'the file starts with a byte-order mark (U+FEFF), as Excel\'s "CSV UTF-8" writes; it was ignored');
  }
  // Text that was not UTF-8 (parse/text.ts), placed at the first cell that shows it.
  const textIssues = new IssueList(fileName);
  checkText(csv.body, textIssues);
  for (const issue of textIssues.finish()) {
    const row = csv.rows.find((r) => r.cells.some((c) => c.includes(REPLACEMENT)));
    if (issue.code !== 'not-utf8' || !row) {
      issues.add(issue);
      continue;
    }
    const prefix = placePrefix(fileName, placeOf(issue));
    const what = issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
    issues.add(issues.issue(issue.severity, issue.code, { line: row.line, cell: row.cells.findIndex((c) => c.includes(REPLACEMENT)) }, what));
  }
  if (csv.body.trim() === '') {
    issues.error('empty', {}, `the file is empty; expected a header row such as ${EXAMPLE_HEADER[kind]}, then one row per ${kind.slice(0, -1)}`);
    return done();
  }
  const headerAt = { line: sniff.headerLine };
  if (!sniff.hasHeader) {
    result.rows = sniff.rows + 1;
    issues.error(
      'csv-no-header',
      headerAt,
      `the first row looks like data (${listed(sniff.header)}), not a header naming the columns; add a header row such as ${EXAMPLE_HEADER[kind]}`,
    );
    return done();
  }

  // The mapping: each index a column of the header, each column used once.
  const width = sniff.header.length;
  const entries: [string, unknown][] = [
    ['lon', mapping.lon],
    ['lat', mapping.lat],
    ...specs.map((spec): [string, unknown] => [
      spec.name,
      Object.hasOwn(mapping.properties, spec.name) ? (mapping.properties as Record<string, unknown>)[spec.name] : null,
    ]),
  ];
  let mappingOk = true;
  const byColumn = new Map<number, string>();
  for (const [key, index] of entries) {
    if (index === null || index === undefined) continue;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= width) {
      issues.error('csv-mapping', headerAt, `the mapping puts "${key}" in column ${String(index)}, but the header has columns 0 to ${width - 1}`);
      mappingOk = false;
      continue;
    }
    const other = byColumn.get(index);
    if (other !== undefined) {
      issues.error('csv-mapping', headerAt, `${issues.columnName(index)} is mapped to both "${other}" and "${key}"; map each column once`);
      mappingOk = false;
      continue;
    }
    byColumn.set(index, key);
    columns.set(key, index);
  }
  if (!mappingOk) {
    result.rows = sniff.rows;
    return done();
  }

  const headerList = listed(sniff.header);
  for (const key of ['lon', 'lat'] as const) {
    if (columns.has(key)) continue;
    const names = key === 'lon' ? ['longitude', 'kinh_do', 'x'] : ['latitude', 'vi_do', 'y'];
    issues.error(
      'csv-unmapped',
      { ...headerAt, field: key },
      `no column is mapped to the ${key === 'lon' ? 'longitude' : 'latitude'}; the header has ${headerList}; name a column "${key}" (or ${names.map((n) => `"${n}"`).join(', ')}), or choose it in the mapping`,
    );
  }
  for (const spec of specs) {
    if (!spec.required || columns.has(spec.name)) continue;
    const alias = spec.aliases[1];
    issues.error(
      'csv-unmapped',
      { ...headerAt, field: spec.name },
      `no column is mapped to "${spec.name}" (required in a ${kind} file); the header has ${headerList}; name a column "${spec.name}"${alias === undefined ? '' : ` (or "${alias}")`}, or choose it in the mapping`,
    );
  }
  const ignored = sniff.header.map((name, i) => ({ name, i })).filter(({ i }) => !byColumn.has(i));
  const named = ignored.filter(({ name, i }) => name !== '' || csv.rows.some((row) => row.line > sniff.headerLine && (row.cells[i] ?? '').trim() !== ''));
  if (named.length > 0) {
    const names = named.map(({ name, i }) => (name === '' ? `column ${i + 1} (no name)` : quote(name)));
    issues.warning(
      'csv-ignored-columns',
      headerAt,
      named.length === 1
        ? `column ${names[0] ?? ''} is not in the ${kind} contract and is ignored`
        : `columns ${names.join(', ')} are not in the ${kind} contract and are ignored`,
    );
  }

  const conversion: Conversion = { specs, columns };
  readRows(kind, fileName, csv, sniff, conversion, issues, result);
  return done();
}

function readRows<K extends PointKind>(
  kind: K,
  fileName: string,
  csv: CsvText,
  sniff: CsvSniff,
  { specs, columns }: Conversion,
  issues: CsvIssues,
  result: CsvImportResult<K>,
): void {
  const width = sniff.header.length;
  const lonColumn = columns.get('lon');
  const latColumn = columns.get('lat');
  const idColumn = columns.get('id');
  const firstLine = new Map<string, number>();
  const once = new Map<string, { issue: Issue; rows: number }>();
  let swapped: Sighting | undefined;
  let projected: Sighting | undefined;
  let outside: Sighting | undefined;
  const valid = result.valid as unknown[];

  for (const row of csv.rows) {
    if (row.line <= sniff.headerLine || isBlank(row)) continue;
    result.rows++;
    const line = row.line;
    if (row.syntax.length > 0) {
      for (const message of row.syntax) {
        issues.error('csv-syntax', { line }, `${message} (a value that opens a double quote must close it)`);
      }
      continue;
    }
    if (row.cells.length !== width) {
      const hint = sniff.delimiter === ',' ? ', or a decimal comma such as 1,5' : '';
      issues.error(
        'csv-columns',
        { line },
        `has ${row.cells.length} fields, the header has ${width} (a value with an unquoted ${DELIMITER_NAME[sniff.delimiter]}${hint}?)`,
      );
      continue;
    }
    const cell = (column: number | undefined): string => (column === undefined ? '' : (row.cells[column] ?? '').trim());
    const id = cell(idColumn);
    const at = (field?: string): At => ({ line, ...(id === '' ? {} : { id }), ...(field === undefined ? {} : { field }) });
    let rowOk = true;
    const reported = new Set<string>();
    const refuse = (field: string, r: { code: string; what: string }): void => {
      issues.error(r.code, at(field), r.what);
      reported.add(field);
      rowOk = false;
    };

    // Properties: only the contract's names become keys, never a header's text.
    const properties: Record<string, unknown> = {};
    for (const spec of specs) {
      const column = columns.get(spec.name);
      if (column === undefined) continue;
      const t = cell(column);
      if (t === '') continue;
      if (spec.type === 'string') {
        properties[spec.name] = t;
        continue;
      }
      const read =
        spec.type === 'count'
          ? readCount(t, sniff.decimalComma)
          : spec.type === 'number'
            ? readNumber(t, sniff.decimalComma, 'a number')
            : readBoolean(t);
      if (read.ok) properties[spec.name] = read.value;
      else {
        refuse(spec.name, read);
        // The raw text keeps the row failing in the contract's check too.
        properties[spec.name] = t;
      }
    }

    // Coordinates, checked as parse/coordinates.ts checks GeoJSON positions.
    let position: [number, number] | undefined;
    if (lonColumn === undefined || latColumn === undefined) rowOk = false;
    else {
      const lon = readCoordinate(cell(lonColumn), 'lon', sniff.decimalComma);
      const lat = readCoordinate(cell(latColumn), 'lat', sniff.decimalComma);
      if (!lon.ok) refuse('lon', lon);
      if (!lat.ok) refuse('lat', lat);
      if (lon.ok && lat.ok) {
        const x = lon.value;
        const y = lat.value;
        if (x >= VIETNAM.minLat && x <= VIETNAM.maxLat && y >= VIETNAM.minLon && y <= VIETNAM.maxLon) {
          swapped = sight(swapped, { ...at(), pair: true }, x, y);
          rowOk = false;
        } else if (Math.abs(x) > 180 && Math.abs(y) > 180) {
          projected = sight(projected, { ...at(), pair: true }, x, y);
          rowOk = false;
        } else if (x < -180 || x > 180) {
          refuse('lon', { code: 'coordinate-range', what: `longitude ${x} is outside [-180, 180]` });
        } else if (y < -90 || y > 90) {
          refuse('lat', { code: 'coordinate-range', what: `latitude ${y} is outside [-90, 90]` });
        } else {
          if (x < VIETNAM.minLon || x > VIETNAM.maxLon || y < VIETNAM.minLat || y > VIETNAM.maxLat) {
            outside = sight(outside, { ...at(), pair: true }, x, y);
          }
          position = [x, y];
        }
      }
    }

    if (id !== '') {
      const first = firstLine.get(id);
      if (first === undefined) firstLine.set(id, line);
      else {
        issues.error('duplicate-id', at('id'), `id ${quote(id)} is already used by line ${first}; ids must be unique within the file`);
        rowOk = false;
      }
    }

    // The contract's own checks, on the row as a one-feature FeatureCollection.
    const feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: position ?? [105, 10] },
      properties,
    };
    const checked = parseFileDetailed(kind, fileName, JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
    for (const inner of checked.issues) {
      if (inner.severity === 'error') rowOk = false;
      const field = inner.field;
      if (inner.code === 'not-utf8') continue; // reported once, on the CSV text
      if (field !== undefined && (field === 'geometry' || field.startsWith('geometry.'))) continue; // checked above
      if (field !== undefined && reported.has(field)) continue; // said above, in CSV terms
      if (field !== undefined && !columns.has(field)) continue; // an unmapped required field: said once
      const prefix = placePrefix(fileName, placeOf(inner));
      let what = inner.message.startsWith(prefix) ? inner.message.slice(prefix.length) : inner.message;
      if (inner.code === 'missing-property') what = what.replace(/^is missing/, 'is empty');
      const translated = issues.issue(inner.severity, inner.code, at(field), what, inner.fix);
      if (ONCE_PER_FILE.has(inner.code)) {
        const seen = once.get(inner.code);
        if (seen) seen.rows++;
        else once.set(inner.code, { issue: translated, rows: 1 });
        continue;
      }
      issues.add(translated);
    }
    const record = checked.value?.[0];
    if (rowOk && position && record !== undefined) {
      valid.push(record);
      result.validLines.push(line);
    }
  }

  if (result.rows === 0) issues.warning('no-rows', { line: sniff.headerLine }, 'the file has a header but no rows');
  const count = (s: Sighting): string => (s.rows === 1 ? '' : `; ${s.rows} rows in this file look the same`);
  if (swapped) {
    issues.error(
      'coordinates-swapped',
      swapped.at,
      `coordinates look swapped (lat, lon): lon ${swapped.lon}, lat ${swapped.lat}, but in Vietnam the longitude is ${VIETNAM.minLon}–${VIETNAM.maxLon} and the latitude ${VIETNAM.minLat}–${VIETNAM.maxLat}${count(swapped)}; swap the two columns in the mapping (the importer can do it)`,
      'swap-coordinates',
    );
  }
  if (projected) {
    issues.error(
      'coordinates-projected',
      projected.at,
      `coordinates lon ${projected.lon}, lat ${projected.lat} look like projected metres (VN-2000 or UTM zone 48N?), not degrees; the contract needs WGS84 longitude, latitude in degrees (EPSG:4326)${count(projected)}`,
    );
  }
  if (outside) {
    issues.warning(
      'outside-vietnam',
      outside.at,
      `lon ${outside.lon}, lat ${outside.lat} lies far outside Vietnam (lon ${VIETNAM.minLon}–${VIETNAM.maxLon}, lat ${VIETNAM.minLat}–${VIETNAM.maxLat})${count(outside)}`,
    );
  }
  for (const { issue, rows } of once.values()) {
    if (rows > 1) issue.message += `; ${rows} rows in this file have the same fault`;
    issues.add(issue);
  }
}

function readCoordinate(text: string, axis: 'lon' | 'lat', decimalComma: boolean): Read<number> {
  const name = axis === 'lon' ? 'longitude' : 'latitude';
  if (text === '') return fail('coordinate-missing', `is empty; every row needs a longitude and a latitude`);
  const read = readNumber(text, decimalComma, `a ${name} in degrees`);
  if (read.ok || read.code !== 'not-finite') return read;
  return fail('coordinate-not-finite', `is ${quote(text)}, not a finite number (it overflows to Infinity)`);
}
