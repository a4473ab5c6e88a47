import type { FcSnapshot } from '@hub/directory';
import { describe, expect, it } from 'vitest';
import { decideWeeklyActivity, fcActivityDecider, type ReportWeeklyActivity } from './fcActivity';

const fc = (over: Partial<FcSnapshot> = {}): FcSnapshot => ({ fcId: 'FC1', name: 'Kim', branchId: 'B1', hiredOn: '2014-01-06', leftOn: null, ...over });
const report = (over: Partial<ReportWeeklyActivity> = {}): ReportWeeklyActivity => ({
  fc: fc(),
  weekOf: '2015-03-09',
  customerVisits: 12,
  calls: 30,
  contracts: 2,
  correction: false,
  today: '2015-03-20',
  ...over,
});
const none = fcActivityDecider.initialState();
const reported = () => decideWeeklyActivity(report(), none).reduce(fcActivityDecider.evolve, none);

describe('PRIDE weekly FC activity', () => {
  it('records a week with the FC’s branch', () => {
    expect(decideWeeklyActivity(report(), none)).toEqual([
      { type: 'FcWeeklyActivityReported', data: { fcId: 'FC1', branchId: 'B1', weekOf: '2015-03-09', customerVisits: 12, calls: 30, contracts: 2, correction: false } },
    ]);
  });
  it('weeks start on Monday and must have started', () => {
    expect(() => decideWeeklyActivity(report({ weekOf: '2015-03-10' }), none)).toThrow(/must be a Monday/);
    expect(() => decideWeeklyActivity(report({ today: '2015-03-08' }), none)).toThrow(/has not started/);
  });
  it('only weeks the FC worked', () => {
    expect(() => decideWeeklyActivity(report({ fc: fc({ hiredOn: '2015-03-16' }) }), none)).toThrow(/hired on 2015-03-16/);
    expect(() => decideWeeklyActivity(report({ fc: fc({ leftOn: '2015-03-06' }) }), none)).toThrow(/had left/);
    // Hired mid-week, or leaving mid-week: the week counts.
    expect(decideWeeklyActivity(report({ fc: fc({ hiredOn: '2015-03-12', leftOn: '2015-03-10' }) }), none)).toHaveLength(1);
  });
  it('a second report of a week must be a correction that changes something; a correction needs a report', () => {
    expect(() => decideWeeklyActivity(report(), reported())).toThrow(expect.objectContaining({ kind: 'CONFLICT' }));
    expect(() => decideWeeklyActivity(report({ correction: true }), reported())).toThrow(/changes nothing/);
    expect(decideWeeklyActivity(report({ correction: true, calls: 31 }), reported())[0]!.data.calls).toBe(31);
    expect(() => decideWeeklyActivity(report({ correction: true }), none)).toThrow(/Nothing to correct/);
  });
  it('contracts come from visits and calls', () => {
    expect(() => decideWeeklyActivity(report({ customerVisits: 0, calls: 1, contracts: 2 }), none)).toThrow(/outnumber/);
  });
});
