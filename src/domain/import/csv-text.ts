// Reads the text of a CSV import (csv-points.ts). `sniffCsv(text)`, the import's first step,
// says what the text looks like: the delimiter (",", ";" or tab), a byte-order mark, the
// header row, and whether numbers use decimal commas ("22,81"; only ever with ";" or tab
// between columns). Rows keep the line each starts on, so that issues can name it.
// Pure, no I/O; never throws on user data.
import Papa from 'papaparse';
import { csvRows, isBlank, type CsvRow } from '../parse/csv-records.ts';
import { BOM } from '../parse/text.ts';

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

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

type Row = CsvRow;

export interface CsvText {
  bom: boolean;
  body: string;
  delimiter: Delimiter;
  lineEnding: CsvSniff['lineEnding'];
  rows: Row[];
}

export const REPLACEMENT = '\uFFFD';

export { isBlank };

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

export function readText(text: string, delimiter?: Delimiter): CsvText {
  const bom = text.startsWith(BOM);
  const body = bom ? text.slice(1) : text;
  const chosen = delimiter ?? guessDelimiter(body);
  const { rows, lineEnding } = csvRows(body, chosen);
  return { bom, body, delimiter: chosen, lineEnding, rows };
}

const NUMBER_LIKE = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const POINT_DECIMAL = /^[+-]?\d+\.\d+$/;

export function sniffOf(csv: CsvText, options: CsvOptions = {}): CsvSniff {
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
