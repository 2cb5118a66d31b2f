/**
 * A binary max-heap of slots 0..n-1 keyed by `key[slot]` (desc), ties to the lower slot: the
 * order a plain argmax with ties to the first would take. The keys live outside so a lazy
 * greedy can lower one (a fresh bound) and push the slot back.
 */
export class LazyHeap {
  private readonly heap: Int32Array;
  size = 0;

  constructor(
    readonly key: Float64Array,
    slots: Iterable<number>,
  ) {
    this.heap = new Int32Array(key.length);
    for (const s of slots) this.heap[this.size++] = s;
    for (let at = (this.size >> 1) - 1; at >= 0; at--) this.siftDown(at);
  }

  /** Whether slot a comes before slot b. */
  above(a: number, b: number): boolean {
    const { key } = this;
    return key[a]! > key[b]! || (key[a] === key[b] && a < b);
  }

  top(): number {
    return this.heap[0]!;
  }

  pop(): number {
    const { heap } = this;
    const s = heap[0]!;
    this.size--;
    if (this.size > 0) {
      heap[0] = heap[this.size]!;
      this.siftDown(0);
    }
    return s;
  }

  push(s: number): void {
    const { heap } = this;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.above(s, heap[parent]!)) break;
      heap[at] = heap[parent]!;
      at = parent;
    }
    heap[at] = s;
  }

  private siftDown(from: number): void {
    const { heap, size } = this;
    let at = from;
    const item = heap[at]!;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.above(heap[right]!, heap[left]!) ? right : left;
      if (!this.above(heap[child]!, item)) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = item;
  }
}
