import { followUpDaysLate, followUpStatusOn as followUpStatus, koreanDay, type HubEvent } from '@hub/contracts';
import type { FcSnapshot } from '@hub/directory';
import { describe, expect, it } from 'vitest';
import { contractDecider, decideCustomerVisit, decideSignContract, type ContractState, type RecordCustomerVisit } from './contract';
import { customerDecider, decideCustomer, type CustomerSnapshot } from './customer';
import { addMonths, followUpsFor, matchingFollowUp } from './followUps';

const fc = (over: Partial<FcSnapshot> = {}): FcSnapshot => ({ fcId: 'FC1', name: 'Kim', branchId: 'BANPO', hiredOn: '2010-01-04', leftOn: null, ...over });
const customer = (over: Partial<CustomerSnapshot> = {}): CustomerSnapshot => ({ customerId: 'C1', branchId: 'BANPO', registeredOn: '2014-01-02', erasedOn: null, ...over });
const fold = (events: HubEvent[]): ContractState => events.reduce(contractDecider.evolve, contractDecider.initialState());
const signing = () => decideSignContract({ contractId: 'K1', customer: customer(), fc: fc(), product: 'Whole life', signedOn: '2014-03-10' }, contractDecider.initialState());
const signed = () => fold(signing());
const visit = (over: Partial<RecordCustomerVisit> = {}): RecordCustomerVisit => ({
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
  it('registers once and erases personal data once', () => {
    const registered = decideCustomer({ type: 'RegisterCustomer', data: { customerId: 'C1', branchId: 'B', registeredOn: '2014-01-01' } }, customerDecider.initialState());
    const state = registered.reduce(customerDecider.evolve, customerDecider.initialState());
    expect(() => decideCustomer({ type: 'RegisterCustomer', data: { customerId: 'C1', branchId: 'B', registeredOn: '2014-01-01' } }, state)).toThrow(expect.objectContaining({ kind: 'CONFLICT' }));
    const erased = decideCustomer({ type: 'EraseCustomerPersonalData', data: { customerId: 'C1', erasedOn: '2016-01-01' } }, state);
    expect(erased).toEqual([{ type: 'CustomerPersonalDataErased', data: { customerId: 'C1', erasedOn: '2016-01-01' } }]);
    const after = erased.reduce(customerDecider.evolve, state);
    expect(() => decideCustomer({ type: 'EraseCustomerPersonalData', data: { customerId: 'C1', erasedOn: '2016-01-02' } }, after)).toThrow(/already erased/);
    expect(() => decideCustomer({ type: 'EraseCustomerPersonalData', data: { customerId: 'C9', erasedOn: '2016-01-02' } }, customerDecider.initialState())).toThrow(/No customer C9/);
  });
});

describe('contracts', () => {
  it('signing makes the three follow-ups due and records the FC’s branch', () => {
    const [event] = decideSignContract({ contractId: 'K1', customer: customer(), fc: fc(), product: 'Whole life', signedOn: '2014-03-10' }, contractDecider.initialState());
    expect(event!.data).toMatchObject({ customerId: 'C1', fcId: 'FC1', branchId: 'BANPO', followUps: followUpsFor('2014-03-10') });
  });
  it('refuses a second signature, an erased customer, a signing before registration, or by an FC not there then', () => {
    const sign = (over: Partial<Parameters<typeof decideSignContract>[0]> = {}, state: ContractState = contractDecider.initialState()) =>
      () => decideSignContract({ contractId: 'K1', customer: customer(), fc: fc(), product: 'p', signedOn: '2014-03-10', ...over }, state);
    expect(sign({}, signed())).toThrow(expect.objectContaining({ kind: 'CONFLICT' }));
    expect(sign({ customer: customer({ erasedOn: '2014-02-01' }) })).toThrow(/erased/);
    expect(sign({ signedOn: '2013-12-31' })).toThrow(/registered on 2014-01-02/);
    expect(sign({ fc: fc({ hiredOn: '2014-05-01' }) })).toThrow(/hired on 2014-05-01/);
    expect(sign({ fc: fc({ leftOn: '2014-02-01' }) })).toThrow(/had left/);
  });
});

describe('customer visits', () => {
  it('a visit in the first three months satisfies that follow-up; a leader who went along is recorded', () => {
    const [event] = decideCustomerVisit(visit({ leaderIds: ['CEO'] }), signed());
    expect(event!.data).toMatchObject({ satisfies: 'THREE_MONTHS', leaderIds: ['CEO'], customerId: 'C1' });
  });
  it('refuses a visit before the contract was signed, or to an unsigned contract', () => {
    expect(() => decideCustomerVisit(visit({ visitedAt: '2014-03-09T01:00:00.000Z' }), signed())).toThrow(/before contract K1 was signed/);
    expect(() => decideCustomerVisit(visit(), contractDecider.initialState())).toThrow(expect.objectContaining({ kind: 'NOT_FOUND' }));
  });
  it('refuses to satisfy a follow-up twice', () => {
    const state = fold([...signing(), ...decideCustomerVisit(visit(), signed())]);
    expect(() => decideCustomerVisit(visit({ visitId: 'V2', satisfies: 'THREE_MONTHS' }), state)).toThrow(/already satisfied on 2014-04-01/);
    // Without naming one, a second visit in the same window is an extra visit.
    expect(decideCustomerVisit(visit({ visitId: 'V2' }), state)[0]!.data.satisfies).toBeNull();
    expect(() => decideCustomerVisit(visit(), state)).toThrow(/V1 is already recorded/);
  });
  it('refuses a named follow-up before its window opens, an FC who had left, a leader named twice', () => {
    expect(() => decideCustomerVisit(visit({ satisfies: 'ONE_YEAR' }), signed())).toThrow(/opens on 2015-02-10/);
    expect(() => decideCustomerVisit(visit({ fc: fc({ leftOn: '2014-03-31' }) }), signed())).toThrow(/had left/);
    expect(() => decideCustomerVisit(visit({ leaderIds: ['CEO', 'CEO'] }), signed())).toThrow(/named once/);
  });
  it('the one-year check (the CEO in Banpo) satisfies ONE_YEAR; null records an extra visit', () => {
    expect(decideCustomerVisit(visit({ visitedAt: '2015-03-12T05:00:00.000Z', leaderIds: ['CEO'] }), signed())[0]!.data.satisfies).toBe('ONE_YEAR');
    expect(decideCustomerVisit(visit({ satisfies: null }), signed())[0]!.data.satisfies).toBeNull();
  });
});
