import { DomainError } from '@hub/events';
import type { CommandContext } from '@hub/event-store';
import type { SqlDriver } from '@hub/sql';
import { SQL_ENGINES } from '@hub/sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotentCommands } from './idempotent';
import { createSqlCommandLedger, type CommandLedger } from './ledger';

/*
 * `idempotentCommands` over a real ledger (embedded PGlite, in memory): which calls go through the
 * ledger, under which operation name, and what of the input makes the fingerprint.
 */

interface Customer {
  customerId?: string;
  branchId: string;
  registeredOn: string;
  name: string;
  phone: string;
  address: string;
}

const makeServices = () => {
  const runs: { method: string; input: unknown; context: CommandContext | undefined }[] = [];
  let next = 0;
  const services = {
    customerSmile: {
      async registerCustomer(input: Customer, context: CommandContext) {
        runs.push({ method: 'registerCustomer', input, context });
        const n = ++next;
        return { customerId: input.customerId ?? `C-${n}`, position: BigInt(n) };
      },
      /** A lookup: no command context. */
      async findCustomer(customerId: string) {
        runs.push({ method: 'findCustomer', input: customerId, context: undefined });
        return { customerId, lookups: runs.filter((r) => r.method === 'findCustomer').length };
      },
      label: 'Customer Smile',
    },
    directory: {
      async registerBranch(input: { branchId: string }, context: CommandContext) {
        runs.push({ method: 'registerBranch', input, context });
        return { branchId: input.branchId, run: ++next };
      },
    },
  };
  return { services, runs };
};

describe('idempotentCommands', () => {
  let db: SqlDriver;
  let dispose: () => Promise<void>;
  let ledger: CommandLedger;
  beforeAll(async () => {
    ({ db, dispose } = await SQL_ENGINES[0].create());
    ledger = await createSqlCommandLedger(db, { pollMs: 5 });
  });
  afterAll(() => dispose());

  const customer: Customer = {
    customerId: 'C1',
    branchId: 'B1',
    registeredOn: '2014-03-01',
    name: '김고객',
    phone: '010-1234-5678',
    address: '서울 서초구 반포동',
  };
  const ledgerRows = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM hub_commands.ledger'))[0]!.n;
  const ctx = (commandId?: string, actor = 'sales:kim'): CommandContext => ({ actor, ...(commandId ? { commandId } : {}) });

  it('lets calls without a command id through every time, and records nothing for them', async () => {
    const { services, runs } = makeServices();
    const commands = idempotentCommands(services, ledger);
    const before = await ledgerRows();
    const a = await commands.directory.registerBranch({ branchId: 'B1' }, ctx());
    const b = await commands.directory.registerBranch({ branchId: 'B1' }, ctx());
    expect([a, b]).toEqual([
      { branchId: 'B1', run: 1 },
      { branchId: 'B1', run: 2 },
    ]);
    expect(runs).toHaveLength(2);
    expect(await ledgerRows()).toBe(before);
  });

  it('lets lookups (no command context) and non-function members through untouched', async () => {
    const { services, runs } = makeServices();
    const commands = idempotentCommands(services, ledger);
    const before = await ledgerRows();
    expect(await commands.customerSmile.findCustomer('C1')).toEqual({ customerId: 'C1', lookups: 1 });
    expect(await commands.customerSmile.findCustomer('C1')).toEqual({ customerId: 'C1', lookups: 2 });
    expect(runs.map((r) => r.method)).toEqual(['findCustomer', 'findCustomer']);
    expect(commands.customerSmile.label).toBe('Customer Smile');
    expect(await ledgerRows()).toBe(before);
  });

  it('runs a command with a command id once per actor; the repeat gets the stored result, bigints intact', async () => {
    const { services, runs } = makeServices();
    const commands = idempotentCommands(services, ledger);
    // No customer id: the command generates one, and the repeat must give the same one back.
    const withoutId: Customer = {
      branchId: customer.branchId,
      registeredOn: customer.registeredOn,
      name: customer.name,
      phone: customer.phone,
      address: customer.address,
    };
    const first = await commands.customerSmile.registerCustomer(withoutId, ctx('reg-1'));
    const again = await commands.customerSmile.registerCustomer(withoutId, ctx('reg-1'));
    expect(first).toEqual({ customerId: 'C-1', position: 1n });
    expect(again).toEqual({ customerId: 'C-1', position: 1n, repeated: true });
    // The same command id from another actor is another command.
    expect(await commands.customerSmile.registerCustomer(customer, ctx('reg-1', 'sales:lee'))).toEqual({ customerId: 'C1', position: 2n });
    expect(runs).toHaveLength(2);
    const rows = await db.query<{ actor: string; operation: string }>(
      `SELECT actor, operation FROM hub_commands.ledger WHERE command_id = 'reg-1' ORDER BY actor`,
    );
    expect(rows).toEqual([
      { actor: 'sales:kim', operation: 'customerSmile.registerCustomer' },
      { actor: 'sales:lee', operation: 'customerSmile.registerCustomer' },
    ]);
  });

  it('names the operation by context and method: the same command id for another method is a conflict', async () => {
    const { services } = makeServices();
    const commands = idempotentCommands(services, ledger);
    await commands.directory.registerBranch({ branchId: 'B9' }, ctx('op-1'));
    const refused = await commands.customerSmile.registerCustomer(customer, ctx('op-1')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).kind).toBe('IDEMPOTENCY_CONFLICT');
    expect((refused as DomainError).message).toMatch(/already used for directory\.registerBranch/);
  });

  it('leaves personal fields out of the fingerprint (a repeat cannot confirm a guessed phone number) but hands the command all of them', async () => {
    const { services, runs } = makeServices();
    const commands = idempotentCommands(services, ledger, { 'customerSmile.registerCustomer': ['name', 'phone', 'address'] });
    const first = await commands.customerSmile.registerCustomer(customer, ctx('pii-1'));
    expect(runs[0]!.input).toEqual(customer);
    // Other personal data under the same id: the stored result, neither a conflict nor a second run.
    const guessed = await commands.customerSmile.registerCustomer(
      { ...customer, name: '이고객', phone: '010-9999-0000', address: '부산' },
      ctx('pii-1'),
    );
    expect(guessed).toEqual({ ...first, repeated: true });
    expect(runs).toHaveLength(1);
    // Another non-personal field under the same id: a conflict.
    await expect(commands.customerSmile.registerCustomer({ ...customer, branchId: 'B2' }, ctx('pii-1'))).rejects.toMatchObject({
      kind: 'IDEMPOTENCY_CONFLICT',
    });
    // Without the personal-field list, personal data does count (so the list is what leaves it out).
    const plain = idempotentCommands(makeServices().services, ledger);
    await plain.customerSmile.registerCustomer(customer, ctx('pii-2'));
    await expect(plain.customerSmile.registerCustomer({ ...customer, phone: '010-9999-0000' }, ctx('pii-2'))).rejects.toMatchObject({
      kind: 'IDEMPOTENCY_CONFLICT',
    });
    // Only for the operation named: another operation's `name` field still counts.
    await commands.directory.registerBranch({ branchId: 'B1', name: 'Banpo' } as { branchId: string }, ctx('pii-3'));
    await expect(
      commands.directory.registerBranch({ branchId: 'B1', name: 'Other' } as { branchId: string }, ctx('pii-3')),
    ).rejects.toMatchObject({ kind: 'IDEMPOTENCY_CONFLICT' });
  });

  it('counts the business time (occurredAt) as part of the command', async () => {
    const { services, runs } = makeServices();
    const commands = idempotentCommands(services, ledger);
    await commands.directory.registerBranch({ branchId: 'B1' }, { ...ctx('at-1'), occurredAt: '2015-01-01T00:00:00Z' });
    expect(
      await commands.directory.registerBranch({ branchId: 'B1' }, { ...ctx('at-1'), occurredAt: '2015-01-01T00:00:00Z' }),
    ).toMatchObject({ repeated: true });
    await expect(
      commands.directory.registerBranch({ branchId: 'B1' }, { ...ctx('at-1'), occurredAt: '2016-01-01T00:00:00Z' }),
    ).rejects.toMatchObject({ kind: 'IDEMPOTENCY_CONFLICT' });
    expect(runs).toHaveLength(1);
  });
});
