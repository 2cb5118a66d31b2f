// A GeoJSON file's text read a piece at a time (text-reader.ts), on the side thread in the
// browser (text-pieces.ts): here the side thread is a Comlink endpoint over a MessageChannel
// in this thread. The pieces join to the text the whole file decodes to (multi-byte
// characters cut anywhere, a byte-order mark kept), the bytes read are reported, a reader
// stopped early closes its source, and a failing source fails the reader.
import { expose, wrap } from 'comlink';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHere, utf8Pieces, type TextSource } from '../../src/worker/text-pieces.ts';
import { TextReader } from '../../src/worker/text-reader.ts';

async function collect(pieces: AsyncGenerator<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}

/** As helpers.ts `textOffThread` reaches the side thread, over Comlink. */
function overComlink(blob: Blob): TextSource & { closed: () => boolean } {
  const channel = new MessageChannel();
  const texts = new Map<number, TextReader>();
  let closed = false;
  expose(
    {
      openText: (id: number, b: Blob) => void texts.set(id, new TextReader(b)),
      readText: (id: number) => (texts.get(id) as TextReader).next(),
      closeText: (id: number) => {
        closed = true;
        texts.get(id)?.cancel();
      },
    },
    channel.port2,
  );
  const side = wrap<{ openText(id: number, b: Blob): void; readText(id: number): Promise<Awaited<ReturnType<TextReader['next']>>>; closeText(id: number): void }>(channel.port1);
  const opened = side.openText(1, blob);
  return { next: () => opened.then(() => side.readText(1)), close: () => void side.closeText(1), closed: () => closed };
}

const text = fc.array(fc.oneof(fc.string(), fc.constantFrom('Ấp Mới', 'Cà Mau', 'Đầm Dơi', '\uFEFF', '😀', '"name":"Khóm 1"')), { maxLength: 300 }).map((parts) => parts.join(''));
const decoded = async (blob: Blob) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await blob.arrayBuffer()));

describe('a file’s text in pieces', () => {
  it('joins to the decoded text, over the side thread and here, with every byte reported', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 3000 }), async (t, repeat) => {
        const blob = new Blob([t.repeat(repeat)]);
        const want = await decoded(blob);
        const seen: number[] = [];
        expect(await collect(utf8Pieces(blob, (b) => seen.push(b), overComlink(blob)))).toBe(want);
        expect(await collect(utf8Pieces(blob, () => undefined, readHere(blob)))).toBe(want);
        expect(seen.at(-1)).toBe(blob.size);
        expect(seen.every((b, i) => i === 0 || b >= (seen[i - 1] as number))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('a reader that stops early closes its source', async () => {
    const blob = new Blob(['x'.repeat(1 << 21), 'y'.repeat(1 << 22)]);
    const source = overComlink(blob);
    const pieces = utf8Pieces(blob, () => undefined, source);
    expect((await pieces.next()).done).toBe(false);
    await pieces.return(undefined);
    await new Promise((r) => setTimeout(r, 20));
    expect(source.closed()).toBe(true);
  });

  it('a source that fails makes the reader fail, not wait', async () => {
    const failing: TextSource = { next: () => Promise.reject(new Error('worker died')), close: () => undefined };
    await expect(collect(utf8Pieces(new Blob(['{}']), () => undefined, failing))).rejects.toThrow('worker died');
  });
});
