// A UTF-8 text Blob's text piece by piece as it is read, a byte-order mark kept (the checks
// see it), for the streamed GeoJSON check (import-session.ts). In the browser the side thread
// (helpers.ts) reads and decodes, and the data worker only parses and checks: for a national
// hamlets file Chromium's UTF-8 decoding takes about as long as the parse and the checks, and
// on two cores the two now overlap. A decoded piece crosses as a copy, far cheaper than its
// decoding. The side thread stays at most PIECES_AHEAD pieces ahead, so a slow check never
// holds a whole file's text. Where no thread starts (Node, tests) the data worker decodes.
import { decodeOffThread } from './helpers.ts';
import type { PieceMessage } from './send-pieces.ts';

/** The text of `blob` in pieces, decoded here; `onBytes` after each piece with the bytes read so far. */
export async function* decodedHere(blob: Blob, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  const reader = blob.stream().getReader();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      yield decoder.decode(value, { stream: true });
      onBytes(bytes);
    }
    const last = decoder.decode();
    if (last) yield last;
  } finally {
    reader.releaseLock();
  }
}

/** The data worker's half: the pieces `sendPieces` sends, in order, as they come. */
export async function* takePieces(port: MessagePort, started: Promise<unknown>, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  const queue: PieceMessage[] = [];
  let wake: (() => void) | undefined;
  const arrived = (message: PieceMessage) => {
    queue.push(message);
    wake?.();
  };
  port.onmessage = (event: MessageEvent<PieceMessage>) => arrived(event.data);
  // A side thread that fails to start or dies would otherwise leave this waiting for ever.
  started.catch((error: unknown) => arrived({ error: error instanceof Error ? error.message : String(error) }));
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift() as PieceMessage;
      if ('error' in message) throw new Error(message.error);
      port.postMessage('more');
      if (message.piece) yield message.piece;
      onBytes(message.bytes);
      if (message.done) return;
    }
  } finally {
    port.postMessage('stop');
    port.onmessage = null;
    port.close();
  }
}

/** The text of a UTF-8 `blob` in pieces: decoded on the side thread where one runs, else here. */
export function utf8Pieces(blob: Blob, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  if (typeof MessageChannel === 'undefined') return decodedHere(blob, onBytes);
  const channel = new MessageChannel();
  const started = decodeOffThread(blob, channel.port2);
  if (!started) {
    channel.port1.close();
    return decodedHere(blob, onBytes);
  }
  return takePieces(channel.port1, started, onBytes);
}
