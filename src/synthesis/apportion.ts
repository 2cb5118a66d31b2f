/**
 * Splits a non-negative integer `total` into integers proportional to `weights` that sum to
 * exactly `total` (largest-remainder method; ties go to the earlier index).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`apportion: bad total ${total}`);
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new Error('apportion: no weights to share a positive total');
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new Error('apportion: weights must have a positive sum');
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const { index } = order[k] as { index: number };
    shares[index] = (shares[index] as number) + 1;
  }
  return shares;
}
