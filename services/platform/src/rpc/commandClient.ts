import { DomainError, type DomainErrorKind } from '@hub/events';
import { ConcurrencyConflictError, type CommandContext } from '@hub/event-store';
import { COMMAND_METHODS, type HubCommands } from '@hub/commands';
import { StoreUnavailableError } from '@hub/sql';
import { CONTEXT_NAMES } from '../config';
import { toWire } from './commandServer';

/**
 * The same HubCommands shape as in-process services, over HTTP; errors come back as the same
 * types. Each bounded context may live at its own URL.
 */
export const createCommandClient = (urls: Record<keyof HubCommands, string>, { internalToken }: { internalToken: string }): HubCommands => {
  const call = async (contextName: keyof HubCommands, method: string, input: unknown, context: CommandContext) => {
    const response = await fetch(new URL(`/commands/${contextName}/${method}`, urls[contextName]), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${internalToken}` },
      body: toWire({ input, context }),
    });
    const body = (await response.json()) as {
      result?: Record<string, unknown>;
      error?: { kind: string; message: string; details?: Record<string, unknown> };
    };
    if (body.error) {
      if (body.error.kind === 'CONCURRENCY') throw new ConcurrencyConflictError(String(body.error.details?.stream ?? ''));
      if (body.error.kind === 'STORE_UNAVAILABLE') throw new StoreUnavailableError(new Error(body.error.message));
      if (['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN_BY_RULE', 'IDEMPOTENCY_CONFLICT'].includes(body.error.kind)) {
        throw new DomainError(body.error.kind as DomainErrorKind, body.error.message, body.error.details ?? {});
      }
      throw new Error(`${contextName}.${method} failed: ${body.error.message}`);
    }
    const result = body.result ?? {};
    // Positions and revisions are bigints on this side of the wire.
    return {
      ...result,
      revision: BigInt(result.revision as string),
      position: result.position == null ? undefined : BigInt(result.position as string),
    };
  };
  const client = (contextName: keyof HubCommands) =>
    Object.fromEntries(
      COMMAND_METHODS[contextName].map((m) => [m, (input: unknown, context: CommandContext) => call(contextName, m, input, context)]),
    );
  return Object.fromEntries(CONTEXT_NAMES.map((name) => [name, client(name)])) as unknown as HubCommands;
};
