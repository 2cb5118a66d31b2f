// The gap register's statuses on the map: a letter badge beside each gap someone is working
// on (status by letter and shape, not by colour alone; the legend says which is which).
import type { Layer } from '@deck.gl/core';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import { findPoint } from '../domain/points/table.ts';
import { TextLayer } from '@deck.gl/layers';
import type { Lang } from '../domain/lang.ts';
import { currentGap, type GapStatuses } from '../domain/gaps/status.ts';
import { STATUS_MARK } from './icons.ts';

type MapLibreLayerProps = { beforeId?: string };

const MARK_CHARACTERS = [...new Set(Object.values(STATUS_MARK).flatMap((marks) => Object.values(marks)))].join('');

interface Badge {
  position: [number, number];
  mark: string;
}

function position(dataset: DatasetView, gapId: string): [number, number] | undefined {
  const colon = gapId.indexOf(':');
  const kind = gapId.slice(0, colon);
  if (kind !== 'hamlet' && kind !== 'school') return undefined;
  const i = findPoint(dataset.points, kind, gapId.slice(colon + 1));
  return i === undefined ? undefined : [dataset.points.lon[i] as number, dataset.points.lat[i] as number];
}

export function gapLayers(dataset: DatasetView, statuses: GapStatuses, beforeId: string, lang: Lang): Layer[] {
  const badges: Badge[] = [];
  for (const gapId of Object.keys(statuses.gaps)) {
    const status = currentGap(statuses, gapId).status;
    const where = status === 'open' ? undefined : position(dataset, gapId);
    if (status !== 'open' && where) badges.push({ position: where, mark: STATUS_MARK[lang][status] });
  }
  if (badges.length === 0) return [];
  return [
    new TextLayer<Badge, MapLibreLayerProps>({
      id: 'gap-status',
      beforeId,
      data: badges,
      getPosition: (b) => b.position,
      getText: (b) => b.mark,
      updateTriggers: { getText: lang },
      characterSet: MARK_CHARACTERS,
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
