import type { CafeSessionEvent, Grade } from '@hub/contracts';
import type { EmployeeSnapshot } from '@hub/directory';
import { describe, expect, it } from 'vitest';
import { decideCafeSession, evolveCafeSession, initialCafeSessionState, type CafeSessionCommand } from './cafeSession';

// given(events) → when(command) → then(events | error), in the style of Emmett's DeciderSpecification.
const given = (...events: CafeSessionEvent[]) => ({
  when: (command: CafeSessionCommand) => () => decideCafeSession(command, events.reduce(evolveCafeSession, initialCafeSessionState())),
});

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

const scheduled: CafeSessionEvent = {
  type: 'CafeSessionScheduled',
  data: { sessionId, scheduledAt: at, venue: 'Café Bene, Yeouido', hostIds: ['CEO'], capacity: 2 },
};
const invited = (employeeId: string): CafeSessionEvent => ({ type: 'EmployeeInvitedToCafeSession', data: { sessionId, employeeId } });
const attended = (employeeId: string, walkIn = false): CafeSessionEvent => ({
  type: 'CafeSessionAttendanceRecorded',
  data: { sessionId, employeeId, walkIn },
});
const cancelled: CafeSessionEvent = { type: 'CafeSessionCancelled', data: { sessionId, reason: 'CEO travelling' } };
const question = (questionId = 'Q1', askedBy: string | null = 'E1', anonymous = false) =>
  ({ sessionId, questionId, topic: 'strategy', text: 'Where will we be in five years?', anonymous, askedBy, raisedAt: after }) as const;
const raised: CafeSessionEvent = { type: 'CafeSessionQuestionRaised', data: question() };
const answer = { sessionId, questionId: 'Q1', answeredBy: 'CEO', mode: 'LIVE' as const, answer: 'Candidly: here is the plan.', answeredAt: after };
const followUp = { sessionId, followUpId: 'F1', questionId: 'Q1', description: 'Share the 2016 plan deck', ownerId: 'CEO', dueOn: '2015-03-31' };

describe('café session (톡톡타임) decisions', () => {
  describe('schedule', () => {
    it('schedules a new session', () => {
      expect(given().when({ type: 'ScheduleCafeSession', data: scheduled.data as never, hosts: [ceo], now: before })()).toEqual([scheduled]);
    });
    it('refuses to schedule the same session twice', () => {
      expect(given(scheduled).when({ type: 'ScheduleCafeSession', data: scheduled.data as never, hosts: [ceo], now: before })).toThrow(/already scheduled/);
    });
  });

  describe('invite', () => {
    it.each(['STAFF', 'ASSISTANT_MANAGER', 'MANAGER', 'DEPUTY_GENERAL_MANAGER'] as const)('invites an employee of grade %s', (grade) => {
      expect(given(scheduled).when({ type: 'InviteEmployee', sessionId, employee: person('E1', grade), now: after })()).toEqual([invited('E1')]);
    });
    it.each([
      ['GENERAL_MANAGER', '부장'],
      ['EXECUTIVE', '임원'],
    ] as const)('refuses an employee of grade %s (%s) with a clear message', (grade, ko) => {
      const decide = given(scheduled).when({ type: 'InviteEmployee', sessionId, employee: person('E9', grade), now: after });
      expect(decide).toThrow(new RegExp(`${ko}.*차장 \\(deputy general manager\\) or below`));
      expect(decide).toThrow(expect.objectContaining({ kind: 'FORBIDDEN_BY_RULE' }));
    });
    it('refuses someone who has left the company', () => {
      expect(given(scheduled).when({ type: 'InviteEmployee', sessionId, employee: { ...person('E1', 'STAFF'), leftOn: '2015-01-31' }, now: after })).toThrow(
        /left the company on 2015-01-31/,
      );
    });
    it('refuses an invitation to an unknown session', () => {
      expect(given().when({ type: 'InviteEmployee', sessionId, employee: person('E1', 'STAFF') , now: after })).toThrow(
        expect.objectContaining({ kind: 'NOT_FOUND' }),
      );
    });
    it('refuses a duplicate invitation as a conflict', () => {
      expect(given(scheduled, invited('E1')).when({ type: 'InviteEmployee', sessionId, employee: person('E1', 'STAFF') , now: after })).toThrow(
        expect.objectContaining({ kind: 'CONFLICT' }),
      );
    });
    it('refuses an invitation beyond capacity', () => {
      expect(given(scheduled, invited('E1'), invited('E2')).when({ type: 'InviteEmployee', sessionId, employee: person('E3', 'STAFF') , now: after })).toThrow(
        /full \(2 seats\)/,
      );
    });
    it('refuses to invite the host', () => {
      expect(given(scheduled).when({ type: 'InviteEmployee', sessionId, employee: person('CEO', 'STAFF') , now: after })).toThrow(/hosts/);
    });
    it('refuses an invitation to a cancelled session', () => {
      expect(given(scheduled, cancelled).when({ type: 'InviteEmployee', sessionId, employee: person('E1', 'STAFF') , now: after })).toThrow(/cancelled/);
    });
  });

  describe('attendance', () => {
    it('records an invited attendee', () => {
      expect(given(scheduled, invited('E1')).when({ type: 'RecordAttendance', sessionId, employee: person('E1', 'STAFF'), now: after })()).toEqual([
        attended('E1'),
      ]);
    });
    it('records an eligible walk-in', () => {
      expect(given(scheduled).when({ type: 'RecordAttendance', sessionId, employee: person('E5', 'MANAGER'), now: after })()).toEqual([
        attended('E5', true),
      ]);
    });
    it('refuses an ineligible walk-in', () => {
      expect(given(scheduled).when({ type: 'RecordAttendance', sessionId, employee: person('E5', 'GENERAL_MANAGER'), now: after })).toThrow(/부장/);
    });
    it('refuses a walk-in when every seat is taken', () => {
      expect(
        given(scheduled, attended('E1', true), attended('E2', true)).when({ type: 'RecordAttendance', sessionId, employee: person('E3', 'STAFF'), now: after }),
      ).toThrow(/no room for a walk-in/);
    });
    it('refuses attendance at a cancelled session', () => {
      expect(given(scheduled, invited('E1'), cancelled).when({ type: 'RecordAttendance', sessionId, employee: person('E1', 'STAFF'), now: after })).toThrow(
        expect.objectContaining({ kind: 'FORBIDDEN_BY_RULE', message: expect.stringMatching(/cancelled/) }),
      );
    });
    it('refuses attendance before the session starts', () => {
      expect(
        given(scheduled, invited('E1')).when({ type: 'RecordAttendance', sessionId, employee: person('E1', 'STAFF'), now: '2015-03-12T05:59:00.000Z' }),
      ).toThrow(/not started/);
    });
    it('refuses recording the same attendance twice', () => {
      expect(given(scheduled, invited('E1'), attended('E1')).when({ type: 'RecordAttendance', sessionId, employee: person('E1', 'STAFF'), now: after })).toThrow(
        expect.objectContaining({ kind: 'CONFLICT' }),
      );
    });
  });

  describe('questions and answers', () => {
    it('records a question from an attendee', () => {
      expect(given(scheduled, attended('E1', true)).when({ type: 'RaiseQuestion', data: question() })()).toEqual([raised]);
    });
    it('never records who asked an anonymous question', () => {
      const [event] = given(scheduled).when({ type: 'RaiseQuestion', data: question('Q2', 'E1', true) })();
      expect(event).toMatchObject({ data: { anonymous: true, askedBy: null } });
    });
    it('refuses a named question from someone who did not attend', () => {
      expect(given(scheduled).when({ type: 'RaiseQuestion', data: question('Q3', 'E7') })).toThrow(/did not attend/);
    });
    it('refuses a named question without an asker', () => {
      expect(given(scheduled).when({ type: 'RaiseQuestion', data: question('Q3', null) })).toThrow(/must say who asked/);
    });
    it('refuses a question id used twice', () => {
      expect(given(scheduled, attended('E1', true), raised).when({ type: 'RaiseQuestion', data: question() })).toThrow(
        expect.objectContaining({ kind: 'CONFLICT' }),
      );
    });
    it('refuses a question at a cancelled session', () => {
      expect(given(scheduled, cancelled).when({ type: 'RaiseQuestion', data: question('Q4', null, true) })).toThrow(/cancelled/);
    });
    it('answers a question live or later', () => {
      const later = { ...answer, mode: 'FOLLOWED_UP' as const };
      expect(given(scheduled, attended('E1', true), raised).when({ type: 'AnswerQuestion', data: later })()).toEqual([
        { type: 'CafeSessionQuestionAnswered', data: later },
      ]);
    });
    it('refuses to answer an unknown question', () => {
      expect(given(scheduled).when({ type: 'AnswerQuestion', data: answer })).toThrow(expect.objectContaining({ kind: 'NOT_FOUND' }));
    });
    it('refuses to answer a question twice', () => {
      const answered: CafeSessionEvent = { type: 'CafeSessionQuestionAnswered', data: answer };
      expect(given(scheduled, attended('E1', true), raised, answered).when({ type: 'AnswerQuestion', data: answer })).toThrow(/already answered/);
    });
  });

  describe('follow-up actions', () => {
    const assigned: CafeSessionEvent = { type: 'CafeSessionFollowUpAssigned', data: followUp };
    const completion = { sessionId, followUpId: 'F1', completedOn: '2015-03-20', note: null };
    it('assigns a follow-up with owner and due date', () => {
      expect(given(scheduled, attended('E1', true), raised).when({ type: 'AssignFollowUp', data: followUp })()).toEqual([assigned]);
    });
    it('assigns a follow-up not tied to a question', () => {
      expect(given(scheduled).when({ type: 'AssignFollowUp', data: { ...followUp, questionId: null } })()).toHaveLength(1);
    });
    it('refuses a follow-up for an unknown question', () => {
      expect(given(scheduled).when({ type: 'AssignFollowUp', data: followUp })).toThrow(/No question Q1/);
    });
    it('refuses a follow-up id used twice', () => {
      expect(given(scheduled, attended('E1', true), raised, assigned).when({ type: 'AssignFollowUp', data: followUp })).toThrow(
        expect.objectContaining({ kind: 'CONFLICT' }),
      );
    });
    it('completes a follow-up once', () => {
      const done: CafeSessionEvent = { type: 'CafeSessionFollowUpCompleted', data: completion };
      expect(given(scheduled, attended('E1', true), raised, assigned).when({ type: 'CompleteFollowUp', data: completion })()).toEqual([done]);
      expect(given(scheduled, attended('E1', true), raised, assigned, done).when({ type: 'CompleteFollowUp', data: completion })).toThrow(
        /already completed/,
      );
    });
    it('refuses to complete an unknown follow-up', () => {
      expect(given(scheduled).when({ type: 'CompleteFollowUp', data: completion })).toThrow(expect.objectContaining({ kind: 'NOT_FOUND' }));
    });
  });

  describe('cancel', () => {
    it('cancels a session that has not taken place', () => {
      expect(given(scheduled, invited('E1')).when({ type: 'CancelCafeSession', data: cancelled.data as never })()).toEqual([cancelled]);
    });
    it('refuses to cancel twice', () => {
      expect(given(scheduled, cancelled).when({ type: 'CancelCafeSession', data: cancelled.data as never })).toThrow(/already cancelled/);
    });
    it('refuses to cancel a session that took place', () => {
      expect(given(scheduled, attended('E1', true)).when({ type: 'CancelCafeSession', data: cancelled.data as never })).toThrow(/took place/);
    });
    it('refuses to cancel an unknown session', () => {
      expect(given().when({ type: 'CancelCafeSession', data: cancelled.data as never })).toThrow(expect.objectContaining({ kind: 'NOT_FOUND' }));
    });
  });
});

describe('business time: scheduling is for the future, history is explicit', () => {
  const schedule = (now: string, occurredAt?: string): CafeSessionCommand => ({ type: 'ScheduleCafeSession', data: scheduled.data as never, hosts: [ceo], now, occurredAt });

  it('schedules a session that lies ahead', () => {
    expect(given().when(schedule(before))()).toEqual([scheduled]);
  });

  it('refuses to schedule a session in the past, and says how to record it as history', () => {
    expect(given().when(schedule(after))).toThrow(/scheduling is for the future.*give occurredAt/);
  });

  it('records a past session as history when occurredAt is given, no later than now', () => {
    expect(given().when(schedule(after, before))()).toEqual([scheduled]);
    expect(given().when(schedule(after, after))()).toEqual([scheduled]);
  });

  it('refuses history that claims to happen after now', () => {
    expect(given().when(schedule(before, after))).toThrow(/in the future/);
  });

  it('judges eligibility on the day it happened: someone who left later was still invitable then', () => {
    const leftLater = { ...person('E1', 'STAFF'), leftOn: '2016-06-30' };
    expect(given(scheduled).when({ type: 'InviteEmployee', sessionId, employee: leftLater, now: '2017-01-01T00:00:00.000Z', occurredAt: before })()).toEqual([invited('E1')]);
    expect(given(scheduled).when({ type: 'InviteEmployee', sessionId, employee: leftLater, now: '2017-01-01T00:00:00.000Z' })).toThrow(/left the company/);
    expect(given(scheduled).when({ type: 'RecordAttendance', sessionId, employee: leftLater, now: '2017-01-01T00:00:00.000Z' })()).toEqual([attended('E1', true)]);
  });

  it('refuses attendance recorded as happening in the future', () => {
    expect(given(scheduled, invited('E1')).when({ type: 'RecordAttendance', sessionId, employee: person('E1', 'STAFF'), now: after, occurredAt: '2015-03-13T00:00:00.000Z' })).toThrow(/in the future/);
  });
});
