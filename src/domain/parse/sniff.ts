// What a file really is, from its first bytes, before it is read as text: users drop a PNG
// renamed .geojson, an Excel workbook, a zip of shapefiles, or a UTF-16 export from Excel's
// "Unicode Text". Each gets its own diagnosis instead of "not UTF-8 (Windows-1258?)".

export type Sniffed =
  | { kind: 'text'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { kind: 'binary'; format: BinaryFormat };

export type BinaryFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'pdf' | 'zip' | 'xlsx' | 'xls' | 'gzip' | 'sqlite' | 'unknown';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

/** Zip entries are named in the clear: an .xlsx is a zip holding `xl/` or `[Content_Types].xml`. */
function zipFormat(bytes: Uint8Array): BinaryFormat {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  return head.includes('xl/') || (head.includes('[Content_Types].xml') && !head.includes('word/')) ? 'xlsx' : 'zip';
}

/** The first bytes of a file (a few kilobytes are enough) say what it is. */
export function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'binary', format: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'binary', format: 'jpeg' };
  if (startsWith(bytes, ascii('GIF8'))) return { kind: 'binary', format: 'gif' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return { kind: 'binary', format: 'webp' };
  if (startsWith(bytes, ascii('%PDF'))) return { kind: 'binary', format: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'binary', format: zipFormat(bytes) };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'binary', format: 'xls' };
  if (startsWith(bytes, [0x1f, 0x8b])) return { kind: 'binary', format: 'gzip' };
  if (startsWith(bytes, ascii('SQLite format 3'))) return { kind: 'binary', format: 'sqlite' };
  if (startsWith(bytes, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be' };
  // UTF-16 without a byte-order mark: ASCII text with every other byte zero.
  const sample = bytes.subarray(0, Math.min(bytes.length, 512));
  let evenZeros = 0;
  let oddZeros = 0;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] as number;
    if (b === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    } else if (b < 9 || (b > 13 && b < 32 && b !== 27)) controls++;
  }
  const half = sample.length / 2;
  if (sample.length >= 4 && oddZeros > half * 0.6 && evenZeros === 0) return { kind: 'text', encoding: 'utf-16le' };
  if (sample.length >= 4 && evenZeros > half * 0.6 && oddZeros === 0) return { kind: 'text', encoding: 'utf-16be' };
  if (evenZeros + oddZeros > 0 || controls > sample.length * 0.1) return { kind: 'binary', format: 'unknown' };
  return { kind: 'text', encoding: 'utf-8' };
}

/** The user's words for a binary format, and what to do instead. */
export const BINARY_ADVICE: Readonly<Record<BinaryFormat, { vi: string; en: string }>> = {
  png: { vi: 'đây là một ảnh PNG, không phải tệp dữ liệu', en: 'this is a PNG image, not a data file' },
  jpeg: { vi: 'đây là một ảnh JPEG, không phải tệp dữ liệu', en: 'this is a JPEG image, not a data file' },
  gif: { vi: 'đây là một ảnh GIF, không phải tệp dữ liệu', en: 'this is a GIF image, not a data file' },
  webp: { vi: 'đây là một ảnh WebP, không phải tệp dữ liệu', en: 'this is a WebP image, not a data file' },
  pdf: { vi: 'đây là một tài liệu PDF, không phải tệp dữ liệu', en: 'this is a PDF document, not a data file' },
  zip: { vi: 'đây là một tệp nén ZIP: hãy giải nén rồi chọn tệp GeoJSON hoặc CSV bên trong', en: 'this is a ZIP archive: extract it and choose the GeoJSON or CSV file inside' },
  xlsx: {
    vi: 'đây là một bảng tính Excel (.xlsx): trong Excel chọn Tệp → Lưu thành → "CSV UTF-8 (phân cách bằng dấu phẩy)" rồi nhập tệp CSV đó',
    en: 'this is an Excel workbook (.xlsx): in Excel choose File → Save As → "CSV UTF-8 (Comma delimited)" and import that CSV',
  },
  xls: {
    vi: 'đây là một bảng tính Excel cũ (.xls): trong Excel chọn Tệp → Lưu thành → "CSV UTF-8 (phân cách bằng dấu phẩy)" rồi nhập tệp CSV đó',
    en: 'this is an old Excel workbook (.xls): in Excel choose File → Save As → "CSV UTF-8 (Comma delimited)" and import that CSV',
  },
  gzip: { vi: 'đây là một tệp nén gzip: hãy giải nén trước khi nhập', en: 'this is a gzip-compressed file: decompress it before importing' },
  sqlite: { vi: 'đây là một cơ sở dữ liệu (SQLite/GeoPackage), không phải GeoJSON hay CSV', en: 'this is a database (SQLite/GeoPackage), not GeoJSON or CSV' },
  unknown: { vi: 'đây là một tệp nhị phân, không phải văn bản GeoJSON hay CSV', en: 'this is a binary file, not GeoJSON or CSV text' },
};

/**
 * Text of a file's bytes, or why there is none: UTF-16 (with or without BOM) is decoded as
 * such, a binary file is named for what it is. UTF-8 keeps its BOM for the checks to report.
 */
export function decodeFile(bytes: Uint8Array): { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { ok: false; format: BinaryFormat } {
  const found = sniff(bytes);
  if (found.kind === 'binary') return { ok: false, format: found.format };
  const hasBom = found.encoding !== 'utf-8' && (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]));
  const text = new TextDecoder(found.encoding, { ignoreBOM: true }).decode(hasBom ? bytes.subarray(2) : bytes);
  return { ok: true, text, encoding: found.encoding };
}
