import { followUpDaysLate, followUpStatusOn as followUpStatus, koreanDay, type EventOf } from '@hub/events';
import type { FcSnapshot } from '@hub/directory';
import { deciderSpec } from '@hub/event-store/testing';
import { describe, expect, it } from 'vitest';
import { contractDecider, type RecordCustomerVisit, type SignContract } from './contract';
import { customerDecider, type CustomerSnapshot } from './customer';
import { addMonths, followUpsFor, matchingFollowUp } from './followUps';

const fc = (over: Partial<FcSnapshot> = {}): FcSnapshot => ({
  fcId: 'FC1',
  name: 'Kim',
  branchId: 'BANPO',
  hiredOn: '2010-01-04',
  leftOn: null,
  ...over,
});
const customer = (over: Partial<CustomerSnapshot> = {}): CustomerSnapshot => ({
  customerId: 'C1',
  branchId: 'BANPO',
  registeredOn: '2014-01-02',
  erasedOn: null,
  ...over,
});
const sign = (over: Partial<SignContract> = {}): SignContract => ({
  type: 'SignContract',
  contractId: 'K1',
  customer: customer(),
  fc: fc(),
  product: 'Whole life',
  signedOn: '2014-03-10',
  ...over,
});
const signed: EventOf<'ContractSigned'> = {
  type: 'ContractSigned',
  data: {
    contractId: 'K1',
    customerId: 'C1',
    fcId: 'FC1',
    branchId: 'BANPO',
    product: 'Whole life',
    signedOn: '2014-03-10',
    followUps: followUpsFor('2014-03-10'),
  },
};
const visit = (over: Partial<RecordCustomerVisit> = {}): RecordCustomerVisit => ({
  type: 'RecordCustomerVisit',
  visitId: 'V1',
  contractId: 'K1',
  fc: fc(),
  leaderIds: [],
  visitedAt: '2014-04-01T01:00:00.000Z',
  topics: ['coverage'],
  feedback: null,
  satisfies: undefined,
  ...over,
});
/** The event a visit records, as `visit(over)` would, with the follow-up it satisfies. */
const visited = (
  satisfies: EventOf<'CustomerVisited'>['data']['satisfies'],
  over: Partial<EventOf<'CustomerVisited'>['data']> = {},
): EventOf<'CustomerVisited'> => ({
  type: 'CustomerVisited',
  data: {
    visitId: 'V1',
    contractId: 'K1',
    customerId: 'C1',
    fcId: 'FC1',
    leaderIds: [],
    visitedAt: '2014-04-01T01:00:00.000Z',
    topics: ['coverage'],
    feedback: null,
    satisfies,
    ...over,
  },
});

describe('follow-up windows', () => {
  it('adds calendar months, falling back to the month end', () => {
    expect(addMonths('2014-01-31', 1)).toBe('2014-02-28');
    expect(addMonths('2015-11-30', 3)).toBe('2016-02-29');
    expect(addMonths('2014-03-10', 25)).toBe('2016-04-10');
  });
  it('makes three follow-ups due: within 3 months, around the 1st and 2nd anniversaries', () => {
    expect(followUpsFor('2014-03-10')).toEqual([
      { kind: 'THREE_MONTHS', opensOn: '2014-03-10', dueOn: '2014-06-10' },
      { kind: 'ONE_YEAR', opensOn: '2015-02-10', dueOn: '2015-04-10' },
      { kind: 'TWO_YEARS', opensOn: '2016-02-10', dueOn: '2016-04-10' },
    ]);
  });
  it('stands on time, late, overdue, open or upcoming', () => {
    const [three] = followUpsFor('2014-03-10');
    expect(followUpStatus(three!, '2014-06-10', '2020-01-01')).toBe('ON_TIME');
    expect(followUpStatus(three!, '2014-06-11', '2020-01-01')).toBe('LATE');
    expect(followUpStatus(three!, null, '2014-06-11')).toBe('OVERDUE');
    expect(followUpStatus(three!, null, '2014-06-10')).toBe('OPEN');
    expect(followUpStatus(followUpsFor('2014-03-10')[1]!, null, '2014-06-10')).toBe('UPCOMING');
    // A visit after the day asked about does not count yet.
    expect(followUpStatus(three!, '2014-06-01', '2014-05-01')).toBe('OPEN');
    expect(followUpDaysLate(three!, null, '2014-06-20')).toBe(10);
    expect(followUpDaysLate(three!, '2014-06-12', '2020-01-01')).toBe(2);
  });
  it('matches a visit to the window it falls in, else to the latest open one', () => {
    const f = followUpsFor('2014-03-10');
    expect(matchingFollowUp(f, new Set(), '2014-04-01')).toBe('THREE_MONTHS');
    expect(matchingFollowUp(f, new Set(['THREE_MONTHS']), '2014-08-01')).toBeNull();
    expect(matchingFollowUp(f, new Set(), '2014-08-01')).toBe('THREE_MONTHS');
    expect(matchingFollowUp(f, new Set(), '2015-03-10')).toBe('ONE_YEAR');
    expect(matchingFollowUp(f, new Set(['THREE_MONTHS']), '2015-06-01')).toBe('ONE_YEAR');
  });
  it('reads days in Korean time', () => {
    expect(koreanDay('2015-03-09T15:30:00.000Z')).toBe('2015-03-10');
  });
});

describe('customers', () => {
  const { given } = deciderSpec(customerDecider);
  const registration = { customerId: 'C1', branchId: 'B', registeredOn: '2014-01-01' };
  const registered: EventOf<'CustomerRegistered'> = { type: 'CustomerRegistered', data: registration };
  const erased: EventOf<'CustomerPersonalDataErased'> = {
    type: 'CustomerPersonalDataErased',
    data: { customerId: 'C1', erasedOn: '2016-01-01' },
  };
  it('registers once and erases personal data once', () => {
    given().when({ type: 'RegisterCustomer', data: registration }).then([registered]);
    given(registered).when({ type: 'RegisterCustomer', data: registration }).thenThrows('CONFLICT');
    given(registered)
      .when({ type: 'EraseCustomerPersonalData', data: { customerId: 'C1', erasedOn: '2016-01-01' } })
      .then([erased]);
    given(registered, erased)
      .when({ type: 'EraseCustomerPersonalData', data: { customerId: 'C1', erasedOn: '2016-01-02' } })
      .thenThrows(/already erased/);
    given()
      .when({ type: 'EraseCustomerPersonalData', data: { customerId: 'C9', erasedOn: '2016-01-02' } })
      .thenThrows(/No customer C9/);
  });
});

describe('contracts', () => {
  const { given } = deciderSpec(contractDecider);
  it('signing makes the three follow-ups due and records the FC’s branch', () => {
    given().when(sign()).then([signed]);
  });
  it('refuses a second signature, an erased customer, a signing before registration, or by an FC not there then', () => {
    given(signed)
      .when(sign({ product: 'p' }))
      .thenThrows('CONFLICT');
    given()
      .when(sign({ customer: customer({ erasedOn: '2014-02-01' }) }))
      .thenThrows(/erased/);
    given()
      .when(sign({ signedOn: '2013-12-31' }))
      .thenThrows(/registered on 2014-01-02/);
    given()
      .when(sign({ fc: fc({ hiredOn: '2014-05-01' }) }))
      .thenThrows(/hired on 2014-05-01/);
    given()
      .when(sign({ fc: fc({ leftOn: '2014-02-01' }) }))
      .thenThrows(/had left/);
  });
});

describe('customer visits', () => {
  const { given } = deciderSpec(contractDecider);
  it('a visit in the first three months satisfies that follow-up; a leader who went along is recorded', () => {
    given(signed)
      .when(visit({ leaderIds: ['CEO'] }))
      .then([visited('THREE_MONTHS', { leaderIds: ['CEO'] })]);
  });
  it('refuses a visit before the contract was signed, or to an unsigned contract', () => {
    given(signed)
      .when(visit({ visitedAt: '2014-03-09T01:00:00.000Z' }))
      .thenThrows(/before contract K1 was signed/);
    given().when(visit()).thenThrows('NOT_FOUND');
  });
  it('refuses to satisfy a follow-up twice', () => {
    const first = visited('THREE_MONTHS');
    given(signed, first)
      .when(visit({ visitId: 'V2', satisfies: 'THREE_MONTHS' }))
      .thenThrows(/already satisfied on 2014-04-01/);
    // Without naming one, a second visit in the same window is an extra visit.
    given(signed, first)
      .when(visit({ visitId: 'V2' }))
      .then([visited(null, { visitId: 'V2' })]);
    given(signed, first)
      .when(visit())
      .thenThrows(/V1 is already recorded/);
  });
  it('refuses a named follow-up before its window opens, an FC who had left, a leader named twice', () => {
    given(signed)
      .when(visit({ satisfies: 'ONE_YEAR' }))
      .thenThrows(/opens on 2015-02-10/);
    given(signed)
      .when(visit({ fc: fc({ leftOn: '2014-03-31' }) }))
      .thenThrows(/had left/);
    given(signed)
      .when(visit({ leaderIds: ['CEO', 'CEO'] }))
      .thenThrows(/named once/);
  });
  it('the one-year check (the CEO in Banpo) satisfies ONE_YEAR; null records an extra visit', () => {
    given(signed)
      .when(visit({ visitedAt: '2015-03-12T05:00:00.000Z', leaderIds: ['CEO'] }))
      .then([visited('ONE_YEAR', { visitedAt: '2015-03-12T05:00:00.000Z', leaderIds: ['CEO'] })]);
    given(signed)
      .when(visit({ satisfies: null }))
      .then([visited(null)]);
  });
});
