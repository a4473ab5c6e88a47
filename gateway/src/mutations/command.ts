import type { CommandContext } from '@hub/event-store';
import type { HubContext } from '../context';

/** Every mutation takes an optional command id: sending the same one twice records the thing once. */
export const commandIdOptions = { required: false, description: 'Client-chosen id that makes a retried mutation a no-op.' } as const;

export const commandContext = (ctx: HubContext, commandId: string | null | undefined): CommandContext => ({
  actor: ctx.actor,
  correlationId: ctx.correlationId,
  ...(commandId ? { commandId } : {}),
});
