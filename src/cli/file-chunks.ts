// A file's text in pieces, for the streaming readers (domain/parse/columnar): a megabyte
// at a time, decoded across the cuts, so that no whole-file string is ever held.
import { closeSync, openSync, readSync } from 'node:fs';
import { AsciiJsonDecoder } from '../domain/parse/columnar/ascii-json.ts';

// A megabyte's features parse into a tree that dies young; 4 MB ones outlived the young
// generation and piled up in the old one (national set: 800 MB peak resident, not 600).
const CHUNK_BYTES = 1 << 20;

/**
 * A GeoJSON file's text in pieces for the streaming readers, escaped to ASCII as the app's
 * worker reads one (domain/parse/columnar/ascii-json.ts: the same values once parsed, U+FFFD
 * where the bytes are not UTF-8). Decoding the 250,000-point hamlets file went from 470-500 ms
 * to 240-350 ms here: one-byte text is quicker to make than text with accented letters.
 */
export function* fileAsciiJsonChunks(path: string, chunkBytes = CHUNK_BYTES): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const decoder = new AsciiJsonDecoder();
    for (;;) {
      const read = readSync(fd, buffer, 0, chunkBytes, null);
      if (read === 0) break;
      const text = decoder.decode(buffer.subarray(0, read), true);
      if (text !== '') yield text;
    }
    const last = decoder.end();
    if (last !== '') yield last;
  } finally {
    closeSync(fd);
  }
}
