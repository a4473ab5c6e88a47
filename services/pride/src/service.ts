import { fcActivityStream, hubEventCodec, koreanDay, occurredOnDay, parseOrThrow } from '@hub/events';
import type { DirectoryService } from '@hub/directory';
import { handleCommand, handleCommandBatch, type BatchStep, type CommandContext, type EventStore } from '@hub/event-store';
import { reportWeeklyActivityInput, reportWeeksInput } from './commands';
import { fcActivityDecider, type FcActivityCommand, type FcActivityState } from './fcActivity';

export interface PrideServiceDeps {
  store: EventStore;
  directory: Pick<DirectoryService, 'getFc' | 'fcTimeline'>;
  /** Today in Korea; injectable so tests and the demo can stand on any day. */
  today?: () => string;
}

const koreanToday = () => koreanDay(new Date());

/** The PRIDE program's weekly FC activity (branch enrolment itself is a directory fact). */
export const createPrideService = ({ store, directory, today = koreanToday }: PrideServiceDeps) => ({
  async reportWeeklyActivity(input: unknown, context: CommandContext) {
    const data = parseOrThrow(reportWeeklyActivityInput, input, 'weekly activity');
    const occurredAt = occurredOnDay(context.occurredAt, data.weekOf, 'weekOf');
    // The week is reported under the FC's branch of that week, not today's.
    const fc = await directory.getFc(data.fcId, occurredAt);
    const result = await handleCommand(
      store,
      fcActivityStream(data.fcId),
      fcActivityDecider,
      hubEventCodec,
      { type: 'ReportWeeklyActivity', ...data, fc, today: today() },
      { ...context, occurredAt },
    );
    return { fcId: data.fcId, weekOf: data.weekOf, ...result };
  },

  async reportWeeks(input: unknown, context: CommandContext) {
    const { fcId, weeks } = parseOrThrow(reportWeeksInput, input, 'weekly activity');
    const fcAt = await directory.fcTimeline(fcId);
    const day = today();
    const steps = weeks.map(({ stepId, ...week }): BatchStep<FcActivityCommand, FcActivityState> => {
      const occurredAt = occurredOnDay(undefined, week.weekOf, 'weekOf');
      return {
        command: { type: 'ReportWeeklyActivity', ...week, fc: fcAt(occurredAt), today: day },
        occurredAt,
        ...(stepId ? { commandId: stepId } : {}),
      };
    });
    return { fcId, ...(await handleCommandBatch(store, fcActivityStream(fcId), fcActivityDecider, hubEventCodec, steps, context)) };
  },
});

export type PrideService = ReturnType<typeof createPrideService>;
