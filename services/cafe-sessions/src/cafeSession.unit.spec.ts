import type { CafeSessionEvent, EventOf, Grade } from '@hub/events';
import type { EmployeeSnapshot } from '@hub/directory';
import { deciderSpec } from '@hub/event-store/testing';
import { describe, expect, it } from 'vitest';
import { cafeSessionDecider, type CafeSessionCommand } from './cafeSession';

const { given } = deciderSpec(cafeSessionDecider);

const person = (employeeId: string, grade: Grade): EmployeeSnapshot => ({
  employeeId,
  name: `Person ${employeeId}`,
  grade,
  orgUnitId: 'SALES-PLAN',
  region: 'Seoul',
  title: null,
  hiredOn: '2010-01-04',
  leftOn: null,
});
const ceo = person('CEO', 'EXECUTIVE');
const sessionId = 'S1';
const at = '2015-03-12T06:00:00.000Z';
const after = '2015-03-12T07:00:00.000Z';
const before = '2015-03-01T00:00:00.000Z';

const scheduled: EventOf<'CafeSessionScheduled'> = {
  type: 'CafeSessionScheduled',
  data: { sessionId, scheduledAt: at, venue: 'Café Bene, Yeouido', hostIds: ['CEO'], capacity: 2 },
};
const invited = (employeeId: string): CafeSessionEvent => ({ type: 'EmployeeInvitedToCafeSession', data: { sessionId, employeeId } });
const attended = (employeeId: string, walkIn = false): CafeSessionEvent => ({
  type: 'CafeSessionAttendanceRecorded',
  data: { sessionId, employeeId, walkIn },
});
const cancelled: EventOf<'CafeSessionCancelled'> = { type: 'CafeSessionCancelled', data: { sessionId, reason: 'CEO travelling' } };
const question = (questionId = 'Q1', askedBy: string | null = 'E1', anonymous = false) =>
  ({ sessionId, questionId, topic: 'strategy', text: 'Where will we be in five years?', anonymous, askedBy, raisedAt: after }) as const;
const raised: CafeSessionEvent = { type: 'CafeSessionQuestionRaised', data: question() };
const answer = {
  sessionId,
  questionId: 'Q1',
  answeredBy: 'CEO',
  mode: 'LIVE' as const,
  answer: 'Candidly: here is the plan.',
  answeredAt: after,
};
const followUp = {
  sessionId,
  followUpId: 'F1',
  questionId: 'Q1',
  description: 'Share the 2016 plan deck',
  ownerId: 'CEO',
  dueOn: '2015-03-31',
};

describe('café session (톡톡타임) decisions', () => {
  describe('schedule', () => {
    it('schedules a new session', () => {
      given()
        .when({ type: 'ScheduleCafeSession', data: scheduled.data, hosts: [ceo], now: before })
        .then([scheduled]);
    });
    it('refuses to schedule the same session twice', () => {
      given(scheduled)
        .when({ type: 'ScheduleCafeSession', data: scheduled.data, hosts: [ceo], now: before })
        .thenThrows(/already scheduled/);
    });
  });

  describe('invite', () => {
    it.each(['STAFF', 'ASSISTANT_MANAGER', 'MANAGER', 'DEPUTY_GENERAL_MANAGER'] as const)('invites an employee of grade %s', (grade) => {
      given(scheduled)
        .when({ type: 'InviteEmployee', sessionId, employee: person('E1', grade), now: after })
        .then([invited('E1')]);
    });
    it.each([
      ['GENERAL_MANAGER', '부장'],
      ['EXECUTIVE', '임원'],
    ] as const)('refuses an employee of grade %s (%s) with a clear message', (grade, ko) => {
      given(scheduled)
        .when({ type: 'InviteEmployee', sessionId, employee: person('E9', grade), now: after })
        .thenThrows(new RegExp(`${ko}.*차장 \\(deputy general manager\\) or below`), 'FORBIDDEN_BY_RULE');
    });
    it('refuses someone who has left the company', () => {
      given(scheduled)
        .when({ type: 'InviteEmployee', sessionId, employee: { ...person('E1', 'STAFF'), leftOn: '2015-01-31' }, now: after })
        .thenThrows(/left the company on 2015-01-31/);
    });
    it('refuses an invitation to an unknown session', () => {
      given()
        .when({ type: 'InviteEmployee', sessionId, employee: person('E1', 'STAFF'), now: after })
        .thenThrows('NOT_FOUND');
    });
    it('refuses a duplicate invitation as a conflict', () => {
      given(scheduled, invited('E1'))
        .when({ type: 'InviteEmployee', sessionId, employee: person('E1', 'STAFF'), now: after })
        .thenThrows('CONFLICT');
    });
    it('refuses an invitation beyond capacity', () => {
      given(scheduled, invited('E1'), invited('E2'))
        .when({ type: 'InviteEmployee', sessionId, employee: person('E3', 'STAFF'), now: after })
        .thenThrows(/full \(2 seats\)/);
    });
    it('refuses to invite the host', () => {
      given(scheduled)
        .when({ type: 'InviteEmployee', sessionId, employee: person('CEO', 'STAFF'), now: after })
        .thenThrows(/hosts/);
    });
    it('refuses an invitation to a cancelled session', () => {
      given(scheduled, cancelled)
        .when({ type: 'InviteEmployee', sessionId, employee: person('E1', 'STAFF'), now: after })
        .thenThrows(/cancelled/);
    });
  });

  describe('attendance', () => {
    it('records an invited attendee', () => {
      given(scheduled, invited('E1'))
        .when({ type: 'RecordAttendance', sessionId, employee: person('E1', 'STAFF'), now: after })
        .then([attended('E1')]);
    });
    it('records an eligible walk-in', () => {
      given(scheduled)
        .when({ type: 'RecordAttendance', sessionId, employee: person('E5', 'MANAGER'), now: after })
        .then([attended('E5', true)]);
    });
    it('refuses an ineligible walk-in', () => {
      given(scheduled)
        .when({ type: 'RecordAttendance', sessionId, employee: person('E5', 'GENERAL_MANAGER'), now: after })
        .thenThrows(/부장/);
    });
    it('refuses a walk-in when every seat is taken', () => {
      given(scheduled, attended('E1', true), attended('E2', true))
        .when({ type: 'RecordAttendance', sessionId, employee: person('E3', 'STAFF'), now: after })
        .thenThrows(/no room for a walk-in/);
    });
    it('refuses attendance at a cancelled session', () => {
      given(scheduled, invited('E1'), cancelled)
        .when({ type: 'RecordAttendance', sessionId, employee: person('E1', 'STAFF'), now: after })
        .thenThrows({ kind: 'FORBIDDEN_BY_RULE', message: /cancelled/ });
    });
    it('refuses attendance before the session starts', () => {
      given(scheduled, invited('E1'))
        .when({ type: 'RecordAttendance', sessionId, employee: person('E1', 'STAFF'), now: '2015-03-12T05:59:00.000Z' })
        .thenThrows(/not started/);
    });
    it('refuses recording the same attendance twice', () => {
      given(scheduled, invited('E1'), attended('E1'))
        .when({ type: 'RecordAttendance', sessionId, employee: person('E1', 'STAFF'), now: after })
        .thenThrows('CONFLICT');
    });
  });

  describe('questions and answers', () => {
    it('records a question from an attendee', () => {
      given(scheduled, attended('E1', true)).when({ type: 'RaiseQuestion', data: question() }).then([raised]);
    });
    it('never records who asked an anonymous question', () => {
      const [event] = given(scheduled)
        .when({ type: 'RaiseQuestion', data: question('Q2', 'E1', true) })
        .events();
      expect(event).toMatchObject({ data: { anonymous: true, askedBy: null } });
    });
    it('refuses a named question from someone who did not attend', () => {
      given(scheduled)
        .when({ type: 'RaiseQuestion', data: question('Q3', 'E7') })
        .thenThrows(/did not attend/);
    });
    it('refuses a named question without an asker', () => {
      given(scheduled)
        .when({ type: 'RaiseQuestion', data: question('Q3', null) })
        .thenThrows(/must say who asked/);
    });
    it('refuses a question id used twice', () => {
      given(scheduled, attended('E1', true), raised).when({ type: 'RaiseQuestion', data: question() }).thenThrows('CONFLICT');
    });
    it('refuses a question at a cancelled session', () => {
      given(scheduled, cancelled)
        .when({ type: 'RaiseQuestion', data: question('Q4', null, true) })
        .thenThrows(/cancelled/);
    });
    it('answers a question live or later', () => {
      const later = { ...answer, mode: 'FOLLOWED_UP' as const };
      given(scheduled, attended('E1', true), raised)
        .when({ type: 'AnswerQuestion', data: later })
        .then([{ type: 'CafeSessionQuestionAnswered', data: later }]);
    });
    it('refuses to answer an unknown question', () => {
      given(scheduled).when({ type: 'AnswerQuestion', data: answer }).thenThrows('NOT_FOUND');
    });
    it('refuses to answer a question twice', () => {
      const answered: CafeSessionEvent = { type: 'CafeSessionQuestionAnswered', data: answer };
      given(scheduled, attended('E1', true), raised, answered)
        .when({ type: 'AnswerQuestion', data: answer })
        .thenThrows(/already answered/);
    });
  });

  describe('follow-up actions', () => {
    const assigned: CafeSessionEvent = { type: 'CafeSessionFollowUpAssigned', data: followUp };
    const completion = { sessionId, followUpId: 'F1', completedOn: '2015-03-20', note: null };
    it('assigns a follow-up with owner and due date', () => {
      given(scheduled, attended('E1', true), raised).when({ type: 'AssignFollowUp', data: followUp }).then([assigned]);
    });
    it('assigns a follow-up not tied to a question', () => {
      const loose = { ...followUp, questionId: null };
      given(scheduled)
        .when({ type: 'AssignFollowUp', data: loose })
        .then([{ type: 'CafeSessionFollowUpAssigned', data: loose }]);
    });
    it('refuses a follow-up for an unknown question', () => {
      given(scheduled)
        .when({ type: 'AssignFollowUp', data: followUp })
        .thenThrows(/No question Q1/);
    });
    it('refuses a follow-up id used twice', () => {
      given(scheduled, attended('E1', true), raised, assigned).when({ type: 'AssignFollowUp', data: followUp }).thenThrows('CONFLICT');
    });
    it('completes a follow-up once', () => {
      const done: CafeSessionEvent = { type: 'CafeSessionFollowUpCompleted', data: completion };
      given(scheduled, attended('E1', true), raised, assigned).when({ type: 'CompleteFollowUp', data: completion }).then([done]);
      given(scheduled, attended('E1', true), raised, assigned, done)
        .when({ type: 'CompleteFollowUp', data: completion })
        .thenThrows(/already completed/);
    });
    it('refuses to complete an unknown follow-up', () => {
      given(scheduled).when({ type: 'CompleteFollowUp', data: completion }).thenThrows('NOT_FOUND');
    });
  });

  describe('cancel', () => {
    it('cancels a session that has not taken place', () => {
      given(scheduled, invited('E1')).when({ type: 'CancelCafeSession', data: cancelled.data }).then([cancelled]);
    });
    it('refuses to cancel twice', () => {
      given(scheduled, cancelled)
        .when({ type: 'CancelCafeSession', data: cancelled.data })
        .thenThrows(/already cancelled/);
    });
    it('refuses to cancel a session that took place', () => {
      given(scheduled, attended('E1', true))
        .when({ type: 'CancelCafeSession', data: cancelled.data })
        .thenThrows(/took place/);
    });
    it('refuses to cancel an unknown session', () => {
      given().when({ type: 'CancelCafeSession', data: cancelled.data }).thenThrows('NOT_FOUND');
    });
  });
});

describe('business time: scheduling is for the future, history is explicit', () => {
  const schedule = (now: string, occurredAt?: string): CafeSessionCommand => ({
    type: 'ScheduleCafeSession',
    data: scheduled.data,
    hosts: [ceo],
    now,
    occurredAt,
  });

  it('schedules a session that lies ahead', () => {
    given().when(schedule(before)).then([scheduled]);
  });

  it('refuses to schedule a session in the past, and says how to record it as history', () => {
    given()
      .when(schedule(after))
      .thenThrows(/scheduling is for the future.*give occurredAt/);
  });

  it('records a past session as history when occurredAt is given, no later than now', () => {
    given().when(schedule(after, before)).then([scheduled]);
    given().when(schedule(after, after)).then([scheduled]);
  });

  it('refuses history that claims to happen after now', () => {
    given()
      .when(schedule(before, after))
      .thenThrows(/in the future/);
  });

  it('judges eligibility on the day it happened: someone who left later was still invitable then', () => {
    const leftLater = { ...person('E1', 'STAFF'), leftOn: '2016-06-30' };
    given(scheduled)
      .when({ type: 'InviteEmployee', sessionId, employee: leftLater, now: '2017-01-01T00:00:00.000Z', occurredAt: before })
      .then([invited('E1')]);
    given(scheduled)
      .when({ type: 'InviteEmployee', sessionId, employee: leftLater, now: '2017-01-01T00:00:00.000Z' })
      .thenThrows(/left the company/);
    given(scheduled)
      .when({ type: 'RecordAttendance', sessionId, employee: leftLater, now: '2017-01-01T00:00:00.000Z' })
      .then([attended('E1', true)]);
  });

  it('refuses attendance recorded as happening in the future', () => {
    given(scheduled, invited('E1'))
      .when({ type: 'RecordAttendance', sessionId, employee: person('E1', 'STAFF'), now: after, occurredAt: '2015-03-13T00:00:00.000Z' })
      .thenThrows(/in the future/);
  });
});
