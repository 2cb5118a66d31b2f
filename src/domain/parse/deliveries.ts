import { csvRows, type CsvRow } from './csv-records.ts';
import { DELIVERY_KINDS, type Delivery, type DeliveryKind } from '../types.ts';
import type { FileContext } from './context.ts';
import { cut, type IssueParams } from '../messages/codes.ts';
import { dateFault } from './dates.ts';
import { checkText } from './text.ts';

const REQUIRED_COLUMNS = ['date', 'school_id', 'kind', 'quantity'] as const;

export interface ParsedDeliveries {
  records: Delivery[];
  /** 1-based CSV line of each record, the header being line 1. */
  lines: number[];
}


/** The rows, each unclosed quote said as an error on its line. */
function splitRows(ctx: FileContext, body: string): CsvRow[] {
  const { rows } = csvRows(body);
  for (const row of rows) for (const message of row.syntax) ctx.issues.error('csv-syntax', { line: row.line }, { detail: message });
  return rows;
}

/** A header that only makes sense split on another character. */
function foreignDelimiter(headerLine: string): ';' | 'tab' | undefined {
  for (const delimiter of [';', '\t'] as const) {
    if (!headerLine.includes(delimiter) || headerLine.split(',').length > 1) continue;
    const cells = headerLine.split(delimiter).map((c) => c.trim());
    if (REQUIRED_COLUMNS.some((column) => cells.includes(column))) return delimiter === ';' ? ';' : 'tab';
  }
  return undefined;
}

function quantityProblem(text: string): IssueParams | undefined {
  if (/^\d+$/.test(text)) return Number(text) >= 1 ? undefined : { reason: 'zero', text };
  if (text === '') return { reason: 'empty' };
  if (/^\d{1,3}([.,]\d{3})+$/.test(text)) return { reason: 'thousands', text, plain: text.replace(/[.,]/g, '') };
  if (/^-?\d+,\d+$/.test(text)) return { reason: 'decimal-comma', text: cut(text) };
  return { reason: 'other', text: cut(text) };
}

export function parseDeliveries(ctx: FileContext, text: string): ParsedDeliveries {
  const out: ParsedDeliveries = { records: [], lines: [] };
  const body = checkText(text, ctx.issues);
  if (body.trim() === '') {
    ctx.issues.error('empty', {}, { format: 'deliveries' });
    return out;
  }
  const headerLine = body.split(/\r?\n|\r/, 1)[0] ?? '';
  const delimiter = foreignDelimiter(headerLine);
  if (delimiter !== undefined) {
    ctx.issues.error('csv-delimiter', { line: 1 }, { delimiter, format: 'deliveries' });
    return out;
  }
  const rows = splitRows(ctx, body);
  const header = rows.find((row) => row.cells.some((c) => c.trim() !== ''));
  if (!header) return out;
  const columns = header.cells.map((c) => c.trim());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  const duplicated = columns.filter((c, i) => c !== '' && columns.indexOf(c) !== i);
  if (missing.length > 0 || duplicated.length > 0) {
    const params = missing.length > 0 ? { missing, has: columns.map(cut), format: 'deliveries' } : { duplicated: duplicated.map(cut) };
    ctx.issues.error('csv-header', { line: header.line }, params);
    return out;
  }
  const col = (name: string): number => columns.indexOf(name);
  for (const row of rows) {
    if (row === header || row.cells.every((c) => c.trim() === '')) continue;
    if (row.cells.length !== columns.length) {
      ctx.issues.error('csv-columns', { line: row.line }, { fields: row.cells.length, expected: columns.length, format: 'deliveries' });
      continue;
    }
    const cell = (name: string): string => (row.cells[col(name)] ?? '').trim();
    columns.forEach((name, i) => ctx.strings.check(row.cells[i] ?? '', { line: row.line }, name));
    const at = (field: string) => ({ line: row.line, field });

    const date = cell('date');
    const badDate = dateFault(date);
    if (badDate !== undefined) ctx.issues.error('date', at('date'), date === '' ? { reason: 'empty' } : badDate);
    const schoolId = cell('school_id');
    if (schoolId === '') ctx.issues.error('empty-string', at('school_id'), { school: true });
    const kind = cell('kind');
    const kindOk = (DELIVERY_KINDS as readonly string[]).includes(kind);
    if (!kindOk) {
      ctx.issues.error('enum', at('kind'), { got: 'string', value: cut(kind), allowed: DELIVERY_KINDS });
    }
    const quantity = cell('quantity');
    const badQuantity = quantityProblem(quantity);
    if (badQuantity !== undefined) ctx.issues.error('quantity', at('quantity'), badQuantity);
    if (badDate !== undefined || schoolId === '' || !kindOk || badQuantity !== undefined) continue;

    const delivery: Delivery = { date, schoolId, kind: kind as DeliveryKind, quantity: Number(quantity) };
    if (columns.includes('donor') && cell('donor') !== '') delivery.donor = cell('donor');
    if (columns.includes('operator')) {
      // A computer has no network: an operator there is a slip, said and left out, not a refusal.
      const operator = cell('operator');
      if (kind !== 'data_sim') {
        if (operator !== '') ctx.issues.warning('operator-not-sim', at('operator'), { operator: cut(operator), kind });
      } else if (operator === '') ctx.issues.warning('operator-empty', at('operator'));
      else delivery.operator = operator;
    }
    out.records.push(delivery);
    out.lines.push(row.line);
  }
  return out;
}
