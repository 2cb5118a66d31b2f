// The speed tests and the verdicts on the map (issue 16). Measured things are always hollow
// outlines (a diamond per test, a ring around a judged point) and modelled things always
// filled icons, so the two can never be mistaken; each status has its own shape or glyph
// besides its colour (the legend shows the same icons).
import type { Layer } from '@deck.gl/core';
import { IconLayer } from '@deck.gl/layers';
import { AGREEMENT_NAMES, CONFIRMED, CONTRADICTED, UNDERSTATED } from '../domain/evidence/verdict.ts';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import type { PointEvidence } from '../domain/coverage/answer.ts';
import { icon, testIconUrl, verdictIconUrl, type JudgedAgreement } from './icons.ts';

type MapLibreLayerProps = { beforeId?: string };

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
