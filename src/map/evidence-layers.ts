// The speed tests and the verdicts on the map (issue 16). Measured things are always hollow
// outlines (a diamond per test, a ring around a judged point) and modelled things always
// filled icons, so the two can never be mistaken; each status has its own shape or glyph
// besides its colour (the legend shows the same icons).
import type { Layer } from '@deck.gl/core';
import { IconLayer } from '@deck.gl/layers';
import { AGREEMENT_NAMES, CONFIRMED, CONTRADICTED, UNDERSTATED, type Agreement } from '../domain/evidence/verdict.ts';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import type { PointEvidence } from '../domain/coverage/answer.ts';

type MapLibreLayerProps = { beforeId?: string };

export type TestMark = 'testGood' | 'testPoor';
export type JudgedAgreement = Exclude<Agreement, 'unverified'>;

export const EVIDENCE_COLORS = {
  testGood: '#1d6b5f',
  testPoor: '#b4531a',
  confirmed: '#2e6b2e',
  contradicted: '#b3261e',
  understated: '#2354a0',
} as const;

function dataUrl(inner: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">${inner}</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

const DIAMOND = 'M16 4 L28 16 L16 28 L4 16 Z';

/** A hollow diamond; a poor test's has a bar across it (readable without colour). */
export function testIconUrl(mark: TestMark): string {
  const color = EVIDENCE_COLORS[mark];
  const bar = mark === 'testPoor' ? `<path d="M9 16 L23 16" stroke="${color}" stroke-width="4" stroke-linecap="round"/>` : '';
  return dataUrl(`<path d="${DIAMOND}" fill="none" stroke="#ffffff" stroke-width="7" stroke-linejoin="round"/><path d="${DIAMOND}" fill="none" stroke="${color}" stroke-width="3.5" stroke-linejoin="round"/>${bar}`);
}

// Glyphs in the ring's badge: ✓ confirmed, ! contradicted, ↑ understated.
const GLYPH: Record<JudgedAgreement, string> = {
  confirmed: '<path d="M22 7 L24.5 9.5 L29 4" fill="none" stroke="#ffffff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>',
  contradicted: '<path d="M25.5 2.5 L25.5 7.5 M25.5 10 L25.5 10.2" stroke="#ffffff" stroke-width="2.4" stroke-linecap="round"/>',
  understated: '<path d="M25.5 11 L25.5 3.5 M22.5 6.5 L25.5 3.5 L28.5 6.5" fill="none" stroke="#ffffff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>',
};

/** A hollow ring around a judged point (dashed when contradicted) with its badge. */
export function verdictIconUrl(agreement: JudgedAgreement): string {
  const color = EVIDENCE_COLORS[agreement];
  const dash = agreement === 'contradicted' ? ' stroke-dasharray="6 3"' : '';
  return dataUrl(
    `<circle cx="16" cy="16" r="11" fill="none" stroke="#ffffff" stroke-width="6"/>` +
      `<circle cx="16" cy="16" r="11" fill="none" stroke="${color}" stroke-width="3"${dash}/>` +
      `<circle cx="25.5" cy="6.5" r="6" fill="${color}" stroke="#ffffff" stroke-width="1"/>${GLYPH[agreement]}`,
  );
}

function icon(url: string) {
  return { id: url, url, width: 32, height: 32, mask: false };
}

interface TestDatum {
  position: [number, number];
  good: boolean;
}

interface RingDatum {
  position: [number, number];
  agreement: JudgedAgreement;
}

export interface EvidenceLayerInputs {
  dataset: DatasetView;
  evidence: PointEvidence | undefined;
  visible: boolean;
}

const testData = new WeakMap<Uint8Array, TestDatum[]>();
const ringData = new WeakMap<Uint8Array, RingDatum[]>();

/** The tests that count in the answer's scenario, drawn once per answer. */
function testsOf(dataset: DatasetView, evidence: PointEvidence): TestDatum[] {
  let data = testData.get(evidence.counted);
  if (!data) {
    const good = dataset.model?.evidence.goodMbps ?? 10;
    data = [];
    (dataset.measurements ?? []).forEach((m, t) => {
      if (evidence.counted[t] === 1) data!.push({ position: [m.lon, m.lat], good: m.downloadMbps >= good });
    });
    testData.set(evidence.counted, data);
  }
  return data;
}

function ringsOf(dataset: DatasetView, evidence: PointEvidence): RingDatum[] {
  let data = ringData.get(evidence.agreement);
  if (!data) {
    data = [];
    const { lon, lat } = dataset.points;
    evidence.agreement.forEach((a, i) => {
      if (a === CONFIRMED || a === CONTRADICTED || a === UNDERSTATED) {
        data!.push({ position: [lon[i] as number, lat[i] as number], agreement: AGREEMENT_NAMES[a] as JudgedAgreement });
      }
    });
    // Contradicted rings drawn last: never hidden under the others.
    const order: Record<JudgedAgreement, number> = { confirmed: 0, understated: 1, contradicted: 2 };
    data.sort((x, y) => order[x.agreement] - order[y.agreement]);
    ringData.set(evidence.agreement, data);
  }
  return data;
}

export function evidenceLayers(inputs: EvidenceLayerInputs, beforeId: string): Layer[] {
  const { dataset, evidence, visible } = inputs;
  if (!evidence || !visible) return [];
  return [
    new IconLayer<TestDatum, MapLibreLayerProps>({
      id: 'evidence-tests',
      beforeId,
      data: testsOf(dataset, evidence),
      getPosition: (d) => d.position,
      getIcon: (d) => icon(testIconUrl(d.good ? 'testGood' : 'testPoor')),
      getSize: 9,
    }),
    new IconLayer<RingDatum, MapLibreLayerProps>({
      id: 'evidence-verdicts',
      beforeId,
      data: ringsOf(dataset, evidence),
      getPosition: (d) => d.position,
      getIcon: (d) => icon(verdictIconUrl(d.agreement)),
      getSize: 22,
    }),
  ];
}
