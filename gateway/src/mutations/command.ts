import type { CommandContext } from '@hub/event-store';
import type { ArgBuilder, InputObjectRef } from '@pothos/core';
import { notFound, validationError } from '@hub/events';
import { READ_BACK } from '@hub/read-model';
import type { builder } from '../builder';
import type { HubContext } from '../context';
import type { Loaders } from '../loaders';

/** Every mutation takes an optional command id: sending the same one twice records the thing once. */
export const commandIdOptions = { required: false, description: 'Client-chosen id that makes a retried mutation a no-op.' } as const;

/** Longest command id: a UUID fits many times over; a 100,000-character one failed in the ledger's index (found by the fuzzer). */
export const MAX_COMMAND_ID_LENGTH = 200;

/**
 * Every fact mutation takes an optional business time. Any role that may record the channel may
 * record its history: the mutation's own authScopes already say who.
 */
export const occurredAtArg = {
  type: 'DateTime',
  required: false,
  description:
    'When it happened in the world (business time), if not now. Where the input carries its own date or time (hiredOn, visitedAt …) that is the business time and occurredAt may only repeat it. A session or town hall in the past is recorded as history only with an occurredAt (no later than now); scheduling is otherwise for the future.',
} as const;

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** A fact mutation's arguments, the same everywhere: its input, the command id and the business time. */
export const commandArgs = <Input extends object>(arg: ArgBuilder<Types>, input: InputObjectRef<Types, Input>) => ({
  input: arg({ type: input, required: true }),
  commandId: arg.string(commandIdOptions),
  occurredAt: arg(occurredAtArg),
});

type KeyedLoader<T> = { clear(key: string): unknown; load(key: string): Promise<T> };

/**
 * After a command: wait until the view has its events, then read the thing back from the view,
 * afresh (a second mutation in the same request must not see the first one's cached answer).
 */
export const readBack = async <T>(
  ctx: HubContext,
  position: bigint | undefined,
  pick: (loaders: Loaders) => KeyedLoader<T | null | undefined>,
  key: string,
  what: string,
): Promise<T> => {
  await ctx.waitForView(position);
  const loader = pick(ctx.loadersAt(READ_BACK));
  loader.clear(key);
  const found = await loader.load(key);
  if (found == null) throw notFound(`No ${what} ${key}`);
  return found;
};

/** The same for one item of a list the view keeps per key (a session's questions, a branch's visits). */
export const readBackItem = async <T>(
  ctx: HubContext,
  position: bigint | undefined,
  pick: (loaders: Loaders) => KeyedLoader<T[]>,
  key: string,
  matches: (item: T) => boolean,
  what: string,
): Promise<T> => {
  const found = (await readBack(ctx, position, pick, key, what)).find(matches);
  if (!found) throw notFound(`No ${what}`);
  return found;
};

export const commandContext = (ctx: HubContext, commandId: string | null | undefined, occurredAt?: string | null): CommandContext => {
  if (commandId && commandId.length > MAX_COMMAND_ID_LENGTH)
    throw validationError(`commandId must be at most ${MAX_COMMAND_ID_LENGTH} characters`, { length: commandId.length });
  return { actor: ctx.actor, correlationId: ctx.correlationId, ...(commandId ? { commandId } : {}), ...(occurredAt ? { occurredAt } : {}) };
};
