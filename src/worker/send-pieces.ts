// The side thread's half of text-pieces.ts: it reads and decodes a UTF-8 Blob and sends the
// pieces on a port, at most PIECES_AHEAD ahead of the data worker that takes them.

/** Pieces the side thread may send before the data worker has taken them (Blob chunks: 64 KB each in Chromium). */
export const PIECES_AHEAD = 256;

export type PieceMessage = { piece: string; bytes: number; done?: true } | { error: string };

/**
 * The side thread's half: reads and decodes `blob`, sending each piece on `port`, waiting
 * while PIECES_AHEAD are untaken; "more" from the reader gives one back, "stop" ends it.
 */
export async function sendPieces(blob: Blob, port: MessagePort): Promise<void> {
  let credit = PIECES_AHEAD;
  let stopped = false;
  let wake: (() => void) | undefined;
  port.onmessage = (event: MessageEvent<'more' | 'stop'>) => {
    if (event.data === 'stop') stopped = true;
    else credit++;
    wake?.();
  };
  const reader = blob.stream().getReader();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const send = (message: PieceMessage) => port.postMessage(message);
  let bytes = 0;
  try {
    for (;;) {
      while (credit <= 0 && !stopped) await new Promise<void>((resolve) => (wake = resolve));
      if (stopped) {
        await reader.cancel();
        return;
      }
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      credit--;
      send({ piece: decoder.decode(value, { stream: true }), bytes });
    }
    send({ piece: decoder.decode(), bytes, done: true });
  } catch (error) {
    send({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    port.onmessage = null;
    port.close();
  }
}
