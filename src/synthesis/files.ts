// The simulated records as the contract's files: snake_case keys in a fixed order.
import type { Delivery, Hamlet, Programme, School, Tower } from '../domain/types.ts';
import { hamletProperties, schoolProperties, towerProperties } from '../domain/export/features.ts';
import { csvText, featureCollectionText, jsonText, pointGeometry } from './serialize.ts';

export function hamletsText(hamlets: readonly Hamlet[]): string {
  return featureCollectionText(hamlets.map((h) => ({ properties: hamletProperties(h), geometry: pointGeometry(h.lon, h.lat) })));
}

export function schoolsText(schools: readonly School[]): string {
  return featureCollectionText(schools.map((s) => ({ properties: schoolProperties(s), geometry: pointGeometry(s.lon, s.lat) })));
}

export function towersText(towers: readonly Tower[]): string {
  return featureCollectionText(towers.map((t) => ({ properties: towerProperties(t), geometry: pointGeometry(t.lon, t.lat) })));
}

export function deliveriesText(deliveries: readonly Delivery[]): string {
  return csvText(
    ['date', 'school_id', 'kind', 'quantity', 'donor', 'operator'],
    deliveries.map((d) => [d.date, d.schoolId, d.kind, d.quantity, d.donor ?? '', d.operator ?? '']),
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
