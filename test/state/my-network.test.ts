// A partner's register starts on its own network: the author's organisation names the
// operator, and signing as the province (or another partner) changes the filter with it.
import { describe, expect, it } from 'vitest';
import { operatorOfOrganisation } from '../../src/domain/gaps/network.ts';
import { useAppStore } from '../../src/state/store.ts';

describe('"my network" for a partner', () => {
  it('reads the operator from the organisation', () => {
    expect(operatorOfOrganisation('Viettel Cà Mau')).toBe('Viettel');
    expect(operatorOfOrganisation('vnpt cà mau')).toBe('VNPT');
    expect(operatorOfOrganisation('MobiFone')).toBe('MobiFone');
    expect(operatorOfOrganisation('Sở TT&TT Cà Mau')).toBeUndefined();
    expect(operatorOfOrganisation('VNPTX Cà Mau')).toBeUndefined();
  });

  it('filters the register to the partner’s network, keeps the other filters, and lets go for the province', () => {
    const { gapAuthorChanged, gapFilterChanged } = useAppStore.getState();
    gapFilterChanged({ level: 'none' });
    gapAuthorChanged({ by: 'Hùng', org: 'Viettel Cà Mau', role: 'partner' });
    expect(useAppStore.getState().gapFilter).toEqual({ level: 'none', inNetworkOf: 'Viettel' });
    // The user widens it again; a new name on the same organisation does not narrow it back.
    gapFilterChanged({ level: 'none' });
    gapAuthorChanged({ by: 'Hùng Nguyễn', org: 'Viettel Cà Mau', role: 'partner' });
    expect(useAppStore.getState().gapFilter).toEqual({ level: 'none' });
    gapAuthorChanged({ by: 'Hùng', org: 'VNPT Cà Mau', role: 'partner' });
    expect(useAppStore.getState().gapFilter).toEqual({ level: 'none', inNetworkOf: 'VNPT' });
    gapAuthorChanged({ by: 'Lan', org: 'Sở TT&TT Cà Mau', role: 'province' });
    expect(useAppStore.getState().gapFilter).toEqual({ level: 'none' });
  });
});
