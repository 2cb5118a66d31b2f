// A shareable view: the URL's hash holds what is on screen (language, camera, scenario or
// as-of day, layers, shading, tab, selected item), so that opening the link shows the same
// view. The hash is read with the same care as any user input: a part that does not parse
// is ignored, never trusted.
import { isIsoDate } from '../domain/parse/dates.ts';
import type { Dataset } from '../domain/types.ts';
import { CHOROPLETH_METRICS } from './dashboard.ts';
import type { AppState, Camera, LayerId, ScenarioMode, SidebarTab } from './store.ts';

const LAYERS: readonly LayerId[] = ['hamlets', 'schools', 'towers', 'towerRadius', 'choropleth'];
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
}

type ViewSource = Pick<
  AppState,
  'lang' | 'camera' | 'scenarioMode' | 'asOf' | 'layers' | 'choroplethMetric' | 'sidebarTab' | 'selectedPoint' | 'selectedTower' | 'dataset'
>;

/** The id-based selection of the state: a point (hamlets, then schools) or a tower. */
export function selectedKey(state: Pick<ViewSource, 'dataset' | 'selectedPoint' | 'selectedTower'>): string | undefined {
  if (state.selectedTower !== undefined) return `tower:${state.selectedTower}`;
  const { dataset, selectedPoint: i } = state;
  if (!dataset || i === undefined) return undefined;
  const h = dataset.hamlets.length;
  const point = i < h ? dataset.hamlets[i] : dataset.schools[i - h];
  return point ? `${i < h ? 'hamlet' : 'school'}:${point.id}` : undefined;
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
  return view;
}

/** The point index or tower id a selection key names in this dataset, if it is there. */
export function resolveSelection(dataset: Dataset, key: string): { point?: number; tower?: string } | undefined {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1);
  // A planned tower lives in the saved plan, restored after the data: any id is kept.
  if (kind === 'tower') return id === '' ? undefined : { tower: id };
  if (kind === 'hamlet') {
    const i = dataset.hamlets.findIndex((h) => h.id === id);
    return i < 0 ? undefined : { point: i };
  }
  if (kind === 'school') {
    const j = dataset.schools.findIndex((s) => s.id === id);
    return j < 0 ? undefined : { point: dataset.hamlets.length + j };
  }
  return undefined;
}
