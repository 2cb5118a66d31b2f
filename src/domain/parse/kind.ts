import {
  FILE_KINDS,
  type Boundary,
  type CandidatePlace,
  type Costs,
  type Delivery,
  type FileKind,
  type Hamlet,
  type LandcoverArea,
  type LineGeometry,
  type Measurement,
  type Programme,
  type RadioModel,
  type School,
  type Tower,
} from '../types.ts';

/** What `parseFile` gives for each kind of file. */
export interface KindValue {
  hamlets: Hamlet[];
  schools: School[];
  towers: Tower[];
  province: Boundary[];
  districts: Boundary[];
  communes: Boundary[];
  coastline: LineGeometry[];
  deliveries: Delivery[];
  programme: Programme;
  measurements: Measurement[];
  costs: Costs;
  landcover: LandcoverArea[];
  model: RadioModel;
  candidates: CandidatePlace[];
}

/** Where each kind lives in a data folder (contract, "Input files"). */
export const DATASET_PATHS: Readonly<Record<FileKind, string>> = {
  province: 'boundaries/province.geojson',
  districts: 'boundaries/districts.geojson',
  communes: 'boundaries/communes.geojson',
  coastline: 'boundaries/coastline.geojson',
  hamlets: 'hamlets.geojson',
  schools: 'schools.geojson',
  towers: 'towers.geojson',
  deliveries: 'deliveries.csv',
  programme: 'programme.json',
  measurements: 'measurements.csv',
  costs: 'costs.json',
  landcover: 'boundaries/landcover.geojson',
  model: 'model.json',
  candidates: 'candidates.geojson',
};

export const OPTIONAL_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(['communes', 'coastline', 'deliveries', 'measurements', 'costs', 'landcover', 'model', 'candidates']);

function extensionsOf(kind: FileKind): readonly string[] {
  if (kind === 'deliveries' || kind === 'measurements') return ['.csv'];
  if (kind === 'programme' || kind === 'costs' || kind === 'model') return ['.json'];
  return ['.geojson', '.json'];
}

/**
 * The kind word a file name contains, when its extension fits that kind: "my_towers.geojson"
 * is a towers file, "deliveries_2021.csv" a deliveries file. Undefined when no kind fits, or
 * when two do ("districts_hamlets.geojson"): guessing would check against the wrong rules.
 */
export function kindFromName(fileName: string): FileKind | undefined {
  const base = (fileName.split(/[/\\]/).pop() ?? '').toLowerCase();
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const stem = base.slice(0, dot);
  const extension = base.slice(dot);
  const found = FILE_KINDS.filter((kind) => stem.includes(kind) && extensionsOf(kind).includes(extension));
  return found.length === 1 ? found[0] : undefined;
}

/** How many of a kind, for summaries: "6 hamlets", "1 target". */
export function countNoun(kind: FileKind, count: number): string {
  const nouns: Record<FileKind, [string, string]> = {
    hamlets: ['hamlet', 'hamlets'],
    schools: ['school', 'schools'],
    towers: ['tower', 'towers'],
    province: ['province', 'provinces'],
    districts: ['district', 'districts'],
    communes: ['commune', 'communes'],
    coastline: ['coastline', 'coastlines'],
    deliveries: ['delivery', 'deliveries'],
    programme: ['target', 'targets'],
    measurements: ['test', 'tests'],
    costs: ['cost table', 'cost tables'],
    landcover: ['landcover area', 'landcover areas'],
    model: ['model', 'models'],
    candidates: ['candidate place', 'candidate places'],
  };
  return `${count} ${nouns[kind][count === 1 ? 0 : 1]}`;
}
