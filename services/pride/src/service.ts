import { fcActivityStream, hubEventCodec, idSchema, koreanDay, localDateSchema, occurredOnDay, parseOrThrow } from '@hub/contracts';
import type { DirectoryService } from '@hub/directory';
import { handleCommand, type CommandContext, type EventStore } from '@hub/event-store';
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
});

export type PrideService = ReturnType<typeof createPrideService>;
