import { validationError } from '@hub/contracts';
import type { CommandContext } from '@hub/event-store';
import type { HubContext } from '../context';

/** Every mutation takes an optional command id: sending the same one twice records the thing once. */
export const commandIdOptions = { required: false, description: 'Client-chosen id that makes a retried mutation a no-op.' } as const;

/** Longest command id: a UUID fits many times over; a 100,000-character one failed in the ledger's index (found by the fuzzer). */
export const MAX_COMMAND_ID_LENGTH = 200;

export const commandContext = (ctx: HubContext, commandId: string | null | undefined): CommandContext => {
  if (commandId && commandId.length > MAX_COMMAND_ID_LENGTH) throw validationError(`commandId must be at most ${MAX_COMMAND_ID_LENGTH} characters`, { length: commandId.length });
  return { actor: ctx.actor, correlationId: ctx.correlationId, ...(commandId ? { commandId } : {}) };
};
