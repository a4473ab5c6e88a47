import type { CommandContext } from '@hub/event-store';
import type { CommandLedger } from './ledger';

type Service = Record<string, unknown>;

/**
 * Every command method of every bounded context, made idempotent through the ledger: a call with
 * a `commandId` runs once per actor, whatever the method (also those that generate ids). Calls
 * without a command id, and methods that are not commands (lookups), pass straight through.
 */
export const idempotentCommands = <T extends Record<string, Service>>(commands: T, ledger: CommandLedger): T =>
  Object.fromEntries(
    Object.entries(commands).map(([contextName, service]) => [
      contextName,
      Object.fromEntries(
        Object.entries(service).map(([method, fn]) => {
          if (typeof fn !== 'function') return [method, fn];
          const command = fn as (input: unknown, context?: CommandContext) => Promise<object>;
          const wrapped = (input: unknown, context?: CommandContext) =>
            context?.commandId
              ? ledger.once(
                  { actor: context.actor, commandId: context.commandId, operation: `${contextName}.${method}`, input: { input, occurredAt: context.occurredAt ?? null } },
                  () => command(input, context),
                )
              : command(input, context);
          return [method, wrapped];
        }),
      ),
    ]),
  ) as T;
