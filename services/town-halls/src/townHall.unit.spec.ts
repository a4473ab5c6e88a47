import type { HubEvent, TownHallEvent } from '@hub/contracts';
import type { EmployeeSnapshot } from '@hub/directory';
import { describe, expect, it } from 'vitest';
import { decideTownHall, evolveTownHall, initialTownHallState, type TownHallCommand } from './townHall';

const given = (...events: HubEvent[]) => ({
  when: (command: TownHallCommand) => () => decideTownHall(command, events.reduce(evolveTownHall, initialTownHallState())),
});

const townHallId = 'TH-2015-05';
const at = '2015-05-20T09:00:00.000Z';
const after = '2015-05-20T10:00:00.000Z';
const before = '2015-05-19T10:00:00.000Z';
const scheduledData = { townHallId, scheduledAt: at, format: 'CHIMAEK' as const, theme: 'Q1 results', venue: 'Rooftop', presenterIds: ['CEO', 'M1'] };
const scheduled: TownHallEvent = { type: 'TownHallScheduled', data: scheduledData };
const cancelled: TownHallEvent = { type: 'TownHallCancelled', data: { townHallId, reason: 'Typhoon' } };
const staff = (employeeId: string, leftOn: string | null = null): EmployeeSnapshot => ({
  employeeId,
  name: employeeId,
  grade: 'STAFF',
  orgUnitId: 'IT',
  region: 'Seoul',
  title: null,
  hiredOn: '2010-01-04',
  leftOn,
});
const attend = (employeeId: string, now = after, leftOn: string | null = null): TownHallCommand => ({
  type: 'RecordTownHallAttendance',
  data: { townHallId, employeeId },
  employee: staff(employeeId, leftOn),
  now,
});
const attended = (employeeId: string): TownHallEvent => ({ type: 'TownHallAttendanceRecorded', data: { townHallId, employeeId } });
const question = { townHallId, questionId: 'Q1', topic: 'strategy', text: 'Why?', anonymous: false, askedBy: 'E1', raisedAt: after };
const raised: TownHallEvent = { type: 'TownHallQuestionRaised', data: question };
const answer = { townHallId, questionId: 'Q1', answeredBy: 'M1', answer: 'Because.', answeredAt: after };
const feedback = (feedbackId: string, now = after): TownHallCommand => ({
  type: 'GiveTownHallFeedback',
  data: { townHallId, feedbackId, rating: 5, comment: '치맥 최고', employeeId: null },
  now,
});

describe('town hall (타운홀) decisions', () => {
  it('schedules once, with presenters of any grade', () => {
    expect(given().when({ type: 'ScheduleTownHall', data: scheduledData, now: before })()).toEqual([scheduled]);
    expect(given(scheduled).when({ type: 'ScheduleTownHall', data: scheduledData, now: before })).toThrow(expect.objectContaining({ kind: 'CONFLICT' }));
  });

  it('schedules only ahead, unless it records history with an occurredAt no later than now', () => {
    expect(given().when({ type: 'ScheduleTownHall', data: scheduledData, now: after })).toThrow(/scheduling is for the future.*occurredAt/);
    expect(given().when({ type: 'ScheduleTownHall', data: scheduledData, now: after, occurredAt: before })()).toEqual([scheduled]);
    expect(given().when({ type: 'ScheduleTownHall', data: scheduledData, now: before, occurredAt: after })).toThrow(/in the future/);
  });

  it('judges attendance on the day of the town hall: someone who left later was there', () => {
    expect(given(scheduled).when(attend('E1', '2017-01-01T00:00:00.000Z', '2016-06-30'))()).toEqual([attended('E1')]);
  });

  it('records attendance by person once, after it started, for people still with the company', () => {
    expect(given(scheduled).when(attend('E1'))()).toEqual([attended('E1')]);
    expect(given(scheduled, attended('E1')).when(attend('E1'))).toThrow(expect.objectContaining({ kind: 'CONFLICT' }));
    expect(given(scheduled).when(attend('E1', before))).toThrow(/not started/);
    expect(given(scheduled).when(attend('E1', after, '2015-01-31'))).toThrow(/left/);
    expect(given(scheduled, cancelled).when(attend('E1'))).toThrow(/cancelled/);
    expect(given().when(attend('E1'))).toThrow(expect.objectContaining({ kind: 'NOT_FOUND' }));
  });

  it('records head counts per org unit, the latest count standing', () => {
    const count = (headCount: number, now = after): TownHallCommand => ({ type: 'RecordTownHallHeadCount', data: { townHallId, orgUnitId: 'IT', headCount }, now });
    expect(given(scheduled).when(count(42))()).toEqual([{ type: 'TownHallHeadCountRecorded', data: { townHallId, orgUnitId: 'IT', headCount: 42 } }]);
    expect(given(scheduled).when(count(42, before))).toThrow(/not started/);
    expect(given(scheduled, cancelled).when(count(42))).toThrow(/cancelled/);
  });

  it('takes questions (anonymous ones without the asker) and answers each once', () => {
    expect(given(scheduled).when({ type: 'RaiseTownHallQuestion', data: question })()).toEqual([raised]);
    const [anon] = given(scheduled).when({ type: 'RaiseTownHallQuestion', data: { ...question, questionId: 'Q2', anonymous: true } })();
    expect(anon).toMatchObject({ data: { askedBy: null } });
    expect(given(scheduled).when({ type: 'RaiseTownHallQuestion', data: { ...question, askedBy: null } })).toThrow(/must say who asked/);
    expect(given(scheduled, raised).when({ type: 'RaiseTownHallQuestion', data: question })).toThrow(expect.objectContaining({ kind: 'CONFLICT' }));
    expect(given(scheduled, raised).when({ type: 'AnswerTownHallQuestion', data: answer })()).toHaveLength(1);
    expect(given(scheduled).when({ type: 'AnswerTownHallQuestion', data: answer })).toThrow(expect.objectContaining({ kind: 'NOT_FOUND' }));
    const answered: TownHallEvent = { type: 'TownHallQuestionAnswered', data: answer };
    expect(given(scheduled, raised, answered).when({ type: 'AnswerTownHallQuestion', data: answer })).toThrow(/already answered/);
  });

  it('takes feedback once it started, each feedback once', () => {
    expect(given(scheduled).when(feedback('FB1'))()).toHaveLength(1);
    expect(given(scheduled).when(feedback('FB1', before))).toThrow(/not started/);
    const given1: TownHallEvent = { type: 'TownHallFeedbackGiven', data: { townHallId, feedbackId: 'FB1', rating: 5, comment: null, employeeId: null } };
    expect(given(scheduled, given1).when(feedback('FB1'))).toThrow(expect.objectContaining({ kind: 'CONFLICT' }));
  });

  it('cancels only what has not taken place, once', () => {
    const cancel: TownHallCommand = { type: 'CancelTownHall', data: cancelled.data as { townHallId: string; reason: string } };
    expect(given(scheduled).when(cancel)()).toEqual([cancelled]);
    expect(given(scheduled, cancelled).when(cancel)).toThrow(/already cancelled/);
    expect(given(scheduled, attended('E1')).when(cancel)).toThrow(/took place/);
  });
});
