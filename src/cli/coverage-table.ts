// `coverage --out x.csv` / `x.parquet`: the report's `points` written as a table, a chunk at a
// time (CSV appended to the file, Parquet one row group per chunk through hyparquet-writer),
// and the rest of the report (scenario, totals, districts, communes) returned for stdout.
import { closeSync, openSync, writeSync } from 'node:fs';
import { fileWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from 'hyparquet-writer';
import { reportSummary, type CoverageColumns, type CoverageReport } from '../domain/coverage/report.ts';
import { COVERAGE_CSV_HEADER, coverageCsv, coverageRowChunks, type CoverageRows } from '../domain/formats/coverage-table.ts';
import type { Dataset } from '../domain/types.ts';

function parquetColumns(rows: CoverageRows): ColumnSource[] {
  const text = (name: keyof CoverageRows, nullable: boolean): ColumnSource => ({ name, data: rows[name], type: 'STRING', nullable });
  return [
    text('kind', false),
    text('id', false),
    text('level', false),
    text('district_id', true),
    text('nearest_4g_id', true),
    { name: 'nearest_4g_km', data: rows.nearest_4g_km, type: 'DOUBLE', nullable: true },
    text('commune_id', true),
    text('clutter', false),
  ];
}

/** Writes the points table to `path`; returns the report without `points`. */
export function writeCoverageTable(path: string, dataset: Dataset, columns: CoverageColumns): Omit<CoverageReport, 'points'> {
  if (/\.csv$/i.test(path)) {
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, COVERAGE_CSV_HEADER);
      for (const rows of coverageRowChunks(dataset, columns)) writeSync(fd, coverageCsv(rows));
    } finally {
      closeSync(fd);
    }
  } else {
    let writer: ParquetWriter | undefined;
    for (const rows of coverageRowChunks(dataset, columns, 100_000)) {
      const columnData = parquetColumns(rows);
      writer ??= new ParquetWriter({ writer: fileWriter(path), schema: schemaFromColumnData({ columnData }), createdBy: 'song-map' });
      writer.write({ columnData, rowGroupSize: 100_000 });
    }
    if (writer === undefined) {
      const empty = parquetColumns({ kind: [], id: [], level: [], district_id: [], nearest_4g_id: [], nearest_4g_km: [], commune_id: [], clutter: [] });
      writer = new ParquetWriter({ writer: fileWriter(path), schema: schemaFromColumnData({ columnData: empty }), createdBy: 'song-map' });
    }
    writer.finish();
  }
  // The figures come from the report's own code, without its point objects.
  return reportSummary(dataset, columns);
}
