// Comlink copies what crosses unless told which buffers to move. `moved` marks every typed
// array in a value: whoever sends an answer keeps none of its arrays (each answer owns them).
import { transfer } from 'comlink';

/** The buffers of every typed array in `value` (objects and arrays walked; each buffer once). */
export function buffersOf(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (v: object): void => {
    if (ArrayBuffer.isView(v)) buffers.add(v.buffer as ArrayBuffer);
    else for (const item of Array.isArray(v) ? v : Object.values(v)) if (item !== null && typeof item === 'object') visit(item);
  };
  if (value !== null && typeof value === 'object') visit(value);
  return [...buffers];
}

/** `value`, its typed arrays to be moved (not copied) when it crosses. */
export const moved = <T>(value: T): T => transfer(value, buffersOf(value));
