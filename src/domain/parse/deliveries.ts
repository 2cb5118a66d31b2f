import { csvRows, QUOTE_HINT, type CsvRow } from './csv-rows.ts';
import { DELIVERY_KINDS, type Delivery, type DeliveryKind } from '../types.ts';
import type { FileContext } from './context.ts';
import { dateProblem } from './dates.ts';
import { quote } from './issues.ts';
import { checkText } from './text.ts';

const REQUIRED_COLUMNS = ['date', 'school_id', 'kind', 'quantity'] as const;
const HEADER_HELP = 'expected the header date,school_id,kind,quantity (and donor, optional)';

export interface ParsedDeliveries {
  records: Delivery[];
  /** 1-based CSV line of each record, the header being line 1. */
  lines: number[];
}


/** The rows, each unclosed quote said as an error on its line. */
function splitRows(ctx: FileContext, body: string): CsvRow[] {
  const { rows } = csvRows(body);
  for (const row of rows) for (const message of row.syntax) ctx.issues.error('csv-syntax', { line: row.line }, `${message} ${QUOTE_HINT}`);
  return rows;
}

/** A header that only makes sense split on another character. */
function foreignDelimiter(headerLine: string): string | undefined {
  for (const [delimiter, name] of [
    [';', '";"'],
    ['\t', 'tabs'],
  ] as const) {
    if (!headerLine.includes(delimiter) || headerLine.split(',').length > 1) continue;
    const cells = headerLine.split(delimiter).map((c) => c.trim());
    if (REQUIRED_COLUMNS.some((column) => cells.includes(column))) return name;
  }
  return undefined;
}

function quantityProblem(text: string): string | undefined {
  if (/^\d+$/.test(text)) return Number(text) >= 1 ? undefined : `is ${text}, must be a whole number ≥ 1`;
  if (text === '') return 'is empty, must be a whole number ≥ 1';
  if (/^\d{1,3}([.,]\d{3})+$/.test(text)) {
    return `is ${quote(text)}: write whole numbers without thousands separators (${text.replace(/[.,]/g, '')})`;
  }
  if (/^-?\d+,\d+$/.test(text)) return `is ${quote(text)}, which uses a decimal comma; quantity must be a whole number ≥ 1`;
  return `is ${quote(text)}, must be a whole number ≥ 1`;
}

export function parseDeliveries(ctx: FileContext, text: string): ParsedDeliveries {
  const out: ParsedDeliveries = { records: [], lines: [] };
  const body = checkText(text, ctx.issues);
  if (body.trim() === '') {
    ctx.issues.error('empty', {}, `the file is empty; ${HEADER_HELP}`);
    return out;
  }
  const headerLine = body.split(/\r?\n|\r/, 1)[0] ?? '';
  const delimiter = foreignDelimiter(headerLine);
  if (delimiter !== undefined) {
    ctx.issues.error(
      'csv-delimiter',
      { line: 1 },
      `the columns are separated by ${delimiter}, as spreadsheets in a Vietnamese locale save CSV; the contract needs "," between columns and "." for decimals: save as "CSV UTF-8 (Comma delimited)" or set the list separator to ","`,
    );
    return out;
  }
  const rows = splitRows(ctx, body);
  const header = rows.find((row) => row.cells.some((c) => c.trim() !== ''));
  if (!header) return out;
  const columns = header.cells.map((c) => c.trim());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  const duplicated = columns.filter((c, i) => c !== '' && columns.indexOf(c) !== i);
  if (missing.length > 0 || duplicated.length > 0) {
    const what =
      missing.length > 0
        ? `the header lacks ${missing.map((m) => `"${m}"`).join(', ')} (it has ${columns.map((c) => quote(c)).join(', ')}); ${HEADER_HELP}`
        : `the header names ${duplicated.map((d) => quote(d)).join(', ')} twice`;
    ctx.issues.error('csv-header', { line: header.line }, what);
    return out;
  }
  const col = (name: string): number => columns.indexOf(name);
  for (const row of rows) {
    if (row === header || row.cells.every((c) => c.trim() === '')) continue;
    if (row.cells.length !== columns.length) {
      ctx.issues.error(
        'csv-columns',
        { line: row.line },
        `has ${row.cells.length} fields, the header has ${columns.length} (a value with an unquoted comma, or a decimal comma such as 1,5?)`,
      );
      continue;
    }
    const cell = (name: string): string => (row.cells[col(name)] ?? '').trim();
    columns.forEach((name, i) => ctx.strings.check(row.cells[i] ?? '', { line: row.line }, name));
    const at = (field: string) => ({ line: row.line, field });

    const date = cell('date');
    const badDate = dateProblem(date);
    if (badDate !== undefined) ctx.issues.error('date', at('date'), date === '' ? 'is empty, must be a date YYYY-MM-DD' : badDate);
    const schoolId = cell('school_id');
    if (schoolId === '') ctx.issues.error('empty-string', at('school_id'), 'is empty, must name a school id');
    const kind = cell('kind');
    const kindOk = (DELIVERY_KINDS as readonly string[]).includes(kind);
    if (!kindOk) {
      ctx.issues.error('enum', at('kind'), `is ${quote(kind)}, must be one of ${DELIVERY_KINDS.map((k) => `"${k}"`).join(', ')}`);
    }
    const quantity = cell('quantity');
    const badQuantity = quantityProblem(quantity);
    if (badQuantity !== undefined) ctx.issues.error('quantity', at('quantity'), badQuantity);
    if (badDate !== undefined || schoolId === '' || !kindOk || badQuantity !== undefined) continue;

    const delivery: Delivery = { date, schoolId, kind: kind as DeliveryKind, quantity: Number(quantity) };
    if (columns.includes('donor') && cell('donor') !== '') delivery.donor = cell('donor');
    out.records.push(delivery);
    out.lines.push(row.line);
  }
  return out;
}
