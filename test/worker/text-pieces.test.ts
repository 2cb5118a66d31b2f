// A GeoJSON file's text decoded on the side thread (send-pieces.ts) and taken in order by
// the data worker (text-pieces.ts): here both ends in one thread over a MessageChannel. The
// pieces join to the text the whole file decodes to (multi-byte characters cut anywhere, a
// byte-order mark kept), the bytes read are reported, and either end can stop the other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sendPieces } from '../../src/worker/send-pieces.ts';
import { decodedHere, takePieces } from '../../src/worker/text-pieces.ts';

async function collect(pieces: AsyncGenerator<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}

function overChannel(blob: Blob, onBytes: (bytes: number) => void = () => undefined) {
  const channel = new MessageChannel();
  const started = sendPieces(blob, channel.port2);
  return { pieces: takePieces(channel.port1, started, onBytes), started };
}

const text = fc.array(fc.oneof(fc.string(), fc.constantFrom('Ấp Mới', 'Cà Mau', 'Đầm Dơi', '\uFEFF', '😀', '"name":"Khóm 1"')), { maxLength: 400 }).map((parts) => parts.join(''));

describe('text pieces over the side thread', () => {
  it('join to the decoded text, with every byte reported, as decoding here does', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 40 }), async (t, repeat) => {
        const blob = new Blob([t.repeat(repeat)]);
        const seen: number[] = [];
        const { pieces, started } = overChannel(blob, (b) => seen.push(b));
        const joined = await collect(pieces);
        await started;
        expect(joined).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await blob.arrayBuffer())));
        expect(joined).toBe(await collect(decodedHere(blob, () => undefined)));
        expect(seen.at(-1) ?? 0).toBe(blob.size);
        expect(seen.every((b, i) => i === 0 || b >= (seen[i - 1] as number))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('a reader that stops early stops the sender', async () => {
    const blob = new Blob(['x'.repeat(1 << 16), 'y'.repeat(1 << 22)]);
    const { pieces, started } = overChannel(blob);
    const first = await pieces.next();
    expect(first.done).toBe(false);
    await pieces.return(undefined);
    await expect(started).resolves.toBeUndefined();
  });

  it('a side thread that fails makes the reader fail, not wait', async () => {
    const channel = new MessageChannel();
    const pieces = takePieces(channel.port1, Promise.reject(new Error('worker died')), () => undefined);
    await expect(collect(pieces)).rejects.toThrow('worker died');
  });
});
