// The key a plan is filed under: a fingerprint of the dataset it was made on.
import type { Tower } from '../types.ts';

export interface DatasetShape {
  towers: readonly Pick<Tower, 'id' | 'lon' | 'lat'>[];
  /** The hamlets, or their count. */
  hamlets: readonly unknown[] | number;
  /** The schools, or their count. */
  schools: readonly unknown[] | number;
}

/**
 * A short stable fingerprint of a dataset ("ds1-" and 16 hex digits): two FNV-1a-style
 * 32-bit hashes (different seeds and multipliers) over the towers' ids and coordinates, in
 * order, and the counts of hamlets and schools. A plan is offered only for the data it was
 * made on; editing a tower's other fields in the source data keeps the key (the plan's
 * patches still apply).
 */
export function datasetKey(data: DatasetShape): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  const feed = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    // A separator that cannot occur in the numbers, so fields cannot run together.
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1e, 0x5bd1e995);
  };
  const count = (v: readonly unknown[] | number): number => (typeof v === 'number' ? v : v.length);
  feed(`towers ${data.towers.length}`);
  for (const t of data.towers) {
    feed(t.id);
    feed(String(t.lon));
    feed(String(t.lat));
  }
  feed(`hamlets ${count(data.hamlets)}`);
  feed(`schools ${count(data.schools)}`);
  const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
  return `ds1-${hex(a)}${hex(b)}`;
}
