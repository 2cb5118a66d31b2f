// A file's text in pieces, for the streaming readers (domain/parse/columnar): a megabyte or
// so at a time, decoded as UTF-8 across the cuts, so that no whole-file string is ever held.
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 4 << 20;

/**
 * The UTF-8 text of `path`, chunk by chunk. A byte-order mark is kept (as U+FEFF), as
 * `readFileSync(path, 'utf8')` keeps it, so that the readers see and report it.
 */
export function* fileTextChunks(path: string, chunkBytes = CHUNK_BYTES): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const buffer = new Uint8Array(chunkBytes);
    for (;;) {
      const read = readSync(fd, buffer, 0, chunkBytes, null);
      if (read === 0) break;
      const text = decoder.decode(buffer.subarray(0, read), { stream: true });
      if (text !== '') yield text;
    }
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } finally {
    closeSync(fd);
  }
}
