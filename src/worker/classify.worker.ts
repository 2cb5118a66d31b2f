/// <reference lib="webworker" />
// A helper of classify-pool.ts: keeps its slice of the points, classifies it per pass.
import { expose, transfer } from 'comlink';
import type { Classification, PointColumns, TowerColumns } from '../domain/coverage/columns.ts';
import { classify } from '../domain/coverage/classify.ts';

let points: PointColumns | undefined;

const helper = {
  setPoints(slice: PointColumns): void {
    points = slice;
  },
  classify(towers: TowerColumns): Classification {
    if (!points) throw new Error('no points yet');
    const out = classify(points, towers);
    return transfer(out, [out.level.buffer, out.nearest4g.buffer, out.nearest4gKm.buffer] as ArrayBuffer[]);
  },
};
export type ClassifyHelper = typeof helper;

expose(helper);
