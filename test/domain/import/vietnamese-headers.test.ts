// The headers a Vietnamese office's sheet uses, with and without accents: every column the
// contract reads is found, codes ("Mã xã") before names ("Tên xã").
import { describe, expect, it } from 'vitest';
import { guessMapping, normalizeHeader } from '../../../src/domain/import/csv-mapping.ts';

describe('guessMapping with Vietnamese headers', () => {
  it('maps a commune office hamlet sheet, accented', () => {
    const header = ['STT', 'Mã ấp', 'Tên ấp', 'Mã xã', 'Tên xã', 'Mã huyện', 'Dân số', 'Số hộ', 'Hộ nghèo', 'Số học sinh', 'Kinh độ', 'Vĩ độ'];
    const m = guessMapping('hamlets', header);
    expect(m.properties).toMatchObject({ id: 1, name: 2, commune: 3, district: 5, population: 6, households: 7, poor_households: 8, students: 9 });
    expect([m.lon, m.lat]).toEqual([10, 11]);
    expect(m.unmapped).toEqual([]);
    expect(m.ignored.map((i) => header[i])).toEqual(['STT', 'Tên xã']);
  });

  it('maps the same sheet typed without accents and in capitals', () => {
    const header = ['MA AP', 'TEN AP', 'MA XA', 'MA HUYEN', 'DAN SO', 'KINH DO', 'VI DO'];
    const m = guessMapping('hamlets', header);
    expect(m.properties).toMatchObject({ id: 0, name: 1, commune: 2, district: 3, population: 4 });
    expect([m.lon, m.lat]).toEqual([5, 6]);
  });

  it('takes the name of the commune when the sheet has no code', () => {
    const m = guessMapping('schools', ['Mã trường', 'Tên trường', 'Cấp học', 'Tổng số học sinh', 'Tên xã', 'Tên huyện', 'Tọa độ X', 'Tọa độ Y']);
    expect(m.properties).toMatchObject({ id: 0, name: 1, level: 2, students: 3, commune: 4, district: 5 });
    expect([m.lon, m.lat]).toEqual([6, 7]);
  });

  it('normalises the names as the mapping compares them', () => {
    expect(normalizeHeader('Mã xã')).toBe('ma_xa');
    expect(normalizeHeader('Tọa độ X')).toBe('toa_do_x');
    expect(normalizeHeader('ĐIỆN LƯỚI')).toBe('dien_luoi');
  });
});
