// The simulated records as the contract's files: snake_case keys in a fixed order.
import type { Delivery, Hamlet, Programme, School, Tower } from '../types.ts';
import { csvText, featureCollectionText, jsonText, pointGeometry } from './serialize.ts';

export function hamletsText(hamlets: readonly Hamlet[]): string {
  return featureCollectionText(
    hamlets.map((h) => ({
      properties: {
        id: h.id,
        name: h.name,
        population: h.population,
        households: h.households,
        poor_households: h.poorHouseholds,
        students: h.students,
        grid_power: h.gridPower,
        commune: h.commune,
        district: h.district,
        synthetic: h.synthetic,
      },
      geometry: pointGeometry(h.lon, h.lat),
    })),
  );
}

export function schoolsText(schools: readonly School[]): string {
  return featureCollectionText(
    schools.map((s) => ({
      properties: {
        id: s.id,
        name: s.name,
        level: s.level,
        students: s.students,
        students_in_need: s.studentsInNeed,
        fixed_broadband: s.fixedBroadband,
        commune: s.commune,
        district: s.district,
        synthetic: s.synthetic,
      },
      geometry: pointGeometry(s.lon, s.lat),
    })),
  );
}

export function towersText(towers: readonly Tower[]): string {
  return featureCollectionText(
    towers.map((t) => ({
      properties: {
        id: t.id,
        operator: t.operator,
        status: t.status,
        technology: t.technology,
        radius_km: t.radiusKm,
        service_date: t.serviceDate,
        upgrade_technology: t.upgradeTechnology,
        upgrade_radius_km: t.upgradeRadiusKm,
        upgrade_date: t.upgradeDate,
        height_m: t.heightM,
        synthetic: t.synthetic,
      },
      geometry: pointGeometry(t.lon, t.lat),
    })),
  );
}

export function deliveriesText(deliveries: readonly Delivery[]): string {
  return csvText(
    ['date', 'school_id', 'kind', 'quantity', 'donor'],
    deliveries.map((d) => [d.date, d.schoolId, d.kind, d.quantity, d.donor ?? '']),
  );
}

export function programmeText(programme: Programme): string {
  return jsonText({
    name: programme.name,
    targets: programme.targets.map((t) => ({
      id: t.id,
      metric: t.metric,
      target: t.target,
      deadline: t.deadline,
      label_vi: t.labelVi,
      label_en: t.labelEn,
    })),
  });
}
