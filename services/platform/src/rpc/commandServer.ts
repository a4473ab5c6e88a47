import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { isDomainError, validationError } from '@hub/events';
import { ConcurrencyConflictError, type CommandContext } from '@hub/event-store';
import { COMMAND_METHODS, type HubCommands } from '@hub/commands';
import { httpLifecycle } from '@hub/gateway';
import { isStoreUnavailable } from '@hub/sql';
import { z } from 'zod';
import { CONTEXT_NAMES } from '../config';

/*
 * Commands over HTTP, for a deployment where the gateway and the bounded contexts run as separate
 * processes: POST /commands/<context>/<method> with { input, context }. The input is validated by
 * the service itself, exactly as in-process; bigints travel as strings. The caller names the actor,
 * so only a caller holding the internal token (the gateway) is heard: anyone else gets 401.
 */

const contextSchema = z.object({
  actor: z.string().min(1).max(100),
  commandId: z.string().min(1).max(200).optional(),
  correlationId: z.string().min(1).max(200).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  dryRun: z.boolean().optional(),
});

const readBody = async (req: IncomingMessage, limit = 1_000_000) => {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw validationError('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

export const toWire = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

const digest = (value: string) => createHash('sha256').update(value).digest();
/** Compared by digest in constant time, so the token's length and prefix leak nothing. */
const holdsToken = (req: IncomingMessage, expected: Buffer) => {
  const presented = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), expected);
};

/** Serves the given contexts (all by default): one process per bounded context in docker-compose. */
export const createCommandServer = (
  commands: HubCommands,
  { internalToken, contexts = CONTEXT_NAMES }: { internalToken: string; contexts?: readonly (keyof HubCommands)[] },
) => {
  const expected = digest(internalToken);
  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(toWire(body));
    };
    if (req.method === 'GET' && req.url === '/health') return send(200, { ok: true });
    if (!holdsToken(req, expected))
      return send(401, { error: { kind: 'UNAUTHENTICATED', message: 'Command services answer the gateway only (HUB_INTERNAL_TOKEN)' } });
    const match = /^\/commands\/(\w+)\/(\w+)$/.exec(req.url ?? '');
    const [, contextName, method] = match ?? [];
    const served = contexts.find((c) => c === contextName);
    const methods: readonly string[] = served ? COMMAND_METHODS[served] : [];
    if (req.method !== 'POST' || !method || !methods.includes(method))
      return send(404, { error: { kind: 'NOT_FOUND', message: 'No such command' } });
    try {
      let body: { input?: unknown; context?: unknown };
      try {
        body = JSON.parse(await readBody(req)) as typeof body;
      } catch {
        throw validationError('Body must be JSON: { input, context }');
      }
      const context = contextSchema.safeParse(body.context);
      if (!context.success)
        throw validationError(
          `Invalid command context: ${context.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      const service = commands[served!] as unknown as Record<string, (input: unknown, ctx: CommandContext) => Promise<unknown>>;
      send(200, { result: await service[method]!(body.input, context.data as CommandContext) });
    } catch (e) {
      if (isDomainError(e))
        return send(e.kind === 'NOT_FOUND' ? 404 : e.kind === 'VALIDATION' ? 400 : 409, {
          error: { kind: e.kind, message: e.message, details: e.details },
        });
      if (e instanceof ConcurrencyConflictError)
        return send(409, { error: { kind: 'CONCURRENCY', message: e.message, details: { stream: e.streamName } } });
      // The context's database is down: the caller must hear "nothing was done, try again", not "internal".
      if (isStoreUnavailable(e)) return send(503, { error: { kind: 'STORE_UNAVAILABLE', message: e.message } });
      console.error('[commands] failed:', e);
      send(500, { error: { kind: 'INTERNAL', message: 'Internal error' } });
    }
  });
  return { server, ...httpLifecycle(server) };
};
