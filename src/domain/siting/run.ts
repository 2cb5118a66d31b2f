// A siting run as the page follows it (issue 18): its progress, the exact search's state and
// the answer shown. The answers themselves are modes.ts's.
import type { ExactAnswer, SitingAnswer, SitingRequest } from './modes.ts';

/**
 * A siting run as it goes: the greedy's work done (`quick`); the exact search's best value and
 * bound from HiGHS, then the curve's exact points.
 */
export type SitingProgress =
  | { stage: 'quick'; done: number; total: number }
  | { stage: 'solving'; value: number; bound: number }
  | { stage: 'curve'; done: number; total: number };

export type ExactState =
  | { phase: 'running'; progress?: SitingProgress }
  | { phase: 'done'; answer: ExactAnswer; elapsedMs: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

/** The instant answer, with the exact one as it comes. */
export interface SitingDone {
  phase: 'done';
  options: SitingRequest;
  result: SitingAnswer;
  elapsedMs: number;
  exact?: ExactState;
  /** The answer the panel lists (and the map draws): the greedy's unless the user picked the exact one. */
  shown?: 'quick' | 'exact';
}

/** The sites the panel lists and the map draws. */
export function shownSites(done: SitingDone): SitingAnswer['sites'] {
  const exact = done.exact?.phase === 'done' && done.exact.answer.feasible ? done.exact.answer : undefined;
  return done.shown === 'exact' && exact ? exact.sites : done.result.sites;
}
