import {
  CLUTTER_CLASSES,
  SCHOOL_LEVELS,
  TECHNOLOGIES,
  TOWER_STATUSES,
  type Hamlet,
  type School,
  type Tower,
} from '../types.ts';
import type { FileContext } from './context.ts';
import { mapFeatures, type FeatureReader } from './features.ts';
import { readPoint } from './geojson.ts';
import { atField } from './issues.ts';

/** Radii beyond this are allowed but probably metres or a typo. */
export const LARGE_RADIUS_KM = 50;
/** Contract rule 8: the carrier frequencies the Hata formulas are read for, MHz. */
export const BAND_MIN_MHZ = 100;
export const BAND_MAX_MHZ = 6000;

export function parseHamlets(ctx: FileContext, value: unknown): Hamlet[] {
  return mapFeatures(ctx, value, readHamlet(ctx));
}

/** One hamlet feature's checks and record (shared by the streaming reader, columnar/). */
export function readHamlet(ctx: FileContext): FeatureReader<Hamlet> {
  return (feature, p, id) => {
    const position = readPoint(ctx, feature);
    const name = p.requiredString('name');
    const population = p.requiredCount('population');
    const households = p.optionalCount('households');
    const poorHouseholds = p.optionalCount('poor_households');
    const students = p.optionalCount('students');
    const gridPower = p.optionalBoolean('grid_power');
    const commune = p.optionalString('commune');
    const district = p.optionalString('district');
    const clutter = p.optionalEnum('clutter', CLUTTER_CLASSES);
    const synthetic = p.optionalBoolean('synthetic');
    if (poorHouseholds !== undefined && households !== undefined && poorHouseholds > households) {
      ctx.issues.error('exceeds', atField(feature.place, 'poor_households'), { value: poorHouseholds, other: 'households', otherValue: households });
    }
    if (!position || id === undefined || name === undefined || population === undefined) return undefined;
    const hamlet: Hamlet = {
      id,
      name,
      lon: position[0],
      lat: position[1],
      population,
      gridPower: gridPower ?? true,
      synthetic: synthetic ?? false,
    };
    if (households !== undefined) hamlet.households = households;
    if (poorHouseholds !== undefined) hamlet.poorHouseholds = poorHouseholds;
    if (students !== undefined) hamlet.students = students;
    if (commune !== undefined) hamlet.commune = commune;
    if (district !== undefined) hamlet.district = district;
    if (clutter !== undefined) hamlet.clutter = clutter;
    return hamlet;
  };
}

export function parseSchools(ctx: FileContext, value: unknown): School[] {
  return mapFeatures(ctx, value, readSchool(ctx));
}

export function readSchool(ctx: FileContext): FeatureReader<School> {
  return (feature, p, id) => {
    const position = readPoint(ctx, feature);
    const name = p.requiredString('name');
    const level = p.requiredEnum('level', SCHOOL_LEVELS);
    const students = p.requiredCount('students');
    const studentsInNeed = p.optionalCount('students_in_need');
    const fixedBroadband = p.optionalBoolean('fixed_broadband');
    const commune = p.optionalString('commune');
    const district = p.optionalString('district');
    const clutter = p.optionalEnum('clutter', CLUTTER_CLASSES);
    const synthetic = p.optionalBoolean('synthetic');
    if (studentsInNeed !== undefined && students !== undefined && studentsInNeed > students) {
      ctx.issues.error('exceeds', atField(feature.place, 'students_in_need'), { value: studentsInNeed, other: 'students', otherValue: students });
    }
    if (!position || id === undefined || name === undefined || level === undefined || students === undefined) {
      return undefined;
    }
    const school: School = {
      id,
      name,
      lon: position[0],
      lat: position[1],
      level,
      students,
      fixedBroadband: fixedBroadband ?? false,
      synthetic: synthetic ?? false,
    };
    if (studentsInNeed !== undefined) school.studentsInNeed = studentsInNeed;
    if (commune !== undefined) school.commune = commune;
    if (district !== undefined) school.district = district;
    if (clutter !== undefined) school.clutter = clutter;
    return school;
  };
}

const UPGRADE_FIELDS = ['upgrade_technology', 'upgrade_radius_km', 'upgrade_date', 'upgrade_band_mhz'] as const;

export function parseTowers(ctx: FileContext, value: unknown): Tower[] {
  return mapFeatures(ctx, value, readTower(ctx));
}

export function readTower(ctx: FileContext): FeatureReader<Tower> {
  return (feature, p, id) => {
    const position = readPoint(ctx, feature);
    const operator = p.requiredString('operator');
    const status = p.requiredEnum('status', TOWER_STATUSES);
    const technology = p.requiredEnum('technology', TECHNOLOGIES);
    const radiusKm = p.optionalPositive('radius_km', 'km', LARGE_RADIUS_KM);
    const serviceDate = p.optionalDate('service_date');
    const upgradeTechnology = p.optionalEnum('upgrade_technology', TECHNOLOGIES);
    const upgradeRadiusKm = p.optionalPositive('upgrade_radius_km', 'km', LARGE_RADIUS_KM);
    const upgradeDate = p.optionalDate('upgrade_date');
    const heightM = p.optionalNonNegative('height_m', 'm');
    const bandMhz = p.optionalNumberIn('band_mhz', BAND_MIN_MHZ, BAND_MAX_MHZ, 'MHz');
    const upgradeBandMhz = p.optionalNumberIn('upgrade_band_mhz', BAND_MIN_MHZ, BAND_MAX_MHZ, 'MHz');
    const synthetic = p.optionalBoolean('synthetic');

    if (!p.has('upgrade_technology')) {
      for (const field of ['upgrade_radius_km', 'upgrade_date', 'upgrade_band_mhz'] as const) {
        if (p.has(field)) {
          ctx.issues.error('upgrade-without-technology', atField(feature.place, field));
        }
      }
    }
    const given = UPGRADE_FIELDS.find((field) => p.has(field));
    if (status === 'planned' && given !== undefined) {
      ctx.issues.warning('upgrade-on-planned', atField(feature.place, given));
    }
    if (
      status === 'existing' &&
      technology !== undefined &&
      upgradeTechnology !== undefined &&
      TECHNOLOGIES.indexOf(upgradeTechnology) <= TECHNOLOGIES.indexOf(technology)
    ) {
      ctx.issues.warning('upgrade-not-newer', atField(feature.place, 'upgrade_technology'), { upgrade: upgradeTechnology, technology });
    }

    if (!position || id === undefined || operator === undefined || status === undefined || technology === undefined) {
      return undefined;
    }
    const tower: Tower = {
      id,
      lon: position[0],
      lat: position[1],
      operator,
      status,
      technology,
      synthetic: synthetic ?? false,
    };
    if (radiusKm !== undefined) tower.radiusKm = radiusKm;
    if (serviceDate !== undefined) tower.serviceDate = serviceDate;
    if (upgradeTechnology !== undefined) tower.upgradeTechnology = upgradeTechnology;
    if (upgradeRadiusKm !== undefined) tower.upgradeRadiusKm = upgradeRadiusKm;
    if (upgradeDate !== undefined) tower.upgradeDate = upgradeDate;
    if (heightM !== undefined) tower.heightM = heightM;
    if (bandMhz !== undefined) tower.bandMhz = bandMhz;
    if (upgradeBandMhz !== undefined) tower.upgradeBandMhz = upgradeBandMhz;
    return tower;
  };
}
