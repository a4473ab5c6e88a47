import { hubEventCodec, parseOrThrow, townHallStream } from '@hub/contracts';
import type { DirectoryService } from '@hub/directory';
import { handleCommand, type CommandContext, type EventStore, newId } from '@hub/event-store';
import {
  answerTownHallQuestionInput,
  cancelTownHallInput,
  giveTownHallFeedbackInput,
  raiseTownHallQuestionInput,
  recordTownHallAttendanceInput,
  recordTownHallHeadCountInput,
  scheduleTownHallInput,
} from './commands';
import { decideTownHall, townHallDecider, type TownHallCommand } from './townHall';

export interface TownHallServiceDeps {
  store: EventStore;
  directory: Pick<DirectoryService, 'getEmployee' | 'getOrgUnit'>;
  clock?: () => Date;
}

/** The town-hall (타운홀) application service: validates, looks up people and units, lets the decider decide. */
export const createTownHallService = ({ store, directory, clock = () => new Date() }: TownHallServiceDeps) => {
  const run = async (townHallId: string, command: TownHallCommand, context: CommandContext) => ({
    townHallId,
    ...(await handleCommand(store, townHallStream(townHallId), townHallDecider, hubEventCodec, (s) => decideTownHall(command, s), context)),
  });
  const now = () => clock().toISOString();

  return {
    async schedule(input: unknown, context: CommandContext) {
      const data = parseOrThrow(scheduleTownHallInput, input, 'town hall');
      await Promise.all(data.presenterIds.map((id) => directory.getEmployee(id)));
      const townHallId = data.townHallId ?? newId(context, 'townHallId');
      return run(townHallId, { type: 'ScheduleTownHall', data: { ...data, townHallId } }, { ...context, occurredAt: context.occurredAt ?? data.scheduledAt });
    },
    async recordAttendance(input: unknown, context: CommandContext) {
      const data = parseOrThrow(recordTownHallAttendanceInput, input, 'attendance');
      const employee = await directory.getEmployee(data.employeeId);
      return run(data.townHallId, { type: 'RecordTownHallAttendance', data, employee, now: now() }, context);
    },
    async recordHeadCount(input: unknown, context: CommandContext) {
      const data = parseOrThrow(recordTownHallHeadCountInput, input, 'head count');
      await directory.getOrgUnit(data.orgUnitId);
      return run(data.townHallId, { type: 'RecordTownHallHeadCount', data, now: now() }, context);
    },
    async raiseQuestion(input: unknown, context: CommandContext) {
      const data = parseOrThrow(raiseTownHallQuestionInput, input, 'question');
      if (data.askedBy) await directory.getEmployee(data.askedBy);
      const questionId = data.questionId ?? newId(context, 'questionId');
      const command: TownHallCommand = {
        type: 'RaiseTownHallQuestion',
        data: { ...data, questionId, askedBy: data.askedBy ?? null, raisedAt: data.raisedAt ?? now() },
      };
      return { questionId, ...(await run(data.townHallId, command, context)) };
    },
    async answerQuestion(input: unknown, context: CommandContext) {
      const data = parseOrThrow(answerTownHallQuestionInput, input, 'answer');
      await directory.getEmployee(data.answeredBy);
      return run(data.townHallId, { type: 'AnswerTownHallQuestion', data: { ...data, answeredAt: data.answeredAt ?? now() } }, context);
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
      return { feedbackId, ...(await run(data.townHallId, command, context)) };
    },
    async cancel(input: unknown, context: CommandContext) {
      const data = parseOrThrow(cancelTownHallInput, input, 'cancellation');
      return run(data.townHallId, { type: 'CancelTownHall', data }, context);
    },
  };
};

export type TownHallService = ReturnType<typeof createTownHallService>;
