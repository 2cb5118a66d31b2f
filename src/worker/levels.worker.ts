/// <reference lib="webworker" />
// The timeline's slow part (every point's coverage level through time, at national scale
// many seconds) on a core of its own: the data worker meanwhile answers coverage requests.
import { expose, transfer } from 'comlink';
import type { PointColumns } from '../domain/coverage/columns.ts';
import { levelChanges, type LevelChanges } from '../domain/progress/level-changes.ts';
import type { TowerStates } from '../domain/progress/tower-states.ts';

const helper = {
  levelChanges(points: PointColumns, states: TowerStates): LevelChanges {
    const changes = levelChanges(points, states);
    return transfer(changes, [changes.initial.buffer, changes.offsets.buffer, changes.day.buffer, changes.level.buffer] as ArrayBuffer[]);
  },
};
export type LevelsHelper = typeof helper;

expose(helper);
