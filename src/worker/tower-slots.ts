// The towers as slots: the loaded towers first, in file order, then each tower a plan adds,
// in the order first seen. A removed tower leaves its slot empty, so an index into the slots
// stays valid after any edit. Every tower index an answer carries (nearest tower, towers on
// air) is a slot; the page keeps the slots, patched by each answer's `towerChanges`, and so
// never applies the plan itself.
import type { TowerChanges } from '../domain/coverage/answer.ts';
import type { TowerColumns } from '../domain/coverage/columns.ts';
import type { Circle } from '../domain/plan/incremental.ts';
import type { Tower } from '../domain/types.ts';

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

/**
 * The towers on air in one scenario as columns whose `towerIndex` holds slots, kept up to date
 * slot by slot (an edit costs the towers it touched; an answer, one copy of the columns).
 */
export class OnAirSlots {
  private count = 0;
  private lon = new Float64Array(64);
  private lat = new Float64Array(64);
  private radiusKm = new Float64Array(64);
  private broadband = new Uint8Array(64);
  private slot = new Int32Array(64);
  /** Where each slot is in the columns. */
  private readonly at = new Map<number, number>();

  /** Puts the slot's circle in the scenario (undefined: not on air). */
  set(slot: number, circle: Circle | undefined): void {
    let k = this.at.get(slot);
    if (!circle) {
      if (k === undefined) return;
      // The last entry takes its place.
      const last = --this.count;
      this.at.delete(slot);
      if (k !== last) {
        this.move(last, k);
        this.at.set(this.slot[k] as number, k);
      }
      return;
    }
    if (k === undefined) {
      if (this.count === this.slot.length) this.grow();
      k = this.count++;
      this.at.set(slot, k);
      this.slot[k] = slot;
    }
    this.lon[k] = circle.lon;
    this.lat[k] = circle.lat;
    this.radiusKm[k] = circle.radiusKm;
    this.broadband[k] = circle.broadband ? 1 : 0;
  }

  /** A copy, for an answer. */
  columns(): TowerColumns {
    const n = this.count;
    return {
      count: n,
      lon: this.lon.slice(0, n),
      lat: this.lat.slice(0, n),
      radiusKm: this.radiusKm.slice(0, n),
      broadband: this.broadband.slice(0, n),
      towerIndex: this.slot.slice(0, n),
    };
  }

  private move(from: number, to: number): void {
    this.lon[to] = this.lon[from] as number;
    this.lat[to] = this.lat[from] as number;
    this.radiusKm[to] = this.radiusKm[from] as number;
    this.broadband[to] = this.broadband[from] as number;
    this.slot[to] = this.slot[from] as number;
  }

  private grow(): void {
    const size = this.slot.length * 2;
    const grown = <T extends Float64Array | Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.lon = grown(this.lon, (n) => new Float64Array(n));
    this.lat = grown(this.lat, (n) => new Float64Array(n));
    this.radiusKm = grown(this.radiusKm, (n) => new Float64Array(n));
    this.broadband = grown(this.broadband, (n) => new Uint8Array(n));
    this.slot = grown(this.slot, (n) => new Int32Array(n));
  }
}

/** The page's side: the slots after `changes` (a new array when anything changed). */
export function patchSlots(slots: readonly (Tower | undefined)[], changes: TowerChanges): readonly (Tower | undefined)[] {
  if (changes.length === 0) return slots;
  const next = [...slots];
  for (const [slot, tower] of changes) next[slot] = tower ?? undefined;
  return next;
}
