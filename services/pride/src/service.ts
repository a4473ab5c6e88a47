import { fcActivityStream, hubEventCodec, koreanDay, occurredOnDay, parseOrThrow } from '@hub/events';
import type { DirectoryService } from '@hub/directory';
import { handleCommand, handleCommandBatch, type BatchStep, type CommandContext, type EventStore } from '@hub/event-store';
import { reportWeeklyActivityInput, reportWeeksInput } from './commands';
import { fcActivityDecider, type FcActivityCommand, type FcActivityState } from './fcActivity';

export interface PrideServiceDeps {
  store: EventStore;
  directory: Pick<DirectoryService, 'getFc'>;
  /** Today in Korea; injectable so tests and the demo can stand on any day. */
  today?: () => string;
}

const koreanToday = () => koreanDay(new Date());

/** The PRIDE program's weekly FC activity (branch enrolment itself is a directory fact). */
export const createPrideService = ({ store, directory, today = koreanToday }: PrideServiceDeps) => ({
  async reportWeeklyActivity(input: unknown, context: CommandContext) {
    const data = parseOrThrow(reportWeeklyActivityInput, input, 'weekly activity');
    const fc = await directory.getFc(data.fcId);
    const result = await handleCommand(
      store,
      fcActivityStream(data.fcId),
      fcActivityDecider,
      hubEventCodec,
      { type: 'ReportWeeklyActivity', ...data, fc, today: today() },
      {
        ...context,
        occurredAt: occurredOnDay(context.occurredAt, data.weekOf, 'weekOf'),
      },
    );
    return { fcId: data.fcId, weekOf: data.weekOf, ...result };
  },

  async reportWeeks(input: unknown, context: CommandContext) {
    const { fcId, weeks } = parseOrThrow(reportWeeksInput, input, 'weekly activity');
    const fc = await directory.getFc(fcId);
    const day = today();
    const steps = weeks.map(({ stepId, ...week }): BatchStep<FcActivityCommand, FcActivityState> => ({
      command: { type: 'ReportWeeklyActivity', ...week, fc, today: day },
      occurredAt: occurredOnDay(undefined, week.weekOf, 'weekOf'),
      ...(stepId ? { commandId: stepId } : {}),
    }));
    return { fcId, ...(await handleCommandBatch(store, fcActivityStream(fcId), fcActivityDecider, hubEventCodec, steps, context)) };
  },
});

export type PrideService = ReturnType<typeof createPrideService>;
