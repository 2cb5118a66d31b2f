// One worker of parallel.ts: holds the towers, classifies the points it is sent.
import { parentPort } from 'node:worker_threads';
import type { PointColumns, TowerColumns } from '../../src/domain/coverage/columns.ts';
import { classify } from '../../src/domain/coverage/classify.ts';

let towers: TowerColumns | undefined;
parentPort?.on('message', (message: { towers: TowerColumns } | { points: PointColumns }) => {
  if ('towers' in message) {
    towers = message.towers;
    parentPort?.postMessage('ready');
    return;
  }
  const { level, nearest4g, nearest4gKm } = classify(message.points, towers as TowerColumns);
  parentPort?.postMessage({ level, nearest4g, nearest4gKm }, [level.buffer, nearest4g.buffer, nearest4gKm.buffer] as ArrayBuffer[]);
});
