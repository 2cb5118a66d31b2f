// The simulated part of the bundled dataset, from the real boundaries and a seed.
import type { Delivery, Hamlet, Measurement, Programme, School, Tower } from '../domain/types.ts';
import type { SynthesisBoundaries } from './boundaries.ts';
import { generateDeliveries } from './deliveries.ts';
import { deliveriesText, hamletsText, programmeText, schoolsText, towersText } from './files.ts';
import { generateHamlets } from './hamlets.ts';
import { generateMeasurements, measurementsText } from './measurements.ts';
import { landcoverText, simulateLandcover, type SimulatedLandcover } from './landcover.ts';
import { modelText } from './model.ts';
import { PROGRAMME } from './programme.ts';
import { createRandom } from './random.ts';
import { buildRegion } from './regions.ts';
import { generateSchools } from './schools.ts';
import { generateTowers } from './towers.ts';

/** The seed of the committed dataset (the programme's mid-October deadline). */
export const DEFAULT_SEED = 20211015;

export interface SimulatedData {
  hamlets: Hamlet[];
  schools: School[];
  towers: Tower[];
  deliveries: Delivery[];
  programme: Programme;
  /** boundaries/landcover.geojson (contract rule 8), simulated. */
  landcover: SimulatedLandcover[];
  /** measurements.csv (contract rule 10), simulated speed tests. */
  measurements: Measurement[];
}

export function simulate(boundaries: SynthesisBoundaries, seed: number = DEFAULT_SEED): SimulatedData {
  const random = createRandom(seed);
  const region = buildRegion(boundaries);
  const hamlets = generateHamlets(region, random.fork('hamlets'));
  const schools = generateSchools(region, hamlets, random.fork('schools'));
  const towers = generateTowers(region, hamlets, random.fork('towers'));
  const deliveries = generateDeliveries(schools, random.fork('deliveries'));
  const landcover = simulateLandcover(boundaries);
  const measurements = generateMeasurements(region, hamlets, towers, landcover, random.fork('measurements'));
  return { hamlets, schools, towers, deliveries, programme: PROGRAMME, landcover, measurements };
}

/** File texts keyed by their path inside the data folder. */
export function serializeDataset(data: SimulatedData): Record<string, string> {
  return {
    'hamlets.geojson': hamletsText(data.hamlets),
    'schools.geojson': schoolsText(data.schools),
    'towers.geojson': towersText(data.towers),
    'deliveries.csv': deliveriesText(data.deliveries),
    'programme.json': programmeText(data.programme),
    'boundaries/landcover.geojson': landcoverText(data.landcover),
    'model.json': modelText(),
    'measurements.csv': measurementsText(data.measurements),
  };
}

/** Pure: the same boundaries and seed always give the same bytes. */
export function generateDataset(boundaries: SynthesisBoundaries, seed: number = DEFAULT_SEED): Record<string, string> {
  return serializeDataset(simulate(boundaries, seed));
}
