// A shareable view: the URL's hash holds what is on screen (language, camera, scenario or
// as-of day, layers, shading, tab, selected item), so that opening the link shows the same
// view. The hash is read with the same care as any user input: a part that does not parse
// is ignored, never trusted.
import { isIsoDate } from '../domain/parse/dates.ts';
import { findPoint, pointAt } from '../domain/points/table.ts';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import { SORT_KEYS, type GapFilter, type GapSortKey, type SortDirection } from '../domain/gaps/register.ts';
import { GAP_STATUSES } from '../domain/gaps/status.ts';

import { CHOROPLETH_METRICS } from './dashboard.ts';
import type { AppState, Camera, LayerId, ScenarioMode, SidebarTab } from './store.ts';

const LAYERS: readonly LayerId[] = ['hamlets', 'schools', 'towers', 'towerRadius', 'choropleth', 'evidence'];
const MODES: readonly ScenarioMode[] = ['asOf', 'current', 'planned'];
const TABS: readonly SidebarTab[] = ['map', 'plan'];

/** What a link can carry. Selections travel as ids, which outlive a reload; indexes do not. */
export interface View {
  lang?: 'vi' | 'en';
  camera?: Camera;
  mode?: ScenarioMode;
  asOf?: string;
  layers?: Record<LayerId, boolean>;
  metric?: AppState['choroplethMetric'];
  tab?: SidebarTab;
  /** `hamlet:<id>`, `school:<id>` or `tower:<id>`. */
  selected?: string;
  gapFilter?: GapFilter;
  gapSort?: { key: GapSortKey; direction: SortDirection };
  /** The operator whose network the figures count; absent: all. */
  network?: string;
}

type ViewSource = Pick<
  AppState,
  | 'lang'
  | 'camera'
  | 'scenarioMode'
  | 'asOf'
  | 'layers'
  | 'choroplethMetric'
  | 'sidebarTab'
  | 'selectedPoint'
  | 'selectedTower'
  | 'dataset'
  | 'gapFilter'
  | 'gapSort'
> &
  Partial<Pick<AppState, 'network'>>;

/** The id-based selection of the state: a point (hamlets, then schools) or a tower. */
export function selectedKey(state: Pick<ViewSource, 'dataset' | 'selectedPoint' | 'selectedTower'>): string | undefined {
  if (state.selectedTower !== undefined) return `tower:${state.selectedTower}`;
  const { dataset, selectedPoint: i } = state;
  if (!dataset || i === undefined) return undefined;
  const point = pointAt(dataset.points, i);
  return point ? `${point.kind}:${point.item.id}` : undefined;
}

// The gap register's filters: short names, only the parts that are set.
function writeGapFilter(params: URLSearchParams, f: GapFilter): void {
  if (f.query) params.set('gq', f.query);
  if (f.districtId) params.set('gd', f.districtId);
  if (f.operator) params.set('go', f.operator);
  if (f.level) params.set('gl', f.level);
  if (f.gridPower !== undefined) params.set('gp', String(f.gridPower));
  if (f.minWeight !== undefined) params.set('gw', String(f.minWeight));
  if (f.status) params.set('gs', f.status);
  if (f.overdue) params.set('gdue', '1');
  if (f.inNetworkOf) params.set('gn', f.inNetworkOf);
}

function readGapFilter(params: URLSearchParams): GapFilter {
  const f: GapFilter = {};
  const text = (name: string) => {
    const value = params.get(name);
    return value !== null && value.length > 0 && value.length <= 200 ? value : undefined;
  };
  const query = text('gq');
  if (query) f.query = query;
  const district = text('gd');
  if (district) f.districtId = district;
  const operator = text('go');
  if (operator) f.operator = operator;
  const level = oneOf(['none', 'weak'] as const, params.get('gl'));
  if (level) f.level = level;
  const power = oneOf(['true', 'false'] as const, params.get('gp'));
  if (power) f.gridPower = power === 'true';
  const weight = Number(params.get('gw') ?? 'x');
  if (params.get('gw') !== null && Number.isFinite(weight) && weight >= 0) f.minWeight = weight;
  const status = oneOf(GAP_STATUSES, params.get('gs'));
  if (status) f.status = status;
  if (params.get('gdue') === '1') f.overdue = true;
  const network = text('gn');
  if (network) f.inNetworkOf = network;
  return f;
}

/** The hash (without '#') for the state's view. */
export function viewToHash(state: ViewSource): string {
  const params = new URLSearchParams();
  params.set('v', '1');
  params.set('lang', state.lang);
  if (state.camera) {
    const { lon, lat, zoom } = state.camera;
    params.set('at', `${lon.toFixed(5)},${lat.toFixed(5)},${zoom.toFixed(2)}`);
  }
  params.set('mode', state.scenarioMode);
  if (state.scenarioMode === 'asOf') params.set('date', state.asOf);
  params.set('layers', LAYERS.filter((layer) => state.layers[layer]).join(','));
  params.set('shade', state.choroplethMetric);
  params.set('tab', state.sidebarTab);
  const selected = selectedKey(state);
  if (selected) params.set('sel', selected);
  writeGapFilter(params, state.gapFilter);
  params.set('gsort', `${state.gapSort.key}:${state.gapSort.direction}`);
  if (state.network !== undefined) params.set('net', state.network);
  return params.toString();
}

function parseCamera(text: string): Camera | undefined {
  const parts = text.split(',').map(Number);
  if (parts.length !== 3 || !parts.every(Number.isFinite)) return undefined;
  const [lon, lat, zoom] = parts as [number, number, number];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 24) return undefined;
  return { lon, lat, zoom };
}

function oneOf<T extends string>(values: readonly T[], text: string | null): T | undefined {
  return text !== null && (values as readonly string[]).includes(text) ? (text as T) : undefined;
}

/** The view a hash describes; parts missing or malformed are left out. */
export function viewFromHash(hash: string): View {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  if (params.get('v') !== '1') return {};
  const view: View = {};
  const lang = oneOf(['vi', 'en'] as const, params.get('lang'));
  if (lang) view.lang = lang;
  const at = params.get('at');
  const camera = at === null ? undefined : parseCamera(at);
  if (camera) view.camera = camera;
  const mode = oneOf(MODES, params.get('mode'));
  if (mode) view.mode = mode;
  const date = params.get('date');
  if (date !== null && isIsoDate(date)) view.asOf = date;
  const layers = params.get('layers');
  if (layers !== null) {
    const on = new Set(layers.split(','));
    view.layers = Object.fromEntries(LAYERS.map((layer) => [layer, on.has(layer)])) as Record<LayerId, boolean>;
  }
  const metric = oneOf(CHOROPLETH_METRICS, params.get('shade'));
  if (metric) view.metric = metric;
  const tab = oneOf(TABS, params.get('tab'));
  if (tab) view.tab = tab;
  const selected = params.get('sel');
  if (selected !== null && /^(hamlet|school|tower):./.test(selected)) view.selected = selected;
  const gapFilter = readGapFilter(params);
  if (Object.keys(gapFilter).length > 0) view.gapFilter = gapFilter;
  const [key, direction] = (params.get('gsort') ?? '').split(':');
  const sortKey = oneOf(SORT_KEYS, key ?? null);
  const sortDirection = oneOf(['asc', 'desc'] as const, direction ?? null);
  if (sortKey && sortDirection) view.gapSort = { key: sortKey, direction: sortDirection };
  const network = params.get('net');
  if (network !== null && network.length > 0 && network.length <= 100) view.network = network;
  return view;
}

/** The point index or tower id a selection key names in this dataset, if it is there. */
export function resolveSelection(dataset: DatasetView, key: string): { point?: number; tower?: string } | undefined {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1);
  // A planned tower lives in the saved plan, restored after the data: any id is kept.
  if (kind === 'tower') return id === '' ? undefined : { tower: id };
  if (kind === 'hamlet' || kind === 'school') {
    const i = findPoint(dataset.points, kind, id);
    return i === undefined ? undefined : { point: i };
  }
  return undefined;
}
