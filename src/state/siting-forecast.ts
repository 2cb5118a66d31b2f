// The build schedule's forecast (siting's schedule mode, issue 18 item 4), drawn on the target
// card of the same indicator. A store of its own: the siting panel writes it, the cards read
// it; nothing is drawn until a schedule has been computed.
import { create } from 'zustand';
import type { Metric } from '../domain/types.ts';

export interface ScheduleForecast {
  /** The card's metric the schedule's indicator is (hamlets, population or schools with good signal, %). */
  metric: Metric;
  /** The share before the first site is built, at the start of the first month. */
  startPct: number;
  /** The first building month, YYYY-MM. */
  start: string;
  /** The share at the end of each building month, in order. */
  months: readonly { month: string; pct: number }[];
}

export const useSitingForecast = create<{ forecast: ScheduleForecast | undefined; forecastChanged: (forecast: ScheduleForecast | undefined) => void }>()((set) => ({
  forecast: undefined,
  forecastChanged: (forecast) => set({ forecast }),
}));
