// The gap register's statuses on the map: a letter badge beside each gap someone is working
// on (status by letter and shape, not by colour alone; the legend says which is which).
import type { Layer } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import { currentGap, type GapStatus, type GapStatuses } from '../domain/gaps/status.ts';
import type { Dataset } from '../domain/types.ts';

type MapLibreLayerProps = { beforeId?: string };

/** One letter per status, the same in both languages' legends. */
export const STATUS_MARK: Record<Exclude<GapStatus, 'open'>, string> = {
  assigned: 'A',
  in_progress: 'P',
  resolved: 'R',
  disputed: 'D',
};

interface Badge {
  position: [number, number];
  mark: string;
}

const byDataset = new WeakMap<Dataset, Map<string, [number, number]>>();

function positions(dataset: Dataset): Map<string, [number, number]> {
  let found = byDataset.get(dataset);
  if (!found) {
    found = new Map();
    for (const h of dataset.hamlets) found.set(`hamlet:${h.id}`, [h.lon, h.lat]);
    for (const s of dataset.schools) found.set(`school:${s.id}`, [s.lon, s.lat]);
    byDataset.set(dataset, found);
  }
  return found;
}

export function gapLayers(dataset: Dataset, statuses: GapStatuses, beforeId: string): Layer[] {
  const where = positions(dataset);
  const badges: Badge[] = [];
  for (const gapId of Object.keys(statuses.gaps)) {
    const status = currentGap(statuses, gapId).status;
    const position = where.get(gapId);
    if (status !== 'open' && position) badges.push({ position, mark: STATUS_MARK[status] });
  }
  if (badges.length === 0) return [];
  return [
    new TextLayer<Badge, MapLibreLayerProps>({
      id: 'gap-status',
      beforeId,
      data: badges,
      getPosition: (b) => b.position,
      getText: (b) => b.mark,
      characterSet: 'APRD',
      fontFamily: '"Be Vietnam Pro", sans-serif',
      fontWeight: 700,
      getSize: 13,
      getColor: [31, 26, 20, 255],
      background: true,
      getBackgroundColor: [255, 255, 255, 230],
      backgroundPadding: [3, 1],
      getBorderColor: [31, 26, 20, 255],
      getBorderWidth: 1,
      // Down and right of the point: the plan's +/− badges sit up and right.
      getPixelOffset: [10, 10],
    }),
  ];
}
