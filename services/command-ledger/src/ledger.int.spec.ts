import { DomainError } from '@hub/events';
import type { SqlDriver } from '@hub/sql';
import { SQL_ENGINES } from '@hub/sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlCommandLedger, type CommandLedger } from './ledger';

/** A command that counts its runs and answers after a short while (so repeats really overlap it). */
const counted = <R extends object>(result: R, delayMs = 30) => {
  const calls = { runs: 0 };
  const run = async (): Promise<R> => {
    calls.runs++;
    await new Promise((r) => setTimeout(r, delayMs));
    return result;
  };
  return { calls, run };
};

const kindOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return 'resolved';
  } catch (e) {
    return e instanceof DomainError ? e.kind : `not a DomainError: ${String(e)}`;
  }
};

describe.each(SQL_ENGINES)('command ledger on $name', (engine) => {
  let db: SqlDriver;
  let dispose: () => Promise<void>;
  let ledger: CommandLedger;
  beforeAll(async () => {
    ({ db, dispose } = await engine.create());
    ledger = await createSqlCommandLedger(db, { staleAfterMs: 60_000, waitMs: 20_000, pollMs: 10 });
  });
  afterAll(() => dispose());

  it('runs 50 parallel calls with one key exactly once; every caller gets the same result, the repeats marked', async () => {
    const { calls, run } = counted({ sessionId: 'S-1', count: 3 }, 100);
    const key = {
      actor: 'alice',
      commandId: 'cmd-parallel',
      operation: 'cafeSessions.schedule',
      input: { venue: 'Café Bene', hostIds: ['CEO'] },
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => ledger.once(key, run)));
    expect(calls.runs).toBe(1);
    const firsts = results.filter((r) => !('repeated' in r));
    expect(firsts).toEqual([{ sessionId: 'S-1', count: 3 }]);
    expect(results.filter((r) => 'repeated' in r)).toEqual(
      Array.from({ length: 49 }, () => ({ sessionId: 'S-1', count: 3, repeated: true })),
    );
    // Later, too: stored, not rerun.
    expect(await ledger.once(key, run)).toEqual({ sessionId: 'S-1', count: 3, repeated: true });
    expect(calls.runs).toBe(1);
    const rows = await db.query<{ status: string; n: string }>(
      `SELECT status, count(*)::text AS n FROM hub_commands.ledger WHERE command_id = 'cmd-parallel' GROUP BY status`,
    );
    expect(rows).toEqual([{ status: 'done', n: '1' }]);
  });

  it('answers IDEMPOTENCY_CONFLICT for another input or another operation under the same command id, without running it', async () => {
    const { calls, run } = counted({ ok: true }, 0);
    const key = {
      actor: 'alice',
      commandId: 'cmd-conflict',
      operation: 'townHalls.schedule',
      input: { theme: 'Q1 results', presenterIds: ['CEO'] },
    };
    await ledger.once(key, run);
    expect(await kindOf(ledger.once({ ...key, input: { theme: 'Q2 results', presenterIds: ['CEO'] } }, run))).toBe('IDEMPOTENCY_CONFLICT');
    expect(await kindOf(ledger.once({ ...key, input: { theme: 'Q1 results', presenterIds: ['CEO', 'CFO'] } }, run))).toBe(
      'IDEMPOTENCY_CONFLICT',
    );
    expect(await kindOf(ledger.once({ ...key, operation: 'townHalls.cancel' }, run))).toBe('IDEMPOTENCY_CONFLICT');
    await expect(ledger.once({ ...key, input: { theme: 'other' } }, run)).rejects.toThrow(
      /cmd-conflict was already used for different input/,
    );
    await expect(ledger.once({ ...key, operation: 'townHalls.cancel' }, run)).rejects.toThrow(/already used for townHalls\.schedule/);
    expect(calls.runs).toBe(1);
    // 50 parallel conflicting calls while the first one is still running: none runs, all conflict.
    const slow = counted({ ok: true }, 200);
    const other = counted({ ok: false }, 0);
    const busy = { ...key, commandId: 'cmd-conflict-busy' };
    const first = ledger.once(busy, slow.run);
    // Fire the conflicts only once the first call holds the claim (it is running), else one of them may claim first.
    while (slow.calls.runs === 0) await new Promise((r) => setTimeout(r, 5));
    const conflicting = await Promise.all(
      Array.from({ length: 50 }, () => kindOf(ledger.once({ ...busy, input: { theme: 'changed' } }, other.run))),
    );
    expect(await first).toEqual({ ok: true });
    expect(new Set(conflicting)).toEqual(new Set(['IDEMPOTENCY_CONFLICT']));
    expect([slow.calls.runs, other.calls.runs]).toEqual([1, 0]);
  });

  it('releases the claim of a refused command, so a corrected retry (and only one) runs', async () => {
    const key = { actor: 'alice', commandId: 'cmd-refused', operation: 'directory.registerEmployee', input: { employeeId: 'E1' } };
    await expect(
      ledger.once(key, async () => {
        throw new DomainError('VALIDATION', 'grade: required');
      }),
    ).rejects.toThrow('grade: required');
    expect(await db.query(`SELECT status FROM hub_commands.ledger WHERE command_id = 'cmd-refused'`)).toEqual([]);
    // The corrected retry may even change the input: nothing was recorded under the id.
    const corrected = { ...key, input: { employeeId: 'E1', grade: 'STAFF' } };
    const { calls, run } = counted({ employeeId: 'E1' });
    const results = await Promise.all(Array.from({ length: 20 }, () => ledger.once(corrected, run)));
    expect(calls.runs).toBe(1);
    expect(results.filter((r) => !('repeated' in r))).toHaveLength(1);
  });

  it('lets waiting repeats run the command themselves when the first attempt is refused', async () => {
    const key = { actor: 'alice', commandId: 'cmd-refused-then-ok', operation: 'pride.report', input: { week: '2015-03-09' } };
    let attempt = 0;
    const flaky = async () => {
      attempt++;
      await new Promise((r) => setTimeout(r, 50));
      if (attempt === 1) throw new Error('connection reset');
      return { attempt };
    };
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => ledger.once(key, flaky)));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(attempt).toBe(2);
    const values = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(values.map(({ attempt: a }) => a)).toEqual(Array.from({ length: 9 }, () => 2));
  });

  it('takes over a claim a crashed caller left pending, once it is older than staleAfterMs; not before', async () => {
    const operation = 'videoMessages.publish';
    const input = { title: 'New year message', durationSeconds: 300 };
    // The fingerprint is the operation's and input's, whatever the command id: borrow a real one.
    await ledger.once({ actor: 'bob', commandId: 'probe', operation, input }, async () => ({ videoId: 'probe' }));
    const [{ fingerprint }] = (await db.query<{ fingerprint: string }>(
      `SELECT fingerprint FROM hub_commands.ledger WHERE actor = 'bob' AND command_id = 'probe'`,
    )) as [{ fingerprint: string }];
    const crash = (commandId: string, age: string) =>
      db.query(
        `INSERT INTO hub_commands.ledger (actor, command_id, operation, fingerprint, status, claimed_at) VALUES ('bob', $1, $2, $3, 'pending', now() - $4::interval)`,
        [commandId, operation, fingerprint, age],
      );

    // Younger than staleAfterMs: the repeat waits for it, and gives up after waitMs without running.
    await crash('cmd-young', '1 second');
    const impatient = await createSqlCommandLedger(db, { staleAfterMs: 60_000, waitMs: 300, pollMs: 10 });
    const young = counted({ videoId: 'V-young' }, 0);
    await expect(impatient.once({ actor: 'bob', commandId: 'cmd-young', operation, input }, young.run)).rejects.toMatchObject({
      kind: 'CONFLICT',
      message: expect.stringMatching(/still running elsewhere/),
    });
    expect(young.calls.runs).toBe(0);

    // Older: taken over by exactly one of 20 parallel repeats; the others get its result.
    await crash('cmd-crashed', '10 minutes');
    const takeover = await createSqlCommandLedger(db, { staleAfterMs: 5_000, waitMs: 20_000, pollMs: 10 });
    const { calls, run } = counted({ videoId: 'V-1' }, 50);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => takeover.once({ actor: 'bob', commandId: 'cmd-crashed', operation, input }, run)),
    );
    expect(calls.runs).toBe(1);
    expect(results.filter((r) => !('repeated' in r))).toEqual([{ videoId: 'V-1' }]);
    expect(await db.query(`SELECT status FROM hub_commands.ledger WHERE actor = 'bob' AND command_id = 'cmd-crashed'`)).toEqual([
      { status: 'done' },
    ]);
    // A stale claim of another input is still a conflict, not a takeover.
    await crash('cmd-crashed-other', '10 minutes');
    expect(
      await kindOf(takeover.once({ actor: 'bob', commandId: 'cmd-crashed-other', operation, input: { ...input, title: 'Other' } }, run)),
    ).toBe('IDEMPOTENCY_CONFLICT');
    expect(calls.runs).toBe(1);
  });

  it('gives bigint fields of a stored result back as bigints', async () => {
    const result = { position: 9_007_199_254_740_993n, revision: 0n, nested: { at: [1n, 2n] }, label: 'x' };
    const key = { actor: 'alice', commandId: 'cmd-bigint', operation: 'pride.report', input: {} };
    expect(await ledger.once(key, async () => result)).toEqual(result);
    const repeated = await ledger.once(key, async () => ({ position: -1n }));
    expect(repeated).toEqual({ ...result, repeated: true });
    expect(typeof (repeated as typeof result).position).toBe('bigint');
    expect((repeated as typeof result).position).toBe(9_007_199_254_740_993n);
  });

  it('does not let key order change the fingerprint (nested objects too); array order does', async () => {
    const { calls, run } = counted({ ok: true }, 0);
    const key = {
      actor: 'alice',
      commandId: 'cmd-order',
      operation: 'branchVisits.record',
      input: { branchId: 'B1', leaderIds: ['CEO', 'CSO'], feedback: { rating: 5, comment: 'good' } },
    };
    await ledger.once(key, run);
    const reordered = { feedback: { comment: 'good', rating: 5 }, leaderIds: ['CEO', 'CSO'], branchId: 'B1' };
    expect(await ledger.once({ ...key, input: reordered }, run)).toEqual({ ok: true, repeated: true });
    // An absent field and an undefined one are the same input.
    expect(await ledger.once({ ...key, input: { ...reordered, gift: undefined } }, run)).toEqual({ ok: true, repeated: true });
    expect(await kindOf(ledger.once({ ...key, input: { ...reordered, leaderIds: ['CSO', 'CEO'] } }, run))).toBe('IDEMPOTENCY_CONFLICT');
    expect(calls.runs).toBe(1);
  });

  it('keeps command ids apart per actor: two actors may use the same one independently', async () => {
    const key = { commandId: 'cmd-shared', operation: 'directory.defineOrgUnit', input: { orgUnitId: 'HQ' } };
    const a = counted({ by: 'alice' });
    const b = counted({ by: 'carol' });
    const [ra, rb] = await Promise.all([
      ledger.once({ ...key, actor: 'alice' }, a.run),
      ledger.once({ ...key, actor: 'carol', input: { orgUnitId: 'OTHER' } }, b.run),
    ]);
    expect([ra, rb]).toEqual([{ by: 'alice' }, { by: 'carol' }]);
    expect(await ledger.once({ ...key, actor: 'carol', input: { orgUnitId: 'OTHER' } }, b.run)).toEqual({ by: 'carol', repeated: true });
    expect([a.calls.runs, b.calls.runs]).toEqual([1, 1]);
  });

  it('keeps no input in the clear: only a keyed hash', async () => {
    await ledger.once(
      { actor: 'alice', commandId: 'cmd-secret-input', operation: 'directory.registerEmployee', input: { name: '정문국' } },
      async () => ({ ok: true }),
    );
    const [row] = await db.query<{ everything: string }>(
      `SELECT row_to_json(l)::text AS everything FROM hub_commands.ledger l WHERE command_id = 'cmd-secret-input'`,
    );
    expect(row!.everything).not.toContain('정문국');
  });
});
