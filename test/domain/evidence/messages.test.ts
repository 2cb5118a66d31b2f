// Every problem the measurement checks report can be shown in Vietnamese (issue 14's rule for
// new messages): each issue of the bad fixtures renders from its code and params through the
// shared dictionaries (messages/issues-*.ts), with no English sentence left in it.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outsideProvinceIssues } from '../../../src/domain/evidence/outside.ts';
import { importMeasurements } from '../../../src/domain/import/measurement-import.ts';
import { parseFile } from '../../../src/domain/parse/index.ts';
import { issueText } from '../../../src/domain/messages/render.ts';
import type { Issue } from '../../../src/domain/types.ts';
import { englishWords } from '../messages/english.ts';

const HEADER = 'date,lon,lat,operator,download_mbps';
const square = [[[105, 9], [105.2, 9], [105.2, 9.2], [105, 9.2], [105, 9]]] as [number, number][][];

function everyIssue(): Issue[] {
  const issues: Issue[] = [];
  for (const name of readdirSync('test/fixtures/measurements')) {
    issues.push(...parseFile('measurements', name, readFileSync(`test/fixtures/measurements/${name}`, 'utf8')).issues);
  }
  for (const name of readdirSync('test/fixtures/import/measurements')) {
    issues.push(...importMeasurements(name, readFileSync(`test/fixtures/import/measurements/${name}`, 'utf8')).issues);
  }
  const bad = (row: string) => parseFile('measurements', 'm.csv', `${HEADER},technology\n${row}\n`).issues;
  issues.push(
    ...parseFile('measurements', 'm.csv', '').issues,
    ...parseFile('measurements', 'm.csv', `${HEADER},lon\n`).issues,
    ...bad('2024-01-01,"105,5",9,A,1e400,'),
    ...bad('2024-01-01,190,9,A,"1 200",'),
    ...bad('2024-01-01,105,95,A,1,'),
    ...bad('2024-01-01,500000,1200000,A,1,'),
    ...bad('2024-01-01,2.3,48.8,A,1,'),
    ...bad('2024-01-01T10:00,105,9,A,1,'),
    ...bad('2024-01-01,105,9,"A,1,'),
    ...outsideProvinceIssues('measurements.csv', 'boundaries/province.geojson', [{ date: '2024-01-01', lon: 104, lat: 9, operator: 'A', downloadMbps: 1 }], [2], [
      { id: 'p', name: 'P', geometry: { type: 'Polygon', coordinates: square } },
    ]),
    ...importMeasurements('m.csv', 'when,where\n1,2\n').issues,
    ...importMeasurements('tiles.csv', 'quadkey,avg_d_kbps,tests\n1322301230103312,100,1\n').issues,
    ...importMeasurements('m.csv', 'Date,Lon,Lat,Carrier,Download (kbps),Radio\n2024-01-01,105,9,A,100,LTE\n2024-01-01,105,9,A,100\n').issues,
  );
  return issues;
}

describe('measurement messages in Vietnamese', () => {
  const issues = everyIssue();
  const codes = new Set(issues.map((i) => i.code));

  it('cover the codes the checks report', () => {
    // The walk does reach the codes (a test that passes for the wrong reason would not).
    for (const code of ['date', 'ambiguous-number', 'not-finite', 'thousands-separator', 'coordinate-range', 'coordinates-swapped', 'coordinates-projected', 'outside-vietnam', 'csv-header', 'csv-columns', 'csv-syntax', 'empty', 'enum', 'out-of-range', 'outside-province', 'csv-unmapped', 'csv-ignored-columns', 'ookla-quadkey', 'ookla-tests', 'ookla-date', 'ookla-approximation', 'technology-from-radio', 'kbps-converted', 'not-number', 'empty-string']) {
      expect(codes, code).toContain(code);
    }
  });

  it('name the file, the line and the field in Vietnamese, with no English sentence', () => {
    const byCode = (code: string) => issues.find((i) => i.code === code) as Issue;
    expect(issueText(byCode('ambiguous-number'), 'vi')).toBe(
      'bad_rows_measurements.csv: dòng 5, trường dữ liệu "download_mbps": là "1,250": dấu "," có thể là dấu phân cách hàng nghìn hoặc dấu thập phân, và không được đoán; hãy viết 1250 hoặc 1.250',
    );
    expect(issueText(byCode('date'), 'vi')).toBe(
      'bad_rows_measurements.csv: dòng 2, trường dữ liệu "date": "01/05/2024" không phải ngày dạng ISO YYYY-MM-DD (nếu đây là ngày/tháng/năm, hãy viết 2024-05-01)',
    );
    expect(issueText(byCode('date'), 'en')).toBe(byCode('date').message);
    for (const issue of issues) {
      const vi = issueText(issue, 'vi');
      expect(vi, issue.message).not.toBe(issue.message);
      expect(englishWords(vi), vi).toEqual([]);
    }
  });
});
