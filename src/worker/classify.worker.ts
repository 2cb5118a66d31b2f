/// <reference lib="webworker" />
// A helper of classify-pool.ts: keeps its slice of the points, classifies it per pass.
import type { PointColumns } from '../domain/coverage/columns.ts';
import { classify } from '../domain/coverage/classify.ts';
import type { ClassifyRequest, ClassifyResponse } from './classify-pool.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let points: PointColumns | undefined;

scope.onmessage = (event: MessageEvent<ClassifyRequest>) => {
  const request = event.data;
  if (request.type === 'points') {
    points = request.points;
    return;
  }
  let reply: ClassifyResponse;
  try {
    if (!points) throw new Error('no points yet');
    const { level, nearest4g, nearest4gKm } = classify(points, request.towers);
    reply = { id: request.id, level, nearest4g, nearest4gKm };
    scope.postMessage(reply, [level.buffer, nearest4g.buffer, nearest4gKm.buffer] as ArrayBuffer[]);
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    scope.postMessage(reply);
  }
};
