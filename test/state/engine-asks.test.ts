// What a change of the page's state asks of the engine (engine-asks.ts): the full coverage, the
// plan's quick answer, or only the gap register.
import { describe, expect, it } from 'vitest';
import type { CoverageResult } from '../../src/domain/coverage/answer.ts';
import type { DatasetView } from '../../src/domain/points/dataset-view.ts';
import { EMPTY_PLAN } from '../../src/domain/plan/plan.ts';
import { engineAsks, shownPlan } from '../../src/state/engine-asks.ts';
import { useAppStore, type AppState } from '../../src/state/store.ts';

const base: AppState = { ...useAppStore.getState(), dataset: {} as DatasetView, scenarioMode: 'current', plan: EMPTY_PLAN, planPreview: undefined, coverage: undefined };
const answer = {} as CoverageResult;
const edited = { ...EMPTY_PLAN };
const asks = (state: Partial<AppState>, previous: Partial<AppState> = {}) => engineAsks({ ...base, ...state }, { ...base, ...previous });

describe('what a change of state asks of the engine', () => {
  it('asks the full coverage for a new data set, scenario or network, and then not the plan', () => {
    expect(asks({})).toEqual({ coverage: false, plan: false, gaps: false });
    expect(asks({ dataset: {} as DatasetView })).toEqual({ coverage: true, plan: false, gaps: false });
    expect(asks({ scenarioMode: 'planned', plan: edited })).toEqual({ coverage: true, plan: false, gaps: false });
    expect(asks({ network: 'Viettel' })).toMatchObject({ coverage: true, plan: false });
    // Another day counts only when the scenario is that day.
    expect(asks({ asOf: '2022-01-01' })).toMatchObject({ coverage: false });
    expect(asks({ scenarioMode: 'asOf', asOf: '2022-01-01' }, { scenarioMode: 'asOf' })).toMatchObject({ coverage: true });
  });

  it('asks the plan’s answer for an edit or a drag’s preview, the preview winning', () => {
    expect(asks({ plan: edited })).toEqual({ coverage: false, plan: true, gaps: false });
    expect(asks({ planPreview: edited })).toMatchObject({ plan: true });
    expect(asks({ plan: edited, planPreview: edited }, { planPreview: edited })).toMatchObject({ plan: false });
    expect(shownPlan({ plan: EMPTY_PLAN, planPreview: edited })).toBe(edited);
    expect(shownPlan({ plan: edited, planPreview: undefined })).toBe(edited);
  });

  it('asks the register once there is an answer: a new one, or another query', () => {
    expect(asks({ gapFilter: { districtId: 'D1' } })).toMatchObject({ gaps: false });
    expect(asks({ coverage: answer })).toMatchObject({ gaps: true });
    expect(asks({ coverage: answer }, { coverage: answer })).toMatchObject({ gaps: false });
    expect(asks({ coverage: answer, lang: 'en' }, { coverage: answer, lang: 'vi' })).toMatchObject({ gaps: true });
    expect(asks({ coverage: answer, gapFilter: { districtId: 'D1' } }, { coverage: answer })).toMatchObject({ gaps: true });
  });
});
