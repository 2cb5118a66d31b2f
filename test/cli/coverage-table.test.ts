// `coverage --out x.csv` / `x.parquet`: the report's points as a table, chunk by chunk, with the
// very values of the JSON's `points`, and the rest of the report on stdout.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { runCoverage } from '../../src/cli/coverage.ts';
import { computeCoverage, coverageReport } from '../../src/domain/coverage/report.ts';
import { coverageCsv, coverageRowChunks } from '../../src/domain/formats/coverage-table.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { readDataFolder } from '../../src/cli/folder.ts';

const GOOD = 'test/fixtures/good';
const dir = mkdtempSync(join(tmpdir(), 'song-coverage-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCoverage(argv, { out: (text) => out.push(text), err: (line) => err.push(line) });
  return { code, out, err };
}

const dataset = parseDataset(readDataFolder(GOOD)).dataset;
if (!dataset) throw new Error('good fixtures');

describe('coverage --out table', () => {
  for (const scenario of ['current', 'planned', '2024-01-01']) {
    const report = coverageReport(dataset, scenario);
    const { points, ...summary } = report;

    it(`writes the points as CSV (${scenario})`, async () => {
      const path = join(dir, `${scenario}.csv`);
      const { code, out, err } = await run(['--data', GOOD, '--scenario', scenario, '--out', path]);
      expect([code, err]).toEqual([0, []]);
      expect(JSON.parse(out.join('\n'))).toEqual(summary);
      const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
      expect(header).toBe('kind,id,level,district_id,nearest_4g_id,nearest_4g_km,commune_id,clutter');
      const cell = (v: string | number | null) => (v === null ? '' : String(v));
      expect(lines).toEqual(points.map((p) => [p.kind, p.id, p.level, p.district_id, p.nearest_4g_id, p.nearest_4g_km, p.commune_id, p.clutter].map(cell).join(',')));
    });

    it(`writes the points as Parquet (${scenario})`, async () => {
      const path = join(dir, `${scenario}.parquet`);
      const { code, out, err } = await run(['--data', GOOD, '--scenario', scenario, '--out', path]);
      expect([code, err]).toEqual([0, []]);
      expect(JSON.parse(out.join('\n'))).toEqual(summary);
      const bytes = readFileSync(path);
      const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
      expect(rows).toEqual(points.map((p) => ({ ...p })));
    });
  }

  it('gives the same rows whatever the chunk size', () => {
    const columns = computeCoverage(dataset, 'planned');
    const whole = [...coverageRowChunks(dataset, columns, 1000)].map(coverageCsv).join('');
    for (const size of [1, 3, 7]) expect([...coverageRowChunks(dataset, columns, size)].map(coverageCsv).join('')).toBe(whole);
  });
});
