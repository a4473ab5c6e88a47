import { cafeSessionStream, hubEventCodec, occurredAtInstant, occurredOnDay, parseOrThrow } from '@hub/events';
import type { DirectoryService } from '@hub/directory';
import { peopleNamedIn, recordedQuestionSteps } from '@hub/questions';
import { handleCommand, handleCommandBatch, type BatchStep, type CommandContext, type EventStore, newId } from '@hub/event-store';
import { cafeSessionDecider, type CafeSessionCommand, type CafeSessionState } from './cafeSession';
import {
  answerQuestionInput,
  assignFollowUpInput,
  cancelCafeSessionInput,
  completeFollowUpInput,
  inviteEmployeeInput,
  raiseQuestionInput,
  recordAttendanceInput,
  recordCafeSessionInput,
  scheduleCafeSessionInput,
} from './commands';

/** The session's time, where that is the truth of when something in it happened (attendance). */
const sessionTime = (state: CafeSessionState) => (state.status === 'scheduled' ? state.scheduledAt : undefined);

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
  const now = () => clock().toISOString();
  /** Business time: the context's occurredAt, else what `occurredAtFor` derives from the session, else now on the service's clock. */
  const run = async (
    sessionId: string,
    command: CafeSessionCommand,
    context: CommandContext,
    occurredAtFor?: (s: CafeSessionState) => string | undefined,
  ) => {
    const result = await handleCommand(
      store,
      cafeSessionStream(sessionId),
      cafeSessionDecider,
      hubEventCodec,
      command,
      context,
      (state) => occurredAtFor?.(state) ?? now(),
    );
    return { sessionId, ...result };
  };

  return {
    async schedule(input: unknown, context: CommandContext) {
      const data = parseOrThrow(scheduleCafeSessionInput, input, 'café session');
      const hosts = await Promise.all(data.hostIds.map((id) => directory.getEmployee(id)));
      const sessionId = data.sessionId ?? newId(context, 'sessionId');
      // Business time of scheduling is the act of scheduling (now), or the explicit occurredAt of history.
      return run(
        sessionId,
        { type: 'ScheduleCafeSession', data: { ...data, sessionId }, hosts, now: now(), occurredAt: context.occurredAt },
        context,
      );
    },

    async invite(input: unknown, context: CommandContext) {
      const { sessionId, employeeId } = parseOrThrow(inviteEmployeeInput, input, 'invitation');
      const employee = await directory.getEmployee(employeeId);
      return run(sessionId, { type: 'InviteEmployee', sessionId, employee, now: now(), occurredAt: context.occurredAt }, context);
    },

    async recordAttendance(input: unknown, context: CommandContext) {
      const { sessionId, employeeId } = parseOrThrow(recordAttendanceInput, input, 'attendance');
      const employee = await directory.getEmployee(employeeId);
      return run(
        sessionId,
        { type: 'RecordAttendance', sessionId, employee, now: now(), occurredAt: context.occurredAt },
        context,
        sessionTime,
      );
    },

    async raiseQuestion(input: unknown, context: CommandContext) {
      const data = parseOrThrow(raiseQuestionInput, input, 'question');
      if (data.askedBy) await directory.getEmployee(data.askedBy);
      const questionId = data.questionId ?? newId(context, 'questionId');
      const raisedAt = occurredAtInstant(context.occurredAt, data.raisedAt ?? context.occurredAt ?? now(), 'raisedAt');
      return {
        questionId,
        ...(await run(
          data.sessionId,
          { type: 'RaiseQuestion', data: { ...data, questionId, askedBy: data.askedBy ?? null, raisedAt } },
          { ...context, occurredAt: raisedAt },
        )),
      };
    },

    async answerQuestion(input: unknown, context: CommandContext) {
      const data = parseOrThrow(answerQuestionInput, input, 'answer');
      await directory.getEmployee(data.answeredBy);
      const answeredAt = occurredAtInstant(context.occurredAt, data.answeredAt ?? context.occurredAt ?? now(), 'answeredAt');
      return run(data.sessionId, { type: 'AnswerQuestion', data: { ...data, answeredAt } }, { ...context, occurredAt: answeredAt });
    },

    async assignFollowUp(input: unknown, context: CommandContext) {
      const data = parseOrThrow(assignFollowUpInput, input, 'follow-up');
      await directory.getEmployee(data.ownerId);
      const followUpId = data.followUpId ?? newId(context, 'followUpId');
      return {
        followUpId,
        ...(await run(
          data.sessionId,
          { type: 'AssignFollowUp', data: { ...data, followUpId, questionId: data.questionId ?? null } },
          context,
        )),
      };
    },

    async completeFollowUp(input: unknown, context: CommandContext) {
      const data = parseOrThrow(completeFollowUpInput, input, 'follow-up completion');
      const occurredAt = occurredOnDay(context.occurredAt, data.completedOn, 'completedOn');
      return run(data.sessionId, { type: 'CompleteFollowUp', data: { ...data, note: data.note ?? null } }, { ...context, occurredAt });
    },

    async cancel(input: unknown, context: CommandContext) {
      const data = parseOrThrow(cancelCafeSessionInput, input, 'cancellation');
      return run(data.sessionId, { type: 'CancelCafeSession', data }, context);
    },

    /**
     * A whole session in one call: scheduled (as history when it lies in the past, like
     * `schedule`), invitations, attendance and questions, decided in order against one state and
     * appended at once, so a refusal anywhere writes nothing. Business time: scheduling at
     * `context.occurredAt` (or now); invitations when scheduled unless given; attendance and
     * questions at the session's time unless given; answers when the question was raised.
     */
    async recordSession(input: unknown, context: CommandContext) {
      const data = parseOrThrow(recordCafeSessionInput, input, 'café session');
      const { invitations, attendance, questions, ...session } = data;
      const ids = new Set([
        ...session.hostIds,
        ...invitations.map((p) => p.employeeId),
        ...attendance.map((p) => p.employeeId),
        ...peopleNamedIn(questions),
      ]);
      const people = new Map((await Promise.all([...ids].map((id) => directory.getEmployee(id)))).map((e) => [e.employeeId, e]));
      const person = (id: string) => people.get(id)!;
      const sessionId = session.sessionId ?? newId(context, 'sessionId');
      const at = now();
      const scheduledOn = context.occurredAt ?? at;
      const step = (command: CafeSessionCommand, occurredAt: string): BatchStep<CafeSessionCommand, CafeSessionState> => ({
        command,
        occurredAt,
      });
      const steps = [
        step(
          {
            type: 'ScheduleCafeSession',
            data: { ...session, sessionId },
            hosts: session.hostIds.map(person),
            now: at,
            occurredAt: context.occurredAt,
          },
          scheduledOn,
        ),
        ...invitations.map((p) =>
          step(
            { type: 'InviteEmployee', sessionId, employee: person(p.employeeId), now: at, occurredAt: p.occurredAt ?? scheduledOn },
            p.occurredAt ?? scheduledOn,
          ),
        ),
        ...attendance.map((p) =>
          step(
            { type: 'RecordAttendance', sessionId, employee: person(p.employeeId), now: at, occurredAt: p.occurredAt },
            p.occurredAt ?? session.scheduledAt,
          ),
        ),
      ];
      const asked = recordedQuestionSteps(questions, {
        heldAt: session.scheduledAt,
        newQuestionId: (i) => newId(context, `questionId:${i}`),
        raise: (q, questionId, raisedAt): CafeSessionCommand => ({
          type: 'RaiseQuestion',
          data: { ...q, sessionId, questionId, askedBy: q.askedBy ?? null, raisedAt },
        }),
        answer: (answer, questionId, answeredAt): CafeSessionCommand => ({
          type: 'AnswerQuestion',
          data: { ...answer, sessionId, questionId, answeredAt },
        }),
      });
      steps.push(...asked.steps);
      const result = await handleCommandBatch(store, cafeSessionStream(sessionId), cafeSessionDecider, hubEventCodec, steps, context);
      return { sessionId, questionIds: asked.questionIds, ...result };
    },
  };
};

export type CafeSessionService = ReturnType<typeof createCafeSessionService>;
