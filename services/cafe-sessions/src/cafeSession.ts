import {
  assertNotInFuture,
  assertSchedulable,
  conflict,
  koreanDay,
  forbiddenByRule,
  gradeLabel,
  isCafeSessionEligible,
  notFound,
  type CafeSessionEvent,
  type EventOf,
  type HubEvent,
} from '@hub/events';
import type { EmployeeSnapshot } from '@hub/directory';
import type { Decider } from '@hub/event-store';
import {
  decideAnswerQuestion,
  decideAssignFollowUp,
  decideCompleteFollowUp,
  decideRaiseQuestion,
  emptyQuestionBoard,
  evolveQuestionBoard,
  type QuestionBoard,
  type Venue,
} from '@hub/questions';

/*
 * A café session (톡톡타임): the CEO has tea with about ten employees of grade 차장 or below,
 * in a café, with no agenda. This file is where café sessions are decided: pure functions only.
 */

export interface CafeSession {
  sessionId: string;
  scheduledAt: string;
  hostIds: string[];
  capacity: number;
  cancelled: boolean;
  invited: Set<string>;
  attended: Set<string>;
  /** Questions raised here and their follow-ups: the shared two-way block. */
  board: QuestionBoard;
}

export type CafeSessionState = { status: 'none' } | ({ status: 'scheduled' } & CafeSession);

type Data<T extends CafeSessionEvent['type']> = EventOf<T>['data'];

export type CafeSessionCommand =
  /** `now` is the service's clock; `occurredAt`, when given, records a session that already took place. */
  | {
      type: 'ScheduleCafeSession';
      data: Data<'CafeSessionScheduled'>;
      hosts: EmployeeSnapshot[];
      now: string;
      occurredAt?: string | undefined;
    }
  | { type: 'InviteEmployee'; sessionId: string; employee: EmployeeSnapshot; now: string; occurredAt?: string | undefined }
  | { type: 'RecordAttendance'; sessionId: string; employee: EmployeeSnapshot; now: string; occurredAt?: string | undefined }
  | { type: 'RaiseQuestion'; data: Data<'CafeSessionQuestionRaised'> }
  | { type: 'AnswerQuestion'; data: Data<'CafeSessionQuestionAnswered'> }
  | { type: 'AssignFollowUp'; data: Data<'CafeSessionFollowUpAssigned'> }
  | { type: 'CompleteFollowUp'; data: Data<'CafeSessionFollowUpCompleted'> }
  | { type: 'CancelCafeSession'; data: Data<'CafeSessionCancelled'> };

/** Folds any hub event; only café-session events change the state. */
const evolve = (state: CafeSessionState, event: HubEvent): CafeSessionState => {
  if (event.type === 'CafeSessionScheduled') {
    const { sessionId, scheduledAt, hostIds, capacity } = event.data;
    return {
      status: 'scheduled',
      sessionId,
      scheduledAt,
      hostIds,
      capacity,
      cancelled: false,
      invited: new Set(),
      attended: new Set(),
      board: emptyQuestionBoard(),
    };
  }
  if (state.status !== 'scheduled') return state;
  switch (event.type) {
    case 'EmployeeInvitedToCafeSession':
      return { ...state, invited: new Set(state.invited).add(event.data.employeeId) };
    case 'CafeSessionAttendanceRecorded':
      return { ...state, attended: new Set(state.attended).add(event.data.employeeId) };
    case 'CafeSessionQuestionRaised':
      return { ...state, board: evolveQuestionBoard(state.board, { fact: 'QuestionRaised', questionId: event.data.questionId }) };
    case 'CafeSessionQuestionAnswered':
      return { ...state, board: evolveQuestionBoard(state.board, { fact: 'QuestionAnswered', questionId: event.data.questionId }) };
    case 'CafeSessionFollowUpAssigned':
      return { ...state, board: evolveQuestionBoard(state.board, { fact: 'FollowUpAssigned', followUpId: event.data.followUpId }) };
    case 'CafeSessionFollowUpCompleted':
      return { ...state, board: evolveQuestionBoard(state.board, { fact: 'FollowUpCompleted', followUpId: event.data.followUpId }) };
    case 'CafeSessionCancelled':
      return { ...state, cancelled: true };
    default:
      return state;
  }
};

const existing = (state: CafeSessionState, sessionId: string) => {
  if (state.status !== 'scheduled') throw notFound(`No café session ${sessionId}`, { sessionId });
  return state;
};

const venue = (sessionId: string): Venue => ({ name: `café session ${sessionId}`, details: { sessionId } });

const open = (state: CafeSessionState, sessionId: string, action: string) => {
  const session = existing(state, sessionId);
  if (session.cancelled) throw forbiddenByRule(`Café session ${sessionId} is cancelled: cannot ${action}`, { sessionId });
  return session;
};

/** Eligible on the day it happened: someone who left later was still a colleague then. */
const eligible = (employee: EmployeeSnapshot, action: string, at: string) => {
  if (employee.leftOn !== null && employee.leftOn < koreanDay(at)) {
    throw forbiddenByRule(`${employee.name} (${employee.employeeId}) left the company on ${employee.leftOn}, so cannot ${action}`, {
      employeeId: employee.employeeId,
    });
  }
  if (!isCafeSessionEligible(employee.grade)) {
    throw forbiddenByRule(
      `${employee.name} (${employee.employeeId}) is ${gradeLabel(employee.grade)}: café sessions are for grade 차장 (deputy general manager) or below, so cannot ${action}`,
      { employeeId: employee.employeeId, grade: employee.grade },
    );
  }
};

const decide = (command: CafeSessionCommand, state: CafeSessionState): CafeSessionEvent[] => {
  switch (command.type) {
    case 'ScheduleCafeSession': {
      const { sessionId, scheduledAt } = command.data;
      if (state.status !== 'none') throw conflict(`Café session ${sessionId} is already scheduled`, { sessionId });
      assertSchedulable(scheduledAt, command.now, command.occurredAt, 'café session');
      return [{ type: 'CafeSessionScheduled', data: command.data }];
    }

    case 'InviteEmployee': {
      const { sessionId, employee, now, occurredAt } = command;
      assertNotInFuture(occurredAt, now);
      const session = open(state, sessionId, 'invite');
      if (session.invited.has(employee.employeeId)) {
        throw conflict(`${employee.name} (${employee.employeeId}) is already invited to café session ${sessionId}`, {
          sessionId,
          employeeId: employee.employeeId,
        });
      }
      if (session.hostIds.includes(employee.employeeId)) {
        throw forbiddenByRule(`${employee.employeeId} hosts café session ${sessionId} and cannot also be invited`, { sessionId });
      }
      eligible(employee, 'be invited', occurredAt ?? now);
      if (session.invited.size >= session.capacity) {
        throw forbiddenByRule(`Café session ${sessionId} is full (${session.capacity} seats)`, { sessionId, capacity: session.capacity });
      }
      return [{ type: 'EmployeeInvitedToCafeSession', data: { sessionId, employeeId: employee.employeeId } }];
    }

    case 'RecordAttendance': {
      const { sessionId, employee, now, occurredAt } = command;
      assertNotInFuture(occurredAt, now);
      const session = open(state, sessionId, 'record attendance');
      if (Date.parse(now) < Date.parse(session.scheduledAt)) {
        throw forbiddenByRule(`Café session ${sessionId} has not started yet (${session.scheduledAt})`, { sessionId });
      }
      if (session.attended.has(employee.employeeId)) {
        throw conflict(`Attendance of ${employee.employeeId} at café session ${sessionId} is already recorded`, { sessionId });
      }
      const walkIn = !session.invited.has(employee.employeeId);
      if (walkIn) {
        eligible(employee, 'attend', occurredAt ?? session.scheduledAt);
        if (session.attended.size >= session.capacity) {
          throw forbiddenByRule(`Café session ${sessionId} is full (${session.capacity} seats): no room for a walk-in`, { sessionId });
        }
      }
      return [{ type: 'CafeSessionAttendanceRecorded', data: { sessionId, employeeId: employee.employeeId, walkIn } }];
    }

    case 'RaiseQuestion': {
      const session = open(state, command.data.sessionId, 'raise a question');
      // Named questions come from those who were there; anonymous ones from anyone.
      const askedBy = decideRaiseQuestion(session.board, venue(session.sessionId), command.data, session.attended);
      return [{ type: 'CafeSessionQuestionRaised', data: { ...command.data, askedBy } }];
    }

    case 'AnswerQuestion': {
      const { sessionId, questionId } = command.data;
      decideAnswerQuestion(existing(state, sessionId).board, venue(sessionId), questionId);
      return [{ type: 'CafeSessionQuestionAnswered', data: command.data }];
    }

    case 'AssignFollowUp': {
      const { sessionId, followUpId, questionId } = command.data;
      decideAssignFollowUp(open(state, sessionId, 'assign a follow-up').board, venue(sessionId), followUpId, questionId);
      return [{ type: 'CafeSessionFollowUpAssigned', data: command.data }];
    }

    case 'CompleteFollowUp': {
      const { sessionId, followUpId } = command.data;
      decideCompleteFollowUp(existing(state, sessionId).board, venue(sessionId), followUpId);
      return [{ type: 'CafeSessionFollowUpCompleted', data: command.data }];
    }

    case 'CancelCafeSession': {
      const { sessionId } = command.data;
      const session = existing(state, sessionId);
      if (session.cancelled) throw conflict(`Café session ${sessionId} is already cancelled`, { sessionId });
      if (session.attended.size > 0) {
        throw forbiddenByRule(`Café session ${sessionId} already took place (attendance is recorded) and cannot be cancelled`, {
          sessionId,
        });
      }
      return [{ type: 'CafeSessionCancelled', data: command.data }];
    }
  }
};

export const cafeSessionDecider: Decider<CafeSessionCommand, HubEvent, CafeSessionState> = {
  initialState: () => ({ status: 'none' }),
  decide,
  evolve,
};
