// A GeoJSON file's text piece by piece for the streamed check (import-session.ts). In the
// browser the side thread (helpers.ts) reads and decodes the next piece while the data worker
// parses and checks this one: for a national hamlets file Chromium's UTF-8 decoding takes
// about as long as the parse and the checks, and on two cores the two overlap. A decoded
// piece crosses as a copy, far cheaper than its decoding; one piece ahead at most, so a slow
// check never holds a file's text. Where no thread starts (Node, tests) it is decoded here.
import { textOffThread } from './helpers.ts';
import { TextReader, type TextPieces } from './text-reader.ts';

/** Where the pieces come from: the side thread, or a reader here. */
export interface TextSource {
  next(): Promise<TextPieces>;
  close(): void;
}

export function readHere(blob: Blob): TextSource {
  const reader = new TextReader(blob);
  return { next: () => reader.next(), close: () => reader.cancel() };
}

/** The text of a UTF-8 `blob` in pieces as read; `onBytes` with the bytes read so far. */
export async function* utf8Pieces(blob: Blob, onBytes: (bytes: number) => void, source: TextSource = textOffThread(blob) ?? readHere(blob)): AsyncGenerator<string> {
  let next = source.next();
  try {
    for (;;) {
      const got = await next;
      if (!got.done) next = source.next();
      for (const piece of got.pieces) yield piece;
      onBytes(got.bytes);
      if (got.done) return;
    }
  } finally {
    // Stopped early (cancelled, or the check fell back to the ordinary way): the read ahead is dropped.
    next.catch(() => undefined);
    source.close();
  }
}


