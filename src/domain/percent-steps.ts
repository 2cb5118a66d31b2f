// A progress bar needs a message per percent at most: more would only queue up between the
// worker and the page (a greedy over 100k points reports each of its steps).

/** `onStep` called with (done, total) only when the whole percent done changes (100 % when `total` is 0). */
export function percentSteps(onStep: (done: number, total: number) => void): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
    if (pct === last) return;
    last = pct;
    onStep(done, total);
  };
}
