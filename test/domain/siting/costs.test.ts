// costs.json (parseCosts through the file parser) and each site's cost (siteCostTable).
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/domain/coverage/classify.ts';
import { onAirTowers, pointColumns } from '../../../src/domain/coverage/columns.ts';
import { haversineKm } from '../../../src/domain/geo/haversine.ts';
import { issueText } from '../../../src/domain/messages/render.ts';
import { DEFAULT_COSTS } from '../../../src/domain/parse/costs.ts';
import { kindFromName, parseFileDetailed } from '../../../src/domain/parse/index.ts';
import { siteCost, siteCostTable } from '../../../src/domain/siting/costs.ts';
import type { Hamlet, School, Tower } from '../../../src/domain/types.ts';

const parse = (text: string) => parseFileDetailed('costs', 'costs.json', text);

describe('costs.json', () => {
  it('is found by its name and is optional; every key optional, defaults as the contract says', () => {
    expect(kindFromName('costs.json')).toBe('costs');
    expect(kindFromName('costs_2026.json')).toBe('costs');
    expect(DEFAULT_COSTS).toEqual({ currency: 'VND', siteCapex: 1_500_000_000, solarCapex: 400_000_000, backhaulPerKm: 50_000_000 });
    expect(parse('{}')).toMatchObject({ value: DEFAULT_COSTS, issues: [], count: 1 });
    expect(parse('{"site_capex": 2e9, "backhaul_per_km": 0, "solar_capex": null}').value).toEqual({ ...DEFAULT_COSTS, siteCapex: 2e9, backhaulPerKm: 0 });
    expect(parse('{"currency": "USD", "site_capex": 60000.5}').value).toEqual({ ...DEFAULT_COSTS, currency: 'USD', siteCapex: 60000.5 });
  });

  it('refuses what it cannot use, naming the file and field, in English and in Vietnamese', () => {
    const bad = parse('{"site_capex": "1.500.000.000", "solar_capex": -1, "backhaul_per_km": 1e400, "currency": "vnd"}');
    expect(bad.value).toBeUndefined();
    expect(bad.issues.map((i) => [i.severity, i.code, i.field])).toEqual([
      ['error', 'costs-bad-currency', 'currency'],
      ['error', 'costs-bad-amount', 'site_capex'],
      ['error', 'costs-bad-amount', 'solar_capex'],
      ['error', 'costs-bad-amount', 'backhaul_per_km'],
    ]);
    expect(bad.issues[1]!.message).toBe(
      'costs.json: field "site_capex": is "1.500.000.000", must be a number ≥ 0 (the capital cost of one site), written without quotes or thousands separators',
    );
    expect(issueText(bad.issues[1]!, 'vi')).toBe(
      'costs.json: trường dữ liệu "site_capex": là "1.500.000.000", phải là một số ≥ 0 (chi phí đầu tư một trạm, viết không có dấu ngoặc kép hay dấu phân cách)',
    );
    expect(bad.issues[3]!.message).toBe(
      'costs.json: field "backhaul_per_km": is Infinity, must be a number ≥ 0 (the backhaul cost per km), written without quotes or thousands separators',
    );
    const array = parse('[1, 2]').issues[0]!;
    expect(array).toMatchObject({ code: 'costs-not-object', message: 'costs.json: the file holds a JSON array, must be an object such as {"site_capex": 1500000000}' });
    expect(issueText(array, 'vi')).toMatch(/^costs\.json: tệp chứa một mảng JSON/);
    expect(parse('{"__proto__": {"x": 1}}').issues.map((i) => i.code)).toContain('forbidden-key');
    expect(parse('{"site_capex": 1,').issues[0]).toMatchObject({ code: 'json-truncated' });
  });

  it('warns of an unknown key (a typo would silently take the default) and keeps the rest', () => {
    const typo = parse('{"site_capx": 5, "solar_capex": 7}');
    expect(typo.value).toEqual({ ...DEFAULT_COSTS, solarCapex: 7 });
    expect(typo.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'costs-unknown-key', field: 'site_capx' })]);
  });
});

describe('siteCostTable', () => {
  const hamlet = (id: string, lon: number, gridPower: boolean): Hamlet => ({ id, name: id, lon, lat: 9, population: 10, gridPower, synthetic: true });
  const school: School = { id: 'S', name: 'S', lon: 105.2, lat: 9, level: 'primary', students: 1, fixedBroadband: false, synthetic: true };
  const tower = (id: string, lon: number, technology: Tower['technology'], status: Tower['status'] = 'existing'): Tower => ({
    id,
    operator: 'Viettel',
    status,
    technology,
    lon,
    lat: 9,
    synthetic: true,
  });

  it('site, plus solar at a hamlet without grid, plus backhaul per km to the nearest 4G/5G on air in planned', () => {
    const data = { hamlets: [hamlet('A', 105, true), hamlet('B', 105.1, false)], schools: [school] };
    // The 2G tower is nearer but does not count; the planned 5G one does.
    const towers = [tower('T2', 105.05, '2G'), tower('T4', 105.4, '4G'), tower('T5', 104.9, '5G', 'planned')];
    const { nearest4gKm } = classify(pointColumns(data.hamlets, data.schools), onAirTowers(towers, 'planned'));
    const table = siteCostTable(data, nearest4gKm, DEFAULT_COSTS);
    const km = (lon: number): number => Math.min(haversineKm(lon, 9, 105.4, 9), haversineKm(lon, 9, 104.9, 9));
    expect([...table.cost]).toEqual([
      1_500_000_000 + 50_000_000 * km(105),
      1_500_000_000 + 400_000_000 + 50_000_000 * km(105.1),
      1_500_000_000 + 50_000_000 * km(105.2),
    ]);
    expect(table.backhaulKnown).toBe(true);
  });

  it('with no 4G/5G tower on air, backhaul is priced 0 and said unknown', () => {
    const data = { hamlets: [hamlet('A', 105, false)], schools: [] };
    const { nearest4gKm } = classify(pointColumns(data.hamlets, []), onAirTowers([tower('T3', 105, '3G')], 'planned'));
    expect(siteCostTable(data, nearest4gKm, DEFAULT_COSTS)).toMatchObject({ cost: Float64Array.of(1_900_000_000), backhaulKnown: false });
    expect(siteCost({ ...DEFAULT_COSTS, siteCapex: 0 }, true, 2.5)).toBe(125_000_000);
  });
});
