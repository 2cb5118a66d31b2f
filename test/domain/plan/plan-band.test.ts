// A planned mast's band (contract rule 8's band_mhz) in a plan: edited, saved, read back, checked.
import { describe, expect, it } from 'vitest';
import { addTower, applyPlan, EMPTY_PLAN, readPlanDoc, updateTower } from '../../../src/domain/plan/plan.ts';
import type { Tower } from '../../../src/domain/types.ts';
import { defaultRadioModel } from '../../../src/domain/coverage/radio-model.ts';
import { whyLevel } from '../../../src/domain/coverage/why.ts';

const mast: Tower = { id: 'P1', lon: 105, lat: 9, operator: 'Viettel', status: 'planned', technology: '4G', heightM: 40, synthetic: false };

describe('band in a plan', () => {
  const plan = updateTower(addTower(EMPTY_PLAN, mast), [], 'P1', { bandMhz: 900 });

  it('is laid over the tower, and the why reads it (a lower band loses less)', () => {
    const [tower] = applyPlan([], plan).towers;
    expect(tower?.bandMhz).toBe(900);
    const point = { lon: 105.03, lat: 9, clutter: 3, fixedBroadband: false };
    const at900 = whyLevel(point, [tower as Tower], 'planned', defaultRadioModel()).towers[0];
    const at1800 = whyLevel(point, [mast], 'planned', defaultRadioModel()).towers[0];
    expect(at900?.bandMhz).toBe(900);
    expect(at900?.bandIsDefault).toBe(false);
    expect(at1800?.bandIsDefault).toBe(true);
    expect(at900?.pathLossDb).toBeLessThan(at1800?.pathLossDb as number);
  });

  it('survives a save, and a band outside 100–6000 MHz is refused on reading', () => {
    const saved = JSON.parse(JSON.stringify(plan));
    expect(readPlanDoc(saved)).toMatchObject({ ok: true, plan: { added: [{ id: 'P1', bandMhz: 900 }] } });
    saved.added[0].bandMhz = 60;
    const read = readPlanDoc(saved);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toContain('100');
  });
});
