import { fcActivityStream, hubEventCodec, idSchema, koreanDay, localDateSchema, occurredOnDay, parseOrThrow } from '@hub/contracts';
import type { DirectoryService } from '@hub/directory';
import { handleCommand, handleCommandBatch, type CommandContext, type EventStore } from '@hub/event-store';
import { z } from 'zod';
import { decideWeeklyActivity, fcActivityDecider } from './fcActivity';

const count = z.number().int('must be a whole number').min(0, 'must not be negative').max(10_000, 'must be at most 10000');

export const reportWeeklyActivityInput = z.object({
  fcId: idSchema,
  weekOf: localDateSchema,
  customerVisits: count,
  calls: count,
  contracts: count,
  correction: z.boolean().default(false),
});

/** Many weeks of one FC in one call (history import): one append; each week idempotent by its `stepId`. */
export const reportWeeksInput = z.object({
  fcId: idSchema,
  weeks: z.array(reportWeeklyActivityInput.omit({ fcId: true }).extend({ stepId: z.string().min(1).max(200).optional() })).min(1).max(1000),
});

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
    const result = await handleCommand(store, fcActivityStream(data.fcId), fcActivityDecider, hubEventCodec, (s) => decideWeeklyActivity({ ...data, fc, today: today() }, s), {
      ...context,
      occurredAt: occurredOnDay(context.occurredAt, data.weekOf, 'weekOf'),
    });
    return { fcId: data.fcId, weekOf: data.weekOf, ...result };
  },

  async reportWeeks(input: unknown, context: CommandContext) {
    const { fcId, weeks } = parseOrThrow(reportWeeksInput, input, 'weekly activity');
    const fc = await directory.getFc(fcId);
    const day = today();
    const steps = weeks.map(({ stepId, ...week }) => ({
      decide: (s: Parameters<typeof decideWeeklyActivity>[1]) => decideWeeklyActivity({ ...week, fc, today: day }, s),
      occurredAt: occurredOnDay(undefined, week.weekOf, 'weekOf'),
      ...(stepId ? { commandId: stepId } : {}),
    }));
    return { fcId, ...(await handleCommandBatch(store, fcActivityStream(fcId), fcActivityDecider, hubEventCodec, steps, context)) };
  },
});

export type PrideService = ReturnType<typeof createPrideService>;
