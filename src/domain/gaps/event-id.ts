/**
 * Ids of gap events (history.ts): 32 lowercase hex digits, 128 bits.
 *
 * New events take random ids (`randomEventId`); events migrated from a schema 1 record take
 * a hash of what they say and of the id before them (`hashEventId`), so that two devices
 * migrating the same history give the same ids, and a shared beginning merges as one.
 */

/** MurmurHash3 x86 128 (Austin Appleby, public domain) of the UTF-8 bytes of `text`, as 32 hex digits. */
export function hash128(text: string, seed = 0): string {
  const bytes = new TextEncoder().encode(text);
  const c1 = 0x239b961b;
  const c2 = 0xab0e9789;
  const c3 = 0x38b34ae5;
  const c4 = 0xa1e38b93;
  let h1 = seed >>> 0;
  let h2 = h1;
  let h3 = h1;
  let h4 = h1;
  const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));
  const word = (i: number): number =>
    ((bytes[i] as number) | ((bytes[i + 1] as number) << 8) | ((bytes[i + 2] as number) << 16) | ((bytes[i + 3] as number) << 24)) >>> 0;
  const blocks = bytes.length >>> 4;
  for (let b = 0; b < blocks; b++) {
    const i = b * 16;
    let k1 = word(i);
    let k2 = word(i + 4);
    let k3 = word(i + 8);
    let k4 = word(i + 12);
    k1 = Math.imul(rotl(Math.imul(k1, c1), 15), c2);
    h1 ^= k1;
    h1 = rotl(h1, 19) + h2;
    h1 = (Math.imul(h1, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(rotl(Math.imul(k2, c2), 16), c3);
    h2 ^= k2;
    h2 = rotl(h2, 17) + h3;
    h2 = (Math.imul(h2, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(rotl(Math.imul(k3, c3), 17), c4);
    h3 ^= k3;
    h3 = rotl(h3, 15) + h4;
    h3 = (Math.imul(h3, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(rotl(Math.imul(k4, c4), 18), c1);
    h4 ^= k4;
    h4 = rotl(h4, 13) + h1;
    h4 = (Math.imul(h4, 5) + 0x32ac3b17) | 0;
  }
  const tail = blocks * 16;
  const rest = bytes.length & 15;
  // The last 1–15 bytes, little-endian, as up to four partial words.
  const partial = (from: number): number => {
    let k = 0;
    for (let j = Math.min(rest, from + 4) - 1; j >= from; j--) k = (k << 8) | (bytes[tail + j] as number);
    return k;
  };
  if (rest > 12) h4 ^= Math.imul(rotl(Math.imul(partial(12), c4), 18), c1);
  if (rest > 8) h3 ^= Math.imul(rotl(Math.imul(partial(8), c3), 17), c4);
  if (rest > 4) h2 ^= Math.imul(rotl(Math.imul(partial(4), c2), 16), c3);
  if (rest > 0) h1 ^= Math.imul(rotl(Math.imul(partial(0), c1), 15), c2);
  const n = bytes.length;
  h1 ^= n;
  h2 ^= n;
  h3 ^= n;
  h4 ^= n;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  const fmix = (h: number): number => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

/** A fresh random id (Web Crypto, in the browser, a worker and Node alike). */
export function randomEventId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
