// A file's text in pieces, for the streaming readers (domain/parse/columnar): a megabyte
// at a time, decoded as UTF-8 across the cuts, so that no whole-file string is ever held.
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';

// A megabyte's features parse into a tree that dies young; 4 MB ones outlived the young
// generation and piled up in the old one (national set: 800 MB peak resident, not 600).
const CHUNK_BYTES = 1 << 20;

/** Bytes at the end of `bytes` that begin a UTF-8 sequence the next read completes (0-3). */
function cutSequence(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back] as number;
    if ((b & 0xc0) === 0x80) continue;
    // A lead byte: whole when its sequence fits in what is there.
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * The UTF-8 text of `path`, chunk by chunk. A byte-order mark is kept (as U+FEFF), as
 * `readFileSync(path, 'utf8')` keeps it, so that the readers see and report it.
 * Valid UTF-8 is decoded by Buffer's own decoder (several times faster than TextDecoder
 * here); from the first chunk that is not valid, TextDecoder takes over, so that invalid
 * bytes give exactly the replacement characters TextDecoder gives.
 */
export function* fileTextChunks(path: string, chunkBytes = CHUNK_BYTES): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes + 3);
    let held = 0;
    let decoder: TextDecoder | undefined;
    for (;;) {
      const read = readSync(fd, buffer, held, chunkBytes, null);
      const end = held + read;
      if (decoder === undefined) {
        const whole = read === 0 ? end : end - cutSequence(buffer.subarray(0, end));
        const piece = buffer.subarray(0, whole);
        if (isUtf8(piece)) {
          if (whole > 0) yield piece.toString('utf8');
          buffer.copyWithin(0, whole, end);
          held = end - whole;
          if (read === 0) break;
          continue;
        }
        decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      }
      const text = decoder.decode(buffer.subarray(0, end), { stream: read !== 0 });
      held = 0;
      if (text !== '') yield text;
      if (read === 0) break;
    }
  } finally {
    closeSync(fd);
  }
}
