// Change since a day, on the hand-built fixture (fixture.ts): hamlets good H5 always, H1 from
// 2021-03-01, H2 from 2021-06-01; schools good S2 always, S1 from 2021-09-01.
import { describe, expect, it } from 'vitest';
import { changeSince } from '../../../src/domain/progress/change.ts';
import { toDay } from '../../../src/domain/progress/days.ts';
import { buildTimeline } from '../../../src/domain/progress/timeline.ts';
import { fixture, SCOPES } from './fixture.ts';

const timeline = buildTimeline(fixture());
const day = toDay;

describe('changeSince', () => {
  it('counts hamlets and schools gained between the days, and those still missing', () => {
    expect(changeSince(timeline, SCOPES.province, day('2021-04-15'), day('2021-10-01'))).toEqual({
      hamletsGained: 1,
      schoolsGained: 1,
      hamletsMissing: 2,
      schoolsMissing: 0,
    });
    expect(changeSince(timeline, SCOPES.province, day('2021-01-01'), day('2021-05-01'))).toEqual({
      hamletsGained: 1,
      schoolsGained: 0,
      hamletsMissing: 3,
      schoolsMissing: 1,
    });
  });

  it('is nothing gained over an empty span, and negative backwards', () => {
    const same = changeSince(timeline, SCOPES.province, day('2021-07-01'), day('2021-07-01'));
    expect([same.hamletsGained, same.schoolsGained]).toEqual([0, 0]);
    const back = changeSince(timeline, SCOPES.province, day('2021-10-01'), day('2021-01-01'));
    expect([back.hamletsGained, back.schoolsGained]).toEqual([-2, -1]);
  });
});
