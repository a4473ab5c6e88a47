import { createHmac, randomBytes } from 'node:crypto';
import { conflict, idempotencyConflict } from '@hub/events';
import type { SqlExecutor } from '@hub/sql';

/*
 * The command ledger: one row per (actor, command id) that makes every command idempotent,
 * whichever stream it touches and whether or not it generates ids.
 * - The first caller claims the row (pending), runs the command, and stores its result (done).
 * - A repeat with the same input gets the stored result and writes nothing; with a different
 *   command or input it gets IDEMPOTENCY_CONFLICT.
 * - Concurrent repeats wait for the first to finish; a refused command releases its claim so a
 *   corrected retry can run; a claim left by a crashed process is taken over after `staleAfterMs`
 *   (safe: generated ids derive from the command id, and the event store recognises the repeat).
 * The input is kept only as a keyed hash (HMAC, secret in the same database), never as is, and
 * without personal data (see `idempotentCommands`).
 */

export const LEDGER_DDL = `
CREATE SCHEMA IF NOT EXISTS hub_commands;
CREATE TABLE IF NOT EXISTS hub_commands.ledger (
  actor        text NOT NULL,
  command_id   text NOT NULL,
  operation    text NOT NULL,
  fingerprint  text NOT NULL,
  status       text NOT NULL CHECK (status IN ('pending', 'done')),
  result       jsonb,
  claimed_at   timestamptz NOT NULL,
  done_at      timestamptz,
  PRIMARY KEY (actor, command_id)
);
CREATE TABLE IF NOT EXISTS hub_commands.secret (
  id     int PRIMARY KEY CHECK (id = 1),
  value  text NOT NULL
);`;

interface LedgerRow extends Record<string, unknown> {
  operation: string;
  fingerprint: string;
  status: 'pending' | 'done';
  result: unknown;
  stale: boolean;
}

/** Results hold bigints (positions, revisions): tagged so they come back as bigints. */
const toJson = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? { $bigint: v.toString() } : v));
const fromJson = (value: unknown): unknown =>
  JSON.parse(typeof value === 'string' ? value : JSON.stringify(value), (_, v: unknown) =>
    v && typeof v === 'object' && '$bigint' in v && typeof (v as { $bigint: unknown }).$bigint === 'string'
      ? BigInt((v as { $bigint: string }).$bigint)
      : v,
  );

/** Key order must not change the fingerprint: {a,b} and {b,a} are the same input. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
};

export interface CommandLedger {
  /** Runs `command` once per (actor, commandId); repeats get its stored result, marked `repeated`. */
  once<R extends object>(
    key: { actor: string; commandId: string; operation: string; input: unknown },
    command: () => Promise<R>,
  ): Promise<R>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const createSqlCommandLedger = async (
  db: SqlExecutor,
  { staleAfterMs = 60_000, waitMs = 30_000, pollMs = 20 }: { staleAfterMs?: number; waitMs?: number; pollMs?: number } = {},
): Promise<CommandLedger> => {
  await db.exec(LEDGER_DDL);
  await db.query('INSERT INTO hub_commands.secret (id, value) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [
    randomBytes(32).toString('base64'),
  ]);
  const [secretRow] = await db.query<{ value: string }>('SELECT value FROM hub_commands.secret WHERE id = 1');
  const secret = Buffer.from(secretRow!.value, 'base64');
  const fingerprintOf = (operation: string, input: unknown) =>
    createHmac('sha256', secret)
      .update(operation)
      .update('\0')
      .update(JSON.stringify(canonical(input)) ?? '')
      .digest('base64url');

  /**
   * Claims the row: inserts it fresh, or takes over a pending claim older than `staleAfterMs` (by
   * the database's clock, decided in one statement, so of many waiters exactly one takes it over).
   * Returns the claim's timestamp as text (microseconds intact) when this caller now runs the command.
   */
  const claim = async (actor: string, commandId: string, operation: string, fingerprint: string): Promise<string | undefined> => {
    const [inserted] = await db.query<{ claimed: string }>(
      `INSERT INTO hub_commands.ledger (actor, command_id, operation, fingerprint, status, claimed_at) VALUES ($1, $2, $3, $4, 'pending', now())
       ON CONFLICT (actor, command_id) DO NOTHING RETURNING claimed_at::text AS claimed`,
      [actor, commandId, operation, fingerprint],
    );
    return inserted?.claimed;
  };
  const takeOver = async (actor: string, commandId: string, fingerprint: string): Promise<string | undefined> => {
    const [taken] = await db.query<{ claimed: string }>(
      `UPDATE hub_commands.ledger SET claimed_at = now()
       WHERE actor = $1 AND command_id = $2 AND fingerprint = $3 AND status = 'pending' AND claimed_at < now() - $4::double precision * interval '1 millisecond'
       RETURNING claimed_at::text AS claimed`,
      [actor, commandId, fingerprint, staleAfterMs],
    );
    return taken?.claimed;
  };
  const run = async <R extends object>(actor: string, commandId: string, claimed: string, command: () => Promise<R>): Promise<R> => {
    let result: R;
    try {
      result = await command();
    } catch (e) {
      // Refused or failed: nothing was recorded under this id, so a corrected retry may run.
      // Only this caller's own claim is released, never one that took it over meanwhile.
      await db.query(
        `DELETE FROM hub_commands.ledger WHERE actor = $1 AND command_id = $2 AND status = 'pending' AND claimed_at = $3::timestamptz`,
        [actor, commandId, claimed],
      );
      throw e;
    }
    try {
      await db.query(
        `UPDATE hub_commands.ledger SET status = 'done', result = $3::jsonb, done_at = now() WHERE actor = $1 AND command_id = $2`,
        [actor, commandId, toJson(result)],
      );
    } catch {
      // The command did happen: answer it. Its claim stays pending, so a retry takes it over once
      // stale, and the event store recognises the repeat (the events carry the command id).
    }
    return result;
  };

  return {
    async once<R extends object>(
      { actor, commandId, operation, input }: { actor: string; commandId: string; operation: string; input: unknown },
      command: () => Promise<R>,
    ): Promise<R> {
      const fingerprint = fingerprintOf(operation, input);
      const deadline = Date.now() + waitMs;
      for (let absent = true; ;) {
        if (absent) {
          const claimed = await claim(actor, commandId, operation, fingerprint);
          if (claimed) return run(actor, commandId, claimed, command);
        }
        const [existing] = await db.query<LedgerRow>(
          `SELECT operation, fingerprint, status, result, claimed_at < now() - $3::double precision * interval '1 millisecond' AS stale FROM hub_commands.ledger WHERE actor = $1 AND command_id = $2`,
          [actor, commandId, staleAfterMs],
        );
        absent = !existing;
        if (!existing) continue; // released by a refused first attempt: claim it afresh
        if (existing.operation !== operation || existing.fingerprint !== fingerprint) {
          throw idempotencyConflict(
            `Command id ${commandId} was already used for ${existing.operation === operation ? 'different input' : existing.operation}; use a new command id for a new command`,
            {
              commandId,
            },
          );
        }
        if (existing.status === 'done') return { ...(fromJson(existing.result) as R), repeated: true };
        // Pending: still running elsewhere, or left by a crashed caller (then taken over once stale).
        const taken = existing.stale ? await takeOver(actor, commandId, fingerprint) : undefined;
        if (taken) return run(actor, commandId, taken, command);
        // A typed refusal the client can retry with the same id, never an untyped internal error.
        if (Date.now() > deadline)
          throw conflict(`Command ${commandId} is still running elsewhere; retry it later with the same command id`, {
            commandId,
            retryable: true,
          });
        await sleep(pollMs);
      }
    },
  };
};
