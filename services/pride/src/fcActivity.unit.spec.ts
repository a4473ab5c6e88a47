import type { EventOf } from '@hub/events';
import type { FcSnapshot } from '@hub/directory';
import { deciderSpec } from '@hub/event-store/testing';
import { describe, expect, it } from 'vitest';
import { fcActivityDecider, type ReportWeeklyActivity } from './fcActivity';

const { given } = deciderSpec(fcActivityDecider);
const fc = (over: Partial<FcSnapshot> = {}): FcSnapshot => ({
  fcId: 'FC1',
  name: 'Kim',
  branchId: 'B1',
  hiredOn: '2014-01-06',
  leftOn: null,
  ...over,
});
const report = (over: Partial<ReportWeeklyActivity> = {}): ReportWeeklyActivity => ({
  type: 'ReportWeeklyActivity',
  fc: fc(),
  weekOf: '2015-03-09',
  customerVisits: 12,
  calls: 30,
  contracts: 2,
  correction: false,
  today: '2015-03-20',
  ...over,
});
const reported = (over: Partial<EventOf<'FcWeeklyActivityReported'>['data']> = {}): EventOf<'FcWeeklyActivityReported'> => ({
  type: 'FcWeeklyActivityReported',
  data: { fcId: 'FC1', branchId: 'B1', weekOf: '2015-03-09', customerVisits: 12, calls: 30, contracts: 2, correction: false, ...over },
});

describe('PRIDE weekly FC activity', () => {
  it('records a week with the FC’s branch', () => {
    given().when(report()).then([reported()]);
  });
  it('weeks start on Monday and must have started', () => {
    given()
      .when(report({ weekOf: '2015-03-10' }))
      .thenThrows(/must be a Monday/);
    given()
      .when(report({ today: '2015-03-08' }))
      .thenThrows(/has not started/);
  });
  it('only weeks the FC worked', () => {
    given()
      .when(report({ fc: fc({ hiredOn: '2015-03-16' }) }))
      .thenThrows(/hired on 2015-03-16/);
    given()
      .when(report({ fc: fc({ leftOn: '2015-03-06' }) }))
      .thenThrows(/had left/);
    // Hired mid-week, or leaving mid-week: the week counts.
    given()
      .when(report({ fc: fc({ hiredOn: '2015-03-12', leftOn: '2015-03-10' }) }))
      .then([reported()]);
  });
  it('a second report of a week must be a correction that changes something; a correction needs a report', () => {
    given(reported()).when(report()).thenThrows('CONFLICT');
    given(reported())
      .when(report({ correction: true }))
      .thenThrows(/changes nothing/);
    given(reported())
      .when(report({ correction: true, calls: 31 }))
      .then([reported({ correction: true, calls: 31 })]);
    given()
      .when(report({ correction: true }))
      .thenThrows(/Nothing to correct/);
  });
  it('a correction replaces the week it corrects: correcting back to the first figures is a change again', () => {
    const corrected = reported({ correction: true, calls: 31 });
    expect(fcActivityDecider.evolve(fcActivityDecider.initialState(), corrected).reports.get('2015-03-09')?.calls).toBe(31);
    given(reported(), corrected)
      .when(report({ correction: true }))
      .then([reported({ correction: true })]);
  });
  it('contracts come from visits and calls', () => {
    given()
      .when(report({ customerVisits: 0, calls: 1, contracts: 2 }))
      .thenThrows(/outnumber/);
  });
});
