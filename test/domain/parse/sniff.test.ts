import { describe, expect, it } from 'vitest';
import { decodeFile, sniff } from '../../../src/domain/parse/sniff.ts';

const utf16le = (text: string, bom: boolean) => {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[(bom ? 2 : 0) + 2 * i] = c & 0xff;
    out[(bom ? 2 : 0) + 2 * i + 1] = c >> 8;
  }
  return out;
};

describe('sniff', () => {
  it('names images, documents, archives and workbooks', () => {
    expect(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({ kind: 'binary', format: 'png' });
    expect(sniff(new TextEncoder().encode('%PDF-1.7\n'))).toEqual({ kind: 'binary', format: 'pdf' });
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('....[Content_Types].xml....xl/workbook.xml')]);
    expect(sniff(xlsx)).toEqual({ kind: 'binary', format: 'xlsx' });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('....hamlets.shp')]);
    expect(sniff(zip)).toEqual({ kind: 'binary', format: 'zip' });
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual({ kind: 'binary', format: 'xls' });
    expect(sniff(new Uint8Array([0x1f, 0x8b, 8, 0]))).toEqual({ kind: 'binary', format: 'gzip' });
  });

  it('tells UTF-16 from UTF-8, with and without a byte-order mark', () => {
    const csv = 'id,name\nH1,Ấp Tân Hòa\n';
    expect(sniff(utf16le(csv, true))).toEqual({ kind: 'text', encoding: 'utf-16le' });
    expect(sniff(utf16le('id,name,population\n', false))).toEqual({ kind: 'text', encoding: 'utf-16le' });
    expect(sniff(new TextEncoder().encode(csv))).toEqual({ kind: 'text', encoding: 'utf-8' });
    const decoded = decodeFile(utf16le(csv, true));
    expect(decoded).toEqual({ ok: true, text: csv, encoding: 'utf-16le' });
  });

  it('keeps a UTF-8 byte-order mark for the checks to report', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{}')]);
    expect(decodeFile(bytes)).toEqual({ ok: true, text: '\uFEFF{}', encoding: 'utf-8' });
  });

  it('calls bytes full of control codes binary', () => {
    expect(decodeFile(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 65, 66]))).toEqual({ ok: false, format: 'unknown' });
  });
});
