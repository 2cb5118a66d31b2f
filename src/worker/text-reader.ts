// A UTF-8 text Blob read and decoded a piece at a time, a byte-order mark kept (the checks see
// it): on the side thread in the browser (helper.worker.ts), else where it is read.

/** Bytes a piece holds at least (the last one excepted): one call per piece crosses threads. */
const PIECE_BYTES = 1 << 19;

export interface TextPieces {
  /** The text of the next PIECE_BYTES or more (in the reader's chunks), the bytes read so far, and whether that was the end. */
  pieces: string[];
  bytes: number;
  done: boolean;
}

export class TextReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private bytes = 0;

  constructor(blob: Blob) {
    this.reader = blob.stream().getReader();
  }

  async next(): Promise<TextPieces> {
    const pieces: string[] = [];
    for (let read = 0; read < PIECE_BYTES; ) {
      const { done, value } = await this.reader.read();
      if (done) {
        const last = this.decoder.decode();
        if (last) pieces.push(last);
        return { pieces, bytes: this.bytes, done: true };
      }
      this.bytes += value.byteLength;
      read += value.byteLength;
      pieces.push(this.decoder.decode(value, { stream: true }));
    }
    return { pieces, bytes: this.bytes, done: false };
  }

  cancel(): void {
    this.reader.cancel().catch(() => undefined);
  }
}
