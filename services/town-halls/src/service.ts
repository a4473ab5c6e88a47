import { hubEventCodec, occurredAtInstant, occurredOnDay, parseOrThrow, townHallStream } from '@hub/events';
import type { DirectoryService } from '@hub/directory';
import { peopleNamedIn, recordedQuestionSteps } from '@hub/questions';
import { handleCommand, handleCommandBatch, type BatchStep, type CommandContext, type EventStore, newId } from '@hub/event-store';
import {
  answerTownHallQuestionInput,
  assignTownHallFollowUpInput,
  cancelTownHallInput,
  completeTownHallFollowUpInput,
  giveTownHallFeedbackInput,
  raiseTownHallQuestionInput,
  recordTownHallAttendanceInput,
  recordTownHallHeadCountInput,
  recordTownHallInput,
  scheduleTownHallInput,
} from './commands';
import { townHallDecider, type TownHallCommand, type TownHallState } from './townHall';

/**
 * The town hall's time, where that is the truth of when something at it happened (attendance, head
 * counts, feedback): the decider refuses those before it starts, so it is always in the past.
 */
const townHallTime = (state: TownHallState) => (state.status === 'scheduled' ? state.scheduledAt : undefined);

export interface TownHallServiceDeps {
  store: EventStore;
  directory: Pick<DirectoryService, 'getEmployee' | 'getOrgUnit'>;
  clock?: () => Date;
}

/** The town-hall (타운홀) application service: validates, looks up people and units, lets the decider decide. */
export const createTownHallService = ({ store, directory, clock = () => new Date() }: TownHallServiceDeps) => {
  const now = () => clock().toISOString();
  /** Business time: the context's occurredAt, else what `occurredAtFor` derives from the town hall, else now on the service's clock. */
  const run = async (
    townHallId: string,
    command: TownHallCommand,
    context: CommandContext,
    occurredAtFor?: (s: TownHallState) => string | undefined,
  ) => ({
    townHallId,
    ...(await handleCommand(
      store,
      townHallStream(townHallId),
      townHallDecider,
      hubEventCodec,
      command,
      context,
      (s) => occurredAtFor?.(s) ?? now(),
    )),
  });

  return {
    async schedule(input: unknown, context: CommandContext) {
      const data = parseOrThrow(scheduleTownHallInput, input, 'town hall');
      await Promise.all(data.presenterIds.map((id) => directory.getEmployee(id)));
      const townHallId = data.townHallId ?? newId(context, 'townHallId');
      // Business time of scheduling is the act of scheduling (now), or the explicit occurredAt of history.
      return run(
        townHallId,
        { type: 'ScheduleTownHall', data: { ...data, townHallId }, now: now(), occurredAt: context.occurredAt },
        context,
      );
    },
    async recordAttendance(input: unknown, context: CommandContext) {
      const data = parseOrThrow(recordTownHallAttendanceInput, input, 'attendance');
      const employee = await directory.getEmployee(data.employeeId);
      return run(
        data.townHallId,
        { type: 'RecordTownHallAttendance', data, employee, now: now(), occurredAt: context.occurredAt },
        context,
        townHallTime,
      );
    },
    async recordHeadCount(input: unknown, context: CommandContext) {
      const data = parseOrThrow(recordTownHallHeadCountInput, input, 'head count');
      await directory.getOrgUnit(data.orgUnitId);
      return run(data.townHallId, { type: 'RecordTownHallHeadCount', data, now: now() }, context, townHallTime);
    },
    async raiseQuestion(input: unknown, context: CommandContext) {
      const data = parseOrThrow(raiseTownHallQuestionInput, input, 'question');
      if (data.askedBy) await directory.getEmployee(data.askedBy);
      const questionId = data.questionId ?? newId(context, 'questionId');
      const raisedAt = occurredAtInstant(context.occurredAt, data.raisedAt ?? context.occurredAt ?? now(), 'raisedAt');
      const command: TownHallCommand = {
        type: 'RaiseTownHallQuestion',
        data: { ...data, questionId, askedBy: data.askedBy ?? null, raisedAt },
      };
      return { questionId, ...(await run(data.townHallId, command, { ...context, occurredAt: raisedAt })) };
    },
    async answerQuestion(input: unknown, context: CommandContext) {
      const data = parseOrThrow(answerTownHallQuestionInput, input, 'answer');
      await directory.getEmployee(data.answeredBy);
      const answeredAt = occurredAtInstant(context.occurredAt, data.answeredAt ?? context.occurredAt ?? now(), 'answeredAt');
      return run(
        data.townHallId,
        { type: 'AnswerTownHallQuestion', data: { ...data, answeredAt } },
        { ...context, occurredAt: answeredAt },
      );
    },
    async assignFollowUp(input: unknown, context: CommandContext) {
      const data = parseOrThrow(assignTownHallFollowUpInput, input, 'follow-up');
      await directory.getEmployee(data.ownerId);
      const followUpId = data.followUpId ?? newId(context, 'followUpId');
      const command: TownHallCommand = {
        type: 'AssignTownHallFollowUp',
        data: { ...data, followUpId, questionId: data.questionId ?? null },
      };
      return { followUpId, ...(await run(data.townHallId, command, context)) };
    },
    async completeFollowUp(input: unknown, context: CommandContext) {
      const data = parseOrThrow(completeTownHallFollowUpInput, input, 'follow-up completion');
      const occurredAt = occurredOnDay(context.occurredAt, data.completedOn, 'completedOn');
      return run(
        data.townHallId,
        { type: 'CompleteTownHallFollowUp', data: { ...data, note: data.note ?? null } },
        { ...context, occurredAt },
      );
    },
    async giveFeedback(input: unknown, context: CommandContext) {
      const data = parseOrThrow(giveTownHallFeedbackInput, input, 'feedback');
      if (data.employeeId) await directory.getEmployee(data.employeeId);
      const feedbackId = data.feedbackId ?? newId(context, 'feedbackId');
      const command: TownHallCommand = {
        type: 'GiveTownHallFeedback',
        data: { ...data, feedbackId, comment: data.comment ?? null, employeeId: data.employeeId ?? null },
        now: now(),
      };
      return { feedbackId, ...(await run(data.townHallId, command, context, townHallTime)) };
    },
    async cancel(input: unknown, context: CommandContext) {
      const data = parseOrThrow(cancelTownHallInput, input, 'cancellation');
      return run(data.townHallId, { type: 'CancelTownHall', data }, context);
    },

    /**
     * A whole town hall in one call: scheduled (as history when it lies in the past, like
     * `schedule`), attendance or head counts, questions and answers, decided in order against one
     * state and appended at once, so a refusal anywhere writes nothing. Business time: scheduling
     * at `context.occurredAt` (or now); everything else at the town hall's time unless given.
     */
    async recordTownHall(input: unknown, context: CommandContext) {
      const { attendance, headCounts, questions, ...townHall } = parseOrThrow(recordTownHallInput, input, 'town hall');
      const ids = new Set([...townHall.presenterIds, ...attendance.map((a) => a.employeeId), ...peopleNamedIn(questions)]);
      const people = new Map((await Promise.all([...ids].map((id) => directory.getEmployee(id)))).map((e) => [e.employeeId, e]));
      await Promise.all([...new Set(headCounts.map((h) => h.orgUnitId))].map((id) => directory.getOrgUnit(id)));
      const townHallId = townHall.townHallId ?? newId(context, 'townHallId');
      const at = now();
      const step = (command: TownHallCommand, occurredAt: string): BatchStep<TownHallCommand, TownHallState> => ({ command, occurredAt });
      const steps = [
        step(
          { type: 'ScheduleTownHall', data: { ...townHall, townHallId }, now: at, occurredAt: context.occurredAt },
          context.occurredAt ?? at,
        ),
        ...attendance.map((a) =>
          step(
            {
              type: 'RecordTownHallAttendance',
              data: { townHallId, employeeId: a.employeeId },
              employee: people.get(a.employeeId)!,
              now: at,
              occurredAt: a.occurredAt,
            },
            a.occurredAt ?? townHall.scheduledAt,
          ),
        ),
        ...headCounts.map((h) => step({ type: 'RecordTownHallHeadCount', data: { townHallId, ...h }, now: at }, townHall.scheduledAt)),
      ];
      const asked = recordedQuestionSteps(questions, {
        heldAt: townHall.scheduledAt,
        newQuestionId: (i) => newId(context, `questionId:${i}`),
        raise: (q, questionId, raisedAt): TownHallCommand => ({
          type: 'RaiseTownHallQuestion',
          data: { ...q, townHallId, questionId, askedBy: q.askedBy ?? null, raisedAt },
        }),
        answer: (answer, questionId, answeredAt): TownHallCommand => ({
          type: 'AnswerTownHallQuestion',
          data: { ...answer, townHallId, questionId, answeredAt },
        }),
      });
      steps.push(...asked.steps);
      const result = await handleCommandBatch(store, townHallStream(townHallId), townHallDecider, hubEventCodec, steps, context);
      return { townHallId, questionIds: asked.questionIds, ...result };
    },
  };
};

export type TownHallService = ReturnType<typeof createTownHallService>;
