import { districtIndexOf, locateDistricts, lonLatOf } from '../coverage/districts.ts';
import { FILE_KINDS, type Boundary, type Dataset, type Delivery, type FileKind, type Issue, type Tower } from '../types.ts';
import { outsideProvinceIssues } from '../evidence/outside.ts';
import { operatorNames } from '../coverage/scenario-levels.ts';
import { parseFileDetailed, type FileResult } from './file.ts';
import { cut } from '../messages/codes.ts';
import { IssueList, makeIssue } from './issues.ts';
import { DATASET_PATHS, OPTIONAL_KINDS, kindFromName, type KindValue } from './kind.ts';

export interface SourceFile {
  /** Relative to the data folder, e.g. 'boundaries/districts.geojson'. */
  path: string;
  text: string;
}

const MAKER = Symbol('lazy text');

/** A text made when first read, once; `lazySource` takes it. */
export type TextMaker = () => string;

/** `make`, called once at most: its text is kept. */
export function once(make: () => string): TextMaker {
  let text: string | undefined;
  return () => (text ??= make());
}

/**
 * A file whose text is made only when something reads it (a table import's GeoJSON, kept for
 * saving and later imports): checking the data set with the file's own check (`checked`)
 * never needs it.
 */
export function lazySource(path: string, make: TextMaker): SourceFile {
  return Object.defineProperties({ path } as SourceFile, {
    text: { get: make, enumerable: true },
    [MAKER]: { value: make },
  });
}

/** Whether a file has a text made when first read. */
export const isLazy = (file: SourceFile): boolean => (file as { [MAKER]?: TextMaker })[MAKER] !== undefined;

/** The same file (its text lazy or not) under another path. */
export function atPath(file: SourceFile, path: string): SourceFile {
  const make = (file as { [MAKER]?: TextMaker })[MAKER];
  return make ? lazySource(path, make) : { path, text: file.text };
}

/** Whether a file's text is `text` (or made by it), without making a lazy text. */
export function hasText(file: SourceFile, text: string | TextMaker): boolean {
  const make = (file as { [MAKER]?: TextMaker })[MAKER];
  if (typeof text === 'function') return make === text;
  return make === undefined && file.text === text;
}

export interface FileReport {
  path: string;
  kind: FileKind;
  /** Records read: features, CSV rows or targets. */
  count: number;
  /** True when the file is the one the data set uses for its kind. */
  inDataset: boolean;
}

export interface FolderReport {
  dataset: Dataset | undefined;
  /** Every issue: per file first (in path order), then the checks across files. */
  issues: Issue[];
  files: FileReport[];
}

export interface FolderOptions {
  /**
   * Also check files whose name tells a kind but which the data set does not use
   * ("old_towers.geojson"). The command line does; the app's loader does not, so that a
   * stray file cannot block an import.
   */
  checkEveryKnownFile?: boolean;
  /**
   * Files already checked on their own, by kind: used as they are when the folder's file of
   * that kind has the very same text (an import checks each file, then the whole set; a
   * national file is not parsed twice). Their own issues are the caller's to report, or
   * given as `issues` to be said here, where parsing would say them.
   */
  checked?: Partial<Record<FileKind, { text: string | TextMaker; result: FileResult<FileKind>; issues?: Issue[] }>>;
}

function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/** Paths as the data folder's own: a browser's folder pick prefixes its name ("data/…"). */
function relativePaths(files: SourceFile[]): SourceFile[] {
  const normal = files.map((f) => atPath(f, normalisePath(f.path)));
  const canonical = new Set(Object.values(DATASET_PATHS));
  if (normal.some((f) => canonical.has(f.path))) return normal;
  const tops = new Set(normal.map((f) => f.path.split('/')[0]));
  if (tops.size !== 1 || !normal.every((f) => f.path.includes('/'))) return normal;
  return normal.map((f) => atPath(f, f.path.slice(f.path.indexOf('/') + 1)));
}

type Results = { [K in FileKind]?: FileResult<K> };

/** A name with case, marks, spaces and dots set aside: "Viettel" and "viettel " match. */
const looseName = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[\s._-]/g, '').toLowerCase();

/**
 * Data SIMs whose operator is written otherwise than towers.geojson writes it ("viettel" for
 * "Viettel"): said once, with the count and the first line. They are kept under the name as
 * written (the card shows them with no good signal), since guessing would change the figure
 * silently. A name no tower has at all (a towers file of one partner) is not a slip: the card
 * shows its network at 0 %.
 */
function misspelledOperatorIssues(deliveries: readonly Delivery[], lines: readonly number[] | undefined, towers: readonly Tower[]): Issue[] {
  const known = operatorNames(towers);
  const byLoose = new Map(known.map((name) => [looseName(name), name]));
  const slips = deliveries.flatMap((d, index) => {
    const meant = d.operator === undefined || known.includes(d.operator) ? undefined : byLoose.get(looseName(d.operator));
    return meant === undefined ? [] : [{ written: d.operator as string, meant, index }];
  });
  const first = slips[0];
  if (first === undefined) return [];
  const names = [...new Map(slips.map((s) => [s.written, s.meant]))];
  const line = lines?.[first.index];
  const list = new IssueList(DATASET_PATHS.deliveries);
  list.warning('unknown-operator', line === undefined ? { field: 'operator' } : { line, field: 'operator' }, {
    count: slips.length,
    total: deliveries.filter((d) => d.operator !== undefined).length,
    names: names.length,
    operators: names.slice(0, 5).map(([written]) => cut(written)),
    known: names.slice(0, 5).map(([, meant]) => cut(meant)),
    in: DATASET_PATHS.towers,
  });
  return list.finish();
}

/** Cross-file rules. Each runs only when the files it needs parsed without errors. */
function crossCheck(results: Results, issues: Issue[]): void {
  const districts = results.districts?.value;
  const communes = results.communes?.value;
  if (districts && communes) {
    const list = new IssueList(DATASET_PATHS.communes);
    const ids = new Set(districts.map((d) => d.id));
    communes.forEach((commune, index) => {
      if (commune.districtId !== undefined && !ids.has(commune.districtId)) {
        list.error('unknown-district', { featureIndex: index, id: commune.id, field: 'district_id' }, { district: cut(commune.districtId), in: DATASET_PATHS.districts });
      }
    });
    issues.push(...list.finish());
  }
  const schools = results.schools?.value;
  const deliveries = results.deliveries;
  if (schools && deliveries?.value) {
    // README: rows for a school id not in schools.geojson count for the province only. So a
    // schools file that lacks some delivered schools is said once, with the count, not refused.
    const ids = new Set(schools.map((s) => s.id));
    const unknown = deliveries.value.flatMap((delivery, index) => (ids.has(delivery.schoolId) ? [] : [{ delivery, index }]));
    if (unknown.length > 0) {
      const first = unknown[0] as (typeof unknown)[number];
      const line = deliveries.lines?.[first.index];
      const names = [...new Set(unknown.map((u) => u.delivery.schoolId))];
      const list = new IssueList(DATASET_PATHS.deliveries);
      list.warning('unknown-school', line === undefined ? { field: 'school_id' } : { line, field: 'school_id' }, {
        count: unknown.length,
        total: deliveries.value.length,
        schools: names.length,
        ids: names.slice(0, 5).map((id) => cut(id)),
        in: DATASET_PATHS.schools,
      });
      issues.push(...list.finish());
    }
  }
  const towersValue = results.towers?.value;
  if (towersValue && deliveries?.value) issues.push(...misspelledOperatorIssues(deliveries.value, deliveries.lines, towersValue));
  const province = results.province?.value;
  const measurements = results.measurements;
  if (province && measurements?.value) {
    issues.push(...outsideProvinceIssues(DATASET_PATHS.measurements, DATASET_PATHS.province, measurements.value, measurements.lines, province));
  }
  const towers = results.towers?.value;
  if (towers && results.model?.value?.radiusModel === 'path_loss') issues.push(...pathLossHeightIssues(towers));
  if (districts) {
    const hamlets = results.hamlets?.value;
    const schoolsValue = results.schools?.value;
    if (hamlets) issues.push(...outsideDistricts('hamlets', hamlets, districts));
    if (schoolsValue) issues.push(...outsideDistricts('schools', schoolsValue, districts));
  }
}

/**
 * Contract rule 8: under `path_loss`, a tower height below 1 m is refused (log10 hB would
 * turn the Hata terms upside down). Towers are feature-aligned once their file has no error.
 * The command line calls it too when `--radius-model path_loss` overrides model.json.
 */
export function pathLossHeightIssues(towers: readonly Tower[], file = DATASET_PATHS.towers): Issue[] {
  const list = new IssueList(file);
  towers.forEach((tower, index) => {
    if (tower.heightM !== undefined && tower.heightM < 1) {
      list.error('height-below-1m', { featureIndex: index, id: tower.id, field: 'height_m' }, { value: tower.heightM });
    }
  });
  return list.finish();
}

/** Contract rule 7: points inside no district are valid; one warning per file says so. */
function outsideDistricts(kind: FileKind, points: { id: string; lon: number; lat: number }[], districts: Boundary[]): Issue[] {
  // The raster join (coverage/districts.ts) answers as the plain loop over the districts does.
  const { lon, lat } = lonLatOf(points);
  const where = locateDistricts(districtIndexOf(districts), lon, lat);
  const outside = points.filter((_, i) => (where[i] as number) < 0);
  if (outside.length === 0) return [];
  const list = new IssueList(DATASET_PATHS[kind]);
  list.warning('outside-districts', {}, {
    count: outside.length,
    total: points.length,
    kind,
    in: DATASET_PATHS.districts,
    ids: outside.slice(0, 5).map((p) => cut(p.id)),
  });
  return list.finish();
}

function missingFile(kind: FileKind, files: SourceFile[]): Issue {
  const path = DATASET_PATHS[kind];
  const elsewhere = files.find((f) => kindFromName(f.path) === kind);
  return makeIssue('error', 'missing-file', path, {}, elsewhere ? { found: cut(elsewhere.path) } : {});
}

/** Checks a whole data folder: each file, the files it must have, and the rules across files. */
export function validateFolder(files: SourceFile[], options: FolderOptions = {}): FolderReport {
  const sources = relativePaths(files).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const issues: Issue[] = [];
  const reports: FileReport[] = [];
  const results: Results = {};
  const byPath = new Map(sources.map((f) => [f.path, f]));

  for (const source of sources) {
    const kind = kindFromName(source.path);
    if (kind === undefined) continue;
    const inDataset = DATASET_PATHS[kind] === source.path;
    if (!inDataset && !options.checkEveryKnownFile) continue;
    const pre = inDataset ? options.checked?.[kind] : undefined;
    const result = pre && hasText(source, pre.text) && pre.result.value !== undefined ? { ...pre.result, issues: pre.issues ?? [] } : parseFileDetailed(kind, source.path, source.text);
    issues.push(...result.issues);
    reports.push({ path: source.path, kind, count: result.count, inDataset });
    if (inDataset) (results as Record<FileKind, FileResult<FileKind>>)[kind] = result;
  }
  const byPathOrder = [...FILE_KINDS].sort((a, b) => (DATASET_PATHS[a] < DATASET_PATHS[b] ? -1 : 1));
  for (const kind of byPathOrder) {
    if (!OPTIONAL_KINDS.has(kind) && !byPath.has(DATASET_PATHS[kind])) issues.push(missingFile(kind, sources));
  }
  crossCheck(results, issues);

  const failed = issues.some((issue) => issue.severity === 'error');
  return { dataset: failed ? undefined : assemble(results), issues, files: reports };
}

function assemble(results: Results): Dataset | undefined {
  const need = <K extends FileKind>(kind: K): KindValue[K] | undefined => results[kind]?.value as KindValue[K] | undefined;
  const province = need('province');
  const districts = need('districts');
  const hamlets = need('hamlets');
  const schools = need('schools');
  const towers = need('towers');
  const programme = need('programme');
  if (!province || !districts || !hamlets || !schools || !towers || !programme) return undefined;
  const dataset: Dataset = { province, districts, hamlets, schools, towers, programme };
  const communes = need('communes');
  const coastline = need('coastline');
  const deliveries = need('deliveries');
  if (communes) dataset.communes = communes;
  if (coastline) dataset.coastline = coastline;
  if (deliveries) dataset.deliveries = deliveries;
  const measurements = need('measurements');
  if (measurements) dataset.measurements = measurements;
  const costs = need('costs');
  if (costs) dataset.costs = costs;
  const landcover = need('landcover');
  const model = need('model');
  if (landcover) dataset.landcover = landcover;
  if (model) dataset.model = model;
  const candidates = need('candidates');
  if (candidates) dataset.candidates = candidates;
  return dataset;
}

/** The data set of a folder's files, undefined when any issue is an error. */
export function parseDataset(files: SourceFile[], options: Pick<FolderOptions, 'checked'> = {}): { dataset: Dataset | undefined; issues: Issue[] } {
  const { dataset, issues } = validateFolder(files, options);
  return { dataset, issues };
}
