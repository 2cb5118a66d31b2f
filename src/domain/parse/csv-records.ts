// CSV rows with the line each starts on (a quoted value may span lines), for messages that
// name the line. One reader for deliveries.csv, the point CSVs and cell exports.
import Papa from 'papaparse';

export interface CsvRow {
  cells: string[];
  /** 1-based line the row starts on. */
  line: number;
  /** papaparse's complaints about this row (an unclosed quote…), without the final stop. */
  syntax: string[];
}

export function csvRows(body: string, delimiter = ','): { rows: CsvRow[]; lineEnding: '\r\n' | '\n' | '\r' } {
  const rows: CsvRow[] = [];
  const newline = body.includes('\n') ? '\n' : '\r';
  let line = 1;
  let counted = 0;
  let rowStart = 0;
  let lineEnding: '\r\n' | '\n' | '\r' = '\n';
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

/** A row of empty cells only (a blank line, or commas alone). */
export const isBlank = (row: CsvRow): boolean => row.cells.every((c) => c.trim() === '');
