import { cafeSessionStream, hubEventCodec, parseOrThrow } from '@hub/contracts';
import type { DirectoryService } from '@hub/directory';
import { handleCommand, type CommandContext, type EventStore, newId } from '@hub/event-store';
import { cafeSessionDecider, decideCafeSession, type CafeSessionCommand } from './cafeSession';
import {
  answerQuestionInput,
  assignFollowUpInput,
  cancelCafeSessionInput,
  completeFollowUpInput,
  inviteEmployeeInput,
  raiseQuestionInput,
  recordAttendanceInput,
  scheduleCafeSessionInput,
} from './commands';

export interface CafeSessionServiceDeps {
  store: EventStore;
  directory: DirectoryService;
  clock?: () => Date;
}

/**
 * The café-session (톡톡타임) application service: validates input, looks up the people involved,
 * and lets the pure decider choose the events. Every method returns the session id it acted on.
 */
export const createCafeSessionService = ({ store, directory, clock = () => new Date() }: CafeSessionServiceDeps) => {
  const run = async (sessionId: string, command: CafeSessionCommand, context: CommandContext) => {
    const result = await handleCommand(store, cafeSessionStream(sessionId), cafeSessionDecider, hubEventCodec, (state) =>
      decideCafeSession(command, state), context);
    return { sessionId, ...result };
  };

  return {
    async schedule(input: unknown, context: CommandContext) {
      const data = parseOrThrow(scheduleCafeSessionInput, input, 'café session');
      const hosts = await Promise.all(data.hostIds.map((id) => directory.getEmployee(id)));
      const sessionId = data.sessionId ?? newId(context, 'sessionId');
      return run(sessionId, { type: 'ScheduleCafeSession', data: { ...data, sessionId }, hosts }, { ...context, occurredAt: context.occurredAt ?? data.scheduledAt });
    },

    async invite(input: unknown, context: CommandContext) {
      const { sessionId, employeeId } = parseOrThrow(inviteEmployeeInput, input, 'invitation');
      const employee = await directory.getEmployee(employeeId);
      return run(sessionId, { type: 'InviteEmployee', sessionId, employee }, context);
    },

    async recordAttendance(input: unknown, context: CommandContext) {
      const { sessionId, employeeId } = parseOrThrow(recordAttendanceInput, input, 'attendance');
      const employee = await directory.getEmployee(employeeId);
      return run(sessionId, { type: 'RecordAttendance', sessionId, employee, now: clock().toISOString() }, context);
    },

    async raiseQuestion(input: unknown, context: CommandContext) {
      const data = parseOrThrow(raiseQuestionInput, input, 'question');
      if (data.askedBy) await directory.getEmployee(data.askedBy);
      const questionId = data.questionId ?? newId(context, 'questionId');
      return {
        questionId,
        ...(await run(
          data.sessionId,
          {
            type: 'RaiseQuestion',
            data: { ...data, questionId, askedBy: data.askedBy ?? null, raisedAt: data.raisedAt ?? clock().toISOString() },
          },
          context,
        )),
      };
    },

    async answerQuestion(input: unknown, context: CommandContext) {
      const data = parseOrThrow(answerQuestionInput, input, 'answer');
      await directory.getEmployee(data.answeredBy);
      return run(data.sessionId, { type: 'AnswerQuestion', data: { ...data, answeredAt: data.answeredAt ?? clock().toISOString() } }, context);
    },

    async assignFollowUp(input: unknown, context: CommandContext) {
      const data = parseOrThrow(assignFollowUpInput, input, 'follow-up');
      await directory.getEmployee(data.ownerId);
      const followUpId = data.followUpId ?? newId(context, 'followUpId');
      return {
        followUpId,
        ...(await run(data.sessionId, { type: 'AssignFollowUp', data: { ...data, followUpId, questionId: data.questionId ?? null } }, context)),
      };
    },

    async completeFollowUp(input: unknown, context: CommandContext) {
      const data = parseOrThrow(completeFollowUpInput, input, 'follow-up completion');
      return run(data.sessionId, { type: 'CompleteFollowUp', data: { ...data, note: data.note ?? null } }, context);
    },

    async cancel(input: unknown, context: CommandContext) {
      const data = parseOrThrow(cancelCafeSessionInput, input, 'cancellation');
      return run(data.sessionId, { type: 'CancelCafeSession', data }, context);
    },
  };
};

export type CafeSessionService = ReturnType<typeof createCafeSessionService>;
