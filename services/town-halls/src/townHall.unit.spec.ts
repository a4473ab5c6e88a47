import type { EventOf, TownHallEvent } from '@hub/events';
import type { EmployeeSnapshot } from '@hub/directory';
import { deciderSpec } from '@hub/event-store/testing';
import { describe, expect, it } from 'vitest';
import { townHallDecider, type TownHallCommand } from './townHall';

const { given } = deciderSpec(townHallDecider);

const townHallId = 'TH-2015-05';
const at = '2015-05-20T09:00:00.000Z';
const after = '2015-05-20T10:00:00.000Z';
const before = '2015-05-19T10:00:00.000Z';
const scheduledData = {
  townHallId,
  scheduledAt: at,
  format: 'CHIMAEK' as const,
  theme: 'Q1 results',
  venue: 'Rooftop',
  presenterIds: ['CEO', 'M1'],
};
const scheduled: TownHallEvent = { type: 'TownHallScheduled', data: scheduledData };
const cancelled: EventOf<'TownHallCancelled'> = { type: 'TownHallCancelled', data: { townHallId, reason: 'Typhoon' } };
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
    given().when({ type: 'ScheduleTownHall', data: scheduledData, now: before }).then([scheduled]);
    given(scheduled).when({ type: 'ScheduleTownHall', data: scheduledData, now: before }).thenThrows('CONFLICT');
  });

  it('schedules only ahead, unless it records history with an occurredAt no later than now', () => {
    given()
      .when({ type: 'ScheduleTownHall', data: scheduledData, now: after })
      .thenThrows(/scheduling is for the future.*occurredAt/);
    given().when({ type: 'ScheduleTownHall', data: scheduledData, now: after, occurredAt: before }).then([scheduled]);
    given()
      .when({ type: 'ScheduleTownHall', data: scheduledData, now: before, occurredAt: after })
      .thenThrows(/in the future/);
  });

  it('judges attendance on the day of the town hall: someone who left later was there', () => {
    given(scheduled)
      .when(attend('E1', '2017-01-01T00:00:00.000Z', '2016-06-30'))
      .then([attended('E1')]);
  });

  it('records attendance by person once, after it started, for people still with the company', () => {
    given(scheduled)
      .when(attend('E1'))
      .then([attended('E1')]);
    given(scheduled, attended('E1')).when(attend('E1')).thenThrows('CONFLICT');
    given(scheduled)
      .when(attend('E1', before))
      .thenThrows(/not started/);
    given(scheduled)
      .when(attend('E1', after, '2015-01-31'))
      .thenThrows(/left/);
    given(scheduled, cancelled)
      .when(attend('E1'))
      .thenThrows(/cancelled/);
    given().when(attend('E1')).thenThrows('NOT_FOUND');
  });

  it('records head counts per org unit, the latest count standing', () => {
    const count = (headCount: number, now = after): TownHallCommand => ({
      type: 'RecordTownHallHeadCount',
      data: { townHallId, orgUnitId: 'IT', headCount },
      now,
    });
    given(scheduled)
      .when(count(42))
      .then([{ type: 'TownHallHeadCountRecorded', data: { townHallId, orgUnitId: 'IT', headCount: 42 } }]);
    given(scheduled)
      .when(count(42, before))
      .thenThrows(/not started/);
    given(scheduled, cancelled)
      .when(count(42))
      .thenThrows(/cancelled/);
  });

  it('takes questions (anonymous ones without the asker) and answers each once', () => {
    given(scheduled).when({ type: 'RaiseTownHallQuestion', data: question }).then([raised]);
    const [anon] = given(scheduled)
      .when({ type: 'RaiseTownHallQuestion', data: { ...question, questionId: 'Q2', anonymous: true } })
      .events();
    expect(anon).toMatchObject({ data: { askedBy: null } });
    given(scheduled)
      .when({ type: 'RaiseTownHallQuestion', data: { ...question, askedBy: null } })
      .thenThrows(/must say who asked/);
    given(scheduled, raised).when({ type: 'RaiseTownHallQuestion', data: question }).thenThrows('CONFLICT');
    given(scheduled, raised)
      .when({ type: 'AnswerTownHallQuestion', data: answer })
      .then([{ type: 'TownHallQuestionAnswered', data: answer }]);
    given(scheduled).when({ type: 'AnswerTownHallQuestion', data: answer }).thenThrows('NOT_FOUND');
    const answered: TownHallEvent = { type: 'TownHallQuestionAnswered', data: answer };
    given(scheduled, raised, answered)
      .when({ type: 'AnswerTownHallQuestion', data: answer })
      .thenThrows(/already answered/);
  });

  it('assigns follow-ups (to a question raised here or standing alone) and completes each once, with the café session’s rules', () => {
    const followUp = {
      townHallId,
      followUpId: 'F1',
      questionId: 'Q1',
      description: 'Publish the plan',
      ownerId: 'M1',
      dueOn: '2015-06-01',
    };
    const assigned: TownHallEvent = { type: 'TownHallFollowUpAssigned', data: followUp };
    const completion = { townHallId, followUpId: 'F1', completedOn: '2015-05-28', note: null };
    const done: TownHallEvent = { type: 'TownHallFollowUpCompleted', data: completion };
    given(scheduled, raised).when({ type: 'AssignTownHallFollowUp', data: followUp }).then([assigned]);
    const loose = { ...followUp, questionId: null };
    given(scheduled)
      .when({ type: 'AssignTownHallFollowUp', data: loose })
      .then([{ type: 'TownHallFollowUpAssigned', data: loose }]);
    given(scheduled)
      .when({ type: 'AssignTownHallFollowUp', data: followUp })
      .thenThrows(/No question Q1 in town hall/);
    given(scheduled, raised, assigned).when({ type: 'AssignTownHallFollowUp', data: followUp }).thenThrows('CONFLICT');
    given(scheduled, cancelled)
      .when({ type: 'AssignTownHallFollowUp', data: loose })
      .thenThrows(/cancelled/);
    given().when({ type: 'AssignTownHallFollowUp', data: loose }).thenThrows('NOT_FOUND');
    given(scheduled, raised, assigned).when({ type: 'CompleteTownHallFollowUp', data: completion }).then([done]);
    given(scheduled, raised, assigned, done)
      .when({ type: 'CompleteTownHallFollowUp', data: completion })
      .thenThrows(/already completed/);
    given(scheduled).when({ type: 'CompleteTownHallFollowUp', data: completion }).thenThrows('NOT_FOUND');
  });

  it('takes feedback once it started, each feedback once', () => {
    given(scheduled)
      .when(feedback('FB1'))
      .then([
        { type: 'TownHallFeedbackGiven', data: { townHallId, feedbackId: 'FB1', rating: 5, comment: '치맥 최고', employeeId: null } },
      ]);
    given(scheduled)
      .when(feedback('FB1', before))
      .thenThrows(/not started/);
    const given1: TownHallEvent = {
      type: 'TownHallFeedbackGiven',
      data: { townHallId, feedbackId: 'FB1', rating: 5, comment: null, employeeId: null },
    };
    given(scheduled, given1).when(feedback('FB1')).thenThrows('CONFLICT');
  });

  it('cancels only what has not taken place, once', () => {
    const cancel: TownHallCommand = { type: 'CancelTownHall', data: cancelled.data };
    given(scheduled).when(cancel).then([cancelled]);
    given(scheduled, cancelled)
      .when(cancel)
      .thenThrows(/already cancelled/);
    given(scheduled, attended('E1'))
      .when(cancel)
      .thenThrows(/took place/);
    const headCount = (headCount: number): EventOf<'TownHallHeadCountRecorded'> => ({
      type: 'TownHallHeadCountRecorded',
      data: { townHallId, orgUnitId: 'IT', headCount },
    });
    given(scheduled, headCount(42))
      .when(cancel)
      .thenThrows(/took place/);
    // Nobody came from the one unit counted (or its count was corrected to 0): it may still be cancelled.
    given(scheduled, headCount(0)).when(cancel).then([cancelled]);
    given(scheduled, headCount(42), headCount(0)).when(cancel).then([cancelled]);
  });
});
