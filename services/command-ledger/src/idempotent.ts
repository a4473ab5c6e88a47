import type { CommandContext } from '@hub/event-store';
import type { CommandLedger } from './ledger';

type Service = Record<string, unknown>;

/** Input fields left out of a command's fingerprint, by `context.method`: personal data is never hashed. */
export type PersonalInputFields = Record<string, readonly string[]>;

const withoutFields = (input: unknown, fields: readonly string[] | undefined) =>
  fields && input && typeof input === 'object' ? Object.fromEntries(Object.entries(input).filter(([k]) => !fields.includes(k))) : input;

/**
 * Every command method of every bounded context, made idempotent through the ledger: a call with
 * a `commandId` runs once per actor, whatever the method (also those that generate ids). Calls
 * without a command id, and methods that are not commands (lookups), pass straight through.
 * The fingerprint leaves out `personalFields`, so a repeat can never confirm a guessed phone number.
 */
export const idempotentCommands = <T extends Record<string, Service>>(
  commands: T,
  ledger: CommandLedger,
  personalFields: PersonalInputFields = {},
): T =>
  Object.fromEntries(
    Object.entries(commands).map(([contextName, service]) => [
      contextName,
      Object.fromEntries(
        Object.entries(service).map(([method, fn]) => {
          if (typeof fn !== 'function') return [method, fn];
          const command = fn as (input: unknown, context?: CommandContext) => Promise<object>;
          const operation = `${contextName}.${method}`;
          const wrapped = (input: unknown, context?: CommandContext) =>
            // A dry run records nothing, not even in the ledger: the real run comes later under the same id.
            context?.commandId && !context.dryRun
              ? ledger.once(
                  {
                    actor: context.actor,
                    commandId: context.commandId,
                    operation,
                    input: { input: withoutFields(input, personalFields[operation]), occurredAt: context.occurredAt ?? null },
                  },
                  () => command(input, context),
                )
              : command(input, context);
          return [method, wrapped];
        }),
      ),
    ]),
  ) as T;
