// The day leadership compares against ("change since the last meeting"): the cards, the
// district table and the printed report read it. A store of its own: only those read it.
import { create } from 'zustand';
import { fromDay, toDay } from '../domain/progress/days.ts';

/** Left unchosen: this many days before the as-of day. */
export const DEFAULT_SINCE_DAYS = 30;

export const useSince = create<{ since: string | undefined; sinceChosen: (day: string | undefined) => void }>()((set) => ({
  since: undefined,
  sinceChosen: (since) => set({ since }),
}));

/** The comparison day for an as-of day (ISO): the chosen one, or the default before it. */
export function sinceFor(chosen: string | undefined, asOf: string): string {
  return chosen ?? fromDay(toDay(asOf) - DEFAULT_SINCE_DAYS);
}
