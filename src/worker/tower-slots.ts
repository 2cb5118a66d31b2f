// The towers as slots: the loaded towers first, in file order, then each tower a plan adds,
// in the order first seen. A removed tower leaves its slot empty, so an index into the slots
// stays valid after any edit. Every tower index an answer carries (nearest tower, towers on
// air) is a slot; the page keeps the slots, patched by each answer's `towerChanges`, and so
// never applies the plan itself.
import type { TowerColumns } from '../domain/coverage/columns.ts';
import type { Circle } from '../domain/plan/incremental.ts';
import type { Tower } from '../domain/types.ts';

/** Slots whose tower changed since the previous answer: the tower now, or null when none. */
export type TowerChanges = [slot: number, tower: Tower | null][];

export class TowerSlots {
  readonly towers: (Tower | undefined)[];
  private readonly slotOf = new Map<string, number>();
  private readonly dirty = new Set<number>();

  constructor(loaded: readonly Tower[]) {
    this.towers = [...loaded];
    loaded.forEach((t, i) => this.slotOf.set(t.id, i));
  }

  /** The slot of `id`, made when the id is new. */
  slot(id: string): number {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.towers.length;
      this.towers.push(undefined);
      this.slotOf.set(id, slot);
    }
    return slot;
  }

  /** Puts `tower` (undefined: none) in the slot of `id`; returns the slot. */
  set(id: string, tower: Tower | undefined): number {
    const slot = this.slot(id);
    if (this.towers[slot] !== tower) {
      this.towers[slot] = tower;
      this.dirty.add(slot);
    }
    return slot;
  }

  /** The changes since the last call. */
  drain(): TowerChanges {
    const changes: TowerChanges = [...this.dirty].map((slot) => [slot, this.towers[slot] ?? null]);
    this.dirty.clear();
    return changes;
  }
}

/** Per slot, the tower's circle in one scenario (undefined: not on air). */
export function onAirColumns(circles: readonly (Circle | undefined)[]): TowerColumns {
  let count = 0;
  for (let slot = 0; slot < circles.length; slot++) if (circles[slot]) count++;
  const columns: TowerColumns = {
    count,
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    radiusKm: new Float64Array(count),
    broadband: new Uint8Array(count),
    towerIndex: new Int32Array(count),
  };
  for (let slot = 0, k = 0; slot < circles.length; slot++) {
    const c = circles[slot];
    if (!c) continue;
    columns.lon[k] = c.lon;
    columns.lat[k] = c.lat;
    columns.radiusKm[k] = c.radiusKm;
    columns.broadband[k] = c.broadband ? 1 : 0;
    columns.towerIndex[k++] = slot;
  }
  return columns;
}

/** The page's side: the slots after `changes` (a new array when anything changed). */
export function patchSlots(slots: readonly (Tower | undefined)[], changes: TowerChanges): readonly (Tower | undefined)[] {
  if (changes.length === 0) return slots;
  const next = [...slots];
  for (const [slot, tower] of changes) next[slot] = tower ?? undefined;
  return next;
}
