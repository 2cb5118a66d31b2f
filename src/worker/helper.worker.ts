/// <reference lib="webworker" />
// A helper thread of the data worker (helpers.ts): a slice of the points it classifies per
// pass of a split coverage pass, or the timeline's level changes (every point's level through
// time, at national scale many seconds), while the data worker answers coverage requests.
import { expose } from 'comlink';
import type { Classification, PointColumns, TowerColumns } from '../domain/coverage/columns.ts';
import { classify } from '../domain/coverage/classify.ts';
import { levelChanges, type LevelChanges } from '../domain/progress/level-changes.ts';
import type { TowerStates } from '../domain/progress/tower-states.ts';
import { moved } from './moved.ts';

let points: PointColumns | undefined;

const helper = {
  setPoints(slice: PointColumns): void {
    points = slice;
  },
  classify(towers: TowerColumns): Classification {
    if (!points) throw new Error('no points yet');
    return moved(classify(points, towers));
  },
  levelChanges: (all: PointColumns, states: TowerStates): LevelChanges => moved(levelChanges(all, states)),
};
export type HelperThread = typeof helper;

expose(helper);
