// Types of the data contract (data/README.md), as the domain holds them after parsing.
// Files use snake_case; the domain uses camelCase with units in the names.
import type { IssueCode, IssueParams } from './messages/codes.ts';

export const TECHNOLOGIES = ['2G', '3G', '4G', '5G'] as const;
export type Technology = (typeof TECHNOLOGIES)[number];

export const TOWER_STATUSES = ['existing', 'planned'] as const;
export type TowerStatus = (typeof TOWER_STATUSES)[number];

export const SCHOOL_LEVELS = [
  'preschool',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'multi_level',
  'continuing',
] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export const DELIVERY_KINDS = ['computer', 'data_sim'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export const METRICS = [
  'hamlets_good_pct',
  'population_good_pct',
  'schools_good_pct',
  'computers_delivered',
  'data_sims_delivered',
  'students_in_need_equipped_pct',
] as const;
export type Metric = (typeof METRICS)[number];

/** Default tower radius in km by technology (contract, coverage rule 2). */
export const DEFAULT_RADIUS_KM: Readonly<Record<Technology, number>> = {
  '2G': 8,
  '3G': 5,
  '4G': 4,
  '5G': 1.5,
};

/** Clutter classes of contract rule 8, in the order of the engine's per-class columns. */
export const CLUTTER_CLASSES = ['urban', 'suburban', 'rural', 'forest'] as const;
export type ClutterClass = (typeof CLUTTER_CLASSES)[number];

/** [lon, lat] in WGS84 degrees. */
export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoordinates = Ring[];
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoordinates }
  | { type: 'MultiPolygon'; coordinates: PolygonCoordinates[] };
export type LineGeometry =
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] };

export interface Boundary {
  id: string;
  name: string;
  geometry: AreaGeometry;
  /** Communes only: the id of the district that holds it. */
  districtId?: string;
  population?: number;
  /** A point inside the polygon for its label, when the file gives one. */
  labelLon?: number;
  labelLat?: number;
}

export interface Hamlet {
  id: string;
  name: string;
  lon: number;
  lat: number;
  population: number;
  households?: number;
  poorHouseholds?: number;
  students?: number;
  /** Defaults to true when the file leaves it out. */
  gridPower: boolean;
  commune?: string;
  district?: string;
  /** Contract rule 8: overrides the landcover class. */
  clutter?: ClutterClass;
  synthetic: boolean;
}

export interface School {
  id: string;
  name: string;
  lon: number;
  lat: number;
  level: SchoolLevel;
  students: number;
  studentsInNeed?: number;
  /** Defaults to false when the file leaves it out. */
  fixedBroadband: boolean;
  commune?: string;
  district?: string;
  /** Contract rule 8: overrides the landcover class. */
  clutter?: ClutterClass;
  synthetic: boolean;
}

export interface Tower {
  id: string;
  lon: number;
  lat: number;
  operator: string;
  status: TowerStatus;
  technology: Technology;
  radiusKm?: number;
  /** ISO YYYY-MM-DD. */
  serviceDate?: string;
  upgradeTechnology?: Technology;
  upgradeRadiusKm?: number;
  upgradeDate?: string;
  heightM?: number;
  /** Carrier frequency in MHz before / after the upgrade (contract rule 8). */
  bandMhz?: number;
  upgradeBandMhz?: number;
  synthetic: boolean;
}

/** A polygon of `boundaries/landcover.geojson`: its clutter class (contract rule 8). */
export interface LandcoverArea {
  clutter: ClutterClass;
  geometry: AreaGeometry;
}

export type RadiusModelName = 'fixed' | 'path_loss';

/** `model.json` with every default filled in (contract, "Version 2"). */
export interface RadioModel {
  radiusModel: RadiusModelName;
  receiverHeightM: number;
  bandMhz: Record<Technology, number>;
  maxPathLossDb: Record<Technology, number>;
  clutterLossDb: Record<ClutterClass, number>;
  /** [min, max] km. */
  radiusLimitsKm: [number, number];
  evidence: { radiusM: number; minTests: number; goodMbps: number; windowDays: number };
}

export interface Delivery {
  /** ISO YYYY-MM-DD. */
  date: string;
  schoolId: string;
  kind: DeliveryKind;
  quantity: number;
  donor?: string;
  /** The network of a data SIM (contract "Version 2"); never set on a computer row. */
  operator?: string;
}

/** One speed test of measurements.csv (contract rule 10). */
export interface Measurement {
  /** ISO YYYY-MM-DD. */
  date: string;
  lon: number;
  lat: number;
  operator: string;
  downloadMbps: number;
  technology?: Technology;
  uploadMbps?: number;
  latencyMs?: number;
  source?: string;
}

export interface Target {
  id: string;
  metric: Metric;
  target: number;
  /** ISO YYYY-MM-DD. */
  deadline: string;
  labelVi: string;
  labelEn: string;
}

export interface Programme {
  name: string;
  /** ISO day the programme began (optional `start` in programme.json, an extension). */
  start?: string;
  targets: Target[];
}

/** costs.json (contract v2, `siting --budget`): what a new site costs. */
export interface Costs {
  /** ISO 4217 code the amounts are in. */
  currency: string;
  /** Every new site. */
  siteCapex: number;
  /** Added at a hamlet with `grid_power: false` (the site needs its own power). */
  solarCapex: number;
  /** Per km from the site to the nearest 4G/5G tower on air in `planned`. */
  backhaulPerKm: number;
}

/** Everything a data folder holds once parsed. Optional files are undefined when absent. */
export interface Dataset {
  province: Boundary[];
  districts: Boundary[];
  communes?: Boundary[];
  /** Not in the contract: an optional context line (boundaries/coastline.geojson). */
  coastline?: LineGeometry[];
  hamlets: Hamlet[];
  schools: School[];
  towers: Tower[];
  deliveries?: Delivery[];
  measurements?: Measurement[];
  programme: Programme;
  /** Contract v2: costs.json (siting --budget), with its defaults filled in. */
  costs?: Costs;
  /** Optional `boundaries/landcover.geojson`, in file order. */
  landcover?: LandcoverArea[];
  /** Optional `model.json`, defaults filled in. */
  model?: RadioModel;
  /** Optional `candidates.geojson` (an extension, issue 18): places the province can build on. */
  candidates?: CandidatePlace[];
}

/** A place of candidates.geojson where a new site may go (siting/candidates.ts). */
export interface CandidatePlace {
  id: string;
  name?: string;
  lon: number;
  lat: number;
  /** Replaces the computed cost of a site here. */
  costVnd?: number;
}

export const FILE_KINDS = [
  'hamlets',
  'schools',
  'towers',
  'province',
  'districts',
  'communes',
  'deliveries',
  'programme',
  'coastline',
  'measurements',
  'costs',
  'landcover',
  'model',
  'candidates',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/**
 * One problem found in user data. `message` is a complete English sentence naming the
 * place; `code` is stable so the UI can translate it.
 */
export interface Issue {
  severity: 'error' | 'warning';
  /** One of the closed list in messages/codes.ts; the dictionaries have its text. */
  code: IssueCode;
  /** What the sentence needs (values, counts, ranges, names): messages/issues-*.ts render it. */
  params?: IssueParams;
  /** File name as the user gave it (relative path or bare name). */
  file: string;
  /** 0-based feature index in a GeoJSON file. */
  featureIndex?: number;
  /** 1-based line in a CSV file, or in a JSON text when the JSON itself is broken. */
  line?: number;
  column?: number;
  /** Property or column name, or `geometry` / `geometry.coordinates`. */
  field?: string;
  id?: string;
  /** A whole-file repair the importer may offer; never applied silently. */
  fix?: 'strip-bom' | 'swap-coordinates' | 'normalize-nfc';
  /** The English sentence (the CLI prints it); the UI renders `issueText(issue, lang)`. */
  message: string;
}
