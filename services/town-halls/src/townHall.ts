import {
  assertNotInFuture,
  assertSchedulable,
  conflict,
  forbiddenByRule,
  koreanDay,
  notFound,
  type EventOf,
  type HubEvent,
  type TownHallEvent,
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
 * A town hall (타운홀 미팅): every two months, strategy and results shared with the whole company,
 * two-way by design. This file is where town halls are decided: pure functions only.
 */

export interface TownHall {
  townHallId: string;
  scheduledAt: string;
  presenterIds: string[];
  cancelled: boolean;
  attendees: Set<string>;
  /** The latest head count per org unit (attendance without names): any above 0 means it took place. */
  headCounts: Map<string, number>;
  /** Questions raised here: the shared two-way block. */
  board: QuestionBoard;
  feedbackIds: Set<string>;
}

export type TownHallState = { status: 'none' } | ({ status: 'scheduled' } & TownHall);

type Data<T extends TownHallEvent['type']> = EventOf<T>['data'];

export type TownHallCommand =
  /** `now` is the service's clock; `occurredAt`, when given, records a town hall that already took place. */
  | { type: 'ScheduleTownHall'; data: Data<'TownHallScheduled'>; now: string; occurredAt?: string | undefined }
  | {
      type: 'RecordTownHallAttendance';
      data: Data<'TownHallAttendanceRecorded'>;
      employee: EmployeeSnapshot;
      now: string;
      occurredAt?: string | undefined;
    }
  | { type: 'RecordTownHallHeadCount'; data: Data<'TownHallHeadCountRecorded'>; now: string }
  | { type: 'RaiseTownHallQuestion'; data: Data<'TownHallQuestionRaised'> }
  | { type: 'AnswerTownHallQuestion'; data: Data<'TownHallQuestionAnswered'> }
  | { type: 'AssignTownHallFollowUp'; data: Data<'TownHallFollowUpAssigned'> }
  | { type: 'CompleteTownHallFollowUp'; data: Data<'TownHallFollowUpCompleted'> }
  | { type: 'GiveTownHallFeedback'; data: Data<'TownHallFeedbackGiven'>; now: string }
  | { type: 'CancelTownHall'; data: Data<'TownHallCancelled'> };

/** Folds any hub event; only town-hall events change the state. */
const evolve = (state: TownHallState, event: HubEvent): TownHallState => {
  if (event.type === 'TownHallScheduled') {
    const { townHallId, scheduledAt, presenterIds } = event.data;
    return {
      status: 'scheduled',
      townHallId,
      scheduledAt,
      presenterIds,
      cancelled: false,
      attendees: new Set(),
      headCounts: new Map(),
      board: emptyQuestionBoard(),
      feedbackIds: new Set(),
    };
  }
  if (state.status !== 'scheduled') return state;
  switch (event.type) {
    case 'TownHallAttendanceRecorded':
      return { ...state, attendees: new Set(state.attendees).add(event.data.employeeId) };
    case 'TownHallHeadCountRecorded':
      return { ...state, headCounts: new Map(state.headCounts).set(event.data.orgUnitId, event.data.headCount) };
    case 'TownHallQuestionRaised':
      return { ...state, board: evolveQuestionBoard(state.board, { fact: 'QuestionRaised', questionId: event.data.questionId }) };
    case 'TownHallQuestionAnswered':
      return { ...state, board: evolveQuestionBoard(state.board, { fact: 'QuestionAnswered', questionId: event.data.questionId }) };
    case 'TownHallFollowUpAssigned':
      return { ...state, board: evolveQuestionBoard(state.board, { fact: 'FollowUpAssigned', followUpId: event.data.followUpId }) };
    case 'TownHallFollowUpCompleted':
      return { ...state, board: evolveQuestionBoard(state.board, { fact: 'FollowUpCompleted', followUpId: event.data.followUpId }) };
    case 'TownHallFeedbackGiven':
      return { ...state, feedbackIds: new Set(state.feedbackIds).add(event.data.feedbackId) };
    case 'TownHallCancelled':
      return { ...state, cancelled: true };
    default:
      return state;
  }
};

const venue = (townHallId: string): Venue => ({ name: `town hall ${townHallId}`, details: { townHallId } });

const existing = (state: TownHallState, townHallId: string) => {
  if (state.status !== 'scheduled') throw notFound(`No town hall ${townHallId}`, { townHallId });
  return state;
};

const open = (state: TownHallState, townHallId: string, action: string) => {
  const townHall = existing(state, townHallId);
  if (townHall.cancelled) throw forbiddenByRule(`Town hall ${townHallId} is cancelled: cannot ${action}`, { townHallId });
  return townHall;
};

const started = (townHall: TownHall, now: string, action: string) => {
  if (Date.parse(now) < Date.parse(townHall.scheduledAt)) {
    throw forbiddenByRule(`Town hall ${townHall.townHallId} has not started yet (${townHall.scheduledAt}): cannot ${action}`, {
      townHallId: townHall.townHallId,
    });
  }
};

const decide = (command: TownHallCommand, state: TownHallState): TownHallEvent[] => {
  switch (command.type) {
    case 'ScheduleTownHall':
      if (state.status !== 'none')
        throw conflict(`Town hall ${command.data.townHallId} is already scheduled`, { townHallId: command.data.townHallId });
      assertSchedulable(command.data.scheduledAt, command.now, command.occurredAt, 'town hall');
      return [{ type: 'TownHallScheduled', data: command.data }];

    case 'RecordTownHallAttendance': {
      const { townHallId, employeeId } = command.data;
      const townHall = open(state, townHallId, 'record attendance');
      started(townHall, command.now, 'record attendance');
      assertNotInFuture(command.occurredAt, command.now);
      // Judged on the day of the town hall: someone who left later was still a colleague then.
      if (command.employee.leftOn !== null && command.employee.leftOn < koreanDay(command.occurredAt ?? townHall.scheduledAt))
        throw forbiddenByRule(`${employeeId} left the company on ${command.employee.leftOn}`, { employeeId });
      if (townHall.attendees.has(employeeId))
        throw conflict(`Attendance of ${employeeId} at town hall ${townHallId} is already recorded`, { townHallId });
      return [{ type: 'TownHallAttendanceRecorded', data: command.data }];
    }

    case 'RecordTownHallHeadCount': {
      const townHall = open(state, command.data.townHallId, 'record a head count');
      started(townHall, command.now, 'record a head count');
      return [{ type: 'TownHallHeadCountRecorded', data: command.data }];
    }

    case 'RaiseTownHallQuestion': {
      const townHall = open(state, command.data.townHallId, 'raise a question');
      // Town halls also take questions from people counted by head, not by name: anyone may ask.
      const askedBy = decideRaiseQuestion(townHall.board, venue(townHall.townHallId), command.data);
      return [{ type: 'TownHallQuestionRaised', data: { ...command.data, askedBy } }];
    }

    case 'AnswerTownHallQuestion': {
      const { townHallId, questionId } = command.data;
      decideAnswerQuestion(existing(state, townHallId).board, venue(townHallId), questionId);
      return [{ type: 'TownHallQuestionAnswered', data: command.data }];
    }

    case 'AssignTownHallFollowUp': {
      const { townHallId, followUpId, questionId } = command.data;
      decideAssignFollowUp(open(state, townHallId, 'assign a follow-up').board, venue(townHallId), followUpId, questionId);
      return [{ type: 'TownHallFollowUpAssigned', data: command.data }];
    }

    case 'CompleteTownHallFollowUp': {
      const { townHallId, followUpId } = command.data;
      decideCompleteFollowUp(existing(state, townHallId).board, venue(townHallId), followUpId);
      return [{ type: 'TownHallFollowUpCompleted', data: command.data }];
    }

    case 'GiveTownHallFeedback': {
      const townHall = open(state, command.data.townHallId, 'give feedback');
      started(townHall, command.now, 'give feedback');
      if (townHall.feedbackIds.has(command.data.feedbackId)) throw conflict(`Feedback ${command.data.feedbackId} already exists`, {});
      return [{ type: 'TownHallFeedbackGiven', data: command.data }];
    }

    case 'CancelTownHall': {
      const townHall = existing(state, command.data.townHallId);
      if (townHall.cancelled) throw conflict(`Town hall ${townHall.townHallId} is already cancelled`, {});
      if (townHall.attendees.size > 0 || [...townHall.headCounts.values()].some((n) => n > 0))
        throw forbiddenByRule(`Town hall ${townHall.townHallId} already took place and cannot be cancelled`, {});
      return [{ type: 'TownHallCancelled', data: command.data }];
    }
  }
};

export const townHallDecider: Decider<TownHallCommand, HubEvent, TownHallState> = {
  initialState: () => ({ status: 'none' }),
  decide,
  evolve,
};
