// The shareable view in the URL's hash: what is written reads back the same, and a hash
// that was cut, edited or made up never sets anything it does not clearly say.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHOROPLETH_METRICS } from '../../src/state/dashboard.ts';
import type { LayerId, ScenarioMode, SidebarTab } from '../../src/state/store.ts';
import { resolveSelection, viewFromHash, viewToHash } from '../../src/state/url-state.ts';
import { SORT_KEYS } from '../../src/domain/gaps/register.ts';
import { GAP_STATUSES } from '../../src/domain/gaps/status.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { viewOf } from '../ui/view-of.ts';

const place = { name: '', lon: 105, lat: 9, synthetic: true };
const dataset = {
  hamlets: [{ id: 'H-1', ...place }, { id: 'H-2', ...place }],
  schools: [{ id: 'S-1', ...place, level: 'primary' }],
  towers: [{ id: 'T-1' }],
  districts: [],
  province: [],
  programme: { name: '', targets: [] },
} as unknown as Dataset;

const LAYERS: LayerId[] = ['hamlets', 'schools', 'towers', 'towerRadius', 'choropleth', 'evidence'];

const state = fc.record({
  lang: fc.constantFrom<'vi' | 'en'>('vi', 'en'),
  camera: fc.option(
    fc.record({
      lon: fc.double({ min: -180, max: 180, noNaN: true }),
      lat: fc.double({ min: -85, max: 85, noNaN: true }),
      zoom: fc.double({ min: 0, max: 24, noNaN: true }),
    }),
    { nil: undefined },
  ),
  scenarioMode: fc.constantFrom<ScenarioMode>('asOf', 'current', 'planned'),
  asOf: fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  layers: fc.tuple(...LAYERS.map(() => fc.boolean())).map((on) => Object.fromEntries(LAYERS.map((l, i) => [l, on[i]])) as Record<LayerId, boolean>),
  choroplethMetric: fc.constantFrom(...CHOROPLETH_METRICS),
  sidebarTab: fc.constantFrom<SidebarTab>('map', 'plan'),
  selectedPoint: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  selectedTower: fc.option(fc.constantFrom('T-1', 'P-0001', 'a&b=c#d'), { nil: undefined }),
  dataset: fc.constant(viewOf(dataset)),
  gapFilter: fc.record(
    {
      query: fc.constantFrom('dat mui', 'Ấp 2 & <b>', '#x=1'),
      districtId: fc.constantFrom('969', '__proto__'),
      operator: fc.constantFrom('Viettel', 'VNPT', 'MobiFone'),
      level: fc.constantFrom<'none' | 'weak'>('none', 'weak'),
      gridPower: fc.boolean(),
      minWeight: fc.integer({ min: 0, max: 5000 }),
      status: fc.constantFrom(...GAP_STATUSES),
    },
    { requiredKeys: [] },
  ),
  gapSort: fc.record({ key: fc.constantFrom(...SORT_KEYS), direction: fc.constantFrom<'asc' | 'desc'>('asc', 'desc') }),
});

describe('the view in the URL', () => {
  it('reads back what it wrote, for random views', () => {
    fc.assert(
      fc.property(state, (s) => {
        const view = viewFromHash(`#${viewToHash(s)}`);
        expect(view.lang).toBe(s.lang);
        expect(view.mode).toBe(s.scenarioMode);
        expect(view.asOf).toBe(s.scenarioMode === 'asOf' ? s.asOf : undefined);
        expect(view.layers).toEqual(s.layers);
        expect(view.metric).toBe(s.choroplethMetric);
        expect(view.tab).toBe(s.sidebarTab);
        expect(view.gapFilter ?? {}).toEqual(s.gapFilter);
        expect(view.gapSort).toEqual(s.gapSort);
        if (s.camera) {
          expect(view.camera?.lon).toBeCloseTo(s.camera.lon, 4);
          expect(view.camera?.lat).toBeCloseTo(s.camera.lat, 4);
          expect(view.camera?.zoom).toBeCloseTo(s.camera.zoom, 1);
        } else expect(view.camera).toBeUndefined();
        const expected =
          s.selectedTower !== undefined
            ? { tower: s.selectedTower }
            : s.selectedPoint !== undefined
              ? { point: s.selectedPoint }
              : undefined;
        expect(view.selected === undefined ? undefined : resolveSelection(viewOf(dataset), view.selected)).toEqual(expected);
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it('carries the network, so a partner’s link lands on its own', () => {
    const base = {
      lang: 'en' as const, camera: undefined, scenarioMode: 'current' as const, asOf: '2021-10-15',
      layers: { hamlets: true, schools: true, towers: true, towerRadius: true, choropleth: true, evidence: false },
      choroplethMetric: 'hamlets_good_pct' as const, sidebarTab: 'map' as const, selectedPoint: undefined, selectedTower: undefined,
      dataset: viewOf(dataset), gapFilter: {}, gapSort: { key: 'weight' as const, direction: 'desc' as const },
    };
    for (const network of ['Viettel', 'VNPT', 'Mạng & co=1']) expect(viewFromHash(viewToHash({ ...base, network })).network).toBe(network);
    expect(viewToHash(base)).not.toContain('net=');
    expect(viewFromHash(viewToHash(base)).network).toBeUndefined();
    expect(viewFromHash('v=1&net=').network).toBeUndefined();
    expect(viewFromHash(`v=1&net=${'x'.repeat(101)}`).network).toBeUndefined();
  });

  it('names points by id, not by their place in the file', () => {
    const hash = viewToHash({
      lang: 'vi', camera: undefined, scenarioMode: 'planned', asOf: '2021-10-15',
      layers: { hamlets: true, schools: false, towers: true, towerRadius: false, choropleth: true, evidence: false },
      choroplethMetric: 'hamlets_good_pct', sidebarTab: 'plan', selectedPoint: 2, selectedTower: undefined, dataset: viewOf(dataset),
      gapFilter: { query: 'dat mui', gridPower: false }, gapSort: { key: 'weight', direction: 'desc' },
    });
    expect(hash).toBe(
      'v=1&lang=vi&mode=planned&layers=hamlets%2Ctowers%2Cchoropleth&shade=hamlets_good_pct&tab=plan&sel=school%3AS-1&gq=dat+mui&gp=false&gsort=weight%3Adesc',
    );
  });

  it('ignores what it cannot read, part by part', () => {
    expect(viewFromHash('')).toEqual({});
    expect(viewFromHash('#lang=en')).toEqual({});
    expect(viewFromHash('#v=2&lang=en')).toEqual({});
    expect(
      viewFromHash('#v=1&lang=fr&at=1e400,9,8&mode=future&date=2021-02-30&shade=__proto__&tab=admin&sel=<img src=x>&gl=all&gp=yes&gw=-3&gs=done&gsort=evil:up'),
    ).toEqual({});
    expect(viewFromHash('#v=1&at=105.1,9.2,200')).toEqual({});
    expect(viewFromHash('#v=1&at=105.1,9.2')).toEqual({});
    expect(viewFromHash('#v=1&layers=')).toEqual({ layers: { hamlets: false, schools: false, towers: false, towerRadius: false, choropleth: false, evidence: false } });
    expect(viewFromHash('#v=1&lang=en&mode=current&at=105.10000,9.20000,9.50')).toEqual({
      lang: 'en',
      mode: 'current',
      camera: { lon: 105.1, lat: 9.2, zoom: 9.5 },
    });
  });

  it('finds a selection only where the data has it', () => {
    expect(resolveSelection(viewOf(dataset), 'hamlet:H-2')).toEqual({ point: 1 });
    expect(resolveSelection(viewOf(dataset), 'school:S-1')).toEqual({ point: 2 });
    expect(resolveSelection(viewOf(dataset), 'hamlet:H-9')).toBeUndefined();
    expect(resolveSelection(viewOf(dataset), 'school:__proto__')).toBeUndefined();
  });
});
