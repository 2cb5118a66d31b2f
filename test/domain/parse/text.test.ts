import { describe, expect, it } from 'vitest';
import { IssueList } from '../../../src/domain/parse/issues.ts';
import { lineColumn, StringScan, utf8ByteLength } from '../../../src/domain/parse/text.ts';

function scan(values: string[]) {
  const strings = new StringScan();
  values.forEach((value, index) => strings.check(value, { featureIndex: index }, 'name'));
  const issues = new IssueList('f.geojson');
  strings.report(issues);
  return issues.finish();
}

describe('text helpers', () => {
  it('lineColumn is 1-based and counts from the last line break', () => {
    const text = 'ab\ncd\n\nef';
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, 2)).toEqual({ line: 1, column: 3 });
    expect(lineColumn(text, 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumn(text, 7)).toEqual({ line: 4, column: 1 });
    expect(lineColumn(text, text.length)).toEqual({ line: 4, column: 3 });
  });

  it.each(['', 'abc', 'Cà Mau', 'Đầm Dơi', '𝄞 and 😀', '\u0000', 'ờ'.normalize('NFD')])('utf8ByteLength(%j) matches Buffer', (text) => {
    expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });
});

describe('StringScan', () => {
  // Real names from Cà Mau and what partners write: none may be flagged.
  const clean = [
    'Thành phố Cà Mau',
    'Huyện Đầm Dơi',
    'Huyện Ngọc Hiển',
    'Huyện Năm Căn',
    'Xã Khánh Bình Tây Bắc',
    'Xã Nguyễn Phích',
    'Huyện Trần Văn Thời',
    'Thị trấn Sông Đốc',
    'Xã Tạ An Khương Nam',
    'Ấp Kinh Xáng',
    'Khóm 3',
    'Trường THPT Phan Ngọc Hiển',
    'Trường Mầm non Hướng Dương',
    'Quỹ Khuyến học, Cà Mau',
    'ẤP RẠCH GỐC',
    'Diện tích 12 km²',
    'Nhiệt độ 30°C',
    'MobiFone',
    'Viettel',
    '<img src=x onerror=alert(1)>',
  ];

  it('accepts real Vietnamese names', () => {
    expect(scan(clean)).toEqual([]);
  });

  it('reports NFD text once per file, at the first place, with a count and the normalize-nfc fix', () => {
    const issues = scan(['Ấp 1', 'Cà Mau'.normalize('NFD'), 'Đầm Dơi'.normalize('NFD')]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'not-nfc', featureIndex: 1, field: 'name', fix: 'normalize-nfc' });
    // The value is shown as it is, decomposed.
    expect(issues[0]?.message).toContain(`f.geojson: feature 2, field "name": text "${'Cà Mau'.normalize('NFD')}" is not in Unicode NFC form`);
    expect(issues[0]?.message).toContain('2 strings in this file have the same fault');
  });

  it.each([
    ['UTF-8 read as Windows-1252', Buffer.from('Đầm Dơi', 'utf8').toString('latin1'), 'mojibake'],
    ['UTF-8 read as Windows-1252 (ư)', Buffer.from('Trường', 'utf8').toString('latin1'), 'mojibake'],
    ['TCVN3 through a Latin-1 font', 'Cµ Mau', 'legacy-encoding'],
    ['TCVN3 Đ', '§Çm D¬i', 'legacy-encoding'],
    ['VNI through a Latin-1 font', 'Caø Mau', 'legacy-encoding'],
    ['VNI đ', 'Ñaàm Dôi', 'legacy-encoding'],
  ])('flags %s', (_what, text, code) => {
    expect(scan([text]).map((i) => i.code)).toEqual([code]);
  });
});
