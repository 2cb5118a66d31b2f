// The gap register (src/domain/gaps/register.ts): rows of a small hand-made dataset with
// known answers, accent-insensitive search, and filterGaps / sortGaps against naive
// versions on random registers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Boundary, Dataset, Hamlet, School, Tower } from '../../../src/domain/types.ts';
import { computeCoverage } from '../../../src/domain/coverage/report.ts';
import {
  filterGaps,
  foldText,
  gapRows,
  matches,
  SORT_KEYS,
  sortGaps,
  TEXT_SORT_KEYS,
  type GapCoverage,
  type GapDues,
  type GapFilter,
  type GapRow,
  type GapSortKey,
} from '../../../src/domain/gaps/register.ts';
import { applyStatusChange, currentGap, EMPTY_STATUSES, GAP_STATUSES, type GapStatuses } from '../../../src/domain/gaps/status.ts';
import { SEED } from '../coverage/classify-helpers.ts';

console.log(`gap register property tests: fast-check seed ${SEED}`);

const run = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns });

function square(id: string, name: string, lon0: number, lat0: number, size: number, districtId?: string): Boundary {
  const ring: [number, number][] = [
    [lon0, lat0],
    [lon0 + size, lat0],
    [lon0 + size, lat0 + size],
    [lon0, lat0 + size],
    [lon0, lat0],
  ];
  const b: Boundary = { id, name, geometry: { type: 'Polygon', coordinates: [ring] } };
  if (districtId !== undefined) b.districtId = districtId;
  return b;
}

function hamlet(id: string, name: string, population: number, fields: Partial<Hamlet> = {}): Hamlet {
  return { id, name, lon: 105.05, lat: 8.65, population, gridPower: true, synthetic: false, ...fields };
}

function school(id: string, name: string, students: number, fields: Partial<School> = {}): School {
  return { id, name, lon: 105.05, lat: 8.65, level: 'primary', students, fixedBroadband: false, synthetic: false, ...fields };
}

function tower(id: string, operator: string, technology: Tower['technology'], lon = 105.05, lat = 8.65): Tower {
  return { id, lon, lat, operator, status: 'existing', technology, synthetic: false };
}

function dataset(hamlets: Hamlet[], schools: School[], towers: Tower[], communes?: Boundary[]): Dataset {
  const d: Dataset = {
    province: [square('96', 'Cà Mau', 105, 8.6, 0.2)],
    districts: [square('D1', 'Huyện Ngọc Hiển', 105, 8.6, 0.1), square('D2', 'Thành phố Cà Mau', 105.1, 8.6, 0.1)],
    hamlets,
    schools,
    towers,
    programme: { name: 'test', targets: [] },
  };
  if (communes) d.communes = communes;
  return d;
}

// ---------------------------------------------------------------------------------------
// The hand-made dataset: levels, nearest towers and districts are given, not computed.

const TOWERS = [tower('T-1', 'Viettel', '4G'), tower('T-2', 'VNPT', '5G'), tower('T-3', 'MobiFone', '2G')];
const COMMUNES = [square('C1', 'Xã Đất Mũi', 105, 8.6, 0.1, 'D1'), square('C2', 'Phường 9', 105.1, 8.6, 0.1, 'D2')];
const HAND = dataset(
  [
    hamlet('H-1', 'Ấp Mũi', 500, { commune: 'C1', lon: 105.01, lat: 8.61 }),
    hamlet('H-2', 'Khóm 2', 1200, { commune: 'C2', gridPower: false, lon: 105.12, lat: 8.62 }),
    hamlet('H-3', 'Khóm 10', 800, { commune: 'C2' }),
    hamlet('H-4', 'Ấp Đất Mới', 50, { commune: 'C9', gridPower: false, lon: 104.9, lat: 8.5 }),
  ],
  [
    school('S-1', 'Trường Tiểu học Đất Mũi', 300, { studentsInNeed: 40, commune: 'C1', lon: 105.02, lat: 8.63 }),
    school('S-2', 'Trường THCS Phường 9', 450, { fixedBroadband: true, commune: 'C2' }),
    school('S-3', 'Trường Mầm non Hoa Sen', 120, { commune: 'C1', lon: 105.03, lat: 8.64 }),
  ],
  TOWERS,
  COMMUNES,
);
const HAND_COVERAGE: GapCoverage = {
  level: Uint8Array.from([0, 1, 2, 0, 1, 2, 0]),
  nearestTower: Int32Array.from([-1, 1, 0, -1, 0, 0, 0]),
  nearestKm: Float64Array.from([NaN, 3.5, 1.2, NaN, 6.2, 0.4, 9.87654321]),
  district: Int32Array.from([0, 1, 1, -1, 0, 1, 0]),
};
const ROWS = gapRows(HAND, TOWERS, HAND_COVERAGE);
const ids = (rows: readonly GapRow[]) => rows.map((r) => r.id);

describe('gapRows', () => {
  it('gives one row per hamlet and school that is not good, hamlets first', () => {
    expect(ids(ROWS)).toEqual(['H-1', 'H-2', 'H-4', 'S-1', 'S-3']);
    expect(ROWS.map((r) => r.point)).toEqual([0, 1, 3, 4, 6]);
  });

  it('fills every field from the dataset, the towers and the coverage', () => {
    expect(ROWS[1]).toEqual({
      point: 1,
      kind: 'hamlet',
      gapId: 'hamlet:H-2',
      id: 'H-2',
      name: 'Khóm 2',
      level: 'weak',
      nearestId: 'T-2',
      nearestOperator: 'VNPT',
      nearestKm: 3.5,
      weight: 1200,
      studentsInNeed: null,
      gridPower: false,
      districtId: 'D2',
      districtName: 'Thành phố Cà Mau',
      communeId: 'C2',
      communeName: 'Phường 9',
      lon: 105.12,
      lat: 8.62,
      searchName: 'khom 2',
      searchId: 'h-2',
      searchArea: 'thanh pho ca mau\nphuong 9',
    });
    expect(ROWS[3]).toMatchObject({
      kind: 'school',
      gapId: 'school:S-1',
      level: 'weak',
      nearestId: 'T-1',
      nearestOperator: 'Viettel',
      nearestKm: 6.2,
      weight: 300,
      studentsInNeed: 40,
      gridPower: null,
      districtId: 'D1',
      communeId: 'C1',
      communeName: 'Xã Đất Mũi',
    });
  });

  it('gives null for no nearest tower, no district, a commune the file lacks, no students_in_need', () => {
    const h4 = ROWS[2] as GapRow;
    expect(h4).toMatchObject({ level: 'none', nearestId: null, nearestOperator: null, nearestKm: null, districtId: null, districtName: null });
    expect(h4).toMatchObject({ communeId: 'C9', communeName: null, gridPower: false });
    expect((ROWS[4] as GapRow).studentsInNeed).toBeNull();
    const noCommunes = gapRows({ ...HAND, communes: undefined }, TOWERS, HAND_COVERAGE);
    expect(noCommunes.map((r) => [r.communeId, r.communeName])).toEqual([
      ['C1', null],
      ['C2', null],
      ['C9', null],
      ['C1', null],
      ['C1', null],
    ]);
  });

  it('takes communes from an index array when given one', () => {
    const commune = Int32Array.from([1, -1, 0, 0, 1, 0, -1]);
    const rows = gapRows(HAND, TOWERS, HAND_COVERAGE, { commune });
    expect(rows.map((r) => r.communeId)).toEqual(['C2', null, 'C1', 'C2', null]);
    expect(rows.map((r) => r.communeName)).toEqual(['Phường 9', null, 'Xã Đất Mũi', 'Phường 9', null]);
  });

  it('refuses coverage arrays of the wrong length, and changes nothing it is given', () => {
    expect(() => gapRows(HAND, TOWERS, { ...HAND_COVERAGE, level: new Uint8Array(3) })).toThrow(/coverage.level has 3 entries for 7 points/);
    expect(() => gapRows(HAND, TOWERS, HAND_COVERAGE, { commune: new Int32Array(1) })).toThrow(/options.commune/);
    const copy = structuredClone(HAND);
    gapRows(HAND, TOWERS, HAND_COVERAGE);
    expect(HAND).toEqual(copy);
  });

  it('agrees with the engine on a computed scenario (nearest tower mapped to dataset.towers)', () => {
    // T-1 4G at (105.05, 8.65) covers 4 km; T-3 2G at (105.15, 8.65) covers 8 km.
    const towers = [tower('T-1', 'Viettel', '4G', 105.05, 8.65), tower('T-3', 'MobiFone', '2G', 105.15, 8.65)];
    const d = dataset(
      [hamlet('A', 'Ấp A', 10, { lon: 105.05, lat: 8.66 }), hamlet('B', 'Ấp B', 20, { lon: 105.16, lat: 8.65 }), hamlet('C', 'Ấp C', 30, { lon: 104.95, lat: 8.5 })],
      [school('S', 'Trường S', 40, { lon: 105.15, lat: 8.66 })],
      towers,
      COMMUNES,
    );
    const columns = computeCoverage(d, 'current');
    const nearest = columns.classification.nearest4g;
    const coverage: GapCoverage = {
      level: columns.classification.level,
      nearestTower: Int32Array.from(nearest, (k) => (k < 0 ? -1 : (columns.towers.towerIndex[k] as number))),
      nearestKm: columns.classification.nearest4gKm,
      district: columns.district,
    };
    const rows = gapRows(d, towers, coverage, { commune: columns.commune });
    expect(rows.map((r) => [r.id, r.level, r.nearestId, r.districtId, r.communeName])).toEqual([
      ['B', 'weak', 'T-1', 'D2', 'Phường 9'],
      ['C', 'none', 'T-1', null, null],
      ['S', 'weak', 'T-1', 'D2', 'Phường 9'],
    ]);
    expect((rows[0] as GapRow).nearestKm).toBeCloseTo(12.08, 1);
  });
});

// ---------------------------------------------------------------------------------------
// Folding and matching.

/** Vietnamese letters with their accented forms (lower case; upper case is made by the test). */
const VARIANTS: Record<string, string[]> = {
  a: [...'aáàảãạăắằẳẵặâấầẩẫậ'],
  e: [...'eéèẻẽẹêếềểễệ'],
  i: [...'iíìỉĩị'],
  o: [...'oóòỏõọôốồổỗộơớờởỡợ'],
  u: [...'uúùủũụưứừửữự'],
  y: [...'yýỳỷỹỵ'],
  d: ['d', 'đ'],
};
const PLAIN_LETTERS = [...'abcdeghiklmnopqrstuvxy'];

/** Vietnamese-ish plain text: lower-case unaccented syllables, with spaces and digits. */
const plainText = fc
  .array(fc.oneof(fc.string({ unit: fc.constantFrom(...PLAIN_LETTERS), minLength: 1, maxLength: 5 }), fc.constantFrom('1', '9', '10', '-')), {
    minLength: 1,
    maxLength: 5,
  })
  .map((words) => words.join(' '));

/** `plain` with random accents, random case, random extra spaces, in NFC or NFD. */
function decorate(plain: string, picks: number[], nfd: boolean): string {
  let out = '';
  [...plain].forEach((ch, i) => {
    const pick = picks[i % picks.length] as number;
    const variants = VARIANTS[ch];
    let c = variants ? (variants[pick % variants.length] as string) : ch;
    if (pick % 3 === 0) c = c.toUpperCase();
    if (ch === ' ' && pick % 4 === 0) c = ' \t ';
    out += c;
  });
  return nfd ? out.normalize('NFD') : out.normalize('NFC');
}
const picksArb = fc.array(fc.nat(1000), { minLength: 1, maxLength: 20 });

/** A register row whose only searchable text is `name` (id, district and commune are blank). */
function rowNamed(name: string): GapRow {
  const d = dataset([hamlet('', name, 1, { lon: 0, lat: 0 })], [], []);
  const coverage: GapCoverage = { level: new Uint8Array(1), nearestTower: Int32Array.of(-1), nearestKm: Float64Array.of(NaN), district: Int32Array.of(-1) };
  return gapRows(d, [], coverage)[0] as GapRow;
}

describe('foldText and matches', () => {
  it('folds Vietnamese to a plain search key', () => {
    expect(foldText('Đất Mũi')).toBe('dat mui');
    expect(foldText('  Xã  ĐẤT   Mũi ')).toBe('xa dat mui');
    expect(foldText('Đất Mũi'.normalize('NFD'))).toBe('dat mui');
    expect(foldText('Nguyễn Thị Định')).toBe('nguyen thi dinh');
    expect(foldText('Ứ Ừ ợ Ỹ ă Â')).toBe('u u o y a a');
    expect(foldText('Ðầm Dơi')).toBe('dam doi');
    expect(foldText('H-31999-01')).toBe('h-31999-01');
    expect(foldText(' AB  c-1 ')).toBe('ab c-1');
    expect(foldText('')).toBe('');
  });

  it('matches on name, id, district and commune, accent- and case-insensitive', () => {
    const [h1, h2, , s1] = ROWS as [GapRow, GapRow, GapRow, GapRow];
    expect(matches(s1, 'dat mui')).toBe(true);
    expect(matches(h1, 'dat mui')).toBe(true); // its commune is Xã Đất Mũi
    expect(matches(h2, 'PHƯỜNG 9')).toBe(true);
    expect(matches(h2, 'thanh  pho')).toBe(true);
    expect(matches(h2, 'h-2')).toBe(true);
    expect(matches(h2, 'khom 3')).toBe(false);
    expect(matches(h2, '')).toBe(true);
    expect(matches(h2, '   ')).toBe(true);
    // A query never spans two fields.
    expect(matches(h2, 'khom 2 h-2')).toBe(false);
    expect(matches(h2, '2\nh')).toBe(false);
  });

  it('foldText is idempotent, on any text and on Vietnamese', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.tuple(plainText, picksArb, fc.boolean()).map(([p, k, n]) => decorate(p, k, n))), (s) => {
        const once = foldText(s);
        expect(foldText(once)).toBe(once);
      }),
      run(1000),
    );
  });

  it('matching does not care about diacritics added or removed', () => {
    fc.assert(
      fc.property(plainText, picksArb, picksArb, fc.boolean(), fc.nat(100), fc.nat(100), (plain, picks, picks2, nfd, from, length) => {
        const fancy = decorate(plain, picks, nfd);
        expect(foldText(fancy)).toBe(foldText(plain));
        const start = from % (plain.length + 1);
        const part = plain.slice(start, start + length);
        // A plain query finds the accented name, an accented query the plain name.
        expect(matches(rowNamed(fancy), part)).toBe(true);
        expect(matches(rowNamed(plain), decorate(part, picks2, !nfd))).toBe(true);
        expect(matches(rowNamed(fancy), decorate(part, picks2, nfd))).toBe(true);
      }),
      run(500),
    );
  });
});

// ---------------------------------------------------------------------------------------
// Random registers for filterGaps and sortGaps.

const NAMES = ['Ấp Mũi', 'ấp mũi', 'Ấp Đất Mới', 'Khóm 2', 'Khóm 10', 'Khóm 1', 'Trường Tiểu học Đất Mũi', 'An', 'Ánh', 'Ấp 3', 'Bạc', 'Dương', 'Đầm Dơi', ''];
const OPERATORS = ['Viettel', 'VNPT', 'MobiFone', 'vinaphone'];

const towerArb = fc.record({ operator: fc.constantFrom(...OPERATORS) });
const pointArb = fc.record({
  school: fc.boolean(),
  name: fc.constantFrom(...NAMES),
  weight: fc.constantFrom(0, 10, 50, 300, 1200),
  studentsInNeed: fc.option(fc.constantFrom(0, 5, 40), { nil: undefined }),
  gridPower: fc.boolean(),
  commune: fc.option(fc.constantFrom('C1', 'C2', 'C9'), { nil: undefined }),
  level: fc.constantFrom(0, 1, 1, 2),
  nearest: fc.integer({ min: -1, max: 4 }),
  km: fc.constantFrom(0.5, 3.5, 3.5, 12),
  district: fc.integer({ min: -1, max: 1 }),
});

const registerArb = fc.tuple(fc.array(towerArb, { maxLength: 4 }), fc.array(pointArb, { maxLength: 40 })).map(([towerSpecs, specs]) => {
  const towers = towerSpecs.map((t, k) => tower(`T-${k}`, t.operator, '4G'));
  const hamletSpecs = specs.filter((s) => !s.school);
  const schoolSpecs = specs.filter((s) => s.school);
  const ordered = [...hamletSpecs, ...schoolSpecs];
  const hamlets = hamletSpecs.map((s, i) => hamlet(`H-${i}`, s.name, s.weight, { gridPower: s.gridPower, ...(s.commune ? { commune: s.commune } : {}) }));
  const schools = schoolSpecs.map((s, i) =>
    school(`S-${i}`, s.name, s.weight, { ...(s.commune ? { commune: s.commune } : {}), ...(s.studentsInNeed !== undefined ? { studentsInNeed: s.studentsInNeed } : {}) }),
  );
  const coverage: GapCoverage = {
    level: Uint8Array.from(ordered, (s) => s.level),
    nearestTower: Int32Array.from(ordered, (s) => (s.nearest < towers.length ? s.nearest : -1)),
    nearestKm: Float64Array.from(ordered, (s) => (s.nearest >= 0 && s.nearest < towers.length ? s.km : NaN)),
    district: Int32Array.from(ordered, (s) => s.district),
  };
  return gapRows(dataset(hamlets, schools, towers, COMMUNES), towers, coverage);
});

const QUERIES = ['', 'ap', 'ẤP', 'dat mui', 'Đất', 'khom 1', 'h-1', 's-', 'phuong', 'ca mau', 'xa', 'zzz', 'mũi'];
const filterArb: fc.Arbitrary<GapFilter> = fc.record(
  {
    districtId: fc.constantFrom('D1', 'D2', 'D9', null),
    communeId: fc.constantFrom('C1', 'C2', 'C9', null),
    operator: fc.constantFrom(...OPERATORS),
    level: fc.constantFrom('none' as const, 'weak' as const),
    gridPower: fc.boolean(),
    minWeight: fc.constantFrom(0, 10, 51, 1200, 5000),
    query: fc.constantFrom(...QUERIES),
    status: fc.constantFrom(...GAP_STATUSES),
    assignedTo: fc.constantFrom(...OPERATORS),
    overdue: fc.boolean(),
    inNetworkOf: fc.constantFrom(...OPERATORS),
  },
  { requiredKeys: [] },
);

/** Due dates for some of the rows (some before, on and after TODAY). */
const TODAY = '2025-06-10';
function duesFor(rows: readonly GapRow[], picks: readonly number[]): GapDues {
  const due = new Map<string, string>();
  rows.forEach((row, i) => {
    const pick = picks[(i + 1) % Math.max(1, picks.length)] ?? 0;
    if (pick % 4 !== 0) due.set(row.gapId, ['2025-06-09', TODAY, '2025-06-11'][pick % 3] as string);
  });
  return { due, today: TODAY };
}

/** Statuses for some of the rows: assigned to an operator, then maybe further along. */
function statusesFor(rows: readonly GapRow[], picks: readonly number[]): GapStatuses {
  let statuses = EMPTY_STATUSES;
  rows.forEach((row, i) => {
    const pick = picks[i % Math.max(1, picks.length)] ?? 0;
    if (pick % 5 === 0) return;
    const steps: { status: (typeof GAP_STATUSES)[number]; operator?: string }[] = [{ status: 'assigned', operator: OPERATORS[pick % 4] as string }];
    if (pick % 5 >= 2) steps.push({ status: 'in_progress' });
    if (pick % 5 >= 3) steps.push({ status: 'resolved' });
    if (pick % 5 >= 4) steps.push({ status: 'disputed' });
    for (const step of steps) {
      const result = applyStatusChange(statuses, { gapId: row.gapId, date: '2025-01-01', ...step });
      if (!result.ok) throw new Error(result.reason);
      statuses = result.statuses;
    }
  });
  return statuses;
}

/** Each gap's planned network (network.ts): here another operator than its nearest on screen for some rows. */
function networksFor(rows: readonly GapRow[], picks: readonly number[]): Map<string, string> {
  const networks = new Map<string, string>();
  rows.forEach((row, i) => {
    const pick = picks[(i + 2) % Math.max(1, picks.length)] ?? 0;
    if (pick % 3 === 0 && row.nearestOperator !== null) networks.set(row.gapId, row.nearestOperator);
    else if (pick % 3 === 1) networks.set(row.gapId, OPERATORS[pick % OPERATORS.length] as string);
  });
  return networks;
}

function naiveFilter(rows: readonly GapRow[], f: GapFilter, statuses: GapStatuses, dues?: GapDues, networks?: ReadonlyMap<string, string>): GapRow[] {
  return rows.filter((r) => {
    if ('districtId' in f && r.districtId !== f.districtId) return false;
    if ('communeId' in f && r.communeId !== f.communeId) return false;
    if ('operator' in f && r.nearestOperator !== f.operator) return false;
    if ('level' in f && r.level !== f.level) return false;
    if ('gridPower' in f && r.gridPower !== f.gridPower) return false;
    if ('minWeight' in f && r.weight < (f.minWeight as number)) return false;
    if ('query' in f) {
      const q = foldText(f.query as string);
      const fields = [r.name, r.id, r.districtName ?? '', r.communeName ?? ''];
      if (!fields.some((text) => foldText(text).includes(q))) return false;
    }
    const state = currentGap(statuses, r.gapId);
    if ('status' in f && state.status !== f.status) return false;
    if ('assignedTo' in f && state.operator !== f.assignedTo) return false;
    // A partner's network: the gap assigned to it, or assigned to no one and nearest to its planned towers.
    if ('inNetworkOf' in f && (state.operator === undefined ? networks?.get(r.gapId) !== f.inNetworkOf : state.operator !== f.inNetworkOf)) return false;
    if (f.overdue === true) {
      const due = dues?.due.get(r.gapId);
      if (due === undefined || due >= (dues?.today ?? '')) return false;
    }
    return true;
  });
}

describe('filterGaps', () => {
  it('filters the hand-made register', () => {
    expect(ids(filterGaps(ROWS, { districtId: 'D1' }))).toEqual(['H-1', 'S-1', 'S-3']);
    expect(ids(filterGaps(ROWS, { districtId: null }))).toEqual(['H-4']);
    expect(ids(filterGaps(ROWS, { communeId: 'C9' }))).toEqual(['H-4']);
    expect(ids(filterGaps(ROWS, { operator: 'Viettel' }))).toEqual(['S-1', 'S-3']);
    expect(ids(filterGaps(ROWS, { level: 'weak' }))).toEqual(['H-2', 'S-1']);
    expect(ids(filterGaps(ROWS, { gridPower: false }))).toEqual(['H-2', 'H-4']);
    expect(ids(filterGaps(ROWS, { minWeight: 300 }))).toEqual(['H-1', 'H-2', 'S-1']);
    expect(ids(filterGaps(ROWS, { query: 'dat' }))).toEqual(['H-1', 'H-4', 'S-1', 'S-3']);
    expect(ids(filterGaps(ROWS, { query: 'Đất Mới' }))).toEqual(['H-4']);
    expect(ids(filterGaps(ROWS, { districtId: 'D1', level: 'none', query: 'hoa sen' }))).toEqual(['S-3']);
    expect(ids(filterGaps(ROWS, {}))).toEqual(ids(ROWS));
  });

  it('filters by status and by the operator a gap is assigned to', () => {
    let statuses = EMPTY_STATUSES;
    for (const change of [
      { gapId: 'hamlet:H-2', status: 'assigned' as const, operator: 'VNPT', date: '2025-03-01' },
      { gapId: 'school:S-3', status: 'assigned' as const, operator: 'Viettel', date: '2025-03-02' },
      { gapId: 'school:S-3', status: 'in_progress' as const, date: '2025-03-09' },
    ]) {
      const result = applyStatusChange(statuses, change);
      if (!result.ok) throw new Error(result.reason);
      statuses = result.statuses;
    }
    expect(ids(filterGaps(ROWS, { status: 'assigned' }, statuses))).toEqual(['H-2']);
    expect(ids(filterGaps(ROWS, { status: 'open' }, statuses))).toEqual(['H-1', 'H-4', 'S-1']);
    expect(ids(filterGaps(ROWS, { status: 'open' }))).toEqual(ids(ROWS));
    expect(ids(filterGaps(ROWS, { assignedTo: 'Viettel' }, statuses))).toEqual(['S-3']);
    // Viettel's network: S-1 is nearest to its planned towers, S-3 is assigned to it; H-2 is VNPT's by
    // assignment. H-1's nearest tower on screen is not its planned network: the planned one counts.
    const networks = new Map(ROWS.flatMap((r) => (r.nearestOperator === null ? [] : [[r.gapId, r.nearestOperator] as const])));
    expect(ids(filterGaps(ROWS, { inNetworkOf: 'Viettel' }, statuses, undefined, undefined, networks))).toEqual(['S-1', 'S-3']);
    expect(ids(filterGaps(ROWS, { inNetworkOf: 'VNPT' }, statuses, undefined, undefined, networks))).toContain('H-2');
    networks.set('hamlet:H-1', 'Viettel');
    expect(ids(filterGaps(ROWS, { inNetworkOf: 'Viettel' }, statuses, undefined, undefined, networks))).toEqual(['H-1', 'S-1', 'S-3']);
    // Without the networks only assignments count.
    expect(ids(filterGaps(ROWS, { inNetworkOf: 'Viettel' }, statuses))).toEqual(['S-3']);
    const dues: GapDues = { due: new Map([['hamlet:H-2', '2025-03-31'], ['school:S-3', '2025-04-30']]), today: '2025-04-30' };
    expect(ids(filterGaps(ROWS, { overdue: true }, statuses, undefined, dues))).toEqual(['H-2']);
    expect(ids(filterGaps(ROWS, { overdue: true }, statuses, undefined, { ...dues, today: '2025-05-01' }))).toEqual(['H-2', 'S-3']);
    expect(ids(filterGaps(ROWS, { overdue: true }, statuses))).toEqual([]);
  });

  it('equals a naive filter on random registers, filters and statuses', () => {
    fc.assert(
      fc.property(registerArb, filterArb, fc.array(fc.nat(100), { maxLength: 10 }), (rows, filter, picks) => {
        const statuses = statusesFor(rows, picks);
        const dues = duesFor(rows, picks);
        const networks = networksFor(rows, picks);
        const got = filterGaps(rows, filter, statuses, undefined, dues, networks);
        expect(got).toEqual(naiveFilter(rows, filter, statuses, dues, networks));
        got.forEach((row) => expect(rows).toContain(row));
      }),
      run(400),
    );
  });
});

// ---------------------------------------------------------------------------------------
// Sorting.

const NUMERIC_KEYS: ReadonlySet<GapSortKey> = new Set(SORT_KEYS.filter((k) => !(TEXT_SORT_KEYS as readonly string[]).includes(k)));

function keyValue(row: GapRow, key: GapSortKey): string | number | null {
  if (key === 'level') return row.level === 'none' ? 0 : 1;
  if (key === 'gridPower') return row.gridPower === null ? null : Number(row.gridPower);
  return row[key];
}

describe('sortGaps', () => {
  it('sorts the hand-made register', () => {
    expect(ids(sortGaps(ROWS, 'name', 'asc', 'vi'))).toEqual(['H-4', 'H-1', 'H-2', 'S-3', 'S-1']);
    expect(ids(sortGaps(ROWS, 'name', 'desc', 'vi'))).toEqual(['S-1', 'S-3', 'H-2', 'H-1', 'H-4']);
    expect(ids(sortGaps(ROWS, 'nearestKm', 'asc', 'vi'))).toEqual(['H-2', 'S-1', 'S-3', 'H-1', 'H-4']);
    expect(ids(sortGaps(ROWS, 'nearestKm', 'desc', 'vi'))).toEqual(['S-3', 'S-1', 'H-2', 'H-1', 'H-4']);
    expect(ids(sortGaps(ROWS, 'studentsInNeed', 'desc', 'en'))).toEqual(['S-1', 'H-1', 'H-2', 'H-4', 'S-3']);
    expect(ids(sortGaps(ROWS, 'weight', 'desc', 'vi'))).toEqual(['H-2', 'H-1', 'S-1', 'S-3', 'H-4']);
    expect(ids(sortGaps(ROWS, 'level', 'asc', 'vi'))).toEqual(['H-1', 'H-4', 'S-3', 'H-2', 'S-1']);
    expect(ids(sortGaps(ROWS, 'districtName', 'asc', 'vi'))).toEqual(['H-1', 'S-1', 'S-3', 'H-2', 'H-4']);
    expect(ids(sortGaps(ROWS, 'gridPower', 'asc', 'vi'))).toEqual(['H-2', 'H-4', 'H-1', 'S-1', 'S-3']);
  });

  it('puts Đ after D, and "Khóm 2" before "Khóm 10"', () => {
    const rows = ['Đầm Dơi', 'Khóm 10', 'Dương', 'Khóm 2', 'An'].map(rowNamed);
    expect(sortGaps(rows, 'name', 'asc', 'vi').map((r) => r.name)).toEqual(['An', 'Dương', 'Đầm Dơi', 'Khóm 2', 'Khóm 10']);
  });

  it('orders random Vietnamese names as the collator does', () => {
    const collator = new Intl.Collator('vi', { numeric: true });
    const name = fc.oneof(
      fc.tuple(plainText, picksArb, fc.boolean()).map(([p, k, nfd]) => decorate(p, k, nfd)),
      fc.string({ unit: fc.constantFrom(...'aAăâbdđĐeêoôơuưy 0129-_.,ÀẠẮẶ'), maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(name, { maxLength: 60 }), fc.constantFrom('asc' as const, 'desc' as const), (names, direction) => {
        const sorted = sortGaps(names.map(rowNamed), 'name', direction, 'vi').map((r) => r.name);
        const expected = [...names].sort((a, b) => (direction === 'asc' ? collator.compare(a, b) : collator.compare(b, a)));
        expect(sorted.length).toBe(names.length);
        sorted.forEach((got, i) => expect(collator.compare(got, expected[i] as string)).toBe(0));
      }),
      run(300),
    );
  });

  it('is a stable permutation, ordered, nulls last, on random registers', () => {
    const collators = { vi: new Intl.Collator('vi', { numeric: true }), en: new Intl.Collator('en', { numeric: true }) };
    fc.assert(
      fc.property(
        registerArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
        fc.constantFrom(...SORT_KEYS),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.constantFrom('vi' as const, 'en' as const),
        ([, input], key, direction, lang) => {
          const sorted = sortGaps(input, key, direction, lang);
          const position = new Map(input.map((r, i) => [r, i]));
          expect([...sorted].sort((a, b) => a.point - b.point)).toEqual([...input].sort((a, b) => a.point - b.point));
          expect(new Set(sorted).size).toBe(input.length);
          const sign = direction === 'asc' ? 1 : -1;
          for (let i = 1; i < sorted.length; i++) {
            const a = keyValue(sorted[i - 1] as GapRow, key);
            const b = keyValue(sorted[i] as GapRow, key);
            if (a === null) expect(b).toBeNull();
            if (a === null || b === null) {
              if (a === null && b === null) expect(position.get(sorted[i - 1] as GapRow)).toBeLessThan(position.get(sorted[i] as GapRow) as number);
              continue;
            }
            const c = NUMERIC_KEYS.has(key) ? Math.sign((a as number) - (b as number)) : collators[lang].compare(a as string, b as string);
            expect(sign * c).toBeLessThanOrEqual(0);
            if (c === 0) expect(position.get(sorted[i - 1] as GapRow)).toBeLessThan(position.get(sorted[i] as GapRow) as number);
          }
        },
      ),
      run(400),
    );
  });
});

// ---------------------------------------------------------------------------------------
// 100 000 rows: timings printed, not asserted.

describe('a register of 100 000 rows', () => {
  it('builds, filters and sorts (timings in the console)', () => {
    const n = 100_000;
    const syllables = ['Ấp', 'Khóm', 'Tân', 'Đất', 'Mũi', 'Hưng', 'Lợi', 'Phú', 'Thạnh', 'Bình', 'Đông', 'Tây'];
    const hamlets: Hamlet[] = [];
    for (let i = 0; i < n; i++) {
      const name = `${syllables[i % 12]} ${syllables[(i * 7) % 11]} ${i % 97}`;
      hamlets.push(hamlet(`H-${i}`, name, (i * 37) % 2000, { commune: i % 3 === 0 ? 'C1' : 'C2', lon: 105 + (i % 1000) / 10000, lat: 8.6 + i / n / 10 }));
    }
    const coverage: GapCoverage = {
      level: Uint8Array.from({ length: n }, (_, i) => (i % 3 === 2 ? 1 : 0)),
      nearestTower: Int32Array.from({ length: n }, (_, i) => (i % 5) - 1),
      nearestKm: Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? NaN : (i % 991) / 37)),
      district: Int32Array.from({ length: n }, (_, i) => (i % 4) - 1),
    };
    // Three times: the first is cold (not yet JIT-compiled); the best of the three is printed with it.
    const cold: Record<string, number> = {};
    const ms: Record<string, number> = {};
    const time = (name: string, t: number) => {
      const took = performance.now() - t;
      cold[name] ??= took;
      ms[name] = Math.min(ms[name] ?? Infinity, took);
    };
    let rows: GapRow[] = [];
    const d = dataset(hamlets, [], TOWERS, COMMUNES);
    for (let pass = 0; pass < 3; pass++) {
      let t = performance.now();
      rows = gapRows(d, TOWERS, coverage);
      time('build', t);
      t = performance.now();
      const found = filterGaps(rows, { query: 'dat mui', minWeight: 100 });
      time('filter', t);
      t = performance.now();
      sortGaps(rows, 'name', 'asc', 'vi');
      time('sort by name', t);
      t = performance.now();
      sortGaps(rows, 'id', 'desc', 'vi');
      time('sort by id (all distinct)', t);
      t = performance.now();
      sortGaps(rows, 'nearestKm', 'desc', 'vi');
      time('sort by km', t);
      expect(found.length).toBeGreaterThan(0);
    }
    expect(rows.length).toBe(n);
    const text = Object.keys(ms)
      .map((k) => `${k} ${(ms[k] as number).toFixed(1)} ms (cold ${(cold[k] as number).toFixed(1)})`)
      .join(', ');
    console.log(`gap register, ${rows.length} rows, best of 3: ${text}`);
  });
});
